import { useEffect } from 'react';

/**
 * Keeps the screen awake (browser mode; Electron's powerSaveBlocker does it on the desktop).
 * The browser drops the lock whenever the page is hidden, so it is taken again on return.
 * Failures (no support, page not visible, policy) are ignored: a dark screen is the only cost.
 */
export function useWakeLock(enabled: boolean): void {
  useEffect(() => {
    if (!enabled || !('wakeLock' in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let disposed = false;
    const acquire = () => {
      if (document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      try {
        navigator.wakeLock
          .request('screen')
          .then((s) => {
            if (disposed) void s.release().catch(() => undefined);
            else sentinel = s;
          })
          .catch(() => undefined);
      } catch {
        // Some browsers throw synchronously outside a secure context.
      }
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      disposed = true;
      document.removeEventListener('visibilitychange', acquire);
      if (sentinel) void sentinel.release().catch(() => undefined);
    };
  }, [enabled]);
}
