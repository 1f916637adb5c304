import { HEARING_PURPOSE_LABELS, type AgendaItem } from '../domain/meetings';
import { LIVE_STAGE_LABELS, type LivePosition, type LiveStage } from '../domain/live';
import type { VoteTitles } from '../domain/settings';

/**
 * The order of a meeting: 开幕, then each agenda item's stages, then 闭幕. A report heard in
 * person has 听取报告 then 随机询问; a written report is shown as 书面报告; a vote item is 民主测评.
 */
export function stagesOf(item: AgendaItem): LiveStage[] {
  if (item.kind === 'vote') return ['vote'];
  return item.mode === 'written' ? ['written'] : ['report', 'questioning'];
}

/**
 * What a stage of an item is called on the console and the hall: a vote by its kind's title of the
 * settings (民主测评, 满意度测评, 整改情况测评), a hearing by what is heard.
 */
export function stageLabelOf(item: AgendaItem | undefined, stage: LiveStage, titles: Readonly<VoteTitles>): string {
  if (item?.kind === 'vote' && stage === 'vote') return titles[item.voteKind];
  if (item?.kind === 'hearing' && stage === 'report') return HEARING_PURPOSE_LABELS[item.purpose];
  return LIVE_STAGE_LABELS[stage];
}

/** 张三 · 听取报告; a title that already names its stage (政府组成部门负责人民主测评) is not followed by it again. */
export function stepLabel(who: string, stage: string): string {
  if (!who) return stage;
  return who.includes(stage) ? who : `${who} · ${stage}`;
}

export function sequence(agenda: readonly AgendaItem[]): LivePosition[] {
  const steps: LivePosition[] = [{ itemIndex: -1, stage: 'opening' }];
  agenda.forEach((item, i) => stagesOf(item).forEach((stage) => steps.push({ itemIndex: i, stage })));
  steps.push({ itemIndex: agenda.length, stage: 'closing' });
  return steps;
}

export function samePosition(a: LivePosition, b: LivePosition): boolean {
  return a.itemIndex === b.itemIndex && a.stage === b.stage;
}

/** Index in the sequence; a position the agenda no longer has maps to the nearest earlier step. */
export function indexOfPosition(agenda: readonly AgendaItem[], pos: LivePosition): number {
  const seq = sequence(agenda);
  const exact = seq.findIndex((s) => samePosition(s, pos));
  if (exact >= 0) return exact;
  let best = 0;
  seq.forEach((s, i) => {
    if (s.itemIndex <= pos.itemIndex) best = i;
  });
  return best;
}

export function isValidPosition(agenda: readonly AgendaItem[], pos: LivePosition): boolean {
  return sequence(agenda).some((s) => samePosition(s, pos));
}

export function stepFrom(agenda: readonly AgendaItem[], pos: LivePosition, delta: 1 | -1): LivePosition | null {
  const seq = sequence(agenda);
  return seq[indexOfPosition(agenda, pos) + delta] ?? null;
}
