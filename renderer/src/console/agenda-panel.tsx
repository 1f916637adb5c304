import { memo } from 'react';
import { LIVE_STAGE_LABELS, type LivePosition, type LiveStage } from '../../../shared/domain/live';
import type { LiveAgendaItem, LiveConsoleState, LiveStep } from '../../../shared/api/live-types';
import type { LiveConsole } from './use-live-console';

function itemLabel(item: LiveAgendaItem): string {
  return item.kind === 'vote' ? item.title : (item.evaluatees[0]?.name ?? item.title);
}

function StageChip({ at, stage, label, current, enabled, onGo }: { at: string; stage: LiveStage; label?: string; current: boolean; enabled: boolean; onGo: () => void }) {
  return (
    <button className={`stage-chip${current ? ' current' : ''}`} aria-current={current ? 'step' : undefined} aria-label={`转到：${at}${label ?? LIVE_STAGE_LABELS[stage]}`} disabled={!enabled} onClick={onGo}>
      {label ?? LIVE_STAGE_LABELS[stage]}
    </button>
  );
}

function StepButton({ dir, step, onMove }: { dir: 'prev' | 'next'; step: LiveStep | null; onMove: () => void }) {
  const word = dir === 'next' ? '下一步' : '上一步';
  const reasonId = `step-reason-${dir}`;
  return (
    <div className={`step step-${dir}`}>
      <button className={`btn ${dir === 'next' ? 'primary' : ''} step-btn`} disabled={!step || !!step.blockedBy} onClick={onMove} aria-describedby={step?.blockedBy ? reasonId : undefined}>
        {dir === 'prev' && '← '}
        {word}
        {step ? `：${step.label}` : '（已到尽头）'}
        {dir === 'next' && ' →'}
      </button>
      {step?.blockedBy && (
        <span className="step-reason" id={reasonId}>
          {step.blockedBy}
        </span>
      )}
    </div>
  );
}

interface AgendaProps {
  agenda: LiveConsoleState['agenda'];
  position: LivePosition;
  running: boolean;
  canUndo: boolean;
  prev: LiveStep | null;
  next: LiveStep | null;
  act: LiveConsole['act'];
}

/** The meeting's items in order, each with its stages; the current one marked; click to go there. */
export const AgendaPanel = memo(function AgendaPanel({ agenda, position: pos, running, canUndo, prev, next, act }: AgendaProps) {
  const isAt = (itemIndex: number, stage: LiveStage) => pos.itemIndex === itemIndex && pos.stage === stage;
  const go = (itemIndex: number, stage: LiveStage) => act('live.goto', { itemIndex, stage });
  const closingIndex = agenda.length;
  return (
    <section className="panel agenda-panel" aria-labelledby="agenda-title">
      <h2 id="agenda-title">议程</h2>
      <div className="steps">
        <StepButton dir="prev" step={prev} onMove={() => act('live.move', { to: 'prev' })} />
        <StepButton dir="next" step={next} onMove={() => act('live.move', { to: 'next' })} />
        <button className="btn small" onClick={() => act('live.undo', {})} disabled={!canUndo}>
          撤销上一次移动
        </button>
      </div>
      <ol className="agenda-list" aria-label="会议议程">
        <li className={`agenda-item${pos.itemIndex === -1 ? ' current' : ''}`}>
          <span className="agenda-no" />
          <span className="agenda-body">
            <StageChip at="" stage="opening" current={isAt(-1, 'opening')} enabled={running} onGo={() => go(-1, 'opening')} />
          </span>
        </li>
        {agenda.map((item) => (
          <li key={item.index} className={`agenda-item${pos.itemIndex === item.index ? ' current' : ''}`}>
            <span className="agenda-no">{item.index + 1}</span>
            <span className="agenda-body">
              <span className="agenda-title">
                <strong>{itemLabel(item)}</strong>
                {item.kind !== 'vote' && item.evaluatees[0] && (
                  <span className="muted">
                    {' '}
                    {item.evaluatees[0].unitName}
                    {item.evaluatees[0].position}
                  </span>
                )}
                {item.kind === 'vote' && <span className="muted"> {item.evaluatees.map((e) => e.name).join('、')}</span>}
                {item.mode === 'written' && <span className="tag">书面</span>}
              </span>
              <span className="agenda-stages">
                {item.stages.map((stage) => (
                  <StageChip key={stage} at={`第${item.index + 1}项 ${itemLabel(item)} `} stage={stage} {...(item.stageLabels[stage] ? { label: item.stageLabels[stage] } : {})} current={isAt(item.index, stage)} enabled={running} onGo={() => go(item.index, stage)} />
                ))}
              </span>
            </span>
          </li>
        ))}
        <li className={`agenda-item${pos.itemIndex >= closingIndex ? ' current' : ''}`}>
          <span className="agenda-no" />
          <span className="agenda-body">
            <StageChip at="" stage="closing" current={isAt(closingIndex, 'closing')} enabled={running} onGo={() => go(closingIndex, 'closing')} />
          </span>
        </li>
      </ol>
    </section>
  );
});
