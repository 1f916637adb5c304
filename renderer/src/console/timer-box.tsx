import { formatClock, remainingMs, timerPhase, type TimerState } from '../../../shared/live/timer';
import { useTimerNow } from '../hall/use-timer-now';
import { NumberInput } from './number-input';
import type { LiveConsole } from './use-live-console';

const PHASE_LABELS = { idle: '未开始', running: '计时中', warning: '最后1分钟', overtime: '超时', paused: '已暂停' } as const;

/** The report timer: the clock as the hall shows it, and its buttons (Space, + on the keyboard). */
export function TimerBox({
  timer,
  reportMinutes,
  clockOffsetMs,
  act,
  onReset,
}: {
  timer: TimerState | null;
  reportMinutes: number;
  clockOffsetMs: number;
  act: LiveConsole['act'];
  onReset: () => void;
}) {
  const now = useTimerNow(timer, clockOffsetMs);
  const left = timer ? remainingMs(timer, now) : reportMinutes * 60_000;
  const phase = timer ? timerPhase(timer, now) : 'idle';
  const running = !!timer && timer.runningSince !== null;
  const toggleLabel = running ? '暂停' : timer?.started ? '继续' : '开始';
  return (
    <div className={`timer-box phase-${phase}`} role="group" aria-label="汇报计时">
      <div className="timer-readout">
        <span className="timer-clock" data-testid="console-clock" data-phase={phase}>
          {formatClock(left)}
        </span>
        <span className="timer-phase">{PHASE_LABELS[phase]}</span>
      </div>
      <div className="timer-buttons">
        <button className="btn primary timer-toggle" onClick={() => act('live.timer', { action: running ? 'pause' : 'start' })}>
          {toggleLabel}
          <kbd>空格</kbd>
        </button>
        <button className="btn" onClick={() => act('live.timer', { action: 'addMinute' })}>
          +1分钟<kbd>+</kbd>
        </button>
        <button className="btn danger" onClick={onReset} disabled={!timer?.started}>
          重置
        </button>
      </div>
      <div className="timer-minutes">
        <label htmlFor="report-minutes">每人汇报时长</label>
        <NumberInput id="report-minutes" value={reportMinutes} min={1} max={120} onCommit={(minutes) => act('live.reportMinutes', { minutes })} />
        <span>分钟</span>
      </div>
    </div>
  );
}
