import { useRef, useState, type FormEvent } from 'react';
import { getPlatform } from '../../platform/platform';
import { ConfirmDialog, FormDialog, submitter } from '../../ui/dialog';
import { Field, fieldErrors } from '../../ui/field';
import { UNIT_KIND_LABELS, UNIT_KINDS, type Unit, type UnitKind } from '../../../../shared/domain/people';
import type { UnitRow } from '../../../../shared/api/desk-types';
import { generalMessage } from './form-errors';

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
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<UnitKind>(unit?.kind ?? startKind ?? 'government');
  const [note, setNote] = useState(unit?.note ?? '');
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string[]>([]);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const again = submitter(e) === 'again';
    setBusy(true);
    try {
      if (unit) {
        await getPlatform().call('units.update', { unit: { id: unit.id, name, kind, note } });
        onClose();
        return;
      }
      const created = await getPlatform().call('units.create', { unit: { name, kind, note } });
      if (again) {
        setAdded((list) => [...list, created.name]);
        setName('');
        setNote('');
        setErrors({ fields: {} });
        nameRef.current?.focus();
      } else if (onCreated) onCreated(created);
      else onClose();
    } catch (err) {
      setErrors(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  const general = generalMessage(errors, ['name', 'kind', 'note']);
  const dirty = name !== (unit?.name ?? '') || note !== (unit?.note ?? '') || kind !== (unit?.kind ?? startKind ?? 'government');
  return (
    <FormDialog
      title={unit ? `编辑单位：${unit.name}` : '新增单位'}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      general={general}
      dirty={dirty}
      lead={
        added.length > 0 && (
          <div className="banner ok" role="status">
            已新增{added.length}个单位：{added.join('、')}。请继续录入下一个。
          </div>
        )
      }
      {...(unit || onCreated ? {} : { againLabel: '保存并继续新增' })}
    >
      <Field label="单位名称" error={errors.fields.name} required>
        {(id) => <input ref={nameRef} id={id} value={name} onChange={(e) => setName(e.target.value)} autoFocus autoComplete="off" />}
      </Field>
      <Field label="单位类别" error={errors.fields.kind} required>
        {(id) => (
          <select id={id} value={kind} onChange={(e) => setKind(e.target.value as UnitKind)}>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {UNIT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="备注" error={errors.fields.note}>
        {(id) => <textarea id={id} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}
