import type { LiveConsoleState } from '../../../shared/api/live-types';
import type { TimerState } from '../../../shared/live/timer';

/** The report timer of the item the meeting is at (timers are kept per agenda item id). */
export function currentTimer(state: LiveConsoleState): TimerState | null {
  const live = state.live;
  if (!live) return null;
  const id = state.meeting?.agenda[live.position.itemIndex]?.id;
  return (id && live.timers[id]) || null;
}
