import { LIVE_STAGE_LABELS } from '../../../shared/domain/live';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import { currentTimer } from './live-selectors';
import { TimerBox } from './timer-box';
import type { LiveConsole } from './use-live-console';

function StartBlock({ state, act }: { state: LiveConsoleState; act: LiveConsole['act'] }) {
  const blocked = state.startBlockedBy;
  return (
    <div className="start-block">
      <p className="muted">会议尚未开始：请先完成签到。符合法定人数后方可开始会议。</p>
      <div className="start-row">
        <button className="btn primary big" disabled={!!blocked} aria-describedby={blocked ? 'start-reason' : undefined} onClick={() => act('live.start', {})}>
          开始会议
        </button>
        {blocked && (
          <span className="start-reason" id="start-reason" data-testid="start-reason">
            {blocked}
          </span>
        )}
      </div>
    </div>
  );
}

/** 当前议程: who is on now, at which stage, and the report timer. */
export function StagePanel({ state, clockOffsetMs, act, onReset }: { state: LiveConsoleState; clockOffsetMs: number; act: LiveConsole['act']; onReset: () => void }) {
  const live = state.live;
  if (!live || live.status === 'idle') {
    return (
      <section className="panel stage-panel" aria-labelledby="stage-title">
        <h2 id="stage-title">当前议程</h2>
        <StartBlock state={state} act={act} />
      </section>
    );
  }
  const { itemIndex, stage } = live.position;
  const item = state.agenda[itemIndex];
  const timer = currentTimer(state);
  const showTimer = stage === 'report' || timer !== null;
  return (
    <section className="panel stage-panel" aria-labelledby="stage-title">
      <h2 id="stage-title">当前议程</h2>
      {live.status === 'ended' && <div className="banner ok">会议已结束。</div>}
      <div className="stage-head">
        <span className="stage-label" data-testid="current-stage">
          {item?.stageLabels[stage] ?? LIVE_STAGE_LABELS[stage]}
        </span>
        {item && (
          <span className="stage-item" data-testid="current-item">
            第{item.index + 1}项／共{state.agenda.length}项
          </span>
        )}
      </div>
      {item ? (
        item.evaluatees.length === 1 && item.kind !== 'vote' ? (
          <div className="stage-person">
            <div className="stage-person-name" data-testid="current-name">
              {item.evaluatees[0]!.name}
            </div>
            <div className="stage-person-post">
              {item.evaluatees[0]!.unitName} {item.evaluatees[0]!.position}
            </div>
          </div>
        ) : (
          <div className="stage-person">
            <div className="stage-person-name">{item.title}</div>
            <ul className="stage-people">
              {item.evaluatees.map((e) => (
                <li key={e.id}>
                  <strong>{e.name}</strong> <span className="muted">{e.unitName} {e.position}</span>
                </li>
              ))}
            </ul>
          </div>
        )
      ) : (
        <p className="stage-person-name">{stage === 'closing' ? '议程已全部完成' : '会议开幕：会标与出席情况'}</p>
      )}
      {showTimer && <TimerBox timer={timer} reportMinutes={state.reportMinutes} clockOffsetMs={clockOffsetMs} act={act} onReset={onReset} />}
    </section>
  );
}
