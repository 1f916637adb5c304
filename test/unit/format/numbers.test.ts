import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, formatPersons, formatRate, formatVotes } from '../../../shared/format/numbers';

describe('counts and rates', () => {
  it('writes counts with their unit', () => {
    expect(formatPersons(30)).toBe('30人');
    expect(formatVotes(28)).toBe('28票');
    expect(formatCount(32, '项')).toBe('32项');
    expect(() => formatCount(1.5, '人')).toThrow(RangeError);
  });

  it('gives rates with one decimal, rounded half up', () => {
    expect(formatRate(31, 32)).toBe('96.9%');
    expect(formatRate(28, 29)).toBe('96.6%');
    expect(formatRate(29, 29)).toBe('100.0%');
    expect(formatRate(0, 29)).toBe('0.0%');
    expect(formatRate(1, 16)).toBe('6.3%');
    expect(formatRate(1, 3, 2)).toBe('33.33%');
    expect(formatRate(5, 0)).toBe('—');
  });

  it('formats a ratio', () => {
    expect(formatPercent(0.969)).toBe('96.9%');
    expect(formatPercent(0.9685)).toBe('96.9%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});
