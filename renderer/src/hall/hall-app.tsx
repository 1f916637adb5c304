import { useEffect, useLayoutEffect } from 'react';
import { getPlatform } from '../platform/platform';
import { HallScreen } from './hall-screen';
import { useHallView } from './use-hall-view';
import { useWakeLock } from './wake-lock';

declare global {
  interface Window {
    /** Each view the hall painted: its rev, its kind (a vote picture: its phase), the page's clock (benchmarks). */
    __hallPaints?: { rev: number; phase: string; at: number }[];
  }
}

/**
 * The hall screen (大屏). It shows only what the services project for the hall (hall.view) and
 * never shows a control or a connection notice: while the host is away it keeps its last picture
 * (a running countdown keeps counting on the wall clock) and picks up again on reconnect.
 */
export function HallApp() {
  const received = useHallView();
  useWakeLock(getPlatform().mode === 'browser');
  const rev = received?.view.rev;
  const serverNow = received?.view.serverNow;
  const content = received?.view.content;
  const phase = content?.kind === 'vote' ? content.phase : content?.kind;
  useLayoutEffect(() => {
    if (rev === undefined || phase === undefined) return;
    // The benchmark reads when each view reached the screen: the frame after React committed it.
    // A layout effect runs after the DOM changed and before the browser paints, so the frame it
    // asks for is the one that paints this view (a passive effect may run only after that paint
    // and would measure one frame late).
    requestAnimationFrame(() => {
      const paints = (window.__hallPaints ??= []);
      paints.push({ rev, phase, at: performance.timeOrigin + performance.now() });
      if (paints.length > 2000) paints.splice(0, paints.length - 2000);
    });
  }, [rev, serverNow, phase]);
  useEffect(() => {
    document.body.classList.add('hall-body');
    return () => document.body.classList.remove('hall-body');
  }, []);
  return (
    <div className="hall" data-testid="hall">
      {received ? (
        <HallScreen view={received.view} clockOffsetMs={received.clockOffsetMs} />
      ) : (
        // Before the first view arrives: the calm idle picture, without any words to get wrong.
        <div className="hall-screen kind-idle" data-testid="hall-screen" data-kind="loading" />
      )}
    </div>
  );
}
