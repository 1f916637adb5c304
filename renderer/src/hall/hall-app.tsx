import { useEffect } from 'react';
import { getPlatform } from '../platform/platform';
import { HallScreen } from './hall-screen';
import { useHallView } from './use-hall-view';
import { useWakeLock } from './wake-lock';

/**
 * The hall screen (大屏). It shows only what the services project for the hall (hall.view) and
 * never shows a control or a connection notice: while the host is away it keeps its last picture
 * (a running countdown keeps counting on the wall clock) and picks up again on reconnect.
 */
export function HallApp() {
  const received = useHallView();
  useWakeLock(getPlatform().mode === 'browser');
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
