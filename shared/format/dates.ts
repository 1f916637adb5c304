/**
 * Calendar dates. The records keep dates as 'YYYY-MM-DD' strings: a date of an appointment or a
 * meeting is a day on the county's calendar, not an instant, so it must not shift with time zones.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM-DD' that names a day that exists (no 2023-02-29), or null. */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** Year of a valid 'YYYY-MM-DD' string (callers pass validated dates). */
export function yearOfIsoDate(text: string): number {
  return Number(text.slice(0, 4));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function toIsoDate(parts: CalendarDate): string {
  return `${String(parts.year).padStart(4, '0')}-${pad2(parts.month)}-${pad2(parts.day)}`;
}

/**
 * Local calendar day of an instant. The machines run on the county's local time, so the office's
 * "today" is the local date, not the UTC one (which is still yesterday before 08:00 in China).
 */
export function isoDateOf(value: Date | number): string {
  const d = typeof value === 'number' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new RangeError('isoDateOf: invalid date');
  return toIsoDate({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });
}

/**
 * 2024年10月28日: Arabic digits without leading zeros, as GB/T 9704 writes dates. Accepts a
 * 'YYYY-MM-DD' string, a Date or epoch milliseconds (local calendar day).
 */
export function formatDateCn(value: string | Date | number): string {
  let parts: CalendarDate | null;
  if (typeof value === 'string') {
    parts = parseIsoDate(value.trim());
    if (!parts) throw new RangeError(`formatDateCn: not a date: ${value}`);
  } else {
    parts = parseIsoDate(isoDateOf(value));
    if (!parts) throw new RangeError('formatDateCn: invalid date');
  }
  return `${parts.year}年${parts.month}月${parts.day}日`;
}

/** 2024年10月 */
export function formatYearMonthCn(value: string | Date | number): string {
  const full = formatDateCn(value);
  return full.slice(0, full.indexOf('月') + 1);
}

/**
 * Adds whole months, clamping to the month's last day (2024-08-31 + 6 months → 2025-02-28), the way
 * an office reads "within 6 months" of a delivery date.
 */
export function addMonths(isoDate: string, months: number): string {
  const p = parseIsoDate(isoDate);
  if (!p) throw new RangeError(`addMonths: not a date: ${isoDate}`);
  const total = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return toIsoDate({ year, month, day: Math.min(p.day, daysInMonth(year, month)) });
}

export function addDays(isoDate: string, days: number): string {
  const p = parseIsoDate(isoDate);
  if (!p) throw new RangeError(`addDays: not a date: ${isoDate}`);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return toIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}
