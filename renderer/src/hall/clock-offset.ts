/** A measured offset further than this from the estimate means a clock was really changed. */
const CLOCK_CHANGE_MS = 2_000;

/**
 * Estimates how far the services' clock is ahead of this page's clock from messages stamped
 * with serverNow. Each measurement (serverNow − arrival time) is the true offset minus however
 * long the message took to arrive, so the largest measurement is the best estimate: one slow
 * answer (the first after a restart, a busy moment) must not make the countdown run late.
 * A measurement far from the estimate means a clock was set, and starts the estimate afresh.
 */
export function createClockOffset(): (serverNow: number, receivedAt?: number) => number {
  let best: number | null = null;
  return (serverNow, receivedAt = Date.now()) => {
    const measured = serverNow - receivedAt;
    if (best === null || measured > best || best - measured > CLOCK_CHANGE_MS) best = measured;
    return best;
  };
}
