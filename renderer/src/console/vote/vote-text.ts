import type { VoteGroupView, VoteRoundView } from '../../../../shared/api/vote-types';
import { SHEET_ENTRY_KEYS } from '../../../../shared/live/console-keys';
import { formatRate } from '../../../../shared/format/numbers';
import { MARKS, MARK_KEYS, keyLegend, rateGrades, validCount, type Counts, type Mark } from '../../../../shared/vote';

/** The vote panel's words, in one place so the tests and the screen use the same ones. */
export const VOTE_TEXT = {
  title: '民主测评',
  prepare: '准备测评',
  prepareAgain: '准备新一轮测评',
  tellers: '计票人',
  scrutineers: '监票人',
  saveTellers: '保存计票人、监票人',
  open: '发票',
  close: '收票',
  check: '核对',
  announce: '公布结果',
  amend: '更正已公布结果',
  void: '作废本轮',
  undo: '撤销上一张',
  correct: '更正',
  audit: '计票日志',
  csv: '导出CSV',
  keyLegend: keyLegend(),
  keyHelp: SHEET_ENTRY_KEYS.map((k) => `${k.keys.join('/')} ${k.label}`).join('　'),
} as const;

/** Steps shown above the round, in the order of the spec's states. */
export const STEPS: { state: VoteRoundView['state']; label: string }[] = [
  { state: 'prepared', label: '准备' },
  { state: 'open', label: '发票' },
  { state: 'closed', label: '收票' },
  { state: 'counting', label: '计票' },
  { state: 'checked', label: '核对' },
  { state: 'announced', label: '公布' },
];

const MARK_OF: ReadonlyMap<string, Mark> = new Map(MARKS.map((m) => [MARK_KEYS[m], m] as const));

/** Full-width digits (a Chinese input method left on) read as the digits they show. */
export function halfWidthDigits(input: string): string {
  return input.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Keys typed so far: digits 1/2/3/0/9 only (full-width digits too). */
export function cleanKeys(input: string, max: number): string {
  return [...halfWidthDigits(input)].filter((c) => MARK_OF.has(c)).join('').slice(0, max);
}

export function keysToMarks(keys: string): Mark[] {
  return [...keys].map((k) => MARK_OF.get(k)!).filter(Boolean);
}

export function markOfKey(key: string): Mark | undefined {
  return MARK_OF.get(key);
}

/** Names as typed into one field: 张三、李四 / 张三,李四 / 张三 李四. */
export function splitNames(text: string): string[] {
  return text
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function rowRate(c: Counts, round: VoteRoundView): { valid: number; rate: string } {
  const valid = validCount(c, round.rule.blankPolicy);
  const top = rateGrades(round.rule.rateFormula).reduce((s, g) => s + c[g], 0);
  return { valid, rate: formatRate(top, valid) };
}

/** The group whose counting is shown first: the first with work left, else the binding one. */
export function firstGroup(round: VoteRoundView): VoteGroupView {
  return round.groups.find((g) => g.counted < (g.returned ?? 0)) ?? round.groups[0]!;
}
