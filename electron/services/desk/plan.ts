import { ApiError } from '../../../shared/api/errors';
import type { DeskOverview, MeetingSummary, PlanView } from '../../../shared/api/desk-types';
import { computeCoverage } from '../../../shared/domain/coverage';
import { isEnded } from '../../../shared/domain/evaluatees';
import { stageHeld, type Evaluation } from '../../../shared/domain/evaluations';
import { stageLabel } from '../../../shared/loop/stage';
import { allRows, dueList, stageCounts } from '../loop/loop-read';
import { stateOf, statesOf } from '../loop/loop-records';
import { newId } from '../../../shared/domain/ids';
import { firstEvaluationEvaluatees, MEETING_STATUS_LABELS, type Meeting } from '../../../shared/domain/meetings';
import { termYearFor, termYears } from '../../../shared/domain/settings';
import type { Handlers } from '../api/dispatch';
import type { deskCalls } from '../../../shared/api/calls/desk';
import type { ServiceContext } from '../api/service-context';
import type { LoopCaseRow } from '../../../shared/api/loop-types';
import type { CoreData, YearData } from '../../../shared/domain/partitions';
import { allEvaluations, allMeetings, readCore, readYear, today, updateYear, hasYear, yearsOnRecord } from './desk-data';

/**
 * The workbench's figures that need every evaluation (stage counts of the year, coverage), kept
 * against the `rows` answer of allRows: allRows gives the very same array back while no partition
 * and not the date changed, so with nothing changed they are not counted again (see
 * electron/services/loop/README.md). Core and the year shown are checked as well.
 */
interface OverviewFigures {
  thisYear: Evaluation[];
  stages: ReturnType<typeof stageCounts>;
  coverage: ReturnType<typeof computeCoverage>['counts'];
}
const figuresByRows = new WeakMap<readonly LoopCaseRow[], { core: Readonly<CoreData>; year: number; figures: OverviewFigures }>();

function overviewFigures(core: Readonly<CoreData>, years: readonly Readonly<YearData>[], rows: readonly LoopCaseRow[], year: number): OverviewFigures {
  const kept = figuresByRows.get(rows);
  if (kept && kept.core === core && kept.year === year) return kept.figures;
  const evaluations = years.flatMap((y) => y.evaluations);
  const stageById = new Map(rows.map((r) => [r.evaluationId, r.state.stage]));
  const stageOf = (ev: Evaluation) => stageById.get(ev.id) ?? 'planned';
  const figures: OverviewFigures = {
    thisYear: evaluations.filter((ev) => ev.year === year),
    stages: stageCounts(rows.filter((r) => r.year === year)),
    coverage: computeCoverage({ evaluatees: core.evaluatees, evaluations, term: core.settings.term, stageOf }).counts,
  };
  figuresByRows.set(rows, { core, year, figures });
  return figures;
}

const allYearData = (ctx: ServiceContext) => Promise.all(yearsOnRecord(ctx).map((y) => readYear(ctx, y)));

type PlanHandlers = Pick<Handlers, Extract<keyof typeof deskCalls, `plan.${string}` | 'desk.overview'>>;

export function summarizeMeeting(m: Meeting): MeetingSummary {
  const reports = m.agenda.filter((a) => a.kind === 'report');
  return {
    id: m.id,
    name: m.name,
    date: m.date,
    place: m.place,
    year: m.year,
    status: m.status,
    statusLabel: MEETING_STATUS_LABELS[m.status],
    reportItems: reports.filter((a) => a.mode === 'report').length,
    writtenItems: reports.filter((a) => a.mode === 'written').length,
    voteItems: m.agenda.filter((a) => a.kind === 'vote' && a.voteKind === 'meeting').length,
    hearingItems: m.agenda.filter((a) => a.kind === 'hearing').length,
    laterVoteItems: m.agenda.filter((a) => a.kind === 'vote' && a.voteKind !== 'meeting').length,
  };
}

