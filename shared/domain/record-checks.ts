import { formatSession } from '../format/chinese-numerals';
import { formatDateCn, parseIsoDate, yearOfIsoDate } from '../format/dates';
import { isEnded, type Evaluatee } from './evaluatees';
import type { Member, Person } from './people';
import type { Term } from './settings';

/**
 * Records that are possible but usually a slip, and records that cannot be. The first kind is
 * saved only after the clerk confirms (the service answers `needs_confirmation` with these
 * messages, the dialog shows them and sends the record again with `confirm: true`); the second is
 * refused. Each message names the existing record or the rule, so the clerk can judge.
 *
 * An edit is judged only on what it changes: a duplicate confirmed once is not asked about again
 * each time the note is edited.
 */

/** Names as a roster writes them: a two-character name padded with an ideographic space (U+3000) is the same name. */
export function nameKey(name: string): string {
  return name.replace(/[\s\u3000]+/g, '');
}

/**
 * A member with the same name as an active member: the quorum base and every vote count both, so
 * it is asked about. Only a record that is itself active, and on an edit only a new name or a
 * return to office, is judged.
 */
export function duplicateMember(draft: Pick<Member, 'name' | 'active'> & { id?: string }, members: readonly Member[], before?: Member): Member | undefined {
  if (!draft.active) return undefined;
  if (before && before.active && nameKey(before.name) === nameKey(draft.name)) return undefined;
  const key = nameKey(draft.name);
  return members.find((m) => m.id !== draft.id && m.active && nameKey(m.name) === key);
}

export function duplicateMemberMessage(existing: Member): string {
  return `名单中已有同名的在任组成人员：${existing.name}（${existing.role}，名单第${existing.rosterOrder}位）。同名的两条记录都会计入法定人数和表决，请核对是否重复录入。`;
}

/**
 * A registry person named like another person on record, or like an active member: a group or a
 * sign-in sheet would then name one person twice. On an edit only a new name is judged.
 */
export function duplicatePerson(
  draft: Pick<Person, 'name' | 'active'> & { id?: string },
  people: readonly Person[],
  members: readonly Member[],
  before?: Person,
): string | undefined {
  if (!draft.active) return undefined;
  if (before && before.active && nameKey(before.name) === nameKey(draft.name)) return undefined;
  const key = nameKey(draft.name);
  const person = people.find((p) => p.id !== draft.id && p.active && nameKey(p.name) === key);
  if (person) return `人员库中已有同名人员：${person.name}（${person.kind}${person.organisation ? `，${person.organisation}` : ''}）。请核对是否重复录入。`;
  const member = members.find((m) => m.active && nameKey(m.name) === key);
  if (member) return `${member.name}是在任的常委会组成人员（${member.role}），组成人员无需录入人员库。请核对是否为另一人。`;
  return undefined;
}

type EvaluateeDraft = Pick<Evaluatee, 'name' | 'unitId' | 'position' | 'postKey' | 'appointmentDate'> & { id?: string; endedDate?: string | undefined };

/**
 * Who already holds the post (one unit, one post; a judge's or prosecutor's seat is a post of its
 * own) while in office on `today`. A post held twice would be counted twice in the plan's
 * coverage; the usual cause is a new holder entered without 岗位交接.
 */
export function postHolder(draft: EvaluateeDraft, evaluatees: readonly Evaluatee[], today: string, before?: Evaluatee): Evaluatee | undefined {
  if (isEnded(draft, today)) return undefined;
  if (before && before.postKey === draft.postKey && !isEnded(before, today)) return undefined;
  return evaluatees.find((e) => e.id !== draft.id && e.postKey === draft.postKey && !isEnded(e, today));
}

export function postHolderMessage(holder: Evaluatee, unitName: string): string {
  return `${unitName}的“${holder.position}”岗位已有在任的被评议对象：${holder.name}（${formatDateCn(holder.appointmentDate)}任职）。同一岗位两人在任，计划覆盖会重复计算；如是新任接替原任，请对原任使用“岗位交接”。`;
}

/** An appointment dated after today (a typo of the year, usually); on an edit only a changed date. */
export function futureAppointment(draft: Pick<Evaluatee, 'appointmentDate'>, today: string, before?: Pick<Evaluatee, 'appointmentDate'>): string | undefined {
  if (before && before.appointmentDate === draft.appointmentDate) return undefined;
  if (!parseIsoDate(draft.appointmentDate) || draft.appointmentDate <= today) return undefined;
  return `任职日期${formatDateCn(draft.appointmentDate)}晚于今天（${formatDateCn(today)}）：任职日期应是已经任职的日期，请核对年份。`;
}

/** Everything an evaluatee record asks to confirm, in the order the form shows the fields. */
export function evaluateeConfirmations(
  draft: EvaluateeDraft,
  evaluatees: readonly Evaluatee[],
  unitName: string,
  today: string,
  before?: Evaluatee,
): string[] {
  const holder = postHolder(draft, evaluatees, today, before);
  const future = futureAppointment(draft, today, before);
  return [...(holder ? [postHolderMessage(holder, unitName)] : []), ...(future ? [future] : [])];
}

/**
 * A meeting of this term is held within the term's years: refused otherwise (the meeting's year
 * is the plan year it hears). On an edit only a changed date is judged, so a past term's meeting
 * can still be corrected after the settings moved on to the new term.
 */
export function meetingOutsideTerm(date: string, term: Pick<Term, 'session' | 'startYear' | 'endYear'>, before?: { date: string }): string | undefined {
  if (before && before.date === date) return undefined;
  if (!parseIsoDate(date)) return undefined;
  const year = yearOfIsoDate(date);
  if (year >= term.startYear && year <= term.endYear) return undefined;
  return `会议日期${formatDateCn(date)}不在本届任期内：${formatSession(term.session)}的评议安排在${term.startYear}—${term.endYear}年，会议日期应在这些年度之内（本届起止年份在“设置”中修改）。`;
}

/**
 * The term and the plan agree: while the term keeps its number (届次), its years must still hold
 * every year the plan has evaluations in (those of the years the term covered before the change).
 * A new 届次 starts a new plan, so the last term's evaluations are history, not a mismatch.
 * Refused with the years and counts named, since the plan screen and the coverage would otherwise
 * drop those evaluations silently.
 */
export function termPlanMismatch(before: Term, after: Term, plannedYears: readonly number[]): string | undefined {
  if (before.session !== after.session) return undefined;
  if (before.startYear === after.startYear && before.endYear === after.endYear) return undefined;
  const counts = new Map<number, number>();
  for (const y of plannedYears) {
    if (y < before.startYear || y > before.endYear) continue;
    if (y >= after.startYear && y <= after.endYear) continue;
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  if (counts.size === 0) return undefined;
  const listed = [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([y, n]) => `${y}年${n}项`)
    .join('、');
  return `${formatSession(after.session)}的计划中已列入${listed}评议，不在新的起止年份${after.startYear}—${after.endYear}年之内：届次不变时，起止年份须包含计划中已列入评议的全部年度。请先在计划中移出这些评议，或核对起止年份；换届请同时修改届次。`;
}
