import { ApiError } from '../../../shared/api/errors';
import { FILE_TYPES } from '../../../shared/api/file-types';
import type { opinionCalls } from '../../../shared/api/calls/opinions';
import type { OpinionDetail, OpinionListView } from '../../../shared/api/opinion-types';
import { STAGES, type Evaluation } from '../../../shared/domain/evaluations';
import { reportItems } from '../../../shared/domain/meetings';
import { currentVersion, newOpinionId, opinionFileName, versionStatus, type OpinionRecord } from '../../../shared/domain/opinions';
import type { YearData } from '../../../shared/domain/partitions';
import { termYearFor } from '../../../shared/domain/settings';
import { meetingNamePrefix } from '../../../shared/format/chinese-numerals';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { allMeetings, readCore, readYear, today, updateYear, yearsOnRecord } from '../desk/desk-data';
import { copyToList, organHeaderText } from './doc-settings';
import { renderOpinion } from './export';
import { memberOpinionHandlers } from './member-opinions';
import { numbersOnRecord, opinionTitles, suggestNumber, takenInSeries, yearNumbers } from './numbering';
import {
  loadFacts,
  material,
  meetingOf,
  memberOpinionsFor,
  opinionRow,
  prefillFacts,
  recordFor,
  writableOpinions,
  type EvaluationFacts,
} from './opinion-data';
import { pendingOpinions } from './pending';
import { prefillHints, prefillOpinion } from './prefill';
import * as workflow from './workflow';
import { syncLedger } from '../loop/ledger-sync';
import { allYears, loopSources } from '../loop/loop-read';
import { caseRow } from '../loop/loop-view';
import { derivedLabel } from '../loop/loop-records';
import { foreignFindingProblems } from '../../../shared/thread/links';
import { throwIfIssues } from '../desk/desk-data';

type OpinionHandlers = Pick<Handlers, keyof typeof opinionCalls>;

const stamp = (ctx: ServiceContext) => new Date(ctx.clock.now()).toISOString();

function findRecord(data: YearData, evaluationId: string): OpinionRecord {
  const record = writableOpinions(data).records.find((r) => r.evaluationId === evaluationId);
  if (!record) throw new ApiError('not_found', '该评议尚未起草评议意见。');
  return record;
}

/** The evaluation moves on to rectification once its opinion is delivered (never backwards). */
function advanceToRectification(data: YearData, evaluationId: string): void {
  const ev = data.evaluations.find((e) => e.id === evaluationId);
  if (ev && STAGES.indexOf(ev.stage) < STAGES.indexOf('rectification')) ev.stage = 'rectification';
}

