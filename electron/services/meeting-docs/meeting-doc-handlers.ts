import { ApiError } from '../../../shared/api/errors';
import { FILE_TYPES, type FileDelivery } from '../../../shared/api/file-types';
import type { documentCalls } from '../../../shared/api/calls/documents';
import type { MeetingDocsRound, MeetingDocsView } from '../../../shared/api/documents-types';
import { announcementKey } from '../../../shared/domain/doc-register';
import { currentVersion } from '../../../shared/domain/opinions';
import { formatDocNumber } from '../../../shared/format/doc-number';
import { ROUND_STATE_LABELS, voterGroupLabel } from '../../../shared/vote';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { readCore, readMeeting, today, updateYear } from '../desk/desk-data';
import { fileNamePart } from '../file-port';
import {
  buildAnnouncementDocument,
  buildBallotDocument,
  buildCountReportDocument,
  buildDeliveryReceiptDocument,
  buildMinutesDocument,
  buildSignInDocument,
  renderAnnouncementCharts,
} from '../documents';
import { assertUnused, opinionTitles, suggestNumber, takenInSeries, validDocNumber, yearNumbers } from '../opinions/numbering';
import { loadFacts, recordFor } from '../opinions/opinion-data';
import { announcementInput } from './announcement-input';
import { deliverDocx, renderDocx } from './deliver';
import { hasMinutes, minutesInput, receiptFileName, receiptInput, signInInput } from './paper-inputs';
import { assertYearOfDate, issuedView, meetingAnnouncements, recordAnnouncement, registerYear, undoAnnouncement, yearsWithData } from './register';
import {
  activeMembers,
  announcementBlocker,
  ballotBlocker,
  ballotFileName,
  ballotInput,
  countReportBlocker,
  countReportFileName,
  countReportInput,
  defaultSheets,
  findRound,
  itemTitle,
  positionOf,
  publishedRounds,
  roundLabel,
} from './round-docs';

type DocumentHandlers = Pick<Handlers, Extract<keyof typeof documentCalls, `documents.${string}`>>;

