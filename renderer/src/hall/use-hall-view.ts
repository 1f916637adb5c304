import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { HallView } from '../../../shared/api/live-types';
import { getPlatform } from '../platform/platform';
import { afterHall } from './after-hall';
import { createClockOffset } from './clock-offset';

/** A view as received, with how far the services' clock is ahead of this page's clock. */
export interface ReceivedView {
  view: HallView;
  clockOffsetMs: number;
}

/**
 * Is `next` newer than what is shown? A lower rev is a stale message that overtook a newer one
 * and is dropped. A lower rev made later on the services' clock is accepted all the same: that is
 * another meeting's session (its rev counts from its own start), never a stale message.
 */
export function isNewerView(next: HallView, shown: HallView | undefined): boolean {
  if (!shown) return true;
  return next.rev >= shown.rev || next.serverNow > shown.serverNow;
}

/**
 * Does `next` show exactly what `shown` shows? A republish after another service's commit can
 * repeat the picture the hall already has (same rev, same words, only a later serverNow).
 */
export function sameView(next: HallView, shown: HallView): boolean {
  return next.rev === shown.rev && next.rehearsal === shown.rehearsal && next.slide === shown.slide && JSON.stringify(next.content) === JSON.stringify(shown.content);
}

/**
 * The hall's picture: fetched on mount and after every reconnect (the host may have restarted),
 * then kept current by `hall.view` events. `seed` lets the console offer the view that came back
 * with its own call (measured against the same clock), so its preview never waits for the event.
 */
export function useHallView(seed?: ReceivedView | null): ReceivedView | null {
  const [received, setReceived] = useState<ReceivedView | null>(null);
  const [clockOffset] = useState(createClockOffset);
  const offer = useCallback(
    (view: HallView) => {
      // Measured at receipt: the timer then counts on the services' clock whatever this machine says.
      const clockOffsetMs = clockOffset(view.serverNow);
      const update = () =>
        setReceived((cur) => {
          if (!isNewerView(view, cur?.view)) return cur;
          // The same picture again: nothing to draw (unless the clock estimate moved).
          if (cur && cur.clockOffsetMs === clockOffsetMs && sameView(view, cur.view)) return cur;
          return { view, clockOffsetMs };
        });
      // The hall window renders at once, inside the event's own task: a scheduled render would
      // wait its turn behind whatever else the page has queued, and the next frame would go
      // without it. The console's preview is not what the room watches: it renders after the hall.
      if (getPlatform().role === 'hall') flushSync(update);
      else if (view.content.kind === 'vote') update();
      else afterHall(update);
    },
    [clockOffset],
  );

  useEffect(() => {
    const platform = getPlatform();
    let alive = true;
    const fetchView = () => {
      platform
        .call('hall.view', {})
        .then((view) => alive && offer(view))
        // The hall keeps showing its last picture while the services are away.
        .catch(() => undefined);
    };
    fetchView();
    const offEvent = platform.on('hall.view', offer);
    const offConn = platform.onConnection((state) => state === 'open' && fetchView());
    return () => {
      alive = false;
      offEvent();
      offConn();
    };
  }, [offer]);

  if (seed && isNewerView(seed.view, received?.view)) return seed;
  return received;
}
