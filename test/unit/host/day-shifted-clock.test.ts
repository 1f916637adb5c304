import { describe, expect, it } from 'vitest';
import { dayShiftedClock } from '../../../electron/services/deps';
import { isoDateOf } from '../../../shared/format/dates';

describe('dayShiftedClock (browser mode --today)', () => {
  it('is on the given day at the same time of day, and runs at the real pace', () => {
    for (const [realAt, today] of [
      [new Date(2026, 11, 7, 9, 15, 30, 250), '2027-01-20'],
      [new Date(2026, 11, 7, 0, 0, 0, 1), '2027-03-05'],
      [new Date(2027, 2, 5, 23, 59, 59, 999), '2026-12-07'],
      [new Date(2028, 1, 29, 12), '2024-02-29'],
    ] as const) {
      let real = realAt.getTime();
      const clock = dayShiftedClock(today, { now: () => real });
      const shifted = new Date(clock.now());
      expect(isoDateOf(shifted), today).toBe(today);
      expect([shifted.getHours(), shifted.getMinutes(), shifted.getSeconds(), shifted.getMilliseconds()]).toEqual([
        realAt.getHours(),
        realAt.getMinutes(),
        realAt.getSeconds(),
        realAt.getMilliseconds(),
      ]);
      const start = clock.now();
      real += 1_234;
      expect(clock.now() - start).toBe(1_234);
    }
  });

  it('turns to the next day when the real clock passes midnight', () => {
    let real = new Date(2026, 11, 7, 23, 59, 59, 500).getTime();
    const clock = dayShiftedClock('2027-01-20', { now: () => real });
    expect(isoDateOf(clock.now())).toBe('2027-01-20');
    real += 1_000;
    expect(isoDateOf(clock.now())).toBe('2027-01-21');
  });
});
