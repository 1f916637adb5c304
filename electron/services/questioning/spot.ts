import { ApiError } from '../../../shared/api/errors';
import type { QuestioningMemberRef } from '../../../shared/api/questioning-types';
import type { DrawRosterMember } from '../../../shared/draw/candidates';
import type { DrawScope } from '../../../shared/draw/log-schema';
import type { HeardItem } from '../../../shared/domain/meetings';
import type { CoreData, MeetingData } from '../../../shared/domain/partitions';
import { sortMembers } from '../../../shared/domain/people';
import type { QuestioningData, QuestioningSettings, QuestionRecord } from '../../../shared/domain/questioning';
import { meetingQuorum } from '../../../shared/live/quorum';

/**
 * Where the live meeting is, as far as questioning is concerned: the agenda item being heard (a
 * report in person), whether questions may be drawn now, and the draw scope the settings give.
 * Pure, shared by the services, the console's state and the hall.
 */
export interface Spot {
  item: HeardItem | null;
  itemIndex: number;
  /** Why nothing can be drawn now, in Chinese; null when it can. */
  blockedBy: string | null;
  scope: DrawScope;
  /** The evaluatee (scope 'evaluatee') or the meeting (scope 'meeting'); null without an item. */
  scopeId: string | null;
}

/**
 * `core` given, the quorum is part of where the meeting is: like a vote, a question put to an
 * evaluatee is the committee's act, so nothing is drawn while too few members are present.
 * Without it (an undo, a timer) only the stage counts.
 */
export function spotOf(data: Readonly<MeetingData>, q: Readonly<QuestioningData> = data.questioning, core?: Readonly<CoreData>): Spot {
  const { live, meeting } = data;
  const itemIndex = live.position.itemIndex;
  const raw = meeting.agenda[itemIndex];
  const item = raw && raw.kind !== 'vote' ? raw : null;
  let blockedBy: string | null = null;
  if (live.status === 'idle') blockedBy = '会议尚未开始';
  else if (live.status === 'ended') blockedBy = '会议已结束';
  else if (live.position.stage !== 'questioning' || !item) blockedBy = '当前不在随机询问阶段';
  else if (core) {
    const quorum = meetingQuorum({ members: core.members, attendance: data.attendance, rule: core.settings.quorum.rule });
    if (!quorum.met) blockedBy = quorum.text;
  }
  const scope = q.settings.scope;
  const scopeId = item ? (scope === 'evaluatee' ? item.evaluateeId : meeting.id) : null;
  return { item, itemIndex, blockedBy, scope, scopeId };
}

/** A spot where drawing is allowed, or a refusal naming why not. */
export function requireSpot(spot: Spot, act = '抽取'): Spot & { item: HeardItem; scopeId: string } {
  if (spot.blockedBy || !spot.item || !spot.scopeId) throw new ApiError('conflict', `${spot.blockedBy ?? '当前不在随机询问阶段'}，不能${act}。`);
  return spot as Spot & { item: HeardItem; scopeId: string };
}

export function rosterOf(core: Readonly<CoreData>): DrawRosterMember[] {
  return core.members.map((m) => ({ id: m.id, name: m.name, role: m.role, rosterOrder: m.rosterOrder, active: m.active }));
}

/** Active members in roster order. */
export function memberRefs(core: Readonly<CoreData>): QuestioningMemberRef[] {
  return sortMembers(core.members.filter((m) => m.active)).map((m) => ({ id: m.id, name: m.name, role: m.role }));
}

/**
 * Who is never drawn: the settings' named exclusions and, unless the office turned it off, the
 * 主任 — who presides over the meeting and does not put questions to the evaluatees.
 */
export function excludedIds(core: Readonly<CoreData>, settings: Readonly<QuestioningSettings>): string[] {
  const chair = settings.excludeChair ? core.members.filter((m) => m.active && m.role === '主任').map((m) => m.id) : [];
  return [...new Set([...settings.exclusions, ...chair])];
}

export function presentIds(core: Readonly<CoreData>, data: Readonly<MeetingData>): string[] {
  return core.members.filter((m) => m.active && data.attendance.members[m.id] === 'present').map((m) => m.id);
}

/** An evaluatee by name, unit and post: the live screens' one lookup. */
export { personOf as evaluateeRef } from '../live/people';

/** The question being asked of an evaluatee now (drawn, not finished, not cancelled). */
export function currentRecord(q: Readonly<QuestioningData>, evaluateeId: string | undefined): QuestionRecord | undefined {
  if (!evaluateeId) return undefined;
  return q.records.findLast((r) => r.evaluateeId === evaluateeId && r.status === 'asking');
}

/** Standing questions are numbered 1, 2, … per evaluatee; a cancelled one has no number. */
export function questionNumbers(q: Readonly<QuestioningData>, evaluateeId: string): Map<string, number> {
  const numbers = new Map<string, number>();
  let n = 0;
  for (const r of q.records) if (r.evaluateeId === evaluateeId && r.status !== 'cancelled') numbers.set(r.id, ++n);
  return numbers;
}
