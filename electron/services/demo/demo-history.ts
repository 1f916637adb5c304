/** The demo history's earlier years: each October meeting held, the rectification after it, the later votes, the stages. */
import { addDays } from '../../../shared/format/dates';
import type { Evaluation } from '../../../shared/domain/evaluations';
import type { MeetingData, YearData } from '../../../shared/domain/partitions';
import type { Member } from '../../../shared/domain/people';
import { reportDue, type ItemVerdict, type LoopState } from '../../../shared/loop';
import { statesOf } from '../loop/loop-records';
import { evaluateeOf, evaluationOf, loopOf, type HistoryEnv } from './demo-history-env';
import { issueOpinions } from './demo-opinions';
import { CHECKED, FOLLOW_UP_ACTIVITIES, FOLLOW_UP_SUMMARY, MEASURES, PROGRESS } from './demo-texts';
import { attendMeeting, holdLaterVotes, holdVote, meetingVoteItems, type LaterVoteCase, type VoteSpec } from './demo-votes';

export type { HistoryEnv };

/**
 * The closed loop of earlier years, written as the office would have recorded it: the meeting's
 * vote counted sheet by sheet with the vote services' own functions (so every figure is the vote
 * rules' own), the opinions issued and delivered, a ledger entry per opinion item, the report
 * received, 回头看 and its 满意度测评 at a later meeting, the 不满意 path with its re-report and
 * 整改情况测评, and the results-use register. Used by the demo county and by the benchmarks'
 * archive generator. Nothing is dated after `today` except deadlines. The votes are in demo-votes.ts,
 * the opinions and their ledger in demo-opinions.ts, what they all take in demo-history-env.ts.
 */

export interface EvaluationMeetingOptions {
  /** Evaluation ids whose meeting vote fails (不满意): the re-report path. */
  failing?: ReadonlySet<string>;
  /** Sets the passing columns' unsatisfied and blank marks of each vote item (VoteSpec.columns). */
  columns?: VoteSpec['columns'];
  /** How many items (意见和建议) each opinion carries; 3 or 4, drawn, when absent. */
  itemsFor?: (ev: Evaluation) => number;
}

/**
 * The October meeting of `year` held and closed: attendance, its vote items counted and announced,
 * each evaluation's voteResult; then the 通报 and the opinions issued and delivered with their
 * ledger entries and the results-use register. The meeting's agenda must already hear the year's
 * evaluations (report items).
 */
export function holdEvaluationMeeting(env: HistoryEnv, meeting: MeetingData, year: YearData, options: EvaluationMeetingOptions = {}): void {
  const { meeting: m } = meeting;
  const day = m.date;
  const evaluations = year.evaluations.filter((ev) => ev.meetingId === m.id);
  const failingEe = new Set(evaluations.filter((ev) => options.failing?.has(ev.id)).map((ev) => ev.evaluateeId));
  m.status = 'closed';
  attendMeeting(env, meeting);
  const items = meetingVoteItems(env, m.agenda);
  m.agenda.push(...items);
  items.forEach((item, slot) => {
    const results = holdVote(env, meeting, { item, failing: failingEe, ...(options.columns ? { columns: options.columns } : {}) }, day, slot);
    item.evaluateeIds.forEach((id, i) => {
      const ev = evaluations.find((e) => e.evaluateeId === id);
      if (ev) ev.voteResult = results[i];
    });
  });
  issueOpinions(env, meeting, year, evaluations, options.itemsFor);
}

function deliveredOn(year: YearData, evaluationId: string): string {
  const record = year.opinions?.records.find((r) => r.evaluationId === evaluationId);
  const day = record?.versions[0]?.delivery?.date;
  if (!day) throw new Error('demo history: rectification before delivery');
  return day;
}

/** The 回头看 group: a 副主任 leads, two 委员 and the office's staff go with them. */
function followUpGroup(env: HistoryEnv): { role: '组长' | '成员'; memberId?: string; name: string; post: string }[] {
  const deputies = env.core.members.filter((m: Member) => m.role === '副主任' && m.active);
  const others = env.core.members.filter((m: Member) => m.role === '委员' && m.active);
  const lead = env.dice.pick(deputies);
  const two = env.dice.shuffle(others).slice(0, 2);
  return [
    { role: '组长', memberId: lead.id, name: lead.name, post: '县人大常委会副主任' },
    ...two.map((m) => ({ role: '成员' as const, memberId: m.id, name: m.name, post: '县人大常委会委员' })),
  ];
}

export interface RectifyOptions {
  /** Days before the due date the report arrives (negative: late); null: it has not arrived. */
  reportEarly: number | null;
  /** Whether the 回头看 is held after the report. */
  followUp: boolean;
}

/**
 * The written path after delivery, as far as `today` allows: progress on each ledger item, the
 * 整改情况报告 received, then 回头看 with a verdict per item. Returns the day the 回头看 ended
 * (the earliest a 满意度测评 may be held), or null while it has not.
 */
