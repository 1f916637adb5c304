import { useState } from 'react';
import type { LoopCase } from '../../../../shared/api/loop-types';
import { ESCALATION_KINDS, LOOP_LABELS } from '../../../../shared/loop/labels';
import type { EscalationStep } from '../../../../shared/loop/schemas';
import { needsSecondAnswer } from '../../../../shared/loop/thresholds';
import { formatDateCn } from '../../../../shared/format/dates';
import { getPlatform } from '../../platform/platform';
import { ConfirmDialog } from '../../ui/dialog';
import { EvidenceList } from './evidence-list';
import { blankStep, EscalationDialog } from './escalation-forms';
import { caseArgs, meetingName } from './loop-bits';
import { PaperButton } from './loop-papers';

const ADD_LABELS: Record<EscalationStep['kind'], string> = {
  inquiry: '记录询问',
  interpellation: '提出质询案',
  investigation: '组织特定问题调查委员会',
  decision: '记录常委会相应决定',
};

/**
 * 进一步监督: offered only when the re-report's vote still fails. Every step is the office's own
 * record with its dates, meeting and papers; none is taken automatically, and only a decision (or
 * the office's closing) ends the case.
 */
export function EscalationPanel({ data }: { data: LoopCase }) {
  const [editing, setEditing] = useState<EscalationStep | null>(null);
  const [removing, setRemoving] = useState<EscalationStep | null>(null);
  const offered = data.state.stage === 'escalated';
  const delivered = data.opinion?.deliveredOn != null;
  if (!offered && data.escalation.length === 0 && !delivered) return null;
  const buttons = (
    <div className="toolbar">
      {ESCALATION_KINDS.map((k) => (
        <button key={k} type="button" className="btn small" onClick={() => setEditing(blankStep(data, k))}>
          {ADD_LABELS[k]}
        </button>
      ))}
    </div>
  );
  return (
    <section className={`panel${offered || data.escalation.length > 0 ? ' loop-escalation' : ''}`} aria-labelledby="loop-esc-title">
      <div className="panel-head">
        <h2 id="loop-esc-title">进一步监督</h2>
        <span className="muted">再次报告后的整改情况测评仍未通过时，由办公室按程序记录；各项措施均不自动进行。</span>
      </div>
      {offered ? (
        buttons
      ) : (
        <details className="loop-offpath">
          <summary>其他情形下记录进一步监督措施</summary>
          <p className="muted loop-hint">
            {data.state.closedBy === 'decision' ? '本项评议已因常委会作出决定而办结。' : '本项评议尚未出现再次报告后整改情况测评仍不满意的情形。'}确需记录的，保存时将请您确认。
          </p>
          {buttons}
        </details>
      )}
      {data.escalation.length === 0 ? (
        offered && <p className="muted">尚未记录进一步监督措施。</p>
      ) : (
        data.escalation.map((s) => (
          <article key={s.id} className="loop-card" aria-label={LOOP_LABELS.escalationKind[s.kind]}>
            <header className="loop-card-head">
              <span className="tag red">{LOOP_LABELS.escalationKind[s.kind]}</span>
              <div className="loop-item-text">
                <StepSummary data={data} step={s} />
              </div>
              <span>
                {s.kind === 'interpellation' && (
                  <>
                    <PaperButton label="导出质询案" paper="质询案" run={() => getPlatform().call('loopDocs.interpellation', { ...caseArgs(data), stepId: s.id })} />{' '}
                  </>
                )}
                <button type="button" className="btn small" onClick={() => setEditing(s)}>
                  修改
                </button>{' '}
                <button type="button" className="btn small danger" onClick={() => setRemoving(s)}>
                  删除
                </button>
              </span>
            </header>
            <div className="loop-sub">
              <h3>相关文件</h3>
              <EvidenceList data={data} target={{ kind: 'escalation', stepId: s.id }} files={s.documents} label={`${LOOP_LABELS.escalationKind[s.kind]}相关文件`} addLabel="上传文件" />
            </div>
          </article>
        ))
      )}
      {editing && <EscalationDialog key={editing.id} data={data} step={editing} onClose={() => setEditing(null)} />}
      {removing && (
        <ConfirmDialog
          title={`删除${LOOP_LABELS.escalationKind[removing.kind]}记录`}
          message="删除后该项记录及其文件列表不再显示。"
          confirmLabel="删除"
          danger
          onConfirm={async () => {
            await getPlatform().call('loop.escalation.remove', { ...caseArgs(data), stepId: removing.id });
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}

const names = (refs: readonly { name: string }[]) => refs.map((r) => r.name).join('、');

function StepSummary({ data, step }: { data: LoopCase; step: EscalationStep }) {
  switch (step.kind) {
    case 'inquiry':
      return (
        <>
          <p>
            {formatDateCn(step.date)} · {meetingName(data.meetings, step.meetingId)} · 询问人：{names(step.askedBy)}
          </p>
          <p>问：{step.question}</p>
          {step.answer && (
            <p>
              答（{step.answeredBy}）：{step.answer}
            </p>
          )}
        </>
      );
    case 'interpellation': {
      const proposers = step.proposers.length;
      return (
        <>
          <p>
            {formatDateCn(step.proposedOn)}提出 · 质询对象：{step.object} · 提案人{proposers}人：{names(step.proposers)}
          </p>
          <p>问题：{step.questions}</p>
          <p>
            {step.decision
              ? `主任会议${formatDateCn(step.decision.date)}决定：${LOOP_LABELS.answerMode[step.decision.mode]}${step.decision.meetingId ? `（${meetingName(data.meetings, step.decision.meetingId)}）` : ''}`
              : '等待主任会议决定答复方式'}
          </p>
          {step.answers.map((a, i) => (
            <p key={i}>
              第{i + 1}次答复：{formatDateCn(a.date)} {a.answeredBy}（{LOOP_LABELS.answerMode[a.mode]}）；不满意{a.notSatisfied.length}人
              {needsSecondAnswer(proposers, a.notSatisfied.length) ? '，过半数不满意，应再次答复' : a.verdictDate ? '，提案人未过半数不满意' : ''}
            </p>
          ))}
        </>
      );
    }
    case 'investigation':
      return (
        <>
          <p>
            {formatDateCn(step.proposedOn)} · {LOOP_LABELS.investigationProposer[step.proposedBy]}
            {step.proposedBy === 'members' && `（${step.proposers.length}人：${names(step.proposers)}）`}
          </p>
          <p>{step.proposal}</p>
          {step.committee.length > 0 && <p>调查委员会：{names(step.committee)}</p>}
          <p>{step.report ? `调查报告：${formatDateCn(step.report.date)}` : '调查报告尚未提出'}</p>
          {step.resolution && (
            <p>
              {LOOP_LABELS.resolutionKind[step.resolution.kind]}：{formatDateCn(step.resolution.date)} {meetingName(data.meetings, step.resolution.meetingId)}
            </p>
          )}
        </>
      );
    case 'decision':
      return (
        <>
          <p>
            {formatDateCn(step.date)} · {meetingName(data.meetings, step.meetingId)}
          </p>
          <p>{step.text}</p>
        </>
      );
  }
}
