import { getPlatform } from '../../platform/platform';
import { FormDialog } from '../../ui/dialog';
import { CheckboxField, Field } from '../../ui/field';
import { useRecordDialog } from '../../ui/record-dialog';
import { PERSON_KINDS, type Person, type PersonKind } from '../../../../shared/domain/people';

interface FormState {
  name: string;
  kind: PersonKind;
  organisation: string;
  field: string;
  contact: string;
  active: boolean;
  note: string;
}

const SHOWN = ['name', 'kind', 'organisation', 'field', 'contact', 'active', 'note'];

function initialForm(person: Person | undefined, kind: PersonKind = '人大代表'): FormState {
  if (person) return { name: person.name, kind: person.kind, organisation: person.organisation, field: person.field, contact: person.contact, active: person.active, note: person.note };
  return { name: '', kind, organisation: '', field: '', contact: '', active: true, note: '' };
}

export interface PersonDialogProps {
  person?: Person;
  onClose: () => void;
  onSaved: (p: Person) => void;
}

/** 新增 / 编辑人员. A same name as someone on record is asked about; a failed save keeps every typed value. */
export function PersonDialog({ person, onClose, onSaved }: PersonDialogProps) {
  const { form, set, errors: f, nameRef: name, dialog } = useRecordDialog<FormState, Person>({
    initial: () => initialForm(person),
    shown: SHOWN,
    addMore: person === undefined,
    save: (form, confirm) => (person ? getPlatform().call('registry.update', { person: { ...person, ...form }, confirm }) : getPlatform().call('registry.create', { person: form, confirm })),
    // 保存并继续新增: the next person of the same kind.
    next: (form) => initialForm(undefined, form.kind),
    addedText: (names) => `已新增${names.length}人：${names.join('、')}。请继续录入下一位，录完点“保存”或“取消”。`,
    onSaved,
  });

  return (
    <FormDialog title={person ? `编辑人员：${person.name}` : '新增人员'} onClose={onClose} {...dialog} wide>
      <div className="form-grid">
        <Field label="姓名" error={f.name} required>
          {(id) => <input ref={name} id={id} value={form.name} onChange={(e) => set('name', e.target.value)} autoFocus autoComplete="off" />}
        </Field>
        <Field label="类别" error={f.kind} required>
          {(id) => (
            <select id={id} value={form.kind} onChange={(e) => set('kind', e.target.value as PersonKind)}>
              {PERSON_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="工作单位" error={f.organisation} hint="如 县第一中学、县人大常委会法制工作委员会">
          {(id) => <input id={id} value={form.organisation} onChange={(e) => set('organisation', e.target.value)} autoComplete="off" />}
        </Field>
        <Field label="职务或专业领域" error={f.field} hint="如 主任、律师、会计">
          {(id) => <input id={id} value={form.field} onChange={(e) => set('field', e.target.value)} autoComplete="off" />}
        </Field>
        <Field label="联系方式" error={f.contact}>
          {(id) => <input id={id} value={form.contact} onChange={(e) => set('contact', e.target.value)} autoComplete="off" />}
        </Field>
        <CheckboxField heading="在册状态" label="在册（可编入调研组）" checked={form.active} error={f.active} onChange={(v) => set('active', v)} />
        <div className="span-2">
          <Field label="备注" error={f.note}>
            {(id) => <textarea id={id} value={form.note} onChange={(e) => set('note', e.target.value)} />}
          </Field>
        </div>
      </div>
    </FormDialog>
  );
}