export function rectify(env: HistoryEnv, year: YearData, evaluationId: string, options: RectifyOptions): string | null {
  const loop = loopOf(year);
  const delivered = deliveredOn(year, evaluationId);
  const due = reportDue(delivered, env.core.settings.deadlines);
  const entries = loop.ledger.filter((l) => l.evaluationId === evaluationId);
  const dice = env.dice;
  const received = options.reportEarly === null ? null : addDays(due, -options.reportEarly);
  const reported = received !== null && received <= env.today;
  for (const entry of entries) {
    entry.measures = dice.pick(MEASURES);
    const notes = [addDays(delivered, dice.between(20, 40)), addDays(delivered, dice.between(90, 130))];
    entry.progress = notes.filter((d) => d <= env.today).map((date, i) => ({ date, text: PROGRESS[Math.min(i * 2 + dice.int(2), PROGRESS.length - 1)] as string }));
    entry.status = entry.progress.length === 0 ? 'notStarted' : reported ? (dice.chance(0.2) ? 'ongoing' : 'done') : 'inProgress';
  }
  if (!reported || received === null) return null;
  const ev = evaluationOf(year, evaluationId);
  const e = evaluateeOf(env, ev);
  const unit = env.core.units.find((u) => u.id === e.unitId);
  const abbr = unit?.kind === 'court' ? '法' : unit?.kind === 'procuratorate' ? '检' : (unit?.name.slice(1, 3) ?? '');
  loop.reports.push({
    evaluationId,
    reportDate: addDays(received, -dice.between(2, 6)),
    receivedOn: received,
    docNumber: `青${abbr}〔${received.slice(0, 4)}〕${dice.between(3, 40)}号`,
    file: null,
    meetingId: null,
  });
  if (!options.followUp) return null;
  const start = addDays(received, dice.between(20, 40));
  const end = addDays(start, dice.between(5, 12));
  if (end > env.today) return null;
  const verdicts: ItemVerdict[] = entries.map(() => (dice.chance(0.75) ? 'fullyRectified' : 'mostlyRectified'));
  entries.forEach((entry, i) => {
    entry.verdict = verdicts[i] ?? null;
  });
  loop.followUps.push({
    evaluationId,
    groupName: '回头看调研组',
    group: followUpGroup(env),
    startDate: start,
    endDate: end,
    activities: FOLLOW_UP_ACTIVITIES.map((a, i) => ({ date: addDays(start, Math.min(i * 2, dice.between(0, 5))), activity: a.activity, place: a.place })),
    checks: entries.map((entry, i) => ({ opinionId: entry.opinionId, itemNo: entry.itemNo, checked: dice.pick(CHECKED), verdict: verdicts[i] ?? 'mostlyRectified' })),
    summary: FOLLOW_UP_SUMMARY,
  });
  return end;
}

/** The failing path's rectification: the ledger worked on until the re-report meeting (no written report, no 回头看). */
export function rectifyForReReport(env: HistoryEnv, year: YearData, evaluationId: string, reReportDay: string): void {
  const loop = loopOf(year);
  const delivered = deliveredOn(year, evaluationId);
  for (const entry of loop.ledger.filter((l) => l.evaluationId === evaluationId)) {
    entry.measures = env.dice.pick(MEASURES);
    entry.progress = [addDays(delivered, env.dice.between(15, 25)), addDays(reReportDay, -env.dice.between(10, 20))]
      .filter((d) => d <= env.today)
      .map((date, i) => ({ date, text: PROGRESS[i * 2] as string }));
    entry.status = reReportDay <= env.today ? 'done' : 'inProgress';
  }
}

/** The stage of every evaluation of the year as the loop services derive it, stored as the plan shows it. */
export function deriveYearStages(year: YearData, meetings: readonly MeetingData[]): Map<string, LoopState> {
  const states = statesOf([year], meetings);
  for (const ev of year.evaluations) {
    const state = states.get(ev.id);
    if (ev.voteResult && state && state.stage !== 'escalated') ev.stage = state.stage;
  }
  return states;
}

/**
 * A year whose loop is complete: its October meeting held, every opinion delivered, every report
 * received, 回头看 done and the 满意度测评 held at `followUpMeeting` (a later meeting, already
 * scheduled, on or after the last 回头看). Every evaluation ends closed. The benchmarks' archive
 * writes its older years with it.
 */
export function completeYearLoop(env: HistoryEnv, year: YearData, october: MeetingData, followUpMeeting: MeetingData): void {
  holdEvaluationMeeting(env, october, year);
  const cases: LaterVoteCase[] = [];
  for (const ev of year.evaluations) {
    const ended = rectify(env, year, ev.id, { reportEarly: env.dice.between(3, 20), followUp: true });
    if (!ended || ended > followUpMeeting.meeting.date) throw new Error(`demo history: 回头看 of ${year.year} not done before ${followUpMeeting.meeting.date}`);
    cases.push({ year, evaluationId: ev.id });
  }
  holdLaterVotes(env, followUpMeeting, [{ kind: 'followUp', cases }]);
  deriveYearStages(year, [october, followUpMeeting]);
}