export function meetingDocHandlers(ctx: ServiceContext): DocumentHandlers {
  const load = async (meetingId: string) => {
    const [core, data] = await Promise.all([readCore(ctx), readMeeting(ctx, meetingId)]);
    return { core, data };
  };

  return {
    'documents.meeting': async ({ meetingId }): Promise<MeetingDocsView> => {
      const [{ core, data }, years] = await Promise.all([load(meetingId), yearsWithData(ctx)]);
      const now = today(ctx);
      const members = activeMembers(core).length;
      const issued = meetingAnnouncements(years, meetingId);
      const issuedOf = (roundId: string | null) => {
        const doc = issued.get(announcementKey(meetingId, roundId));
        return doc ? issuedView(doc) : null;
      };
      const rounds: MeetingDocsRound[] = data.votes.rounds
        .filter((r) => data.meeting.agenda.some((a) => a.id === r.agendaItemId))
        .map((r) => ({
          id: r.id,
          agendaItemId: r.agendaItemId,
          title: itemTitle(data, r),
          number: r.number,
          label: roundLabel(r),
          state: r.state,
          stateLabel: ROUND_STATE_LABELS[r.state],
          names: r.evaluateeIds.map((id) => positionOf(core, id).name),
          groups: r.groups.map((g) => ({ id: g.id, label: voterGroupLabel(g.group), binding: g.group.kind === 'members', defaultSheets: defaultSheets(core, data, r, g.id) })),
          ballotBlocker: ballotBlocker(r),
          countReportBlocker: countReportBlocker(r),
          announcementBlocker: announcementBlocker(r),
          announcement: issuedOf(r.id),
        }));
      const published = publishedRounds(data).length;
      const questions = data.questioning.records.filter((r) => r.status !== 'cancelled').length;
      const used = years.flatMap((y) => yearNumbers(y.data));
      const prefix = core.settings.organisation.docPrefix;
      return {
        today: now.iso,
        meeting: { id: data.meeting.id, name: data.meeting.name, date: data.meeting.date, year: data.meeting.year },
        memberCount: members,
        signInBlocker: members === 0 ? '常委会组成人员名单为空，请先录入组成人员' : null,
        questions,
        minutesBlocker: hasMinutes(data) ? null : '本次会议还没有询问记录',
        rounds,
        publishedRounds: published,
        meetingAnnouncementBlocker: published === 0 ? '本次会议还没有已公布的测评结果' : null,
        meetingAnnouncement: issuedOf(null),
        suggestedNumber: suggestNumber(prefix, now.year, used),
        takenNumbers: takenInSeries(prefix, now.year, used),
      };
    },

    'documents.signIn': async ({ meetingId }, caller) => {
      const { core, data } = await load(meetingId);
      if (activeMembers(core).length === 0) throw new ApiError('conflict', '常委会组成人员名单为空，请先录入组成人员。');
      return deliverDocx(ctx, caller, core, buildSignInDocument(signInInput(core, data)), `${fileNamePart(data.meeting.name)}签到表.docx`);
    },

    'documents.minutes': async ({ meetingId }, caller) => {
      const { core, data } = await load(meetingId);
      if (!hasMinutes(data)) throw new ApiError('conflict', '本次会议还没有询问记录，不能导出会议记录。');
      return deliverDocx(ctx, caller, core, buildMinutesDocument(minutesInput(core, data)), `${fileNamePart(data.meeting.name)}询问记录.docx`);
    },

    'documents.ballots': async ({ meetingId, roundId, groupId, sheets }, caller) => {
      const { core, data } = await load(meetingId);
      const round = findRound(data, roundId);
      const input = ballotInput(core, data, round, groupId, sheets);
      return deliverDocx(ctx, caller, core, buildBallotDocument(input), ballotFileName(data, round, input));
    },

    'documents.countReport': async ({ meetingId, roundId, groupId }, caller) => {
      const { core, data } = await load(meetingId);
      const round = findRound(data, roundId);
      const input = countReportInput(core, data, round, groupId);
      return deliverDocx(ctx, caller, core, buildCountReportDocument(input), countReportFileName(data, round, input));
    },

    'documents.announcement': async ({ meetingId, roundId, docNumber, date }, caller) => {
      const { core, data } = await load(meetingId);
      const rounds = roundId ? [findRound(data, roundId)] : publishedRounds(data);
      for (const r of rounds) {
        const blocker = announcementBlocker(r);
        if (blocker) throw new ApiError('conflict', `${blocker}。`);
      }
      const number = validDocNumber(docNumber);
      assertYearOfDate(number, date);
      // Every number the app gave (opinions and registered 通报) is refused but this 通报's own, which reprints.
      const key = announcementKey(meetingId, roundId ?? null);
      const titleOf = opinionTitles(core);
      const years = await yearsWithData(ctx);
      assertUnused(number, years.flatMap((y) => yearNumbers(y.data, titleOf)), key);
      const text = formatDocNumber(number.prefix, number.year, number.seq);
      const input = announcementInput({ core, data, rounds, wholeMeeting: roundId === undefined, docNumber: text, date });
      const charts = await renderAnnouncementCharts(input);
      const bytes = await renderDocx(core, buildAnnouncementDocument({ ...input, charts }));
      const destination = await ctx.files.destination(caller, { fileName: `${fileNamePart(input.title)}.docx`, contentType: FILE_TYPES.docx });
      if (!destination) return { kind: 'cancelled' } satisfies FileDelivery;
      // Registered durably before the file is handed over, checked again inside the write of the year.
      const year = registerYear(years, key, data.meeting.year);
      const others = years.filter((y) => y.year !== year).flatMap((y) => yearNumbers(y.data, titleOf));
      const now = new Date(ctx.clock.now()).toISOString();
      const entry = { meetingId, roundId: roundId ?? null, docNumber: text, title: input.title, date };
      const recorded = await updateYear(ctx, year, (y) => recordAnnouncement(y, entry, { others, titleOf, now }));
      try {
        return await destination.complete(bytes);
      } catch (err) {
        // The file never reached the user: the 通报 did not go out under this number.
        await updateYear(ctx, year, (y) => undoAnnouncement(y, recorded)).catch((undoErr: unknown) =>
          ctx.log.error('announcement register undo failed', { meetingId, docNumber: text, error: String(undoErr) }),
        );
        throw err;
      }
    },

    'documents.receipt': async ({ year, evaluationId, versionNo }, caller) => {
      const facts = await loadFacts(ctx, year, evaluationId);
      const record = recordFor(facts.year, evaluationId);
      if (!record) throw new ApiError('not_found', '该评议尚未起草评议意见。');
      const version = versionNo === undefined ? currentVersion(record) : record.versions.find((v) => v.no === versionNo);
      if (!version) throw new ApiError('not_found', `评议意见没有第${versionNo}版。`);
      if (!version.issue) throw new ApiError('conflict', '评议意见登记印发（发文字号）后才能打印送达回证。');
      const doc = buildDeliveryReceiptDocument(receiptInput(facts.core, facts.evaluatee, version));
      return deliverDocx(ctx, caller, facts.core, doc, receiptFileName(facts.evaluatee));
    },
  };
}
