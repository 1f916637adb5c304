import { ApiError } from '../../../shared/api/errors';
import { newId } from '../../../shared/domain/ids';
import type { MeetingData } from '../../../shared/domain/partitions';
import { COUNTING_MODE_LABELS, type CountingMode, type GroupId, type RoundGroup, type VoteRound } from '../../../shared/domain/vote-round';
import type { QuorumCheck } from '../../../shared/live/quorum';
import {
  checkRound,
  gradingSettings,
  isLocked,
  ROUND_STATE_LABELS,
  ruleSnapshot,
  VOTER_GROUP_LABELS,
  voidsRound,
  voterGroupLabel,
  type VoterGroupKind,
} from '../../../shared/vote';
import { hasEntries } from './tally';
import { audit, evaluateeNames, findGroup, moveState, voteItemOf, type VoteEnv } from './vote-data';
import { formatRound } from '../../../shared/format/chinese-numerals';

/**
 * Preparing, opening, closing and voiding rounds, the tellers and the counting mode. Every
 * function changes a draft of the meeting partition and logs what it did.
 */

const UNFINISHED = ['prepared', 'open', 'closed', 'counting', 'checked'] as const;

/** Why the item cannot have a new round now, or null. */
export function prepareBlocker(data: Readonly<MeetingData>, agendaItemId: string): string | null {
  const rounds = data.votes.rounds.filter((r) => r.agendaItemId === agendaItemId);
  const open = rounds.find((r) => (UNFINISHED as readonly string[]).includes(r.state));
  if (open) return `${formatRound(open.number)}测评尚未完成（${ROUND_STATE_LABELS[open.state]}），不能再准备新的一轮`;
  const published = rounds.find((r) => r.state === 'announced' || r.state === 'amended');
  if (published) return `${formatRound(published.number)}测评结果已公布；如需重新投票，请先作废该轮并说明理由`;
  return null;
}

function newGroup(kind: VoterGroupKind, label?: string): RoundGroup {
  return {
    id: kind,
    group: label && label !== VOTER_GROUP_LABELS[kind] ? { kind, label } : { kind },
    mode: 'sheets',
    entitled: null,
    present: null,
    issued: null,
    returned: null,
    sheets: [],
    totals: null,
    double: { first: null, second: null, confirmedBy: null, confirmedAt: null },
    amended: null,
  };
}

export interface PrepareArgs {
  agendaItemId: string;
  groups?: { kind: VoterGroupKind; label?: string | undefined }[] | undefined;
  /** Carried over when a void round is repeated. */
  tellers?: string[];
  scrutineers?: string[];
}

/** A new round of the item: its evaluatees fixed from the agenda now (ballots can be printed). */
export function prepareRound(data: MeetingData, env: VoteEnv, args: PrepareArgs): VoteRound {
  const item = voteItemOf(data, args.agendaItemId);
  const blocked = prepareBlocker(data, item.id);
  if (blocked) throw new ApiError('conflict', `${blocked}。`);
  const extra = (args.groups ?? []).filter((g) => g.kind !== 'members');
  const kinds = extra.map((g) => g.kind);
  if (new Set(kinds).size !== kinds.length) throw new ApiError('invalid_args', '同一类投票人员只能有一组。');
  const groups = [newGroup('members'), ...extra.map((g) => newGroup(g.kind, g.label))];
  const number = Math.max(0, ...data.votes.rounds.filter((r) => r.agendaItemId === item.id).map((r) => r.number)) + 1;
  const round: VoteRound = {
    id: newId('vr', env.random),
    agendaItemId: item.id,
    number,
    evaluateeIds: [...item.evaluateeIds],
    state: 'prepared',
    groups,
    tellers: args.tellers ?? [],
    scrutineers: args.scrutineers ?? [],
    rule: ruleSnapshot(gradingSettings(env.core.settings.votes)),
    result: null,
    preparedAt: env.at,
    openedAt: null,
    closedAt: null,
    checkedAt: null,
    announcedAt: null,
    voidedAt: null,
    voidReason: null,
    amendments: [],
    hallPage: 0,
  };
  data.votes.rounds.push(round);
  const who = evaluateeNames(env.core, round.evaluateeIds).join('、');
  audit(data, round, env, { action: 'prepare', detail: `准备${formatRound(number)}测评：被测评对象 ${who}；投票人员 ${groups.map((g) => voterGroupLabel(g.group)).join('、')}` });
  return round;
}

export function setTellers(data: MeetingData, round: VoteRound, env: VoteEnv, tellers: string[], scrutineers: string[]): void {
  if (isLocked(round.state)) throw new ApiError('conflict', '本轮测评已公布或作废，计票人、监票人不能再更改。');
  const clean = (list: string[]) => [...new Set(list.map((s) => s.trim()).filter(Boolean))];
  round.tellers = clean(tellers);
  round.scrutineers = clean(scrutineers);
  const both = round.tellers.filter((t) => round.scrutineers.includes(t));
  if (both.length > 0) throw new ApiError('invalid_args', `${both.join('、')}不能既是计票人又是监票人。`);
  if (round.result) {
    round.result.tellers = [...round.tellers];
    round.result.scrutineers = [...round.scrutineers];
  }
  audit(data, round, env, { action: 'tellers', detail: `计票人：${round.tellers.join('、') || '（无）'}；监票人：${round.scrutineers.join('、') || '（无）'}` });
}

