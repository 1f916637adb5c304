/**
 * A countdown anchored to the wall clock. Only the moments of start/pause are stored, never a
 * ticking remainder, so a report keeps running while the app restarts: after a restart the
 * remaining time is exactly what it would have been.
 */
export interface TimerState {
  /** Allowed time in ms (grows with "add a minute"). */
  durationMs: number;
  /** Time consumed by earlier running segments. */
  elapsedBeforeMs: number;
  /** Wall-clock ms when the current running segment began; null when not running. */
  runningSince: number | null;
  /** Has the timer ever been started since the last reset? */
  started: boolean;
}

export type TimerPhase = 'idle' | 'running' | 'warning' | 'overtime' | 'paused';

export const WARNING_MS = 60_000;

export function newTimer(durationMs: number): TimerState {
  return { durationMs, elapsedBeforeMs: 0, runningSince: null, started: false };
}

export function elapsedMs(t: TimerState, now: number): number {
  // A clock that jumped backwards must not give time back to the speaker.
  const current = t.runningSince === null ? 0 : Math.max(0, now - t.runningSince);
  return t.elapsedBeforeMs + current;
}

/** Negative when in overtime. */
export function remainingMs(t: TimerState, now: number): number {
  return t.durationMs - elapsedMs(t, now);
}

export function isRunning(t: TimerState): boolean {
  return t.runningSince !== null;
}

export function startTimer(t: TimerState, now: number): TimerState {
  if (t.runningSince !== null) return t;
  return { ...t, runningSince: now, started: true };
}

export function pauseTimer(t: TimerState, now: number): TimerState {
  if (t.runningSince === null) return t;
  return { ...t, elapsedBeforeMs: elapsedMs(t, now), runningSince: null };
}

export function resetTimer(t: TimerState, durationMs = t.durationMs): TimerState {
  return newTimer(durationMs);
}

export function addTime(t: TimerState, ms: number): TimerState {
  return { ...t, durationMs: Math.max(0, t.durationMs + ms) };
}

export function timerPhase(t: TimerState, now: number): TimerPhase {
  if (!t.started) return 'idle';
  const left = remainingMs(t, now);
  if (left < 0) return 'overtime';
  if (t.runningSince === null) return 'paused';
  return left <= WARNING_MS ? 'warning' : 'running';
}

/** "12:05", or "+01:30" in overtime; whole seconds, rounded so the display never shows 0 early. */
export function formatClock(ms: number): string {
  const over = ms < 0;
  const total = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  const text = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return over ? `+${text}` : text;
}