/** The five-year plan (the evaluations of each year of the term) and the workbench figures. */
export function planHandlers(ctx: ServiceContext): PlanHandlers {
  return {
    'plan.get': async (): Promise<PlanView> => {
      const core = await readCore(ctx);
      const years = termYears(core.settings.term);
      const [parts, meetings] = await Promise.all([allYearData(ctx), allMeetings(ctx)]);
      const evaluations = parts.flatMap((y) => y.evaluations);
      const states = statesOf(parts, meetings);
      const stageOf = (ev: Evaluation) => states.get(ev.id)?.stage ?? 'planned';
      const coverage = computeCoverage({ evaluatees: core.evaluatees, evaluations, term: core.settings.term, stageOf });
      const units = new Map(core.units.map((u) => [u.id, u.name]));
      return {
        term: core.settings.term,
        years,
        rows: coverage.rows.map((r) => ({
          evaluateeId: r.evaluatee.id,
          name: r.evaluatee.name,
          category: r.evaluatee.category,
          unitName: units.get(r.evaluatee.unitId) ?? '',
          position: r.evaluatee.position,
          ended: isEnded(r.evaluatee),
          ...(r.evaluatee.endedDate ? { endedDate: r.evaluatee.endedDate } : {}),
          status: r.status,
          cells: r.cells.map((c) => (c ? { ...c, stageLabel: stageLabel(c.stage) } : null)),
          plannableYears: r.plannableYears,
        })),
        conflicts: coverage.conflicts,
        counts: coverage.counts,
      };
    },

    'plan.add': async ({ evaluateeId, year, mode }) => {
      const core = await readCore(ctx);
      const e = core.evaluatees.find((x) => x.id === evaluateeId);
      if (!e) throw new ApiError('not_found', '找不到该被评议对象，可能已被删除。');
      const { startYear, endYear } = core.settings.term;
      if (year < startYear || year > endYear) throw new ApiError('invalid_args', `计划年度应在本届计划期${startYear}—${endYear}年之内`, [{ path: 'year', message: '计划年度超出本届计划期' }]);
      if (Number(e.appointmentDate.slice(0, 4)) > year) throw new ApiError('conflict', `${e.name}于${e.appointmentDate.slice(0, 4)}年任职，不能列入${year}年计划。`);
      if (e.endedDate && Number(e.endedDate.slice(0, 4)) < year) throw new ApiError('conflict', `${e.name}已于${e.endedDate}离任，不能列入${year}年计划。`);
      const elsewhere = (await allEvaluations(ctx, termYears(core.settings.term).filter((y) => y !== year && hasYear(ctx, y)))).find(
        (ev) => ev.evaluateeId === evaluateeId,
      );
      if (elsewhere) throw new ApiError('conflict', `${e.name}已列入${elsewhere.year}年计划，本届内每人评议一次。如需调整，请先从${elsewhere.year}年移除。`);
      return updateYear(ctx, year, (data) => {
        if (data.evaluations.some((ev) => ev.evaluateeId === evaluateeId)) throw new ApiError('conflict', `${e.name}已在${year}年计划中。`);
        const ev: Evaluation = { id: newId('ev', ctx.random), evaluateeId, year, stage: 'planned', mode, note: '' };
        data.evaluations.push(ev);
        return ev;
      });
    },

    'plan.remove': async ({ evaluationId, year }) => {
      const meetings = await allMeetings(ctx);
      const yearData = await readYear(ctx, year);
      const current = yearData.evaluations.find((ev) => ev.id === evaluationId);
      if (!current) throw new ApiError('not_found', '该计划项已不存在。');
      const derived = stateOf(current, yearData, meetings).stage;
      const onAgenda = meetings.find(
        (m) =>
          (m.meeting.year === year && firstEvaluationEvaluatees(m.meeting.agenda).has(current.evaluateeId)) ||
          m.meeting.agenda.some((a) => (a.kind === 'hearing' ? a.evaluationId === evaluationId : a.kind === 'vote' && a.evaluationIds.includes(evaluationId))),
      );
      if (onAgenda) throw new ApiError('conflict', `该对象已在会议“${onAgenda.meeting.name}”的议程中，请先从议程中移除。`);
      if (stageHeld(derived)) throw new ApiError('conflict', `该评议已进入“${stageLabel(derived)}”阶段，不能移出计划。`);
      await updateYear(ctx, year, (data) => {
        // Research records name the evaluation: removing it under them would leave them pointing nowhere.
        const r = data.research;
        if (r && (r.groups.some((g) => g.evaluationIds.includes(evaluationId)) || r.activities.some((a) => a.evaluationIds.includes(evaluationId)) || r.findings.some((f) => f.evaluationId === evaluationId))) {
          throw new ApiError('conflict', '该评议已有调研记录（调研组、调研活动或调研发现的问题），请先在调研报告页面删除或移出后再移出计划。');
        }
        data.evaluations = data.evaluations.filter((ev) => ev.id !== evaluationId);
      });
      return { id: evaluationId };
    },

    'desk.overview': async (): Promise<DeskOverview> => {
      const core = await readCore(ctx);
      const now = today(ctx);
      const { years, rows, src } = await allRows(ctx);
      // The current year while it is in the term, else the term's first (or last) year.
      const year = termYearFor(core.settings.term, now.year);
      const { thisYear, stages, coverage } = overviewFigures(core, years, rows, year);
      const meetings = src.meetings.map((m) => m.meeting);
      const upcoming = meetings.filter((m) => m.status !== 'closed').sort((a, b) => a.date.localeCompare(b.date));
      // The nearest meeting still to come (today's, held or not, counts); failing that, the latest
      // whose date passed without it being ended — the panel labels it so.
      const next = upcoming.find((m) => m.date >= now.iso) ?? upcoming.at(-1);
      return {
        today: now.iso,
        year,
        term: core.settings.term,
        orgShortName: core.settings.organisation.shortName,
        demo: core.settings.demo,
        stages: stages.map((st) => ({ ...st })),
        due: dueList(rows),
        evaluationsThisYear: thisYear.length,
        reportInPerson: thisYear.filter((ev) => ev.mode === 'report').length,
        writtenReports: thisYear.filter((ev) => ev.mode === 'written').length,
        nextMeeting: next ? summarizeMeeting(next) : null,
        coverage: structuredClone(coverage),
        members: { total: core.members.length, active: core.members.filter((m) => m.active).length },
        evaluatees: { total: core.evaluatees.length, inPost: core.evaluatees.filter((e) => !isEnded(e)).length },
      };
    },
  };
}
