import { useState, type FormEvent } from 'react';
import type { LaterCandidate } from '../../../../shared/loop/later';
import type { AgendaItem, HearingPurpose } from '../../../../shared/domain/meetings';
import type { VoteTitles } from '../../../../shared/domain/settings';
import type { LaterVoteKind } from '../../../../shared/loop/labels';
import { formatDateCn } from '../../../../shared/format';
import { FormDialog } from '../../ui/dialog';
import type { Person } from './meeting-detail';

export interface LaterPanelProps {
  later: LaterCandidate[];
  /** This meeting's date: a re-report heard before the rule's day is pointed out. */
  meetingDate: string;
  agenda: AgendaItem[];
  people: Map<string, Person>;
  titles: VoteTitles;
  busy: boolean;
  onHearing: (c: LaterCandidate, purpose: HearingPurpose) => void;
  onVote: (c: LaterCandidate, kind: LaterVoteKind) => void;
}

function stateText(c: LaterCandidate, titles: VoteTitles, meetingDate: string): string {
  if (c.path === 'reReport') {
    const failed = c.failingVote ? `${titles[c.failingVote.kind]}结果为“${c.failingVote.outcome}”` : '测评结果未通过';
    const early = c.reReportEarliest && meetingDate < c.reReportEarliest ? `本次会议早于${formatDateCn(c.reReportEarliest)}。` : '';
    return `${failed}（${formatDateCn(c.failingSince ?? '')}公布）。${c.suggestion ?? ''}${early}`;
  }
  if (c.reportReceivedOn) return `整改情况报告已于${formatDateCn(c.reportReceivedOn)}收到。`;
  return '尚未收到整改情况报告（提前进行满意度测评须确认并说明理由）。';
}

/**
 * 整改情况的听取与测评: earlier evaluations (any year) waiting for this meeting — the hearing of
 * the rectification report and the 满意度测评, or after a failing result the re-report and its
 * 整改情况测评. None needs a plan entry or a report item here; adding one writes its loop record.
 */
export function LaterPanel({ later, meetingDate, agenda, people, titles, busy, onHearing, onVote }: LaterPanelProps) {
  const heard = (c: LaterCandidate, purpose: HearingPurpose) => agenda.some((i) => i.kind === 'hearing' && i.evaluationId === c.evaluationId && i.purpose === purpose);
  const voted = (c: LaterCandidate, kind: LaterVoteKind) => agenda.some((i) => i.kind === 'vote' && i.voteKind === kind && i.evaluationIds.includes(c.evaluationId));
  return (
    <section className="panel" aria-labelledby="mt-later-title">
      <div className="mt-panel-head">
        <h2 id="mt-later-title">整改情况的听取与测评</h2>
        <span className="muted">以往评议的整改情况报告、{titles.followUp}；不满意等次的再次报告和{titles.reReport}</span>
      </div>
      {later.length === 0 ? (
        <p className="muted mt-empty">没有等待听取整改情况或再次测评的评议。</p>
      ) : (
        <table className="list mt-later" aria-label="整改情况的听取与测评">
          <thead>
            <tr>
              <th>姓名</th>
              <th>单位及职务</th>
              <th>评议年度</th>
              <th>情况</th>
              <th className="actions">操作</th>
            </tr>
          </thead>
          <tbody>
            {later.map((c) => {
              const p = people.get(c.evaluateeId);
              const name = p?.name ?? '（已删除的对象）';
              const purpose: HearingPurpose = c.path === 'reReport' ? 'reReport' : 'report';
              const kind: LaterVoteKind = c.path;
              const canHear = c.path === 'reReport' || (c.reportReceivedOn !== null && (c.reportHeardAt === null || heard(c, 'report')));
              const hearLabel = c.path === 'reReport' ? '列入听取再次报告' : '列入听取整改情况报告';
              return (
                <tr key={c.evaluationId}>
                  <td>
                    <strong>{name}</strong>
                  </td>
                  <td>
                    {p?.unitName} <span className="muted">{p?.position}</span>
                  </td>
                  <td>{c.year}年</td>
                  <td className="mt-later-state">{stateText(c, titles, meetingDate)}</td>
                  <td className="actions">
                    {canHear && (
                      <button type="button" className="btn small" disabled={busy || !p || heard(c, purpose)} aria-label={`${hearLabel}：${name}`} onClick={() => onHearing(c, purpose)}>
                        {heard(c, purpose) ? '已列入听取' : hearLabel}
                      </button>
                    )}
                    <button type="button" className="btn small" disabled={busy || !p || voted(c, kind)} aria-label={`列入${titles[kind]}：${name}`} onClick={() => onVote(c, kind)}>
                      {voted(c, kind) ? `已列入${titles[kind]}` : `列入${titles[kind]}`}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A 满意度测评 before the report arrived: the service's question, and the reason the office gives. */
export function EarlyVoteDialog({ message, onSave, onClose }: { message: string; onSave: (reason: string) => Promise<void>; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') {
      setError('请说明提前测评的理由');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSave(reason.trim());
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog title="提前测评" onClose={onClose} onSubmit={(e) => void submit(e)} busy={busy} submitLabel="确认列入" general={error}>
      <div className="banner warn" role="alert" data-testid="needs-confirmation">
        {message.split('\n').map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <label className="field">
        <span>提前测评的理由</span>
        <textarea aria-label="提前测评的理由" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </FormDialog>
  );
}
