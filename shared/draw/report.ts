import type { DrawRosterMember } from './candidates';
import { drawLabel, formatDrawTime } from './fold';
import { CANCEL_KIND_LABELS, DRAW_SCOPE_LABELS, drawLogEntrySchema, type DrawEntry, type DrawLogEntry } from './log-schema';
import { acceptLimit, UINT32_RANGE } from './pick-index';
import { replayLog } from './replay';
import { formatRound } from '../format/chinese-numerals';

/**
 * The audit printout (随机抽取公平性核查记录): the method in words, every entry in order with its
 * candidates, every random value (rejected ones marked) and the arithmetic from value to person,
 * then the verdict of a replay. A reader with a calculator can redo any draw from the page.
 */

export interface FairnessReportOptions {
  rosterById?: ReadonlyMap<string, DrawRosterMember>;
  /** scopeId → what to print for it (the evaluatee's name, the meeting's name). */
  scopeNames?: Readonly<Record<string, string>>;
  /** questionId → the question's text, printed after the drawn question's id. */
  questionTexts?: Readonly<Record<string, string>>;
}

export const METHOD_TEXT = [
  `抽取方法：每次读取4个随机字节，按大端序（首字节为最高位）组成0至${UINT32_RANGE - 1}之间的整数；` +
    '候选人数为n时，不小于⌊2³²÷n⌋×n的数一律舍弃并重新读取，否则以该数除以n的余数为序号（从0起），按名单顺序对应候选人。' +
    '这样每位候选人对应的可采用数值个数完全相同，不存在取余偏差；舍弃的数与采用的数一并记录在案。',
  '候选人：出席会议、未被排除、在本询问范围本轮尚未提问的常委会组成人员，按名单顺序排列。重新抽取或撤销的抽取作废但保留记录，被作废抽取抽中的人员仍可再被抽取。',
];

const INDENT = '　　';

function scopeText(scope: DrawEntry['scope'], scopeId: string, cycle: number, options: FairnessReportOptions): string {
  const name = options.scopeNames?.[scopeId] ?? scopeId;
  return `询问范围：${DRAW_SCOPE_LABELS[scope]}（${name}），${formatRound(cycle)}`;
}

function valuesText(values: readonly number[], n: number): string {
  const limit = acceptLimit(n);
  return values.map((v) => `${v}（${v < limit ? '采用' : `舍弃，不小于${limit}`}）`).join('、');
}

function drawLines(entry: DrawEntry, ordinal: number, cancel: string | null, options: FairnessReportOptions): string[] {
  const n = entry.candidates.length;
  const accepted = entry.values.at(-1) ?? 0;
  const member = entry.candidates[entry.index];
  const asked = entry.present.length - entry.excluded.length - n;
  const lines = [
    `${drawLabel(ordinal, entry.id)}　${formatDrawTime(entry.at)}　${scopeText(entry.scope, entry.scopeId, entry.cycle, options)}${cancel ? `　【已作废：${cancel}】` : ''}`,
    `${INDENT}出席${entry.present.length}人，排除${entry.excluded.length}人，本轮已提问${Math.max(0, asked)}人，候选${n}人：` +
      entry.candidates.map((c, i) => `${i + 1}.${c.name}`).join(' '),
    `${INDENT}随机数：${valuesText(entry.values, n)}`,
    `${INDENT}演算：${accepted} ÷ ${n} 余 ${accepted % n}，即第${(accepted % n) + 1}位候选人`,
    `${INDENT}抽取结果：${member?.memberId === entry.memberId ? member.name : entry.memberId}`,
  ];
  const q = entry.question;
  if (q) {
    const qAccepted = q.values.at(-1) ?? 0;
    const text = options.questionTexts?.[q.questionId];
    lines.push(
      `${INDENT}抽取问题：题库候选${q.bankIds.length}个（${q.bankIds.join('、')}），随机数：${valuesText(q.values, q.bankIds.length)}；` +
        `${qAccepted} ÷ ${q.bankIds.length} 余 ${qAccepted % q.bankIds.length}，抽出问题${q.questionId}${text ? `：${text}` : ''}`,
    );
  }
  return lines;
}

function entryLines(entry: DrawLogEntry, position: number, ordinals: Map<string, number>, cancels: Map<string, string>, options: FairnessReportOptions): string[] {
  if (entry.type === 'draw') return drawLines(entry, ordinals.get(entry.id) ?? 0, cancels.get(entry.id) ?? null, options);
  if (entry.type === 'cancel') {
    const ordinal = ordinals.get(entry.drawId);
    const target = ordinal ? drawLabel(ordinal, entry.drawId) : entry.drawId;
    return [`第${position + 1}条记录　${formatDrawTime(entry.at)}　${CANCEL_KIND_LABELS[entry.kind]}：作废${target}，原因：${entry.reason}`];
  }
  return [`第${position + 1}条记录　${formatDrawTime(entry.at)}　开始新一轮：${scopeText(entry.scope, entry.scopeId, entry.cycle, options)}，原因：${entry.reason}`];
}

/** Chinese lines for the printout; the last lines give the replay's verdict. */
export function fairnessReport(log: readonly unknown[], options: FairnessReportOptions = {}): string[] {
  const replay = replayLog(log, options.rosterById);
  const entries = log.map((raw) => drawLogEntrySchema.safeParse(raw));
  const ordinals = new Map<string, number>();
  const cancels = new Map<string, string>();
  let drawCount = 0;
  let cancelCount = 0;
  let cycleCount = 0;
  for (const [i, parsed] of entries.entries()) {
    if (!parsed.success) {
      if ((log[i] as { type?: unknown } | null)?.type === 'draw') drawCount++;
      continue;
    }
    const e = parsed.data;
    if (e.type === 'draw') ordinals.set(e.id, ++drawCount);
    else if (e.type === 'cancel') {
      cancelCount++;
      if (!cancels.has(e.drawId)) cancels.set(e.drawId, `第${i + 1}条记录${CANCEL_KIND_LABELS[e.kind]}，原因：${e.reason}`);
    } else cycleCount++;
  }

  const lines = ['随机抽取公平性核查记录', ...METHOD_TEXT, `共${log.length}条记录：抽取${drawCount}次，作废${cancelCount}次，开始新一轮${cycleCount}次。`, ''];
  for (const [i, parsed] of entries.entries()) {
    if (parsed.success) lines.push(...entryLines(parsed.data, i, ordinals, cancels, options));
    else lines.push(`第${i + 1}条记录　格式无效，无法显示（见复核结论）`);
  }
  lines.push('');
  if (replay.ok) {
    lines.push(`复核结论：按记录的随机数逐次重新演算，${drawCount}次抽取的结果均与记录一致，候选人名单均符合抽取规则，未发现问题。`);
  } else {
    lines.push(`复核结论：发现${replay.problems.length}个问题：`);
    lines.push(...replay.problems.map((p, i) => `${INDENT}${i + 1}. ${p}`));
  }
  if (replay.warnings.length > 0) {
    lines.push('提示：');
    lines.push(...replay.warnings.map((w, i) => `${INDENT}${i + 1}. ${w}`));
  }
  return lines;
}
