import { itemEvaluatees, type AgendaItem } from '../domain/meetings';
import type { MeetingData } from '../domain/partitions';
import { formatRound } from '../format/chinese-numerals';

/**
 * Which agenda items the meeting has begun on, and why. Once a report was timed, a question was
 * drawn for its evaluatee or a vote round exists, the item is part of the record: the hall has
 * shown it, the draw log and the minutes name its evaluatee, a round counts its ballots under it.
 * Such an item may move in the list but not leave it or change whom it is about, so the agenda,
 * the rounds and the minutes keep telling the same story.
 */

export interface StartedItem {
  /** The item as named in a refusal: “张三”的报告 / 测评“…” */
  label: string;
  /** What has happened on it, e.g. 已进行随机询问. */
  reason: string;
  /** A vote item whose ballots were issued: its evaluatees are fixed too. */
  fixedEvaluatees: boolean;
}

type Facts = Pick<MeetingData, 'meeting' | 'live' | 'questioning' | 'votes'>;


/** itemId → why it counts as started; items not started are absent. `nameOf` names an evaluatee. */
export function startedItems(data: Readonly<Facts>, nameOf: (evaluateeId: string) => string): Map<string, StartedItem> {
  const started = new Map<string, StartedItem>();
  const { meeting, live } = data;
  const running = live.status === 'running';
  meeting.agenda.forEach((item, index) => {
    const current = running && live.position.itemIndex === index;
    if (item.kind !== 'vote') {
      const label = `“${nameOf(item.evaluateeId)}”的${item.kind === 'hearing' ? '整改情况报告' : '报告'}`;
      // A draw names the evaluatee, not the item: a report and a hearing of one person rarely share a meeting.
      const asked = data.questioning.records.some((r) => r.evaluateeId === item.evaluateeId);
      const timed = live.timers[item.id]?.started === true;
      const reason = asked ? '已进行随机询问' : timed ? '已开始汇报计时' : current ? '正在进行' : null;
      if (reason) started.set(item.id, { label, reason, fixedEvaluatees: false });
      return;
    }
    const rounds = data.votes.rounds.filter((r) => r.agendaItemId === item.id && r.state !== 'void');
    const latest = rounds.reduce<(typeof rounds)[number] | null>((a, r) => (!a || r.number > a.number ? r : a), null);
    const label = `测评“${item.title}”`;
    if (latest) started.set(item.id, { label, reason: `已准备${formatRound(latest.number)}测评`, fixedEvaluatees: rounds.some((r) => r.state !== 'prepared') });
    else if (current) started.set(item.id, { label, reason: '正在进行', fixedEvaluatees: false });
  });
  return started;
}

/**
 * Why `next` cannot replace the agenda, in Chinese; null when it can. A started item must stay,
 * with its id, its kind and its evaluatee (and a report its mode: the hall showed it heard in
 * person or in writing); a vote whose ballots were issued keeps its evaluatees.
 */
export function agendaChangeBlocker(data: Readonly<Facts>, next: readonly AgendaItem[], nameOf: (evaluateeId: string) => string): string | null {
  const byId = new Map(next.map((item) => [item.id, item]));
  for (const [id, s] of startedItems(data, nameOf)) {
    const before = data.meeting.agenda.find((a) => a.id === id)!;
    const after = byId.get(id);
    if (!after) return `${s.label}${s.reason}，不能从议程中删除。`;
    const sameKind = after.kind === before.kind;
    const sameReport =
      before.kind !== 'vote' &&
      after.kind === before.kind &&
      after.evaluateeId === before.evaluateeId &&
      after.mode === before.mode &&
      (after.kind !== 'hearing' || before.kind !== 'hearing' || (after.evaluationId === before.evaluationId && after.purpose === before.purpose));
    const sameVote = before.kind === 'vote' && after.kind === 'vote' && (!s.fixedEvaluatees || itemEvaluatees(after).join() === itemEvaluatees(before).join());
    if (!sameKind || !(sameReport || sameVote)) return `${s.label}${s.reason}，不能${before.kind === 'vote' ? '更改被测评对象' : '更改被评议对象或汇报方式'}。`;
  }
  return null;
}

/**
 * Where the meeting is after the agenda was reordered: the same item and stage, found by the
 * item's id (the live position counts by index). Opening stays opening; closing follows the end.
 */
export function remapIndex(before: readonly AgendaItem[], after: readonly AgendaItem[], index: number): number | null {
  if (index < 0) return index;
  if (index >= before.length) return after.length;
  const id = before[index]?.id;
  const to = after.findIndex((a) => a.id === id);
  return to >= 0 ? to : null;
}
