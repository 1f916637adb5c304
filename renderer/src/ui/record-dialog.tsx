import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { submitter } from './dialog';
import { fieldErrors } from './field';
import { useConfirmation } from './confirmation';

type Errors = ReturnType<typeof fieldErrors>;

/**
 * The general message plus any field message the form has no place for (a derived field such as
 * the post key), so no rejection the service gives is ever silently dropped.
 */
export function generalMessage(errors: Errors, shown: readonly string[]): string | undefined {
  const extra = Object.entries(errors.fields)
    .filter(([key]) => !shown.includes(key))
    .map(([, message]) => message);
  const all = [errors.general, ...extra].filter(Boolean);
  return all.length ? all.join('；') : undefined;
}

export interface RecordDialogOptions<F, R> {
  /** The form as the dialog opens. */
  initial: () => F;
  /** The fields the form shows a message beside; any other field's message joins the general one. */
  shown: readonly string[];
  /** Offer 保存并继续新增 (adding new records, not editing a stored one). */
  addMore: boolean;
  /** Sends the form; `confirm` is true once the clerk answered the service's question with 仍然保存. */
  save: (form: F, confirm: boolean) => Promise<R>;
  /** The form for the next record after 保存并继续新增 (usually keeping the group just typed). */
  next: (form: F, saved: R) => F;
  /** The banner after one or more 保存并继续新增, given the names added so far. */
  addedText: (names: readonly string[]) => string;
  /** 保存 (not 保存并继续新增) succeeded. */
  onSaved: (saved: R) => void;
}

/**
 * One way every record dialog of the desk (members, units, evaluatees, people) saves: a failed
 * save keeps every typed value and shows each message by its field; a service's question (a
 * duplicate, a post already held) turns 保存 into 仍然保存, and any change withdraws it; 保存并继续新增
 * clears the form for the next record, lists who was added and puts the cursor back on the name;
 * a changed form asks before it closes (`dirty`).
 */
export function useRecordDialog<F, R extends { name: string }>(options: RecordDialogOptions<F, R>) {
  const { shown, addMore, save, next, addedText, onSaved } = options;
  const [start, setStart] = useState<F>(options.initial);
  const [form, setForm] = useState<F>(start);
  const [added, setAdded] = useState<string[]>([]);
  const nameRef = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<Errors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const confirmation = useConfirmation();

  /** A change by a function of the form (for fields that move others along). */
  const update = (change: (form: F) => F) => {
    confirmation.withdraw();
    setForm(change);
  };
  const set = <K extends keyof F>(key: K, value: F[K]) => update((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const again = submitter(e) === 'again';
    setBusy(true);
    try {
      const saved = await save(form, confirmation.confirmed);
      if (again) {
        const following = next(form, saved);
        setStart(following);
        setForm(following);
        setErrors({ fields: {} });
        confirmation.withdraw();
        setAdded((list) => [...list, saved.name]);
        nameRef.current?.focus();
      } else onSaved(saved);
    } catch (err) {
      setErrors(confirmation.ask(err) ? { fields: {} } : fieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  const lead: ReactNode = (
    <>
      {added.length > 0 && (
        <div className="banner ok" role="status">
          {addedText(added)}
        </div>
      )}
      {confirmation.notice}
    </>
  );

  return {
    form,
    set,
    update,
    /** Messages by field. */
    errors: errors.fields,
    /** For the name box: 保存并继续新增 puts the cursor back there. */
    nameRef,
    /** Spread onto FormDialog. */
    dialog: {
      onSubmit: submit,
      busy,
      general: generalMessage(errors, shown),
      lead,
      submitLabel: confirmation.submitLabel,
      dirty: JSON.stringify(form) !== JSON.stringify(start),
      ...(addMore ? { againLabel: confirmation.submitLabel ? '仍然保存并继续新增' : '保存并继续新增' } : {}),
    },
  };
}
