import { useLayoutEffect, useState } from 'react';
import { remainingMs, type TimerState } from '../../../shared/live/timer';

/**
 * "Now" on the services' clock, refreshed whenever the timer changes and, while it runs, just
 * after each displayed second turns over (counting down the clock shows whole seconds rounded
 * up, in overtime rounded down). No ticking at all while the timer is paused or idle. A layout
 * effect, so a new timer never paints one frame against an old "now".
 */
export function useTimerNow(timer: TimerState | null | undefined, clockOffsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + clockOffsetMs);

  useLayoutEffect(() => {
    let id = 0;
    const tick = () => {
      const current = Date.now() + clockOffsetMs;
      setNow(current);
      if (!timer || timer.runningSince === null) return;
      const left = remainingMs(timer, current);
      const toNextSecond = ((left % 1000) + 1000) % 1000;
      id = window.setTimeout(tick, Math.max(20, toNextSecond + 15));
    };
    tick();
    return () => window.clearTimeout(id);
  }, [timer, clockOffsetMs]);

  return now;
}
