/**
 * The console and the hall share the meeting laptop's cores. A change reaches both at once (the
 * hall's event, the console's event or call answer); the console draws its part a little later,
 * so the hall paints first and never waits for the console. Well under what an operator notices.
 */
export const HALL_FIRST_MS = 40;

export function afterHall(fn: () => void): void {
  window.setTimeout(fn, HALL_FIRST_MS);
}
