/**
 * The console and the hall share the meeting laptop's cores. A change reaches both at once (the
 * hall's event, the console's events and call answer); the console draws its part a little later,
 * so the hall paints first and never waits for the console. Well under what an operator notices.
 * Everything that arrives meanwhile runs in one task, in order of arrival: React draws it once.
 */
export const HALL_FIRST_MS = 40;

let queue: (() => void)[] = [];

export function afterHall(fn: () => void): void {
  queue.push(fn);
  if (queue.length > 1) return;
  window.setTimeout(() => {
    const run = queue;
    queue = [];
    for (const f of run) f();
  }, HALL_FIRST_MS);
}
