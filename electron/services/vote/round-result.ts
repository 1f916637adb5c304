import { ApiError } from '../../../shared/api/errors';
import type { MeetingData } from '../../../shared/domain/partitions';
import type { CoreData } from '../../../shared/domain/partitions';
import type { GroupId, StoredResult, VoteRound } from '../../../shared/domain/vote-round';
import { checkRound, voterGroupLabel, type Counts, type RoundResults } from '../../../shared/vote';
import { countsText } from './round-count';
import { checkExtras, gradeRound, groupCounts, roundFailures } from './tally';
import { audit, ensureCounting, findGroup, moveState, roundNames, type VoteEnv } from './vote-data';
import { formatRound } from '../../../shared/format/chinese-numerals';

/** Checking, announcing and amending: where a round's result is graded, frozen and published. */

/** 姓名 and 单位及职务 now, frozen with the result (县教育局局长). */
export function peopleOf(core: Readonly<CoreData>, ids: readonly string[]): { name: string; position: string }[] {
  return ids.map((id) => {
    const e = core.evaluatees.find((x) => x.id === id);
    if (!e) return { name: '（已删除）', position: '' };
    return { name: e.name, position: `${core.units.find((u) => u.id === e.unitId)?.name ?? ''}${e.position}` };
  });
}

function stored(round: VoteRound, results: RoundResults, env: Pick<VoteEnv, 'at' | 'core'>): StoredResult {
  const groups = [results.binding, ...results.apart].map((r) => {
    const g = round.groups.find((x) => x.group.kind === r.group.kind && voterGroupLabel(x.group) === r.label);
    return { ...r, id: g?.id ?? r.group.kind, mode: g?.mode ?? 'sheets' };
  });
  return { rule: round.rule, groups, tellers: [...round.tellers], scrutineers: [...round.scrutineers], gradedAt: env.at, people: peopleOf(env.core, round.evaluateeIds) };
}

/** 张三 满意（满意 20 票，满意率 92.9%）；李四 … */
function outcomesText(results: RoundResults, names: readonly string[]): string {
  return results.binding.results.map((r, i) => `${names[i] ?? ''} ${r.outcome}（${r.summary}）`).join('；');
}

/** All hard checks pass (and the scrutineer confirmed a double count): the result is graded and frozen. */
export function checkRoundNow(data: MeetingData, round: VoteRound, env: VoteEnv): void {
  if (round.state === 'closed') ensureCounting(data, round, env);
  if (round.state !== 'counting') moveState(data, round, 'checked', env);
  const names = roundNames(env, round);
  const failures = [...roundFailures(round, names), ...checkExtras(round)];
  if (failures.length > 0) throw new ApiError('conflict', `核对未通过：${failures.join('；')}`, failures.map((message) => ({ path: '', message })));
  const results = gradeRound(round, names);
  if (!results) throw new ApiError('conflict', '核对未通过：计票结果不完整。');
  moveState(data, round, 'checked', env, { checkFailures: [], doubleCountMode: false });
  round.result = stored(round, results, env);
  audit(data, round, env, { action: 'check', detail: `核对通过：${outcomesText(results, names)}` });
}

export function announceRound(data: MeetingData, round: VoteRound, env: VoteEnv): void {
  if (!round.result && round.state === 'checked') throw new ApiError('conflict', '本轮测评没有核对后的结果，请重新核对。');
  moveState(data, round, 'announced', env);
  audit(data, round, env, { action: 'announce', detail: `公布${formatRound(round.number)}测评结果` });
}

/**
 * A correction after announcement: never a silent edit. The new counts pass the same hard checks,
 * the amendment keeps before, after, reason and time, and the result is graded again.
 */
export function amendRound(data: MeetingData, round: VoteRound, env: VoteEnv, groupId: GroupId, counts: Counts[], reason: string): void {
  if (round.state !== 'announced' && round.state !== 'amended') {
    throw new ApiError('conflict', '只有已公布的结果才需要“更正”；公布前请直接更正测评票或重新录入。');
  }
  const g = findGroup(round, groupId);
  const names = roundNames(env, round);
  if (counts.length !== names.length) throw new ApiError('invalid_args', `录入了 ${counts.length} 人的计票结果，本票有 ${names.length} 名被测评对象。`);
  const failures = checkRound({
    issued: g.issued ?? 0,
    returned: g.returned ?? 0,
    presentInGroup: g.present ?? 0,
    perEvaluatee: names.map((name, i) => ({ name, counts: counts[i]! })),
    labels: round.rule.gradeLabels,
  });
  if (failures.length > 0) throw new ApiError('conflict', `更正后的结果未通过核对：${failures.map((f) => f.message).join('；')}`);
  const before = groupCounts(g, names.length);
  if (!before) throw new ApiError('conflict', '该类投票人员没有可更正的结果。');
  if (JSON.stringify(before) === JSON.stringify(counts)) throw new ApiError('conflict', '更正后的结果与现有结果相同。');
  const why = reason.trim();
  moveState(data, round, 'amended', env, { reason: why });
  g.amended = counts;
  round.amendments.push({ at: env.at, groupId, reason: why, before, after: counts });
  const results = gradeRound(round, names);
  if (!results) throw new ApiError('conflict', '更正后的结果不完整，未保存。');
  round.result = stored(round, results, env);
  audit(data, round, env, {
    action: 'amend',
    groupId,
    detail: `${voterGroupLabel(g.group)}：原为 ${countsText(round, names, before)}；更正为 ${countsText(round, names, counts)}`,
    reason: why,
  });
}
