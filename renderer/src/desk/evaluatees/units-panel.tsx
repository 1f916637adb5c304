import { useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { ConfirmDialog, FormDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { useRecordDialog } from '../../ui/record-dialog';
import { UNIT_KIND_LABELS, UNIT_KINDS, type Unit, type UnitKind } from '../../../../shared/domain/people';
import type { UnitRow } from '../../../../shared/api/desk-types';

/** 单位: the departments, court and procuratorate the evaluatees work in. */
export function UnitsPanel({ units }: { units: readonly UnitRow[] }) {
  const [editing, setEditing] = useState<UnitRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<UnitRow | null>(null);

  return (
    <section aria-label="单位列表">
      <div className="toolbar">
        <span className="muted">
          共{units.length}个单位。被评议对象通过“所在单位”与单位关联；单位改名后，相关人员的单位名称随之更新。
        </span>
        <span className="grow" />
        <button className="btn primary" onClick={() => setEditing('new')}>
          新增单位
        </button>
      </div>
      <table className="list" aria-label="单位">
        <thead>
          <tr>
            <th>单位名称</th>
            <th>类别</th>
            <th className="num">被评议对象</th>
            <th>备注</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{UNIT_KIND_LABELS[u.kind]}</td>
              <td className="num">{u.evaluatees}人</td>
              <td className="muted">{u.note}</td>
              <td className="actions">
                <button className="btn small" onClick={() => setEditing(u)} aria-label={`编辑单位 ${u.name}`}>
                  编辑
                </button>
                <button className="btn small danger" onClick={() => setDeleting(u)} aria-label={`删除单位 ${u.name}`}>
                  删除
                </button>
              </td>
            </tr>
          ))}
          {units.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                尚无单位。请先添加政府组成部门、人民法院和人民检察院。
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {editing && <UnitDialog unit={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog
          title="删除单位"
          message={
            deleting.evaluatees > 0
              ? `${deleting.name}下还有${deleting.evaluatees}名被评议对象，需先将其调整到其他单位或删除后才能删除该单位。`
              : `确定删除“${deleting.name}”吗？`
          }
          confirmLabel="删除"
          danger
          onConfirm={async () => {
            await getPlatform().call('units.delete', { id: deleting.id });
          }}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}

export interface UnitDialogProps {
  unit?: UnitRow;
  /** The kind a new unit starts with (the evaluatee dialog passes its category's kind). */
  kind?: UnitKind;
  onClose: () => void;
  /** Called with the created unit instead of closing silently (the evaluatee dialog selects it). */
  onCreated?: (unit: Unit) => void;
}

/** 新增 / 编辑单位; a new unit can be followed by the next (保存并继续新增) unless another dialog opened this one. */
export function UnitDialog({ unit, kind: startKind, onClose, onCreated }: UnitDialogProps) {
  const { form, set, errors, nameRef, dialog } = useRecordDialog<{ name: string; kind: UnitKind; note: string }, Unit>({
    initial: () => ({ name: unit?.name ?? '', kind: unit?.kind ?? startKind ?? 'government', note: unit?.note ?? '' }),
    shown: ['name', 'kind', 'note'],
    addMore: !unit && !onCreated,
    save: (form) => (unit ? getPlatform().call('units.update', { unit: { id: unit.id, ...form } }) : getPlatform().call('units.create', { unit: form })),
    // 保存并继续新增: the next unit of the same kind.
    next: (form) => ({ name: '', kind: form.kind, note: '' }),
    addedText: (names) => `已新增${names.length}个单位：${names.join('、')}。请继续录入下一个。`,
    onSaved: (saved) => (!unit && onCreated ? onCreated(saved) : onClose()),
  });
  return (
    <FormDialog title={unit ? `编辑单位：${unit.name}` : '新增单位'} onClose={onClose} {...dialog}>
      <Field label="单位名称" error={errors.name} required>
        {(id) => <input ref={nameRef} id={id} value={form.name} onChange={(e) => set('name', e.target.value)} autoFocus autoComplete="off" />}
      </Field>
      <Field label="单位类别" error={errors.kind} required>
        {(id) => (
          <select id={id} value={form.kind} onChange={(e) => set('kind', e.target.value as UnitKind)}>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {UNIT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="备注" error={errors.note}>
        {(id) => <textarea id={id} value={form.note} onChange={(e) => set('note', e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
