import { useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { FormDialog } from '../../ui/dialog';
import { UnitDialog } from './units-panel';
import { Field } from '../../ui/field';
import { useRecordDialog } from '../../ui/record-dialog';
import { END_REASONS, EVALUATEE_CATEGORIES, type EndReason, type Evaluatee, type EvaluateeCategory } from '../../../../shared/domain/evaluatees';
import { GENDERS, UNIT_KIND_LABELS, UNIT_KINDS, type Gender } from '../../../../shared/domain/people';
import type { EvaluateeRow, UnitRow } from '../../../../shared/api/desk-types';
import { CATEGORY_UNIT_KIND, postKeyFor } from './post-key';
import { DateField } from '../../ui/date-field';

const SHOWN = ['name', 'gender', 'category', 'unitId', 'position', 'appointmentDate', 'endedDate', 'endReason', 'note'];

interface FormState {
  name: string;
  gender: Gender | '';
  category: EvaluateeCategory;
  unitId: string;
  position: string;
  appointmentDate: string;
  endedDate: string;
  endReason: EndReason | '';
  note: string;
}

function initialForm(row: EvaluateeRow | undefined, units: readonly UnitRow[]): FormState {
  if (row) {
    return {
      name: row.name,
      gender: row.gender ?? '',
      category: row.category,
      unitId: row.unitId,
      position: row.position,
      appointmentDate: row.appointmentDate,
      endedDate: row.endedDate ?? '',
      endReason: row.endReason ?? '',
      note: row.note,
    };
  }
  const firstGov = units.find((u) => u.kind === 'government');
  return { name: '', gender: '', category: '政府组成部门负责人', unitId: firstGov?.id ?? '', position: '', appointmentDate: '', endedDate: '', endReason: '', note: '' };
}

/** Empty inputs are sent as absent, so the service answers "…不能为空" rather than a format error. */
const orUndefined = <T extends string>(v: T | ''): T | undefined => (v.trim() === '' ? undefined : (v as T));

/** The stored record inside a list row: the row's computed columns are not part of it. */
function storedFields(row: EvaluateeRow): Evaluatee {
  const { unitName: _unitName, coverage: _coverage, plannedYears: _plannedYears, predecessorName: _predecessorName, ...stored } = row;
  return stored;
}

export interface EvaluateeDialogProps {
  /** The record to edit; absent to create a new one. */
  row?: EvaluateeRow;
  rows: readonly EvaluateeRow[];
  units: readonly UnitRow[];
  onClose: () => void;
  onSaved: (saved: Evaluatee) => void;
}

/** 新增 / 编辑被评议对象. A failed save keeps every typed value and shows each message by its field. */
export function EvaluateeDialog({ row, rows, units, onClose, onSaved }: EvaluateeDialogProps) {
  const [addingUnit, setAddingUnit] = useState(false);
  const { form, set, update, errors: f, nameRef, dialog } = useRecordDialog<FormState, Evaluatee>({
    initial: () => initialForm(row, units),
    shown: SHOWN,
    addMore: row === undefined,
    save: (form, confirm) => {
      const postKey = postKeyFor(form, rows.filter((r) => r.id !== row?.id), row);
      const fields = {
        name: form.name,
        gender: orUndefined(form.gender),
        category: form.category,
        unitId: orUndefined(form.unitId) as string,
        position: form.position,
        postKey,
        appointmentDate: orUndefined(form.appointmentDate) as string,
        note: form.note,
      };
      return row
        ? getPlatform().call('evaluatees.update', {
            evaluatee: {
              // Fields this form does not show (the predecessor link, and whatever later versions add) go back unchanged.
              ...storedFields(row),
              ...fields,
              endedDate: orUndefined(form.endedDate),
              endReason: orUndefined(form.endReason),
            },
            confirm,
          })
        : getPlatform().call('evaluatees.create', { evaluatee: fields, confirm });
    },
    // 保存并继续新增: the next person of the same category and unit (a department's several leaders).
    next: (form) => ({ ...initialForm(undefined, units), category: form.category, unitId: form.unitId, appointmentDate: '' }),
    addedText: (names) => `已新增${names.length}人：${names.join('、')}（尚未列入评议计划）。请继续录入下一位。`,
    onSaved,
  });

  const changeCategory = (category: EvaluateeCategory) =>
    update((f) => {
      // A court or procuratorate is usually the county's only one: pick it for the user.
      const kind = CATEGORY_UNIT_KIND[category];
      const current = units.find((u) => u.id === f.unitId);
      const matching = units.filter((u) => u.kind === kind);
      const unitId = current?.kind === kind || matching.length !== 1 ? f.unitId : matching[0]!.id;
      return { ...f, category, unitId };
    });

  const kind = CATEGORY_UNIT_KIND[form.category];
  // The units of the category's kind first, the rest after, each group in list order.
  const kinds = [kind, ...UNIT_KINDS.filter((k) => k !== kind)];

  return (
    <>
    <FormDialog title={row ? `编辑被评议对象：${row.name}` : '新增被评议对象'} onClose={onClose} {...dialog} wide>
      <div className="form-grid">
        <Field label="姓名" error={f.name} required>
          {(id) => <input ref={nameRef} id={id} value={form.name} onChange={(e) => set('name', e.target.value)} autoFocus autoComplete="off" />}
        </Field>
        <Field label="性别" error={f.gender}>
          {(id) => (
            <select id={id} value={form.gender} onChange={(e) => set('gender', e.target.value as Gender | '')}>
              <option value="">（未填）</option>
              {GENDERS.map((g) => (
                <option key={g}>{g}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="类别" error={f.category} required>
          {(id) => (
            <select id={id} value={form.category} onChange={(e) => changeCategory(e.target.value as EvaluateeCategory)}>
              {EVALUATEE_CATEGORIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="所在单位" error={f.unitId} required hint={units.length === 0 ? '尚无单位：可点“新增单位”当场添加' : undefined}>
          {(id) => (
            <span className="inline-add">
            <select id={id} value={form.unitId} onChange={(e) => set('unitId', e.target.value)}>
              <option value="">（请选择）</option>
              {kinds.map((k) => {
                const list = units.filter((u) => u.kind === k);
                return list.length === 0 ? null : (
                  <optgroup key={k} label={UNIT_KIND_LABELS[k]}>
                    {list.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                  </optgroup>
                );
              })}
            </select>
            <button type="button" className="btn small" onClick={() => setAddingUnit(true)}>
              新增单位
            </button>
            </span>
          )}
        </Field>
        <Field label="职务" error={f.position} required hint="按任命文件填写，如：局长、审判员">
          {(id) => <input id={id} value={form.position} onChange={(e) => set('position', e.target.value)} autoComplete="off" />}
        </Field>
        <DateField label="任职日期" required error={f.appointmentDate} value={form.appointmentDate} onChange={(v) => set('appointmentDate', v)} />
        {row && (
          <>
            <DateField label="离任日期" error={f.endedDate} hint="仍在任的请留空；岗位有继任者时请用“岗位交接”" value={form.endedDate} onChange={(v) => set('endedDate', v)} />
            <Field label="离任原因" error={f.endReason}>
              {(id) => (
                <select id={id} value={form.endReason} onChange={(e) => set('endReason', e.target.value as EndReason | '')}>
                  <option value="">（未离任）</option>
                  {END_REASONS.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
        <div className="span-2">
          <Field label="备注" error={f.note}>
            {(id) => <textarea id={id} value={form.note} onChange={(e) => set('note', e.target.value)} />}
          </Field>
        </div>
      </div>
    </FormDialog>
    {addingUnit && (
      <UnitDialog
        kind={kind}
        onClose={() => setAddingUnit(false)}
        onCreated={(unit) => {
          setAddingUnit(false);
          set('unitId', unit.id);
        }}
      />
    )}
    </>
  );
}
