import { memo, useMemo } from 'react';
import { HALL_SLIDES, HALL_SLIDE_LABELS, type HallSlide } from '../../../shared/domain/live';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import type { ShellStatus } from '../../../shared/api/shell-types';
import { HallScreen } from '../hall/hall-screen';
import { useHallView } from '../hall/use-hall-view';
import type { LiveConsole } from './use-live-console';

const SLIDE_KEYS: Record<HallSlide, string> = { auto: 'Esc', title: 'T', attendance: 'A', evaluatee: 'E', blank: '', black: 'B' };

function HallWhere({ shell, shellCall }: { shell: ShellStatus | null; shellCall: LiveConsole['shellCall'] }) {
  if (!shell) return null;
  if (shell.mode === 'browser') {
    if (!shell.hallUrl) return null;
    return (
      <div className="hall-address">
        <label htmlFor="hall-url">大屏地址</label>
        <input id="hall-url" readOnly value={shell.hallUrl} onFocus={(e) => e.currentTarget.select()} />
        <button className="btn" onClick={() => window.open(shell.hallUrl, 'pingyi-hall', 'popup')}>
          在新窗口打开大屏
        </button>
        <p className="muted">在接投影的电脑或第二个显示器上用浏览器打开此地址，按 F11 全屏。</p>
      </div>
    );
  }
  return (
    <div className="hall-where">
      <label htmlFor="hall-display">大屏显示器</label>
      <select id="hall-display" value={shell.hallDisplayId ?? ''} onChange={(e) => e.target.value && shellCall('shell.chooseHallDisplay', { displayId: e.target.value })}>
        {!shell.hallDisplayId && <option value="">（未选择）</option>}
        {shell.displays.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}（{d.width}×{d.height}
            {d.primary ? '，主显示器' : ''}）
          </option>
        ))}
      </select>
      <span className={`tag ${shell.hallWindowOpen ? 'ok' : ''}`}>{shell.hallWindowOpen ? '大屏窗口已打开' : '大屏窗口未打开'}</span>
      {!shell.hallWindowOpen && (
        <button className="btn" onClick={() => shellCall('shell.openHall', {})}>
          打开大屏窗口
        </button>
      )}
    </div>
  );
}

/** What the hall shows: the slide buttons, a live preview (the real HallScreen, scaled) and where the hall is. */
export const HallControl = memo(function HallControl({
  hall,
  slide: active,
  clockOffsetMs,
  shell,
  act,
  shellCall,
}: {
  hall: LiveConsoleState['hall'];
  slide: HallSlide;
  clockOffsetMs: number;
  shell: ShellStatus | null;
  act: LiveConsole['act'];
  shellCall: LiveConsole['shellCall'];
}) {
  const seed = useMemo(() => ({ view: hall, clockOffsetMs }), [hall, clockOffsetMs]);
  const received = useHallView(seed);
  return (
    <section className="panel hall-control" aria-labelledby="hall-control-title">
      <h2 id="hall-control-title">大屏</h2>
      <div className="hall-control-body">
        <div className="slide-buttons" role="group" aria-label="大屏画面">
          {HALL_SLIDES.map((slide) => (
            <button key={slide} className={`btn slide-btn${active === slide ? ' active' : ''}`} aria-pressed={active === slide} onClick={() => act('live.slide', { slide })}>
              {HALL_SLIDE_LABELS[slide]}
              {SLIDE_KEYS[slide] && <kbd>{SLIDE_KEYS[slide]}</kbd>}
            </button>
          ))}
        </div>
        <div className="hall-preview" aria-hidden="true" data-testid="hall-preview">
          {received && <HallScreen view={received.view} clockOffsetMs={received.clockOffsetMs} preview />}
        </div>
      </div>
      <HallWhere shell={shell} shellCall={shellCall} />
    </section>
  );
});
