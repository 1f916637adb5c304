import type { ArgsOf } from '../../../../shared/api/contract';
import type { AgendaItem, HearingPurpose } from '../../../../shared/domain/meetings';
import type { LaterVoteKind } from '../../../../shared/loop/labels';
import type { ReportMode } from '../../../../shared/domain/evaluations';

/**
 * Pure edits of an agenda. Each returns the whole new list, which the page sends to
 * meetings.setAgenda and shows only once the service has stored it. Items keep their ids;
 * new items have none and get one from the service.
 */
export type AgendaInput = ArgsOf<'meetings.setAgenda'>['agenda'][number];

/** New report items go after the last report, so the votes stay at the end where they belong. */
export function addReports(agenda: readonly AgendaItem[], items: { evaluateeId: string; mode: ReportMode }[]): AgendaInput[] {
  const lastReport = agenda.map((i) => i.kind).lastIndexOf('report');
  const at = lastReport + 1;
  const added: AgendaInput[] = items.map((i) => ({ kind: 'report', evaluateeId: i.evaluateeId, mode: i.mode }));
  return [...agenda.slice(0, at), ...added, ...agenda.slice(at)];
}

/** A hearing of an earlier evaluation's rectification goes after the reports and hearings, before the votes. */
export function addHearing(agenda: readonly AgendaItem[], h: { evaluateeId: string; evaluationId: string; purpose: HearingPurpose; mode: ReportMode }): AgendaInput[] {
  const kinds = agenda.map((i) => i.kind);
  const at = Math.max(kinds.lastIndexOf('report'), kinds.lastIndexOf('hearing')) + 1;
  return [...agenda.slice(0, at), { kind: 'hearing', ...h }, ...agenda.slice(at)];
}

/**
 * A later vote of an earlier evaluation: joins the meeting's ballot of the same kind while that one
 * has not started (one sheet for everyone voted on the rectification), else a new ballot at the end.
 */
export function addLaterVote(
  agenda: readonly AgendaItem[],
  v: { voteKind: LaterVoteKind; title: string; evaluateeId: string; evaluationId: string },
  started: Readonly<Record<string, string>>,
): AgendaInput[] {
  const at = agenda.findIndex((i) => i.kind === 'vote' && i.voteKind === v.voteKind && !started[i.id]);
  const joined = agenda[at];
  if (joined?.kind === 'vote') {
    return agenda.map((item, i) =>
      i === at && item.kind === 'vote' ? { ...item, evaluateeIds: [...item.evaluateeIds, v.evaluateeId], evaluationIds: [...item.evaluationIds, v.evaluationId] } : item,
    );
  }
  return [...agenda, { kind: 'vote', voteKind: v.voteKind, title: v.title, evaluateeIds: [v.evaluateeId], evaluationIds: [v.evaluationId] }];
}

export function moveItem(agenda: readonly AgendaItem[], index: number, delta: -1 | 1): AgendaInput[] {
  const to = index + delta;
  const list: AgendaInput[] = [...agenda];
  if (to < 0 || to >= list.length) return list;
  const [item] = list.splice(index, 1);
  if (item) list.splice(to, 0, item);
  return list;
}

/**
 * Removes one item. A report item also leaves the meeting's votes that cover its evaluatee, and a
 * vote left with nobody goes too: a ballot for someone who is not heard makes no sense. Later votes
 * need no report here and are left alone.
 */
export function removeItem(agenda: readonly AgendaItem[], index: number): AgendaInput[] {
  const removed = agenda[index];
  const rest = agenda.filter((_, i) => i !== index);
  if (removed?.kind !== 'report') return rest;
  return rest.flatMap((item): AgendaInput[] => {
    if (item.kind !== 'vote' || item.voteKind !== 'meeting' || !item.evaluateeIds.includes(removed.evaluateeId)) return [item];
    const evaluateeIds = item.evaluateeIds.filter((id) => id !== removed.evaluateeId);
    return evaluateeIds.length > 0 ? [{ ...item, evaluateeIds }] : [];
  });
}

/** What removing the item at `index` does to the votes, so the page can ask first. */
export function votesAffected(agenda: readonly AgendaItem[], index: number): { changed: string[]; dropped: string[] } {
  const removed = agenda[index];
  const changed: string[] = [];
  const dropped: string[] = [];
  if (removed?.kind !== 'report') return { changed, dropped };
  for (const item of agenda) {
    if (item.kind !== 'vote' || item.voteKind !== 'meeting' || !item.evaluateeIds.includes(removed.evaluateeId)) continue;
    (item.evaluateeIds.length === 1 ? dropped : changed).push(item.title);
  }
  return { changed, dropped };
}

export function setMode(agenda: readonly AgendaItem[], index: number, mode: ReportMode): AgendaInput[] {
  return agenda.map((item, i) => (i === index && item.kind !== 'vote' ? { ...item, mode } : item));
}

export function addVote(agenda: readonly AgendaItem[], title: string, evaluateeIds: string[]): AgendaInput[] {
  return [...agenda, { kind: 'vote', title, evaluateeIds }];
}

export function updateVote(agenda: readonly AgendaItem[], index: number, title: string, evaluateeIds: string[]): AgendaInput[] {
  return agenda.map((item, i) => {
    if (i !== index || item.kind !== 'vote') return item;
    // A later vote keeps each evaluatee's evaluation beside it.
    const evaluationIds = item.voteKind === 'meeting' ? [] : evaluateeIds.map((id) => item.evaluationIds[item.evaluateeIds.indexOf(id)] ?? '');
    return { ...item, title, evaluateeIds, evaluationIds };
  });
}
