import { ApiError } from '../../../shared/api/errors';
import type { MeetingData } from '../../../shared/domain/partitions';
import { COUNTING_MODE_LABELS, type CountingMode, type GroupId, type RoundGroup, type VoteRound } from '../../../shared/domain/vote-round';
import { MARKS, markLabels, marksToKeys, sheetProblem, voterGroupLabel, type Counts, type Mark } from '../../../shared/vote';
import { doubleMismatches } from './tally';
import { audit, ensureCounting, findGroup, roundNames, type VoteEnv } from './vote-data';

/**
 * Counting: sheet by sheet (唱票), totals from a manual count, and the double count with its two
 * blind entries. Each keyed sheet is one durable write (the caller's store update).
 */

function groupIn(round: VoteRound, groupId: GroupId, mode: CountingMode): RoundGroup {
  const g = findGroup(round, groupId);
  if (g.mode !== mode) {
    throw new ApiError('conflict', `${voterGroupLabel(g.group)}采用“${COUNTING_MODE_LABELS[g.mode]}”，不能按“${COUNTING_MODE_LABELS[mode]}”录入。`);
  }
  return g;
}

function marksText(marks: readonly Mark[], round: VoteRound): string {
  const names = markLabels(round.rule.gradeLabels, round.rule.blankPolicy);
  return `${marks.map((m) => names[m]).join('、')}（键 ${marksToKeys(marks)}）`;
}

function checkMarks(round: VoteRound, no: number, marks: readonly Mark[]): void {
  const problem = sheetProblem({ no, marks }, round.evaluateeIds.length);
  if (problem) throw new ApiError('invalid_args', `${problem}。`);
}

export function keySheet(data: MeetingData, round: VoteRound, env: VoteEnv, groupId: GroupId, marks: Mark[], expectedNo?: number): number {
  const g = groupIn(round, groupId, 'sheets');
  const next = (g.sheets.at(-1)?.no ?? 0) + 1;
  if (expectedNo !== undefined && expectedNo < next) {
    throw new ApiError('conflict', `第${expectedNo}号票已经录入（下一张应为第${next}号），请核对后再录。`);
  }
  if (expectedNo !== undefined && expectedNo > next) {
    throw new ApiError('conflict', `第${next}号票尚未录入，不能先录第${expectedNo}号，请核对后再录。`);
  }
  checkMarks(round, next, marks);
  ensureCounting(data, round, env);
  if (g.returned !== null && g.sheets.length >= g.returned) {
    throw new ApiError('conflict', `已录入 ${g.sheets.length} 张，已达收回票数 ${g.returned} 张；如有录错，请撤销或更正。`);
  }
  g.sheets.push({ no: next, marks, at: env.at, corrected: false });
  audit(data, round, env, { action: 'sheet', groupId, no: next, detail: `第${next}号票：${marksText(marks, round)}` });
  return next;
}

/** Removes the last sheet keyed; `expectedNo` guards against undoing a sheet the operator did not see. */
export function undoSheet(data: MeetingData, round: VoteRound, env: VoteEnv, groupId: GroupId, expectedNo?: number): number {
  const g = groupIn(round, groupId, 'sheets');
  const last = g.sheets.at(-1);
  if (!last) throw new ApiError('conflict', '还没有录入测评票，没有可撤销的。');
  if (expectedNo !== undefined && expectedNo !== last.no) throw new ApiError('conflict', `最后一张是第${last.no}号票，不是第${expectedNo}号，未撤销。`);
  ensureCounting(data, round, env);
  g.sheets.pop();
  audit(data, round, env, { action: 'undo', groupId, no: last.no, detail: `撤销第${last.no}号票（原为 ${marksText(last.marks, round)}）` });
  return last.no;
}

