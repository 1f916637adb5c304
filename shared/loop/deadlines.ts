import { addDays, addMonths, formatDateCn, isoDateOf, parseIsoDate } from '../format/dates';
import type { Deadlines } from '../domain/settings';

/**
 * The loop's deadlines, all from recorded dates. Months follow the calendar: the same day N months
 * later, or that month's last day when it has no such day (31 Aug + 6 → 28 or 29 Feb).
 */

function checked(label: string, isoDate: string): string {
  if (!parseIsoDate(isoDate)) throw new RangeError(`${label}: not a date: ${isoDate}`);
  return isoDate;
}

/** 整改情况报告 due: delivery + the configured months. */
export function reportDue(deliveredOn: string, deadlines: Pick<Deadlines, 'rectificationReportMonths'>): string {
  return addMonths(checked('reportDue', deliveredOn), deadlines.rectificationReportMonths);
}

/** 整改方案 due: delivery + the configured days, or null while the county asks for no plan. */
export function planDue(deliveredOn: string, deadlines: Pick<Deadlines, 'rectificationPlanDays'>): string | null {
  checked('planDue', deliveredOn);
  return deadlines.rectificationPlanDays === null ? null : addDays(deliveredOn, deadlines.rectificationPlanDays);
}

/** The earliest day the re-report may be heard: the failing result's announcement + the configured months. */
export function reReportEarliest(announcedOn: string, deadlines: Pick<Deadlines, 'reReportMonths'>): string {
  return addMonths(checked('reReportEarliest', announcedOn), deadlines.reReportMonths);
}

/**
 * The calendar day of an announcement stamp. Rounds keep `announcedAt` as an instant; the day is
 * the county's local day, as for every other date the office reads.
 */
export function announcementDay(stamp: string): string {
  if (parseIsoDate(stamp)) return stamp;
  const ms = Date.parse(stamp);
  if (Number.isNaN(ms)) throw new RangeError(`announcementDay: not a time: ${stamp}`);
  return isoDateOf(ms);
}

export interface MeetingOnCalendar {
  id: string;
  name: string;
  date: string;
}

export interface ReReportSuggestion<M extends MeetingOnCalendar> {
  /** Announcement + the configured months. */
  earliest: string;
  /** The first meeting on or after `earliest`; null when none is scheduled yet. */
  meeting: M | null;
  /** What the desk says, in Chinese; the office decides. */
  message: string;
}

/**
 * The re-report's due meeting: the first Standing Committee meeting on or after announcement + N
 * months. Only a suggestion; an earlier meeting is never proposed, and when none is scheduled yet the
 * message says so instead of inventing a date.
 */
export function suggestReReportMeeting<M extends MeetingOnCalendar>(
  announcedOn: string,
  deadlines: Pick<Deadlines, 'reReportMonths'>,
  meetings: readonly M[],
): ReReportSuggestion<M> {
  const earliest = reReportEarliest(announcedOn, deadlines);
  const meeting = [...meetings].filter((m) => m.date >= earliest).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0] ?? null;
  const rule = `测评结果公布之日（${formatDateCn(announcedOn)}）起${deadlines.reReportMonths}个月后再次向常委会会议报告`;
  const message = meeting
    ? `${rule}，建议安排在${meeting.name}（${formatDateCn(meeting.date)}）。`
    : `${rule}，${formatDateCn(earliest)}以后尚未安排常委会会议，请先安排会议。`;
  return { earliest, meeting, message };
}

export const DUE_SOON_DAYS = 30;

export type DueState = 'overdue' | 'soon' | 'later';

/** Whole days from `today` to `due` (negative when past). */
export function daysUntil(due: string, today: string): number {
  const a = parseIsoDate(checked('daysUntil', due));
  const b = parseIsoDate(checked('daysUntil', today));
  if (!a || !b) throw new RangeError('daysUntil: not a date');
  return Math.round((Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)) / 86_400_000);
}

/**
 * Where a deadline stands: overdue stays overdue until the thing arrives (nothing drops off by age);
 * 'soon' is within the 30 days the workbench lists.
 */
export function dueState(due: string, today: string, soonDays = DUE_SOON_DAYS): DueState {
  const left = daysUntil(due, today);
  if (left < 0) return 'overdue';
  return left <= soonDays ? 'soon' : 'later';
}
