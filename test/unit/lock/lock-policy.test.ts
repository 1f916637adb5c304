import { describe, expect, it } from 'vitest';
import { IdleLocks, retryDelayMs } from '../../../electron/services/lock/lock-policy';

const MIN = 60_000;

describe('slowing down wrong tries', () => {
  it('lets five wrong tries through at once, then waits 30 s doubling up to 15 minutes', () => {
    expect([0, 1, 2, 3, 4].map(retryDelayMs)).toEqual([0, 0, 0, 0, 0]);
    expect(retryDelayMs(5)).toBe(30_000);
    expect(retryDelayMs(6)).toBe(60_000);
    expect(retryDelayMs(7)).toBe(120_000);
    expect(retryDelayMs(10)).toBe(15 * MIN);
    expect(retryDelayMs(40)).toBe(15 * MIN);
  });
});

describe('idle timer (fake clock)', () => {
  it('starts locked, unlocks, and locks again after the idle time without use', () => {
    const locks = new IdleLocks(10 * MIN);
    expect(locks.isLocked('desk', 0, false)).toBe(true);
    locks.unlock('desk', 1000);
    expect(locks.isLocked('desk', 1000 + 10 * MIN - 1, false)).toBe(false);
    expect(locks.isLocked('desk', 1000 + 10 * MIN, false)).toBe(true);
    // once locked, use does not unlock it
    locks.touch('desk', 1000 + 11 * MIN);
    expect(locks.isLocked('desk', 1000 + 11 * MIN, false)).toBe(true);
  });

  it('use restarts the idle time', () => {
    const locks = new IdleLocks(10 * MIN);
    locks.unlock('desk', 0);
    locks.touch('desk', 9 * MIN);
    expect(locks.isLocked('desk', 18 * MIN, false)).toBe(false);
    expect(locks.isLocked('desk', 19 * MIN, false)).toBe(true);
  });

  it('never locks the hall', () => {
    const locks = new IdleLocks(MIN);
    expect(locks.isLocked('hall', 10 * MIN, false)).toBe(false);
  });

  it('keeps the console unlocked while a count is in progress, and counts idle time from its end', () => {
    const locks = new IdleLocks(10 * MIN);
    locks.unlock('console', 0);
    expect(locks.isLocked('console', 30 * MIN, true)).toBe(false);
    expect(locks.isLocked('console', 60 * MIN, true)).toBe(false);
    // the count ends at minute 60: ten more minutes before the lock
    expect(locks.isLocked('console', 65 * MIN, false)).toBe(false);
    expect(locks.isLocked('console', 70 * MIN, false)).toBe(true);
  });

  it('does not open a console that was already locked when the count began', () => {
    const locks = new IdleLocks(10 * MIN);
    expect(locks.isLocked('console', 0, true)).toBe(true);
  });

  it('the desk locks during a count all the same', () => {
    const locks = new IdleLocks(10 * MIN);
    locks.unlock('desk', 0);
    expect(locks.isLocked('desk', 10 * MIN, true)).toBe(true);
  });

  it('when the lock is set up, every window counts as in use from then', () => {
    const locks = new IdleLocks(10 * MIN);
    locks.unlockAll(0);
    expect(locks.isLocked('console', 9 * MIN, false)).toBe(false);
    expect(locks.isLocked('desk', 10 * MIN, false)).toBe(true);
    expect(locks.isMarkedLocked('desk')).toBe(true);
    expect(locks.isMarkedLocked('console')).toBe(false);
  });

  it('a shorter idle time applies at once', () => {
    const locks = new IdleLocks(10 * MIN);
    locks.unlock('desk', 0);
    locks.setIdleMs(MIN);
    expect(locks.isLocked('desk', MIN, false)).toBe(true);
  });
});
