import { useEffect, useRef } from 'react';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import { currentTimer } from './live-selectors';
import { useShortcuts, type ShortcutAction } from './shortcuts';
import { isNewerState, type LiveConsole } from './use-live-console';

/**
 * Runs the console's keys one after another. Toggles (Space, B) are decided from the state, so
 * each key waits for the previous key's answer and reads the state that answer carried: B B
 * pressed quickly is black then back, never black twice.
 */
export function useShortcutRunner(lc: LiveConsole, state: LiveConsoleState): void {
  const latest = useRef(state);
  const queue = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    // Only forward: a key's own answer may be newer than the state shown (shown a moment later).
    if (isNewerState(state, latest.current)) latest.current = state;
  }, [state]);

  const perform = async (a: ShortcutAction): Promise<LiveConsoleState | null> => {
    const s = latest.current;
    switch (a.kind) {
      case 'move': {
        const step = a.to === 'next' ? s.next : s.prev;
        if (step?.blockedBy) lc.setNotice(step.blockedBy);
        return step && !step.blockedBy ? lc.call('live.move', { to: a.to }) : null;
      }
      case 'undo':
        return lc.call('live.undo', {});
      case 'timerToggle':
        return lc.call('live.timer', { action: currentTimer(s)?.runningSince != null ? 'pause' : 'start' });
      case 'addMinute':
        return lc.call('live.timer', { action: 'addMinute' });
      case 'blackToggle':
        return lc.call('live.slide', { slide: s.live?.slide === 'black' ? 'auto' : 'black' });
      case 'slide':
        return lc.call('live.slide', { slide: a.slide });
    }
  };

  useShortcuts(true, (a) => {
    queue.current = queue.current.then(async () => {
      try {
        const next = await perform(a);
        if (next) {
          latest.current = next;
          lc.setNotice(null);
        }
      } catch (err) {
        lc.setNotice(err instanceof Error ? err.message : String(err));
      }
    });
  });
}
