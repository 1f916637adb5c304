import { useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { ConfirmDialog } from '../../ui/dialog';
import { OPINION_STATUSES, versionStatus, type OpinionVersion } from '../../../../shared/domain/opinions';
import { formatDateCn } from '../../../../shared/format/dates';
import { ApproveDialog, DeliverDialog, IssueDialog, ReviseDialog, type StepTarget } from './workflow-dialogs';
import { OP_TEXT } from './opinion-text';
import { ReceiptButton } from './receipt-button';

type Open = 'approve' | 'reopen' | 'issue' | 'deliver' | 'revise' | null;

export interface WorkflowBarProps {
  target: StepTarget;
  version: OpinionVersion;
  today: string;
  problems: string[];
  /** Saves pending edits before a step reads the draft on the services' side. */
  beforeStep(): Promise<void>;
  onDone(): void;
  onExport(): void;
  exporting: boolean;
}

function stepDate(v: OpinionVersion, step: (typeof OPINION_STATUSES)[number]): string | null {
  if (step === 'draft') return v.updatedAt ? formatDateCn(new Date(v.updatedAt)) : null;
  if (step === 'approved') return v.council ? `${formatDateCn(v.council.date)}${v.council.sitting ? ` · 第${v.council.sitting}次主任会议` : ''}` : null;
  if (step === 'issued') return v.issue ? `${v.issue.docNumber} · ${formatDateCn(v.issue.issueDate)}` : null;
  return v.delivery ? `${formatDateCn(v.delivery.date)} · ${v.delivery.receivedBy}签收` : null;
}

/** 草稿 → 主任会议审定 → 印发 → 送达, each step with its date, and the action the current step allows. */
export function WorkflowBar({ target, version, today, problems, beforeStep, onDone, onExport, exporting }: WorkflowBarProps) {
  const [open, setOpen] = useState<Open>(null);
  const status = versionStatus(version);
  const reached = OPINION_STATUSES.indexOf(status);
  const start = (which: Open) => {
    void beforeStep().then(() => setOpen(which));
  };
  const close = () => setOpen(null);
  return (
    <section className="panel op-flow" aria-label="办理流程">
      <ol className="op-steps">
        {OPINION_STATUSES.map((step, i) => (
          <li key={step} className={i < reached ? 'done' : i === reached ? 'current' : ''} aria-current={i === reached ? 'step' : undefined}>
            <span className="name">{OP_TEXT.steps[step]}</span>
            <span className="date">{i <= reached ? stepDate(version, step) : '—'}</span>
          </li>
        ))}
      </ol>
      <div className="op-actions">
        {status === 'draft' && (
          <button type="button" className="btn primary" onClick={() => start('approve')}>
            {OP_TEXT.approve}
          </button>
        )}
        {status === 'approved' && (
          <>
            <button type="button" className="btn primary" onClick={() => start('issue')}>
              {OP_TEXT.issue}
            </button>
            <button type="button" className="btn" onClick={() => start('reopen')}>
              {OP_TEXT.reopen}
            </button>
          </>
        )}
        {status === 'issued' && (
          <button type="button" className="btn primary" onClick={() => start('deliver')}>
            {OP_TEXT.deliver}
          </button>
        )}
        {(status === 'issued' || status === 'delivered') && (
          <button type="button" className="btn" onClick={() => start('revise')}>
            {OP_TEXT.revise}
          </button>
        )}
        <span className="grow" />
        {version.issue && <ReceiptButton target={target} />}
        <button type="button" className="btn" disabled={!version.issue || exporting} title={version.issue ? undefined : OP_TEXT.exportNeedsIssue} onClick={onExport}>
          {exporting ? '正在导出…' : OP_TEXT.exportWord}
        </button>
      </div>
      {open === 'approve' && <ApproveDialog target={target} today={today} problems={problems} onClose={close} onDone={onDone} />}
      {open === 'issue' && <IssueDialog target={target} today={today} onClose={close} onDone={onDone} />}
      {open === 'deliver' && <DeliverDialog target={target} today={today} onClose={close} onDone={onDone} />}
      {open === 'revise' && <ReviseDialog target={target} today={today} onClose={close} onDone={onDone} />}
      {open === 'reopen' && (
        <ConfirmDialog
          title="退回修改"
          message="撤销主任会议审定的登记，评议意见回到草稿，可继续修改后再次登记审定。"
          confirmLabel={OP_TEXT.reopen}
          onConfirm={async () => {
            await getPlatform().call('opinions.reopen', target);
            onDone();
          }}
          onClose={close}
        />
      )}
    </section>
  );
}
