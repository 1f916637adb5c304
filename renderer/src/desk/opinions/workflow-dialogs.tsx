import { useEffect, useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { Dialog } from '../../ui/dialog';
import { Field, fieldErrors } from '../../ui/field';
import { parseDocNumber } from '../../../../shared/format/doc-number';
import { isIsoDate, yearOfIsoDate } from '../../../../shared/format/dates';
import { DateField } from '../../ui/date-field';

/**
 * The dialogs of the workflow steps. Each records one dated step; the services check the order of
 * the steps and the dates, and answer with a message naming what is wrong.
 */

export interface StepTarget {
  year: number;
  evaluationId: string;
  versionNo: number;
}

interface StepDialogProps {
  target: StepTarget;
  today: string;
  onClose(): void;
  onDone(): void;
}

function useRun(onDone: () => void, onClose: () => void) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; general?: string }>({ fields: {} });
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setErrors({ fields: {} });
    try {
      await action();
      onDone();
      onClose();
    } catch (err) {
      setErrors(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, run };
}

function Actions({ busy, label, onClose, onOk, disabled }: { busy: boolean; label: string; onClose(): void; onOk(): void; disabled?: boolean }) {
  return (
    <>
      <button type="button" className="btn" onClick={onClose}>
        取消
      </button>
      <button type="button" className="btn primary" disabled={busy || disabled} onClick={onOk}>
        {label}
      </button>
    </>
  );
}

function General({ message }: { message: string | undefined }) {
  return message ? (
    <div className="banner error" role="alert">
      {message}
    </div>
  ) : null;
}

export function ApproveDialog({ target, today, problems, onClose, onDone }: StepDialogProps & { problems: string[] }) {
  const [date, setDate] = useState(today);
  const [sitting, setSitting] = useState('');
  const { busy, errors, run } = useRun(onDone, onClose);
  const ok = () =>
    run(() => getPlatform().call('opinions.approve', { ...target, council: { date, sitting: sitting.trim() === '' ? null : Number(sitting) } }));
  return (
    <Dialog title="登记主任会议审定" onClose={onClose} actions={<Actions busy={busy} label="登记审定" onClose={onClose} onOk={ok} disabled={problems.length > 0} />}>
      {problems.length > 0 && (
        <div className="banner warn" role="alert">
          草稿尚未完成：{problems.join('；')}。
        </div>
      )}
      <DateField label="主任会议审定日期（也是公文的成文日期）" error={errors.fields['date']} value={date} onChange={setDate} />
      <Field label="主任会议次数（选填，填写后标题下注明“第X次主任会议通过”）" error={errors.fields['sitting']}>
        {(id) => <input id={id} inputMode="numeric" value={sitting} onChange={(e) => setSitting(e.target.value.replace(/\D/g, ''))} placeholder="如 30" />}
      </Field>
      <General message={errors.general} />
    </Dialog>
  );
}

export function IssueDialog({ target, today, onClose, onDone }: StepDialogProps) {
  const [date, setDate] = useState(today);
  const [number, setNumber] = useState('');
  const [touched, setTouched] = useState(false);
  const [taken, setTaken] = useState<string[]>([]);
  // The issue year the suggestion shown was made for: another year's number is not issued by mistake.
  const [suggestedFor, setSuggestedFor] = useState<number | null>(null);
  const { busy, errors, run } = useRun(onDone, onClose);
  const issueYear = isIsoDate(date) ? yearOfIsoDate(date) : null;

  // The suggestion follows the issue year until the user types a number of their own.
  useEffect(() => {
    if (issueYear === null) return;
    let live = true;
    getPlatform()
      .call('opinions.suggestNumber', { year: target.year, evaluationId: target.evaluationId, issueYear })
      .then((s) => {
        if (!live) return;
        setTaken(s.taken);
        setSuggestedFor(issueYear);
        if (!touched) setNumber(s.suggestion);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [issueYear, target.year, target.evaluationId, touched]);

  const parsed = number.trim() === '' ? null : parseDocNumber(number);
  const localError = parsed && !parsed.ok ? parsed.message : undefined;
  const ok = () => run(() => getPlatform().call('opinions.issue', { ...target, issue: { docNumber: number.trim(), issueDate: date } }));
  return (
    <Dialog title="印发评议意见" onClose={onClose} actions={<Actions busy={busy} label="印发" onClose={onClose} onOk={ok} disabled={!parsed?.ok || (!touched && suggestedFor !== issueYear)} />}>
      <p className="muted">印发后正文即冻结；如需更改，须“修订”生成新版本。</p>
      <DateField label="印发日期" error={errors.fields['issueDate']} value={date} onChange={setDate} />
      <Field label="发文字号" error={localError ?? errors.fields['docNumber']} hint={`系统建议的下一个字号，可修改（办公室在系统外使用的字号请跳过）。${taken.length ? `本系统已使用：${taken.join('、')}` : ''}`}>
        {(id) => (
          <input
            id={id}
            value={number}
            onChange={(e) => {
              setTouched(true);
              setNumber(e.target.value);
            }}
          />
        )}
      </Field>
      <General message={errors.general} />
    </Dialog>
  );
}

export function DeliverDialog({ target, today, onClose, onDone }: StepDialogProps) {
  const [date, setDate] = useState(today);
  const [receivedBy, setReceivedBy] = useState('');
  const { busy, errors, run } = useRun(onDone, onClose);
  const ok = () => run(() => getPlatform().call('opinions.deliver', { ...target, delivery: { date, receivedBy } }));
  return (
    <Dialog title="登记送达" onClose={onClose} actions={<Actions busy={busy} label="登记送达" onClose={onClose} onOk={ok} disabled={receivedBy.trim() === ''} />}>
      <p className="muted">送达之日起计算整改期限（整改方案、整改情况报告）。</p>
      <DateField label="送达日期" error={errors.fields['date']} value={date} onChange={setDate} />
      <Field label="签收人" error={errors.fields['receivedBy']}>
        {(id) => <input id={id} value={receivedBy} onChange={(e) => setReceivedBy(e.target.value)} />}
      </Field>
      <General message={errors.general} />
    </Dialog>
  );
}

export function ReviseDialog({ target, onClose, onDone }: StepDialogProps) {
  const [reason, setReason] = useState('');
  const { busy, errors, run } = useRun(onDone, onClose);
  const ok = () => run(() => getPlatform().call('opinions.revise', { ...target, reason }));
  return (
    <Dialog title="修订评议意见" onClose={onClose} actions={<Actions busy={busy} label="生成新版本" onClose={onClose} onOk={ok} disabled={reason.trim().length < 2} />}>
      <p className="muted">已印发的版本保留不变；新版本从草稿开始，须重新审定、印发。</p>
      <Field label="修订原因" error={errors.fields['reason']}>
        {(id) => <textarea id={id} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <General message={errors.general} />
    </Dialog>
  );
}
