/** The demo history's votes: attendance, each column of marks drawn to its intended outcome, a vote item keyed and announced. */
import { newId } from '../../../shared/domain/ids';
import type { AgendaItem, VoteItem } from '../../../shared/domain/meetings';
import type { MeetingData, YearData } from '../../../shared/domain/partitions';
import type { EvaluationVoteResult } from '../../../shared/domain/vote-round';
import type { VoteKind } from '../../../shared/domain/settings';
import { meetingQuorum } from '../../../shared/live/quorum';
import type { Mark } from '../../../shared/vote';
import { announceRound, checkRoundNow } from '../vote/round-result';
import { compactResult } from '../vote/evaluation-sync';
import { keySheet } from '../vote/round-count';
import { closeRound, openRound, prepareRound } from '../vote/round-setup';
import type { VoteEnv } from '../vote/vote-data';
import { at, evaluationOf, loopOf, type HistoryEnv } from './demo-history-env';
import type { Dice } from './seeded-random';

/** Most members present, a few on leave, as a sign-in sheet records them. */
export function attendMeeting(env: HistoryEnv, data: MeetingData): void {
  const members = env.core.members.filter((m) => m.active);
  const away = new Set(env.dice.shuffle(members.slice(1)).slice(0, env.dice.between(1, 4)).map((m) => m.id));
  data.attendance = {
    members: Object.fromEntries(members.map((m) => [m.id, away.has(m.id) ? 'leave' : 'present'])),
    deputies: env.dice.between(6, 12),
    citizens: env.dice.between(2, 6),
  };
}

/**
 * How the members' marks for one evaluatee fall. Under the default rule (半数三级) a passing
 * column has 满意 from half of 应到 up; a failing one keeps 满意 + 基本满意 under half. holdVote
 * checks the graded outcome against the intention, so another rule cannot slip through unnoticed.
 */
function markColumn(dice: Dice, present: number, entitled: number, failing: boolean, set?: ColumnSet): Mark[] {
  const half = Math.ceil(entitled / 2);
  if (set) return dice.shuffle(setColumn(dice, present, entitled, failing, set));
  const satisfied = failing ? dice.between(3, 6) : dice.between(Math.min(present, half + 2), Math.min(present, half + 10));
  const basic = failing ? dice.between(3, Math.max(3, half - satisfied - 2)) : dice.between(0, Math.min(6, present - satisfied));
  const rest = present - satisfied - basic;
  const blank = failing ? 0 : dice.between(0, Math.min(1, rest));
  const column: Mark[] = [
    ...Array<Mark>(satisfied).fill('satisfied'),
    ...Array<Mark>(basic).fill('basic'),
    ...Array<Mark>(rest - blank).fill('unsatisfied'),
    ...Array<Mark>(blank).fill('blank'),
  ];
  return dice.shuffle(column);
}

/** A column's unsatisfied and blank marks set by the caller (the demo's published figures), the rest drawn. */
export interface ColumnSet {
  unsatisfied: number;
  blank: number;
}

/**
 * A column with the given unsatisfied and blank marks: passing, 满意 from half of 应到 + 2 up and the rest
 * 基本满意; failing (`set` ignored), 满意 + 基本满意 exactly half of 应到 (not more than half) and the rest 不满意.
 */
function setColumn(dice: Dice, present: number, entitled: number, failing: boolean, set: ColumnSet): Mark[] {
  const fill = (n: number, m: Mark) => Array<Mark>(Math.max(0, n)).fill(m);
  if (failing) {
    const top = Math.floor(entitled / 2);
    const satisfied = dice.between(3, 6);
    return [...fill(satisfied, 'satisfied'), ...fill(top - satisfied, 'basic'), ...fill(present - top, 'unsatisfied')];
  }
  const room = present - set.unsatisfied - set.blank;
  const satisfied = dice.between(Math.min(room, Math.ceil(entitled / 2) + 2), room);
  return [...fill(satisfied, 'satisfied'), ...fill(room - satisfied, 'basic'), ...fill(set.unsatisfied, 'unsatisfied'), ...fill(set.blank, 'blank')];
}

export interface VoteSpec {
  item: VoteItem;
  /** Evaluatees whose result should be the failing one. */
  failing: ReadonlySet<string>;
  /** Sets each passing column's unsatisfied and blank marks, given the members present (the rest drawn as usual). */
  columns?: (present: number, evaluateeIds: readonly string[]) => ColumnSet[];
}

/**
 * One vote item held and announced on `day`: prepared, ballots out to those present, returned,
 * keyed sheet by sheet, checked and announced by the vote services' functions (so every figure is
 * the vote rules' own). Returns the
 * compact result of each evaluatee, in the item's order.
 */
