import { MARKS, MARK_KEYS, markLabels, type Mark } from '../vote/terms';

/**
 * The keys the operator console (会议现场) acts on, as the console, its key sheet (F1) and the
 * printed 会议当天操作卡 list them. The console's key handlers (renderer/src/console/shortcuts.ts,
 * questioning/questioning-keys.ts, vote/sheet-entry.tsx) act on exactly these: change both together.
 */
export interface KeyLine {
  keys: string[];
  label: string;
}

/** Moving through the agenda, the report timer and what the hall shows. */
export const CONSOLE_KEYS: readonly KeyLine[] = [
  { keys: ['→', 'PageDown'], label: '下一步' },
  { keys: ['←', 'PageUp'], label: '上一步' },
  { keys: ['Ctrl+Z'], label: '撤销移动' },
  { keys: ['空格'], label: '计时开始/暂停' },
  { keys: ['+'], label: '加1分钟' },
  { keys: ['B'], label: '黑屏（再按恢复）' },
  { keys: ['T'], label: '会标' },
  { keys: ['A'], label: '出席情况' },
  { keys: ['E'], label: '当前议程' },
  { keys: ['Esc'], label: '随议程' },
];

export const QUESTIONING_ACTIONS = ['draw', 'redraw', 'undo', 'answerTimer', 'followUpTimer', 'addMinute', 'next'] as const;
export type QuestioningAction = (typeof QUESTIONING_ACTIONS)[number];

/** 随机询问's own keys: while its panel is shown they win over the console's (Space and + drive the answer timers). */
export const QUESTIONING_KEYS: readonly { key: string; label: string; action: QuestioningAction }[] = [
  { key: 'D', label: '抽取', action: 'draw' },
  { key: 'R', label: '重抽（需说明原因）', action: 'redraw' },
  { key: 'U', label: '撤销抽取（需说明原因）', action: 'undo' },
  { key: '空格', label: '答复计时 开始/暂停', action: 'answerTimer' },
  { key: 'F', label: '追问计时 开始/暂停', action: 'followUpTimer' },
  { key: '+', label: '大屏所示计时加1分钟', action: 'addMinute' },
  { key: 'N', label: '下一个问题', action: 'next' },
];

/** The keys of a ballot sheet typed into the 逐张录入 box, after the marks (one key per evaluatee). */
export const SHEET_ENTRY_KEYS: readonly KeyLine[] = [
  { keys: ['Enter'], label: '确认本张' },
  { keys: ['Backspace'], label: '修改' },
  { keys: ['Esc'], label: '清空' },
  { keys: ['Ctrl+Z'], label: '撤销上一张' },
];

/** One key per evaluatee on a ballot sheet: 1 满意 … 9 无效 (the names as the settings give them; the defaults otherwise). */
export function markKeyLines(names: Readonly<Record<Mark, string>> = markLabels()): KeyLine[] {
  return MARKS.map((m) => ({ keys: [MARK_KEYS[m]], label: names[m] }));
}

/** The key sheet's own keys. */
export const HELP_KEYS: readonly KeyLine[] = [{ keys: ['F1', '?'], label: '快捷键一览（Esc 关闭）' }];
