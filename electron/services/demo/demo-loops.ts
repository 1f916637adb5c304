import { formatMeetingName, meetingNamePrefix } from '../../../shared/format/chinese-numerals';
import type { Evaluation } from '../../../shared/domain/evaluations';
import { newId } from '../../../shared/domain/ids';
import type { AgendaItem } from '../../../shared/domain/meetings';
import { emptyMeeting, type MeetingData, type YearData } from '../../../shared/domain/partitions';
import { DEMO_COUNTY, inventName } from './demo-data';
import { formatRate } from '../../../shared/format/numbers';
import { deriveYearStages, type EvaluationMeetingOptions, holdEvaluationMeeting, rectify, rectifyForReReport, type HistoryEnv } from './demo-history';
import { holdLaterVotes, type ColumnSet, type LaterVoteCase } from './demo-votes';

/**
 * The demo county's earlier years as the office lived them (the current year C is still ahead):
 *
 * - each October meeting of C−4 … C−1 heard that year's plan and held its 民主测评; the opinions
 *   were issued and delivered, every item with its ledger entry;
 * - C−4 and C−3: every report arrived, 回头看 followed, and the 满意度测评 at the August meeting of
 *   the next year closed the case; one head of department was rated 不满意 in C−3, reported again
 *   at the February meeting of C−2 and passed the 整改情况测评 (closed on the re-report);
 * - C−2: closed the same way, except one report that never arrived (rectification, overdue) and
 *   one that came late, whose 回头看 is done and whose 满意度测评 is still to come (follow-up);
 * - C−1: the reports are due in the current year; what has happened by `today` is recorded, and
 *   once the current year's August meeting has been held, the 满意度测评 of those whose 回头看 had
 *   ended by then.
 *
 * Sittings of the term: the evaluation meetings in October, the later votes in August (and the
 * re-report in February), numbered in date order up to the current year's sitting.
 */

/** The current year's August meeting (last year's 满意度测评), held only once `today` is past it. */
const CURRENT_AUGUST_SITTING = 22;
/** Sittings by years before the current one: October, and August (later votes) of that year. */
const SITTINGS: Readonly<Record<number, { october: number; august?: number; february?: number }>> = {
  4: { october: 5 },
  3: { august: 9, october: 10 },
  2: { february: 11, august: 14, october: 15 },
  1: { august: 19, october: 20 },
};

function newMeeting(env: HistoryEnv, sitting: number, date: string): MeetingData {
  return emptyMeeting({
    id: newId('mt', env.random),
    name: formatMeetingName(meetingNamePrefix(DEMO_COUNTY.shortName), DEMO_COUNTY.session, sitting),
    session: DEMO_COUNTY.session,
    sitting,
    date,
    place: DEMO_COUNTY.meetingPlace,
    presidingMemberId: env.core.members.find((m) => m.role === '主任')?.id ?? null,
    recorder: env.tellers[0] ?? '',
    year: Number(date.slice(0, 4)),
    agenda: [],
    status: 'planned',
  });
}

