import { useState, type FormEvent } from 'react';
import type { LoopCase, LoopMeeting } from '../../../../shared/api/loop-types';
import type { OpenDeadline } from '../../../../shared/loop/due';
import { daysUntil } from '../../../../shared/loop/deadlines';
import { LOOP_LABELS } from '../../../../shared/loop/labels';
import { newId, type IdKind } from '../../../../shared/domain/ids';
import { formatDateCn } from '../../../../shared/format/dates';
import { FormDialog, type FormDialogProps } from '../../ui/dialog';

/** The two arguments every 跟踪整改 call names its evaluation by. */
export function caseArgs(c: Pick<LoopCase, 'year' | 'evaluationId'>): { year: number; evaluationId: string } {
  return { year: c.year, evaluationId: c.evaluationId };
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A new record's id, made here as the services make theirs (kind prefix, 10 base32 characters). */
export function freshId(kind: IdKind): string {
  return newId(kind, { bytes: (n) => crypto.getRandomValues(new Uint8Array(n)) });
}

const STATE_CLASS: Record<OpenDeadline['state'], string> = { overdue: 'danger', soon: 'warn', later: '', unscheduled: 'warn' };

/** 已逾期 (red), 30日内到期, 未到期 or 尚未安排会议, with the days in words. */
export function DueTag({ deadline, today }: { deadline: Pick<OpenDeadline, 'state' | 'due'>; today: string | undefined }) {
  const label = LOOP_LABELS.dueState[deadline.state];
  const days = today && deadline.state !== 'unscheduled' ? daysUntil(deadline.due, today) : null;
  const extra = days === null ? '' : days < 0 ? `${-days}天` : days === 0 ? '（今天）' : `（还有${days}天）`;
  return <span className={`tag ${STATE_CLASS[deadline.state]}`}>{`${label}${extra}`}</span>;
}

/** One open deadline as a line: 整改情况报告 2026年5月8日 [已逾期3天], or the re-report's suggestion. */
export function DeadlineLine({ deadline, today }: { deadline: OpenDeadline<LoopMeeting>; today: string | undefined }) {
  const when = deadline.state === 'unscheduled' ? `${formatDateCn(deadline.due)}以后` : formatDateCn(deadline.due);
  return (
    <div className="loop-deadline">
      <span>{deadline.label}</span> <span>{deadline.meeting ? `${deadline.meeting.name}（${when}）` : when}</span> <DueTag deadline={deadline} today={today} />
    </div>
  );
}

/**
 * A form in a dialog that never loses what was typed by accident: the form's own dirty state goes to
 * the app's dialog, whose Esc or click outside then asks first (继续编辑 / 放弃修改); 取消 closes at once.
 */
export function GuardedFormDialog({ dirty, ...rest }: FormDialogProps & { dirty: boolean }) {
  return <FormDialog {...rest} dirty={dirty} />;
}

/**
 * A dialog form's state: the values, whether they differ from what it opened with, the save in
 * flight and the service's message. `submit` runs the save and closes on success.
 */
export function useDialogForm<T>(initial: () => T, save: (value: T) => Promise<unknown>, onDone: () => void, handled?: (err: unknown) => boolean) {
  const [value, setValue] = useState<T>(initial);
  const [start] = useState(() => JSON.stringify(value));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await save(value);
      onDone();
    } catch (err) {
      // A question the form shows itself (needs_confirmation) is not an error.
      if (!handled?.(err)) setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return {
    value,
    set: (patch: Partial<T>) => setValue((v) => ({ ...v, ...patch })),
    setValue,
    dirty: JSON.stringify(value) !== start,
    busy,
    error,
    setError,
    submit,
  };
}

/** A meeting picker over every meeting on record. */
export function MeetingSelect({ id, meetings, value, onChange, empty = '（未选择）', ariaLabel }: { id?: string; meetings: readonly LoopMeeting[]; value: string | null; onChange: (id: string | null) => void; empty?: string; ariaLabel?: string }) {
  return (
    <select id={id} aria-label={ariaLabel} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
      <option value="">{empty}</option>
      {[...meetings]
        .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
        .map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}（{formatDateCn(m.date)}）
          </option>
        ))}
    </select>
  );
}

export function meetingName(meetings: readonly LoopMeeting[], id: string | null | undefined): string {
  if (!id) return '';
  const m = meetings.find((x) => x.id === id);
  return m ? `${m.name}（${formatDateCn(m.date)}）` : '（会议已删除）';
}

export function dateOrDash(iso: string | null | undefined): string {
  return iso ? formatDateCn(iso) : '—';
}

/** The failing outcome that opened the re-report path, in the rule's own word (不满意, 不通过 …). */
export function failingOutcome(data: LoopCase): string {
  if (data.state.reReport?.from === 'followUp') {
    const failed = data.laterVotes.filter((v) => v.kind === 'followUp' && v.result?.failing).at(-1);
    return failed?.result?.outcome ?? '不满意';
  }
  return data.outcome || '不满意';
}
