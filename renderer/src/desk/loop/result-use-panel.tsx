import { useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { LoopCase } from '../../../../shared/api/loop-types';
import { formatDateCn } from '../../../../shared/format/dates';
import { DEFAULT_RESULT_RECIPIENTS, DELIVERY_MODES, LOOP_LABELS, RESULT_USE_KINDS, type DeliveryMode, type ResultUseKind } from '../../../../shared/loop/labels';
import { resultUseLines } from '../../../../shared/loop/ledger';
import type { ResultUse } from '../../../../shared/loop/schemas';
import { getPlatform } from '../../platform/platform';
import { DateField } from '../../ui/date-field';
import { ConfirmDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { caseArgs, GuardedFormDialog, messageOf, useDialogForm } from './loop-bits';
import { PaperButton } from './loop-papers';

/** 结果运用: what was sent where, one line per sending, printable as a list. */
export function ResultUsePanel({ data }: { data: LoopCase }) {
  const [adding, setAdding] = useState<'one' | 'defaults' | null>(null);
  const [removing, setRemoving] = useState<ResultUse | null>(null);
  const [printing, setPrinting] = useState(false);
  const rows = [...data.resultUses].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const print = () => {
    // The sheet is in the page before the print dialog takes its picture.
    flushSync(() => setPrinting(true));
    document.body.classList.add('loop-printing');
    window.print();
    document.body.classList.remove('loop-printing');
    setPrinting(false);
  };
  return (
    <section className="panel" aria-labelledby="loop-use-title">
      <div className="panel-head">
        <h2 id="loop-use-title">结果运用</h2>
        <span className="grow" />
        <button type="button" className="btn small" onClick={() => setAdding('defaults')}>
          登记评议意见抄送
        </button>
        <button type="button" className="btn small" onClick={() => setAdding('one')}>
          登记一项
        </button>
        <button type="button" className="btn small" disabled={rows.length === 0} onClick={print}>
          打印清单
        </button>
        <PaperButton label="导出结果运用登记表" paper="结果运用登记表" run={() => getPlatform().call('loopDocs.resultUses', caseArgs(data))} />
      </div>
      {rows.length === 0 ? (
        <p className="muted">尚未登记。测评结果通报、评议意见报送{DEFAULT_RESULT_RECIPIENTS.join('、')}和被评议对象所在单位，以及将评议结果作为考核、任用、奖惩参考的建议，在此逐项登记。</p>
      ) : (
        <table className="list loop-table" aria-label="结果运用登记">
          <thead>
            <tr>
              <th>日期</th>
              <th>材料</th>
              <th>送达单位</th>
              <th>方式</th>
              <th>文号</th>
              <th>备注</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateCn(r.date)}</td>
                <td>{LOOP_LABELS.resultUseKind[r.kind]}</td>
                <td>{r.recipient}</td>
                <td>{LOOP_LABELS.deliveryMode[r.how]}</td>
                <td>{r.docNumber}</td>
                <td>{r.note}</td>
                <td className="actions">
                  <button type="button" className="btn small danger" aria-label={`删除登记：${r.recipient}`} onClick={() => setRemoving(r)}>
                    删除
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding === 'one' && <OneDialog data={data} onClose={() => setAdding(null)} />}
      {adding === 'defaults' && <DefaultsDialog data={data} onClose={() => setAdding(null)} />}
      {removing && (
        <ConfirmDialog
          title="删除结果运用登记"
          message={`删除“${LOOP_LABELS.resultUseKind[removing.kind]}送${removing.recipient}”的登记？`}
          confirmLabel="删除"
          danger
          onConfirm={async () => {
            await getPlatform().call('loop.resultUse.remove', { ...caseArgs(data), id: removing.id });
          }}
          onClose={() => setRemoving(null)}
        />
      )}
      {printing &&
        createPortal(
          <div className="loop-print-sheet">
            <h1>
              {data.name}同志履职评议结果运用登记（{data.year}年度）
            </h1>
            <p>
              {data.unitName}
              {data.position}
              {data.opinionNumber && ` · 评议意见${data.opinionNumber}`}
            </p>
            <ol>
              {resultUseLines(rows).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          </div>,
          document.body,
        )}
    </section>
  );
}

interface Line {
  kind: ResultUseKind;
  recipient: string;
  date: string;
  how: DeliveryMode;
  docNumber: string;
  note: string;
}

/** A new line: the service gives it its id. */
function entryOf(data: LoopCase, line: Line) {
  return { evaluationId: data.evaluationId, meetingId: null, ...line };
}

function KindAndHow({ value, set }: { value: Pick<Line, 'kind' | 'how'>; set: (p: Partial<Line>) => void }) {
  return (
    <>
      <Field label="材料类别">
        {(id) => (
          <select id={id} value={value.kind} onChange={(e) => set({ kind: e.target.value as ResultUseKind })}>
            {RESULT_USE_KINDS.map((k) => (
              <option key={k} value={k}>
                {LOOP_LABELS.resultUseKind[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="送达方式">
        {(id) => (
          <select id={id} value={value.how} onChange={(e) => set({ how: e.target.value as DeliveryMode })}>
            {DELIVERY_MODES.map((k) => (
              <option key={k} value={k}>
                {LOOP_LABELS.deliveryMode[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

function OneDialog({ data, onClose }: { data: LoopCase; onClose: () => void }) {
  const form = useDialogForm<Line>(
    () => ({ kind: 'bulletin', recipient: '', date: data.today, how: 'electronic', docNumber: '', note: '' }),
    (v) => getPlatform().call('loop.resultUse.save', { ...caseArgs(data), entry: entryOf(data, v) }),
    onClose,
  );
  const v = form.value;
  return (
    <GuardedFormDialog title="登记结果运用" dirty={form.dirty} onClose={onClose} onSubmit={(e) => void form.submit(e)} busy={form.busy} general={form.error}>
      <div className="form-grid">
        <KindAndHow value={v} set={form.set} />
        <Field label="送达单位">{(id) => <input id={id} value={v.recipient} placeholder="如 全县各乡镇、县直各单位" onChange={(e) => form.set({ recipient: e.target.value })} />}</Field>
        <DateField label="送达日期" value={v.date} onChange={(date) => form.set({ date })} />
        <Field label="文号">{(id) => <input id={id} value={v.docNumber} onChange={(e) => form.set({ docNumber: e.target.value })} />}</Field>
      </div>
      <Field label="备注">{(id) => <textarea id={id} rows={2} value={v.note} placeholder="如：建议将评议结果作为干部考核、任用和奖惩的重要参考" onChange={(e) => form.set({ note: e.target.value })} />}</Field>
    </GuardedFormDialog>
  );
}

/** The opinion to 县委, 县人民政府, 县委组织部 and the evaluatee's unit: one line each, in one go. */
function DefaultsDialog({ data, onClose }: { data: LoopCase; onClose: () => void }) {
  const recipients = [...DEFAULT_RESULT_RECIPIENTS, data.unitName].filter((r) => r !== '');
  const [chosen, setChosen] = useState<string[]>(recipients.filter((r) => !data.resultUses.some((u) => u.kind === 'opinion' && u.recipient === r)));
  const [done, setDone] = useState<string[]>([]);
  const form = useDialogForm<Omit<Line, 'recipient'>>(
    () => ({ kind: 'opinion', date: data.opinion?.deliveredOn ?? '', how: 'confidential', docNumber: data.opinionNumber, note: '' }),
    async (v) => {
      // One line per recipient, each stored before the next; a refusal names what was already registered.
      for (const recipient of chosen.filter((r) => !done.includes(r))) {
        try {
          await getPlatform().call('loop.resultUse.save', { ...caseArgs(data), entry: entryOf(data, { ...v, recipient }) });
          setDone((d) => [...d, recipient]);
        } catch (err) {
          throw new Error(`${recipient}未登记：${messageOf(err)}`);
        }
      }
    },
    onClose,
  );
  const v = form.value;
  return (
    <GuardedFormDialog
      title="登记评议意见抄送"
      dirty={form.dirty || done.length > 0}
      onClose={onClose}
      onSubmit={(e) => void form.submit(e)}
      busy={form.busy}
      general={form.error}
      submitLabel={`登记${chosen.length}项`}
      lead={done.length > 0 ? <p className="banner ok">已登记：{done.join('、')}</p> : undefined}
    >
      <fieldset className="loop-picker">
        <legend>送达单位</legend>
        <div className="loop-picker-grid">
          {recipients.map((r) => (
            <label key={r}>
              <input type="checkbox" checked={chosen.includes(r)} disabled={done.includes(r)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, r] : c.filter((x) => x !== r)))} />
              {r}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-grid">
        <KindAndHow value={v} set={form.set} />
        <DateField label="送达日期" value={v.date} onChange={(date) => form.set({ date })} />
        <Field label="文号">{(id) => <input id={id} value={v.docNumber} onChange={(e) => form.set({ docNumber: e.target.value })} />}</Field>
      </div>
    </GuardedFormDialog>
  );
}
