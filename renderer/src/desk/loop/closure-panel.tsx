import { useState } from 'react';
import type { LoopCase } from '../../../../shared/api/loop-types';
import { formatDateCn } from '../../../../shared/format/dates';
import { LOOP_LABELS } from '../../../../shared/loop/labels';
import { getPlatform } from '../../platform/platform';
import { DateField } from '../../ui/date-field';
import { Field } from '../../ui/field';
import { caseArgs, GuardedFormDialog, useDialogForm } from './loop-bits';

/** 办结: derived from the records, or the office's own close with a reason (undone with 撤销办结). */
export function ClosurePanel({ data }: { data: LoopCase }) {
  const [closing, setClosing] = useState(false);
  const [reopening, setReopening] = useState(false);
  const closed = data.state.stage === 'closed';
  const byOffice = data.closure !== null;
  return (
    <section className="panel" aria-labelledby="loop-close-title">
      <div className="panel-head">
        <h2 id="loop-close-title">办结</h2>
        <span className="grow" />
        {!closed && (
          <button type="button" className="btn small" onClick={() => setClosing(true)}>
            办结…
          </button>
        )}
        {byOffice && (
          <button type="button" className="btn small danger" onClick={() => setReopening(true)}>
            撤销办结
          </button>
        )}
      </div>
      {byOffice ? (
        <p data-testid="loop-closure">
          办公室于{formatDateCn(data.closure!.date)}办结。理由：{data.closure!.reason}
        </p>
      ) : closed ? (
        <p data-testid="loop-closure">已办结：{data.state.closedBy ? LOOP_LABELS.closedBy[data.state.closedBy] : ''}。</p>
      ) : (
        <p className="muted">
          收到整改情况报告并公布回头看后的测评结果后自动办结；不满意的，再次报告后测评合格或常委会作出决定后办结。被评议对象离任、届满等情形，可由办公室注明理由办结。
        </p>
      )}
      {closing && <CloseDialog data={data} onClose={() => setClosing(false)} />}
      {reopening && <ReopenDialog data={data} onClose={() => setReopening(false)} />}
    </section>
  );
}

function CloseDialog({ data, onClose }: { data: LoopCase; onClose: () => void }) {
  const form = useDialogForm(
    () => ({ date: data.today, reason: '' }),
    (v) => getPlatform().call('loop.close', { ...caseArgs(data), closure: { evaluationId: data.evaluationId, ...v } }),
    onClose,
  );
  return (
    <GuardedFormDialog
      title="办结"
      dirty={form.dirty}
      onClose={onClose}
      onSubmit={(e) => void form.submit(e)}
      busy={form.busy}
      general={form.error}
      submitLabel="办结"
      lead={<p className="muted">当前阶段：{data.stageLabel}。{data.state.next && `目前${data.state.next}。`}</p>}
    >
      <DateField label="办结日期" value={form.value.date} onChange={(date) => form.set({ date })} />
      <Field label="办结理由">{(id) => <textarea id={id} rows={3} value={form.value.reason} placeholder="如：被评议对象已调离原岗位" onChange={(e) => form.set({ reason: e.target.value })} />}</Field>
    </GuardedFormDialog>
  );
}

function ReopenDialog({ data, onClose }: { data: LoopCase; onClose: () => void }) {
  const form = useDialogForm(() => ({ reason: '' }), (v) => getPlatform().call('loop.reopen', { ...caseArgs(data), reason: v.reason }), onClose);
  return (
    <GuardedFormDialog title="撤销办结" dirty={form.dirty} onClose={onClose} onSubmit={(e) => void form.submit(e)} busy={form.busy} general={form.error} submitLabel="撤销办结">
      <p>撤销后，本项评议回到由记录得出的阶段，到期事项重新列入工作台。</p>
      <Field label="撤销理由">{(id) => <textarea id={id} rows={2} value={form.value.reason} onChange={(e) => form.set({ reason: e.target.value })} />}</Field>
    </GuardedFormDialog>
  );
}
