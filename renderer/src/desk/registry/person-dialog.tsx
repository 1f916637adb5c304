import { useRef, useState, type FormEvent } from 'react';
import { getPlatform } from '../../platform/platform';
import { FormDialog, submitter } from '../../ui/dialog';
import { Field, fieldErrors } from '../../ui/field';
import { PERSON_KINDS, type Person, type PersonKind } from '../../../../shared/domain/people';
import { useConfirmation } from '../../ui/confirmation';

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
  const [start, setStart] = useState<FormState>(() => initialForm(person));
  const [form, setForm] = useState<FormState>(start);
  const [added, setAdded] = useState<string[]>([]);
  const name = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const confirmation = useConfirmation();
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    confirmation.withdraw();
    setForm((f) => ({ ...f, [key]: value }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const again = submitter(e) === 'again';
    setBusy(true);
    try {
      const confirm = confirmation.confirmed;
      const saved = person
        ? await getPlatform().call('registry.update', { person: { ...person, ...form }, confirm })
        : await getPlatform().call('registry.create', { person: form, confirm });
      if (again) {
        // 保存并继续新增: the next person of the same kind.
        const next = initialForm(undefined, form.kind);
        setStart(next);
        setForm(next);
        setErrors({ fields: {} });
        confirmation.withdraw();
        setAdded((list) => [...list, saved.name]);
        name.current?.focus();
      } else onSaved(saved);
    } catch (err) {
      setErrors(confirmation.ask(err) ? { fields: {} } : fieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  const f = errors.fields;
  const extra = Object.entries(f)
    .filter(([k]) => !SHOWN.includes(k))
    .map(([, m]) => m);
  const general = [errors.general, ...extra].filter(Boolean).join('；');

  return (
    <FormDialog
      title={person ? `编辑人员：${person.name}` : '新增人员'}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      general={general}
      lead={
        <>
          {added.length > 0 && (
            <div className="banner ok" role="status">
              已新增{added.length}人：{added.join('、')}。请继续录入下一位，录完点“保存”或“取消”。
            </div>
          )}
          {confirmation.notice}
        </>
      }
      submitLabel={confirmation.submitLabel}
      dirty={JSON.stringify(form) !== JSON.stringify(start)}
      {...(person ? {} : { againLabel: confirmation.submitLabel ? '仍然保存并继续新增' : '保存并继续新增' })}
      wide
    >
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
        <div className={`field checkbox${f.active ? ' invalid' : ''}`}>
          <span className="field-label">在册状态</span>
          <label>
            <input type="checkbox" checked={form.active} onChange={(e) => set('active', e.target.checked)} /> 在册（可编入调研组）
          </label>
          {f.active && (
            <span className="error" role="alert">
              {f.active}
            </span>
          )}
        </div>
        <div className="span-2">
          <Field label="备注" error={f.note}>
            {(id) => <textarea id={id} value={form.note} onChange={(e) => set('note', e.target.value)} />}
          </Field>
        </div>
      </div>
    </FormDialog>
  );
}
