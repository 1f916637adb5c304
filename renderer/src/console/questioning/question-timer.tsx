import { TIMER_LABELS, type TimerKind } from '../../../../shared/domain/questioning';
import { formatClock, remainingMs, timerPhase, type TimerState } from '../../../../shared/live/timer';
import { useTimerNow } from '../../hall/use-timer-now';

const PHASE_LABELS = { idle: '未开始', running: '计时中', warning: '最后1分钟', overtime: '超时', paused: '已暂停' } as const;

export type TimerCommand = 'start' | 'pause' | 'reset' | 'addMinute';

/** One of a question's two timers (答复 / 追问): the clock as the hall shows it and its buttons. */
export function QuestionTimer({
  which,
  timer,
  onHall,
  clockOffsetMs,
  keyLabel,
  disabled,
  onCommand,
}: {
  which: TimerKind;
  timer: TimerState;
  onHall: boolean;
  clockOffsetMs: number;
  keyLabel: string;
  disabled: boolean;
  onCommand: (action: TimerCommand) => void;
}) {
  const now = useTimerNow(timer, clockOffsetMs);
  const phase = timerPhase(timer, now);
  const running = timer.runningSince !== null;
  return (
    <div className={`q-timer phase-${phase}`} role="group" aria-label={TIMER_LABELS[which]}>
      <div className="q-timer-head">
        <span>{TIMER_LABELS[which]}</span>
        {onHall && <span className="tag red">大屏显示</span>}
      </div>
      <div className="q-timer-clock" data-testid={`q-clock-${which}`} data-phase={phase}>
        {formatClock(remainingMs(timer, now))}
      </div>
      <div className="q-timer-phase">{PHASE_LABELS[phase]}</div>
      <div className="q-timer-buttons">
        <button className="btn primary" disabled={disabled} onClick={() => onCommand(running ? 'pause' : 'start')}>
          {running ? '暂停' : timer.started ? '继续' : '开始'}
          <kbd>{keyLabel}</kbd>
        </button>
        <button className="btn" disabled={disabled} onClick={() => onCommand('addMinute')}>
          +1分钟
        </button>
        <button className="btn danger" disabled={disabled || !timer.started} onClick={() => onCommand('reset')}>
          重置
        </button>
      </div>
    </div>
  );
}
