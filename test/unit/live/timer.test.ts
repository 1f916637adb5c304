import { describe, expect, it } from 'vitest';
import { addTime, elapsedMs, formatClock, newTimer, pauseTimer, remainingMs, resetTimer, startTimer, timerPhase } from '../../../shared/live/timer';

const T0 = Date.UTC(2026, 9, 28, 1, 0, 0);
const MIN = 60_000;

describe('wall-clock anchored report timer', () => {
  it('counts down while running and stops while paused', () => {
    let t = newTimer(15 * MIN);
    expect(timerPhase(t, T0)).toBe('idle');
    t = startTimer(t, T0);
    expect(remainingMs(t, T0 + 5 * MIN)).toBe(10 * MIN);
    t = pauseTimer(t, T0 + 5 * MIN);
    expect(timerPhase(t, T0 + 9 * MIN)).toBe('paused');
    expect(remainingMs(t, T0 + 9 * MIN)).toBe(10 * MIN);
    t = startTimer(t, T0 + 9 * MIN);
    expect(remainingMs(t, T0 + 12 * MIN)).toBe(7 * MIN);
  });

  it('keeps running across a restart: the stored state alone gives the right remainder', () => {
    let t = startTimer(newTimer(15 * MIN), T0);
    t = pauseTimer(t, T0 + 2 * MIN);
    t = startTimer(t, T0 + 3 * MIN);
    const persisted = JSON.parse(JSON.stringify(t)) as typeof t; // what the store keeps
    // The app was killed at +4 min and is back at +6 min: the speaker did not stop.
    expect(remainingMs(persisted, T0 + 6 * MIN)).toBe(15 * MIN - 2 * MIN - 3 * MIN);
  });

  it('warns in the last minute and shows overtime as overtime', () => {
    const t = startTimer(newTimer(2 * MIN), T0);
    expect(timerPhase(t, T0 + 59_000)).toBe('running');
    expect(timerPhase(t, T0 + MIN)).toBe('warning');
    expect(timerPhase(t, T0 + 2 * MIN)).toBe('warning');
    expect(timerPhase(t, T0 + 2 * MIN + 1)).toBe('overtime');
    expect(formatClock(remainingMs(t, T0 + 3 * MIN + 30_000))).toBe('+01:30');
    // Paused in overtime is still overtime.
    expect(timerPhase(pauseTimer(t, T0 + 3 * MIN), T0 + 4 * MIN)).toBe('overtime');
  });

  it('adds a minute, resets, ignores a clock that jumps backwards', () => {
    let t = startTimer(newTimer(MIN), T0);
    t = addTime(t, MIN);
    expect(remainingMs(t, T0 + 30_000)).toBe(90_000);
    expect(elapsedMs(t, T0 - 10_000)).toBe(0);
    t = resetTimer(t, 10 * MIN);
    expect(timerPhase(t, T0)).toBe('idle');
    expect(remainingMs(t, T0 + 5 * MIN)).toBe(10 * MIN);
  });

  it('formats the clock without showing zero early', () => {
    expect(formatClock(15 * MIN)).toBe('15:00');
    expect(formatClock(59_001)).toBe('01:00');
    expect(formatClock(59_000)).toBe('00:59');
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(-1)).toBe('+00:00');
  });
});
