import { describe, expect, it } from 'vitest';
import { addDays, addMonths, formatDateCn, formatYearMonthCn, isIsoDate, isoDateOf, parseIsoDate } from '../../../shared/format/dates';

describe('formatDateCn', () => {
  it.each([
    ['2024-10-28', '2024年10月28日'],
    ['2024-01-05', '2024年1月5日'],
    ['2025-09-01', '2025年9月1日'],
    ['2024-02-29', '2024年2月29日'],
  ])('%s → %s', (iso, cn) => {
    expect(formatDateCn(iso)).toBe(cn);
  });

  it('accepts a Date and epoch milliseconds (local calendar day)', () => {
    expect(formatDateCn(new Date(2024, 9, 28, 23, 30))).toBe('2024年10月28日');
    expect(formatDateCn(new Date(2024, 0, 5, 0, 1).getTime())).toBe('2024年1月5日');
  });

  it('refuses what is not a date', () => {
    expect(() => formatDateCn('2023-02-29')).toThrow(RangeError);
    expect(() => formatDateCn('2024/10/28')).toThrow(RangeError);
    expect(() => formatDateCn(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('formats year and month', () => {
    expect(formatYearMonthCn('2024-03-09')).toBe('2024年3月');
  });
});

describe('ISO dates', () => {
  it('validates real days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-5')).toBe(false);
    expect(parseIsoDate('2024-10-28')).toEqual({ year: 2024, month: 10, day: 28 });
  });

  it('pads when converting back', () => {
    expect(isoDateOf(new Date(2024, 0, 5))).toBe('2024-01-05');
  });

  it('adds months clamped to the month end, and days', () => {
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2024-10-28', 3)).toBe('2025-01-28');
    expect(addDays('2024-10-28', 15)).toBe('2024-11-12');
    expect(addDays('2024-12-25', 10)).toBe('2025-01-04');
  });
});
