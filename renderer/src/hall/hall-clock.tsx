import { formatClock, remainingMs, timerPhase, type TimerPhase, type TimerState } from '../../../shared/live/timer';
import { useTimerNow } from './use-timer-now';

const PHASE_NOTES: Partial<Record<TimerPhase, string>> = { paused: '暂停', overtime: '超时' };

/** The report countdown as the hall shows it: huge digits, amber in the last minute, overtime inverted. */
export function HallClock({ timer, clockOffsetMs }: { timer: TimerState & { label: string }; clockOffsetMs: number }) {
  const now = useTimerNow(timer, clockOffsetMs);
  const left = remainingMs(timer, now);
  const phase = timerPhase(timer, now);
  const note = PHASE_NOTES[phase];
  return (
    <div className={`hall-timer phase-${phase}`} data-testid="hall-timer" data-phase={phase}>
      <div className="hall-timer-label">
        {timer.label}
        {note && <span className="hall-timer-note">{note}</span>}
      </div>
      <div className="hall-timer-clock" data-testid="hall-clock">
        {formatClock(left)}
      </div>
    </div>
  );
}