function day(env: HistoryEnv, year: number, month: number, from: number, to: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(env.dice.between(from, to)).padStart(2, '0')}`;
}

/** The October meeting's agenda: heads in person first, then the written reports, as the demo's current meeting. */
function reportAgenda(env: HistoryEnv, evaluations: readonly Evaluation[]): AgendaItem[] {
  const ordered = [...evaluations.filter((ev) => ev.mode === 'report'), ...evaluations.filter((ev) => ev.mode !== 'report')];
  return ordered.map((ev) => ({ kind: 'report', id: newId('ag', env.random), evaluateeId: ev.evaluateeId, mode: ev.mode }));
}

/** Writes the earlier years' loops into `years` (mutated) and returns the meetings they were held at, oldest first. */
export function buildDemoHistory(base: HistoryEnv, years: Record<number, YearData>, taken: Set<string>): MeetingData[] {
  const current = Math.max(...Object.keys(years).map(Number));
  const env: HistoryEnv = {
    ...base,
    tellers: base.tellers.length > 0 ? base.tellers : [inventName(base.dice, '女', taken), inventName(base.dice, '男', taken)],
  };
  const meetings: MeetingData[] = [];
  const yearOf = (back: number): YearData => {
    const y = years[current - back];
    if (!y) throw new Error(`demo history: no plan for ${current - back}`);
    return y;
  };
  const isHead = (ev: Evaluation) => env.core.evaluatees.find((e) => e.id === ev.evaluateeId)?.category === '政府组成部门负责人';
  // Who stands apart, drawn first so the rest of the history cannot move them.
  const failing = env.dice.pick(yearOf(3).evaluations.filter(isHead));
  const [overdue, late] = env.dice.shuffle(yearOf(1).evaluations).slice(0, 2) as [Evaluation, Evaluation];

  // Follow-up votes waiting for the August meeting of a year: [year back, cases].
  const laterVotes = new Map<number, LaterVoteCase[]>();

  for (const back of [4, 3, 2, 1]) {
    const year = yearOf(back);
    const calendarYear = current - back;
    const sittings = SITTINGS[back] ?? { october: 0 };

    if (sittings.february) {
      const feb = newMeeting(env, sittings.february, day(env, calendarYear, 2, 24, 27));
      const failed = yearOf(3);
      rectifyForReReport(env, failed, failing.id, feb.meeting.date);
      holdLaterVotes(env, feb, [{ kind: 'reReport', cases: [{ year: failed, evaluationId: failing.id }] }]);
      meetings.push(feb);
    }
    if (sittings.august) {
      const aug = newMeeting(env, sittings.august, day(env, calendarYear, 8, 24, 29));
      holdLaterVotes(env, aug, [{ kind: 'followUp', cases: laterVotes.get(back + 1) ?? [] }]);
      meetings.push(aug);
    }

    const october = newMeeting(env, sittings.october, day(env, calendarYear, 10, 24, 30));
    for (const ev of year.evaluations) ev.meetingId = october.meeting.id;
    october.meeting.agenda = reportAgenda(env, year.evaluations);
    holdEvaluationMeeting(env, october, year, {
      failing: back === 3 ? new Set([failing.id]) : new Set(),
      ...(back >= 2 ? publishedFigures(back === 2 ? [yearOf(4), yearOf(3)] : null, year, isHead) : {}),
    });
    meetings.push(october);

    const cases: LaterVoteCase[] = [];
    for (const ev of year.evaluations) {
      if (back === 3 && ev.id === failing.id) continue;
      if (back === 1 && ev.id === overdue.id) {
        rectify(env, year, ev.id, { reportEarly: null, followUp: false });
        continue;
      }
      const lateReport = back === 1 && ev.id === late.id;
      const ended = rectify(env, year, ev.id, { reportEarly: lateReport ? -env.dice.between(55, 70) : env.dice.between(3, 20), followUp: true });
      if (ended && !lateReport) cases.push({ year, evaluationId: ev.id, ended });
    }
    laterVotes.set(back, cases);
  }
  // The current year's August meeting, once it has been held: last year's 满意度测评 of the cases
  // whose 回头看 had ended by then.
  const august = day(env, current, 8, 24, 29);
  if (august < env.today) {
    const meeting = newMeeting(env, CURRENT_AUGUST_SITTING, august);
    holdLaterVotes(env, meeting, [{ kind: 'followUp', cases: (laterVotes.get(1) ?? []).filter((c) => (c.ended ?? '') < august) }]);
    meetings.push(meeting);
  }
  for (const back of [4, 3, 2, 1]) deriveYearStages(yearOf(back), meetings);
  return meetings.sort((a, b) => a.meeting.date.localeCompare(b.meeting.date));
}

/** What the county published for the first three years of its term (C−4 … C−2), which the demo reproduces. */
export const DEMO_PUBLISHED = { items: 32, satisfactionRate: '97.0%' } as const;

/**
 * The first three years' votes and opinions, shaped so the statistics of C−4 … C−2 come out as the county
 * published them (DEMO_PUBLISHED): each head's opinion carries 2 items except the last head's of the year (1),
 * each judge's or prosecutor's 1 (9 + 9 + 9 + 5 = 32); passing columns have no 不满意 in C−4 and C−3, and in
 * C−2 (`earlier` given: the two years before) the heads' columns take the 不满意 marks (and, where no count
 * gives it, blank sheets) that bring the three years' 满意率 to 97.0% — computed here as the statistics do.
 */
function publishedFigures(
  earlier: YearData[] | null,
  year: YearData,
  isHead: (ev: Evaluation) => boolean,
): Pick<EvaluationMeetingOptions, 'columns' | 'itemsFor'> {
  const heads = year.evaluations.filter(isHead);
  const lastHead = heads.at(-1)?.id;
  const itemsFor = (ev: Evaluation) => (isHead(ev) && ev.id !== lastHead ? 2 : 1);
  const headIds = new Set(heads.map((ev) => ev.evaluateeId));
  let planned = false;
  const columns = (present: number, ids: readonly string[]): ColumnSet[] => {
    const zero = ids.map(() => ({ unsatisfied: 0, blank: 0 }));
    if (!earlier || planned || !ids.every((id) => headIds.has(id))) return zero;
    planned = true;
    const results = earlier.flatMap((y) => y.evaluations.flatMap((ev) => (ev.voteResult ? [ev.voteResult] : [])));
    const validBefore = results.reduce((n, r) => n + r.valid, 0);
    const unsatisfiedBefore = results.reduce((n, r) => n + r.counts.unsatisfied, 0);
    const heardNow = year.evaluations.length * present;
    const passing = ids.length;
    for (let blank = 0; blank <= 3 * passing; blank++) {
      const valid = validBefore + heardNow - blank;
      for (let extra = 0; extra <= 2 * passing; extra++) {
        if (formatRate(valid - unsatisfiedBefore - extra, valid) !== DEMO_PUBLISHED.satisfactionRate) continue;
        return ids.map((_, i) => ({
          unsatisfied: Math.floor(extra / ids.length) + (i < extra % ids.length ? 1 : 0),
          blank: Math.floor(blank / ids.length) + (i < blank % ids.length ? 1 : 0),
        }));
      }
    }
    throw new Error(`demo history: no count gives the published 满意率 (${validBefore}, ${unsatisfiedBefore}, ${heardNow})`);
  };
  return { columns, itemsFor };
}