export function correctSheet(data: MeetingData, round: VoteRound, env: VoteEnv, groupId: GroupId, no: number, marks: Mark[], reason: string): void {
  const g = groupIn(round, groupId, 'sheets');
  const sheet = g.sheets.find((s) => s.no === no);
  if (!sheet) throw new ApiError('not_found', `没有第${no}号票（已录入 ${g.sheets.length} 张）。`);
  checkMarks(round, no, marks);
  if (marksToKeys(sheet.marks) === marksToKeys(marks)) throw new ApiError('conflict', `第${no}号票原来就是 ${marksText(marks, round)}，无需更正。`);
  ensureCounting(data, round, env);
  const before = sheet.marks;
  sheet.marks = marks;
  sheet.at = env.at;
  sheet.corrected = true;
  audit(data, round, env, { action: 'correct', groupId, no, detail: `第${no}号票：${marksText(before, round)} → ${marksText(marks, round)}`, reason: reason.trim() });
}

/** 张三 满意 20、基本满意 5、不满意 3、空白 0、无效 0；李四 … */
export function countsText(round: VoteRound, names: readonly string[], counts: readonly Counts[]): string {
  const labels = markLabels(round.rule.gradeLabels, round.rule.blankPolicy);
  return counts.map((c, i) => `${names[i] ?? `第${i + 1}人`} ${MARKS.map((m) => `${labels[m]} ${c[m]}`).join('、')}`).join('；');
}

function checkShape(round: VoteRound, counts: readonly Counts[]): void {
  const n = round.evaluateeIds.length;
  if (counts.length !== n) throw new ApiError('invalid_args', `录入了 ${counts.length} 人的计票结果，本票有 ${n} 名被测评对象。`);
}

export function enterTotals(data: MeetingData, round: VoteRound, env: VoteEnv, groupId: GroupId, counts: Counts[]): void {
  const g = groupIn(round, groupId, 'totals');
  checkShape(round, counts);
  ensureCounting(data, round, env);
  g.totals = counts;
  audit(data, round, env, { action: 'totals', groupId, detail: countsText(round, roundNames(env, round), counts) });
}

/**
 * Two tellers count apart and their results are keyed one after the other. A new first entry
 * starts the comparison over (the second must be entered again, blind); the scrutineer confirms
 * only two counts that agree cell by cell.
 */
export function enterDouble(data: MeetingData, round: VoteRound, env: VoteEnv, groupId: GroupId, entry: 'first' | 'second', counts: Counts[]): void {
  const g = groupIn(round, groupId, 'double');
  checkShape(round, counts);
  if (entry === 'second' && !g.double.first) throw new ApiError('conflict', '请先录入第一次计票结果。');
  ensureCounting(data, round, env);
  if (entry === 'first') {
    g.double = { first: counts, second: null, confirmedBy: null, confirmedAt: null };
  } else {
    g.double = { ...g.double, second: counts, confirmedBy: null, confirmedAt: null };
  }
  const names = roundNames(env, round);
  audit(data, round, env, { action: entry === 'first' ? 'double-first' : 'double-second', groupId, detail: countsText(round, names, counts) });
}

export function confirmDouble(data: MeetingData, round: VoteRound, env: VoteEnv, groupId: GroupId, scrutineer: string): void {
  const g = groupIn(round, groupId, 'double');
  if (!g.double.first || !g.double.second) throw new ApiError('conflict', '两次计票都录入后才能确认。');
  const mismatches = doubleMismatches(g, roundNames(env, round), round.rule);
  if (mismatches.length > 0) throw new ApiError('conflict', `两次计票不一致，不能确认：${mismatches.map((m) => m.message).join('；')}`);
  if (round.scrutineers.length === 0) throw new ApiError('conflict', '请先登记监票人。');
  const who = scrutineer.trim();
  if (!round.scrutineers.includes(who)) throw new ApiError('invalid_args', `${who}不是本轮登记的监票人（${round.scrutineers.join('、')}）。`);
  ensureCounting(data, round, env);
  g.double = { ...g.double, confirmedBy: who, confirmedAt: env.at };
  audit(data, round, env, { action: 'confirm', groupId, detail: `监票人${who}确认两次计票一致` });
}