export interface OpenFacts {
  quorum: QuorumCheck;
  running: boolean;
  attendees: { deputies: number; citizens: number };
}

/** 发票: the meeting in session with quorum; issued per group, never more than its voters present. */
export function openRound(data: MeetingData, round: VoteRound, env: VoteEnv, facts: OpenFacts, entries: { groupId: GroupId; issued: number; present?: number | undefined }[]): void {
  if (round.state !== 'prepared') moveState(data, round, 'open', env);
  if (!facts.running) throw new ApiError('conflict', '会议尚未开始或已经结束，不能发票。');
  if (!facts.quorum.met) throw new ApiError('conflict', `不足法定人数，不能开始投票：${facts.quorum.text}`);
  const parts: string[] = [];
  for (const g of round.groups) {
    const entry = entries.find((e) => e.groupId === g.id);
    const label = voterGroupLabel(g.group);
    if (!entry) throw new ApiError('invalid_args', `请填写${label}的发出票数。`);
    if (g.id === 'members') {
      g.entitled = facts.quorum.entitled;
      g.present = facts.quorum.present;
    } else {
      const present = entry.present ?? (g.id === 'deputies' ? facts.attendees.deputies : g.id === 'citizens' ? facts.attendees.citizens : undefined);
      if (present === undefined) throw new ApiError('invalid_args', `请填写${label}的到会人数。`);
      // Voters counted apart: those entitled to this group's sheet are the ones present.
      g.entitled = present;
      g.present = present;
    }
    if (entry.issued > g.present) throw new ApiError('conflict', `${label}：发出 ${entry.issued} 张，多于实到 ${g.present} 人。`);
    g.issued = entry.issued;
    parts.push(`${label} 发出 ${entry.issued} 张（${g.id === 'members' ? `应到 ${g.entitled} 人，` : ''}实到 ${g.present} 人）`);
  }
  // The rule in force when the members vote is the one the result will quote.
  round.rule = ruleSnapshot(gradingSettings(env.core.settings.votes));
  moveState(data, round, 'open', env, { quorumMet: true, issuedRecorded: true });
  audit(data, round, env, { action: 'open', detail: `${parts.join('；')}。${facts.quorum.text}` });
}

/** 收票. Returned above issued voids the round at once (kept) and prepares the next one. */
export function closeRound(data: MeetingData, round: VoteRound, env: VoteEnv, entries: { groupId: GroupId; returned: number }[]): VoteRound | null {
  if (round.state !== 'open') moveState(data, round, 'closed', env);
  const parts: string[] = [];
  const voids: string[] = [];
  for (const g of round.groups) {
    const entry = entries.find((e) => e.groupId === g.id);
    const label = voterGroupLabel(g.group);
    if (!entry) throw new ApiError('invalid_args', `请填写${label}的收回票数。`);
    g.returned = entry.returned;
    parts.push(`${label} 收回 ${entry.returned} 张（发出 ${g.issued ?? 0} 张）`);
    const failures = checkRound({ issued: g.issued ?? 0, returned: entry.returned, presentInGroup: g.present ?? 0, perEvaluatee: [] });
    if (voidsRound(failures)) voids.push(...failures.filter((f) => f.voids).map((f) => (round.groups.length > 1 ? `${label}：${f.message}` : f.message)));
  }
  moveState(data, round, 'closed', env, { returnedRecorded: true });
  audit(data, round, env, { action: 'close', detail: parts.join('；') });
  if (voids.length === 0) return null;
  voidRound(data, round, env, voids.join('；'));
  return prepareRound(data, env, {
    agendaItemId: round.agendaItemId,
    groups: round.groups.filter((g) => g.id !== 'members').map((g) => ({ kind: g.group.kind, ...(g.group.label ? { label: g.group.label } : {}) })),
    tellers: round.tellers,
    scrutineers: round.scrutineers,
  });
}

/** Kept in the record with its reason, never deleted. */
export function voidRound(data: MeetingData, round: VoteRound, env: VoteEnv, reason: string): void {
  const trimmed = reason.trim();
  moveState(data, round, 'void', env, { reason: trimmed });
  round.voidReason = trimmed;
  audit(data, round, env, { action: 'void', detail: `${formatRound(round.number)}测评作废`, reason: trimmed });
}

export function setMode(data: MeetingData, round: VoteRound, env: VoteEnv, groupId: GroupId, mode: CountingMode): void {
  if (isLocked(round.state)) throw new ApiError('conflict', '本轮测评已公布或作废，计票方式不能再更改。');
  const g = findGroup(round, groupId);
  if (g.mode === mode) return;
  if (hasEntries(g)) {
    throw new ApiError('conflict', `${voterGroupLabel(g.group)}已按“${COUNTING_MODE_LABELS[g.mode]}”录入了计票数据，不能改为“${COUNTING_MODE_LABELS[mode]}”；请先撤销已录入的数据。`);
  }
  g.mode = mode;
  audit(data, round, env, { action: 'mode', groupId, detail: `${voterGroupLabel(g.group)}：${COUNTING_MODE_LABELS[mode]}` });
}