export function opinionHandlers(ctx: ServiceContext): OpinionHandlers {
  async function detail(year: number, evaluationId: string, facts?: EvaluationFacts): Promise<OpinionDetail> {
    const f = facts ?? (await loadFacts(ctx, year, evaluationId));
    const now = today(ctx);
    const org = f.core.settings.organisation;
    const record = recordFor(f.year, evaluationId);
    const used = await numbersOnRecord(ctx);
    return {
      today: now.iso,
      row: opinionRow(f.evaluation, { core: f.core, year: f.year, meeting: f.meeting, stageLabel: derivedLabel(f.evaluation, f.year, f.meeting) }),
      record: record ? (structuredClone(record) as OpinionRecord) : null,
      memberOpinions: memberOpinionsFor(f.year, f.evaluatee.id),
      material: material(f),
      members: f.core.members.filter((m) => m.active).map((m) => ({ id: m.id, name: m.name, role: m.role })),
      doc: {
        organHeader: organHeaderText(org.fullName),
        signatureOrgan: org.fullName,
        copyTo: copyToList(org, f.unitName),
        issuingOffice: org.issuingOffice,
        docPrefix: org.docPrefix,
        meetingPrefix: meetingNamePrefix(org.shortName),
        session: f.core.settings.term.session,
      },
      deadlines: {
        planDays: f.core.settings.deadlines.rectificationPlanDays,
        reportMonths: f.core.settings.deadlines.rectificationReportMonths,
        reReportMonths: f.core.settings.deadlines.reReportMonths,
      },
      suggestedNumber: suggestNumber(org.docPrefix, now.year, used, record?.id),
      hints: prefillHints(prefillFacts(f)),
    };
  }

  /** Runs one workflow step on the opinion inside the year's write, then answers with the detail. */
  async function step(year: number, evaluationId: string, change: (record: OpinionRecord, data: YearData) => void): Promise<OpinionDetail> {
    await loadFacts(ctx, year, evaluationId);
    await updateYear(ctx, year, (data) => change(findRecord(data, evaluationId), data));
    return detail(year, evaluationId);
  }

  return {
    'opinions.list': async ({ year }): Promise<OpinionListView> => {
      const now = today(ctx);
      const years = yearsOnRecord(ctx);
      // Opens on the current year while it is in the term, else on the term's first (or last) year.
      const chosen = year ?? termYearFor((await readCore(ctx)).settings.term, now.year);
      if (!years.includes(chosen)) return { today: now.iso, year: chosen, years, rows: [] };
      const [core, data, meetings] = await Promise.all([readCore(ctx), readYear(ctx, chosen), allMeetings(ctx)]);
      const rows = data.evaluations.map((ev: Evaluation) => {
        const meeting = meetingOf(ev, meetings);
        const order = meeting ? reportItems(meeting.meeting).findIndex((r) => r.evaluateeId === ev.evaluateeId) : -1;
        return { row: opinionRow(ev, { core, year: data, meeting, stageLabel: derivedLabel(ev, data, meeting) }), order };
      });
      // The meeting's agenda order, as the opinions are drafted and approved; unscheduled ones last.
      rows.sort(
        (a, b) =>
          (a.row.meetingDate ?? '9999').localeCompare(b.row.meetingDate ?? '9999') ||
          (a.row.meetingId ?? '').localeCompare(b.row.meetingId ?? '') ||
          a.order - b.order ||
          a.row.name.localeCompare(b.row.name, 'zh-CN'),
      );
      return { today: now.iso, year: chosen, years, rows: rows.map((r) => r.row) };
    },

    'opinions.get': ({ year, evaluationId }) => detail(year, evaluationId),

    'opinions.create': async ({ year, evaluationId }) => {
      const facts = await loadFacts(ctx, year, evaluationId);
      const content = prefillOpinion(prefillFacts(facts));
      const now = stamp(ctx);
      await updateYear(ctx, year, (data) => {
        const opinions = writableOpinions(data);
        // A second window creating the same opinion gets the one that exists.
        if (opinions.records.some((r) => r.evaluationId === evaluationId)) return;
        opinions.records.push({
          id: newOpinionId('op', ctx.random),
          evaluationId,
          evaluateeId: facts.evaluatee.id,
          createdAt: now,
          versions: [{ no: 1, createdAt: now, updatedAt: now, reason: '', content, council: null, issue: null, delivery: null }],
        });
      });
      return detail(year, evaluationId);
    },

    'opinions.saveDraft': async ({ year, evaluationId, versionNo, content }) => {
      await loadFacts(ctx, year, evaluationId);
      const now = stamp(ctx);
      await updateYear(ctx, year, (data) => {
        // A paragraph made from a research finding names one of this evaluation's (shared/thread).
        throwIfIssues(foreignFindingProblems(content, evaluationId, data.research?.findings ?? []), '评议意见');
        return workflow.saveDraft(findRecord(data, evaluationId), versionNo, content, now);
      });
      return { updatedAt: now };
    },

    'opinions.regenerate': async ({ year, evaluationId, versionNo }) => {
      const facts = await loadFacts(ctx, year, evaluationId);
      const content = prefillOpinion(prefillFacts(facts));
      return step(year, evaluationId, (record) => workflow.saveDraft(record, versionNo, content, stamp(ctx)));
    },

    'opinions.approve': async ({ year, evaluationId, versionNo, council }) => {
      const facts = await loadFacts(ctx, year, evaluationId);
      const meetingDate = facts.meeting?.meeting.date ?? null;
      return step(year, evaluationId, (record) => workflow.approve(record, versionNo, council, { meetingDate, now: stamp(ctx) }));
    },

    'opinions.reopen': ({ year, evaluationId, versionNo }) => step(year, evaluationId, (record) => workflow.reopen(record, versionNo, stamp(ctx))),

    'opinions.issue': async ({ year, evaluationId, versionNo, issue }) => {
      // Numbers of the other years (opinions and registered 通报) are read first; this year's are
      // read inside its write, so two windows issuing in the same year cannot both take one number.
      const titleOf = opinionTitles(await readCore(ctx));
      const others = await numbersOnRecord(ctx, { except: year, titleOf });
      return step(year, evaluationId, (record, data) => {
        const used = [...others, ...yearNumbers(data, titleOf)];
        workflow.issue(record, versionNo, issue, { used, now: stamp(ctx) });
        // The ledger follows the issued items in the same write (created, or retexted on a re-issue).
        syncLedger(data, evaluationId);
      });
    },

    'opinions.deliver': ({ year, evaluationId, versionNo, delivery }) =>
      step(year, evaluationId, (record, data) => {
        workflow.deliver(record, versionNo, delivery, stamp(ctx));
        advanceToRectification(data, evaluationId);
      }),

    'opinions.revise': ({ year, evaluationId, versionNo, reason }) => step(year, evaluationId, (record) => workflow.revise(record, versionNo, reason, stamp(ctx))),

    'opinions.suggestNumber': async ({ year, evaluationId, issueYear }) => {
      const [core, data] = await Promise.all([readCore(ctx), readYear(ctx, year)]);
      const used = await numbersOnRecord(ctx);
      const prefix = core.settings.organisation.docPrefix;
      return { suggestion: suggestNumber(prefix, issueYear, used, recordFor(data, evaluationId)?.id), taken: takenInSeries(prefix, issueYear, used) };
    },

    'opinions.export': async ({ year, evaluationId, versionNo }, caller) => {
      const facts = await loadFacts(ctx, year, evaluationId);
      const record = recordFor(facts.year, evaluationId);
      if (!record) throw new ApiError('not_found', '该评议尚未起草评议意见。');
      const version = versionNo === undefined ? currentVersion(record) : record.versions.find((v) => v.no === versionNo);
      if (!version) throw new ApiError('not_found', `评议意见没有第${versionNo}版。`);
      if (!version.issue || !version.council) {
        throw new ApiError('conflict', `该版本为“${versionStatus(version) === 'approved' ? '已审定' : '草稿'}”，登记印发（发文字号）后才能导出Word公文。`);
      }
      const buffer = await renderOpinion(version, {
        name: facts.evaluatee.name,
        unitName: facts.unitName,
        organisation: facts.core.settings.organisation,
        session: facts.core.settings.term.session,
        documents: facts.core.settings.documents,
      });
      // Made whole in memory first: the save dialog's file or the download is never half a document.
      return ctx.files.deliver(caller, { fileName: opinionFileName(facts.evaluatee.name, version.no), contentType: FILE_TYPES.docx, bytes: buffer });
    },

    'opinions.pending': async () => {
      const [src, years] = await Promise.all([loopSources(ctx), allYears(ctx)]);
      return pendingOpinions(src.core, years, src.today, (year, evaluationId) => {
        const ev = year.evaluations.find((e) => e.id === evaluationId);
        return ev ? caseRow(ev, year, src).deadlines : [];
      });
    },

    ...memberOpinionHandlers(ctx),
  };
}