export function holdVote(env: HistoryEnv, data: MeetingData, spec: VoteSpec, day: string, slot: number): EvaluationVoteResult[] {
  let minute = slot * 40;
  const step = (): VoteEnv => ({ core: env.core, at: at(day, (minute += 1)), random: env.random });
  const quorum = meetingQuorum({ members: env.core.members, attendance: data.attendance, rule: env.core.settings.quorum.rule });
  const present = env.core.members.filter((m) => data.attendance.members[m.id] === 'present');
  const scrutineers = env.dice.shuffle(present.filter((m) => m.role === '委员')).slice(0, 2).map((m) => m.name);
  const round = prepareRound(data, step(), { agendaItemId: spec.item.id, tellers: [...env.tellers], scrutineers });
  openRound(data, round, step(), { quorum, running: true, attendees: { deputies: data.attendance.deputies, citizens: data.attendance.citizens } }, [
    { groupId: 'members', issued: quorum.present },
  ]);
  closeRound(data, round, step(), [{ groupId: 'members', returned: quorum.present }]);
  const sets = spec.columns?.(quorum.present, round.evaluateeIds);
  const columns = round.evaluateeIds.map((id, i) => markColumn(env.dice, quorum.present, quorum.entitled, spec.failing.has(id), sets?.[i]));
  for (let sheet = 0; sheet < quorum.present; sheet++) keySheet(data, round, step(), 'members', columns.map((c) => c[sheet] as Mark));
  checkRoundNow(data, round, step());
  announceRound(data, round, step());
  return round.evaluateeIds.map((id, i) => {
    const result = compactResult(data, round, i);
    if (!result) throw new Error('demo history: a vote without a result');
    if (result.failing !== spec.failing.has(id)) throw new Error(`demo history: the rule graded ${result.outcome}, not the intended outcome`);
    return result;
  });
}

/** The vote items of an evaluation meeting: one for the heads heard in person, one for the written reports. */
export function meetingVoteItems(env: HistoryEnv, agenda: readonly AgendaItem[]): VoteItem[] {
  const title = env.core.settings.voteTitles.meeting;
  const reports = agenda.filter((a) => a.kind === 'report');
  // One ballot for the heads, one for the judges and prosecutors, whether they report in person or in writing.
  const head = (id: string) => env.core.evaluatees.find((e) => e.id === id)?.category === '政府组成部门负责人';
  const groups: [string, string[]][] = [
    [`政府组成部门负责人${title}`, reports.filter((r) => head(r.evaluateeId)).map((r) => r.evaluateeId)],
    [`员额法官、员额检察官${title}`, reports.filter((r) => !head(r.evaluateeId)).map((r) => r.evaluateeId)],
  ];
  return groups
    .filter(([, ids]) => ids.length > 0)
    .map(([t, ids]) => ({ kind: 'vote', id: newId('ag', env.random), title: t, evaluateeIds: ids, voteKind: 'meeting', evaluationIds: [] }));
}

export interface LaterVoteCase {
  year: YearData;
  evaluationId: string;
  failing?: boolean;
  /** The day its 回头看 ended, when the vote follows one. */
  ended?: string;
}

/**
 * A later meeting holding later votes: one vote item per kind (满意度测评 after 回头看,
 * 整改情况测评 after a failing re-report, each case heard first as a hearing item), each evaluatee
 * with the evaluation it belongs to, counted and announced like the meeting's vote; the result is
 * kept with the evaluation (loop.laterVotes), as the later-vote sync writes it.
 */
export function holdLaterVotes(env: HistoryEnv, meeting: MeetingData, votes: { kind: Exclude<VoteKind, 'meeting'>; cases: LaterVoteCase[] }[]): void {
  const { meeting: m } = meeting;
  m.status = 'closed';
  attendMeeting(env, meeting);
  // Each is heard before its vote: the re-report in person, the 整改情况报告 received on the
  // written report (the report records the meeting that heard it).
  for (const { kind, cases } of votes) {
    for (const c of cases) {
      const ev = evaluationOf(c.year, c.evaluationId);
      const purpose = kind === 'reReport' ? 'reReport' : 'report';
      m.agenda.push({ kind: 'hearing', id: newId('ag', env.random), evaluateeId: ev.evaluateeId, evaluationId: ev.id, purpose, mode: purpose === 'reReport' ? 'report' : 'written' });
      const report = loopOf(c.year).reports.find((r) => r.evaluationId === ev.id);
      if (purpose === 'report' && report) report.meetingId = m.id;
    }
  }
  votes
    .filter((v) => v.cases.length > 0)
    .forEach(({ kind, cases }, slot) => {
      const evs = cases.map((c) => evaluationOf(c.year, c.evaluationId));
      const item: VoteItem = {
        kind: 'vote',
        id: newId('ag', env.random),
        title: env.core.settings.voteTitles[kind],
        evaluateeIds: evs.map((ev) => ev.evaluateeId),
        voteKind: kind,
        evaluationIds: evs.map((ev) => ev.id),
      };
      m.agenda.push(item);
      const failing = new Set(cases.flatMap((c, i) => (c.failing ? [evs[i]?.evaluateeId ?? ''] : [])));
      const results = holdVote(env, meeting, { item, failing }, m.date, slot);
      cases.forEach((c, i) => {
        loopOf(c.year).laterVotes.push({ evaluationId: c.evaluationId, kind, meetingId: m.id, agendaItemId: item.id, result: results[i] ?? null, earlyReason: '' });
      });
    });
}
