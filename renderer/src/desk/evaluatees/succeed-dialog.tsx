import { useState, type FormEvent } from 'react';
import { getPlatform } from '../../platform/platform';
import { FormDialog } from '../../ui/dialog';
import { Field, fieldErrors } from '../../ui/field';
import { END_REASONS, type EndReason, type Evaluatee } from '../../../../shared/domain/evaluatees';
import { GENDERS, type Gender } from '../../../../shared/domain/people';
import { formatDateCn, isoDateOf } from '../../../../shared/format/dates';
import type { EvaluateeRow } from '../../../../shared/api/desk-types';
import { generalMessage } from '../../ui/record-dialog';
import { DateField } from '../../ui/date-field';

const SHOWN = ['date', 'endReason', 'name', 'gender', 'position'];

export interface SucceedDialogProps {
  row: EvaluateeRow;
  onClose: () => void;
  onDone: (result: { ended: Evaluatee; successor: Evaluatee }) => void;
}

/**
 * 岗位交接: the old holder leaves on a date and the successor becomes a new evaluatee, not yet
 * covered by the plan. The old record is kept (its evaluations refer to it), never overwritten.
 */
export function SucceedDialog({ row, onClose, onDone }: SucceedDialogProps) {
  const [date, setDate] = useState(() => isoDateOf(new Date()));
  const [endReason, setEndReason] = useState<EndReason>('免职');
  const [name, setName] = useState('');
  const [gender, setGender] = useState<Gender | ''>('');
  const [position, setPosition] = useState(row.position);
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({ fields: {} });
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const result = await getPlatform().call('evaluatees.succeed', {
        id: row.id,
        date,
        endReason,
        successor: {
          name,
          ...(gender ? { gender } : {}),
          ...(position.trim() ? { position } : {}),
        },
      });
      onDone(result);
    } catch (err) {
      setErrors(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  const f = errors.fields;
  const general = generalMessage(errors, SHOWN);
  return (
    <FormDialog
      title={`岗位交接：${row.unitName}${row.position}`}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      submitLabel="确认交接"
      busyLabel="正在办理…"
      general={general}
      wide
      lead={
        <p className="lead">
          现任 {row.name}（{formatDateCn(row.appointmentDate)}任职）离任后，继任者作为新的被评议对象列入名单，尚未覆盖，需另行列入评议计划；{row.name}的记录和评议情况保留。
        </p>
      }
    >
      <div className="form-grid">
        <DateField label="交接日期" error={f.date} value={date} onChange={setDate} />
        <Field label="离任原因" error={f.endReason}>
          {(id) => (
            <select id={id} value={endReason} onChange={(e) => setEndReason(e.target.value as EndReason)}>
              {END_REASONS.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="继任者姓名" error={f.name}>
          {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} autoFocus autoComplete="off" />}
        </Field>
        <Field label="继任者性别" error={f.gender}>
          {(id) => (
            <select id={id} value={gender} onChange={(e) => setGender(e.target.value as Gender | '')}>
              <option value="">（未填）</option>
              {GENDERS.map((g) => (
                <option key={g}>{g}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="继任者职务" error={f.position} hint="默认与原任相同">
          {(id) => <input id={id} value={position} onChange={(e) => setPosition(e.target.value)} autoComplete="off" />}
        </Field>
      </div>
    </FormDialog>
  );
}
