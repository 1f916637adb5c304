import { useLayoutEffect, useState } from 'react';

/**
 * The draw animation, as a pure function of time: between the draw and `settleAt` the hall runs
 * through the candidates' names, fast at first and slowing down, landing on the drawn name
 * exactly at `settleAt`. Time is the services' clock, so every screen (the hall, the console's
 * preview, a hall page opened mid-animation) shows the same name at the same moment.
 */

/** Steps still to come with `remainingMs` left: quadratic, so the pace falls to a few names a second. */
export function stepsLeft(remainingMs: number): number {
  if (remainingMs <= 0) return 0;
  const s = remainingMs / 1000;
  return Math.floor(12 * s * s + 4 * s);
}

/** The candidate shown now: counted back from the drawn one, so the last step lands on it. */
export function shownIndex(drawnIndex: number, count: number, remainingMs: number): number {
  if (count <= 0) return 0;
  const back = stepsLeft(remainingMs) % count;
  return (((drawnIndex + back) % count) + count) % count;
}

/**
 * Milliseconds until `settleAt` on the services' clock, refreshed every frame until then — or,
 * with `everyMs` (the console's small preview), that often: the preview must not spend the frames
 * the hall needs on the same machine at the very moment the hall lands on the name.
 */
export function useRemaining(settleAt: number, clockOffsetMs: number, everyMs = 0): number {
  const [remaining, setRemaining] = useState(() => settleAt - (Date.now() + clockOffsetMs));
  useLayoutEffect(() => {
    let id = 0;
    const tick = () => {
      const left = settleAt - (Date.now() + clockOffsetMs);
      // Once settled, "how long ago" does not matter: no re-render for it.
      setRemaining((prev) => (prev <= 0 && left <= 0 ? prev : left));
      if (left > 0) id = everyMs > 0 ? window.setTimeout(tick, Math.min(everyMs, left)) : requestAnimationFrame(tick);
    };
    tick();
    return () => (everyMs > 0 ? window.clearTimeout(id) : cancelAnimationFrame(id));
  }, [settleAt, clockOffsetMs, everyMs]);
  return remaining;
}

declare global {
  interface Window {
    /** When this page painted each draw's settled name (ms since the epoch): read by the benchmark. */
    __drawPaints?: { drawId: string; at: number }[];
  }
}

const stamped = new Set<string>();

/** Records, once per draw and page, the frame in which the settled name is painted. */
export function stampSettledPaint(drawId: string): void {
  if (stamped.has(drawId)) return;
  stamped.add(drawId);
  requestAnimationFrame(() => {
    (window.__drawPaints ??= []).push({ drawId, at: performance.timeOrigin + performance.now() });
  });
}
