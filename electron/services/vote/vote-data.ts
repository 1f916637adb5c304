import { ApiError } from '../../../shared/api/errors';
import type { CoreData, MeetingData } from '../../../shared/domain/partitions';
import type { AuditEntry, GroupId, RoundGroup, VoteRound } from '../../../shared/domain/vote-round';
import type { VoteItem } from '../../../shared/domain/meetings';
import { ROUND_STATE_LABELS, transitionBlockers, type RoundFacts, type RoundState } from '../../../shared/vote';
import type { RandomSource } from '../deps';

/**
 * Small shared pieces of the vote services: ids, lookups that answer in Chinese, the audit log
 * and state changes (each logged). The mutations in round-*.ts work on a draft of the meeting
 * partition inside one store update, so a throw anywhere leaves the disk untouched.
 */

export interface VoteEnv {
  core: Readonly<CoreData>;
  /** ISO time of this change on the services' clock. */
  at: string;
  random: RandomSource;
}

export function voteItemOf(data: Readonly<MeetingData>, agendaItemId: string): VoteItem {
  const item = data.meeting.agenda.find((a) => a.id === agendaItemId);
  if (!item) throw new ApiError('not_found', '找不到该议程，可能已从会议中删除。');
  if (item.kind !== 'vote') throw new ApiError('invalid_args', '该议程不是民主测评。');
  return item;
}

export function findRound(data: MeetingData, roundId: string): VoteRound {
  const round = data.votes.rounds.find((r) => r.id === roundId);
  if (!round) throw new ApiError('not_found', '找不到该轮测评。');
  return round;
}

export function findGroup(round: VoteRound, groupId: GroupId): RoundGroup {
  const g = round.groups.find((x) => x.id === groupId);
  if (!g) throw new ApiError('not_found', '本轮测评没有这一类投票人员。');
  return g;
}

/** Names in sheet order, as the messages and the hall call the evaluatees. */
export function evaluateeNames(core: Readonly<CoreData>, ids: readonly string[]): string[] {
  return ids.map((id) => core.evaluatees.find((e) => e.id === id)?.name ?? '（已删除）');
}

export function roundNames(env: VoteEnv, round: Readonly<VoteRound>): string[] {
  return evaluateeNames(env.core, round.evaluateeIds);
}

export type AuditInput = Pick<AuditEntry, 'action' | 'detail'> & Partial<Pick<AuditEntry, 'groupId' | 'no' | 'reason'>>;

/** Appends to the log; entries are never changed or removed. */
export function audit(data: MeetingData, round: Readonly<VoteRound>, env: VoteEnv, entry: AuditInput): void {
  const last = data.votes.audit.at(-1);
  data.votes.audit.push({
    seq: (last?.seq ?? 0) + 1,
    at: env.at,
    roundId: round.id,
    groupId: entry.groupId ?? null,
    action: entry.action,
    no: entry.no ?? null,
    detail: entry.detail,
    reason: entry.reason ?? null,
  });
}

const STAMPS: Partial<Record<RoundState, 'openedAt' | 'closedAt' | 'checkedAt' | 'announcedAt' | 'voidedAt'>> = {
  open: 'openedAt',
  closed: 'closedAt',
  checked: 'checkedAt',
  announced: 'announcedAt',
  void: 'voidedAt',
};

/** Moves the round if the order of states and the guards allow it; logs the change. */
export function moveState(data: MeetingData, round: VoteRound, to: RoundState, env: VoteEnv, facts: Partial<RoundFacts> = {}): void {
  const blockers = transitionBlockers(round.state, to, facts);
  if (blockers.length > 0) throw new ApiError('conflict', blockers.join('；'));
  const from = round.state;
  round.state = to;
  const stamp = STAMPS[to];
  if (stamp) round[stamp] = env.at;
  audit(data, round, env, { action: 'state', detail: `${ROUND_STATE_LABELS[from]} → ${ROUND_STATE_LABELS[to]}` });
}

/**
 * Counting may start once the sheets are collected. A change after checking sends the round back
 * to counting: the check and its result no longer hold and must be made again.
 */
export function ensureCounting(data: MeetingData, round: VoteRound, env: VoteEnv): void {
  if (round.state === 'counting') return;
  if (round.state === 'closed' || round.state === 'checked') {
    moveState(data, round, 'counting', env);
    round.result = null;
    round.checkedAt = null;
    return;
  }
  if (round.state === 'prepared' || round.state === 'open') throw new ApiError('conflict', `本轮测评处于“${ROUND_STATE_LABELS[round.state]}”状态：收票并登记收回票数后才能计票。`);
  if (round.state === 'void') throw new ApiError('conflict', '本轮测评已作废，不能再计票；请准备新的一轮测评。');
  throw new ApiError('conflict', '本轮测评结果已公布并锁定；如有错误，请“更正已公布结果”并说明理由。');
}
