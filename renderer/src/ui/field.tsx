import { useId, type ReactNode } from 'react';
import { ApiError } from '../../../shared/api/errors';

/** A labelled form field with its Chinese error message under it; `required` marks it with a red * before anyone saves. */
export function Field({ label, error, children, hint, required }: { label: string; error?: string; hint?: string; required?: boolean; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      {children(id)}
      {hint && !error && <span className="muted" style={{ fontSize: 12 }}>{hint}</span>}
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** The mark of a field that must be filled before saving (the label keeps its plain name for screen readers and tests). */
export function RequiredMark() {
  return (
    <span className="required-mark" aria-hidden="true" title="必填">
      *
    </span>
  );
}

/**
 * Maps an ApiError's issues to field errors by the last path segment (member.name → name), and
 * returns the message for anything that is not tied to one field.
 */
export function fieldErrors(err: unknown): { fields: Record<string, string>; general?: string } {
  if (!(err instanceof ApiError) || !err.issues?.length) {
    return { fields: {}, general: err instanceof Error ? err.message : String(err) };
  }
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of err.issues) {
    const key = issue.path.split('.').filter((p) => !/^\d+$/.test(p)).pop();
    if (key && !(key in fields) && !['member', 'evaluatee', 'meeting', 'unit', 'settings'].includes(key)) fields[key] = issue.message;
    else rest.push(issue.message);
  }
  return rest.length ? { fields, general: rest.join('；') } : { fields };
}

/** One checkbox with its own heading and message, laid out like a field of the form grid. */
export function CheckboxField({ heading, label, checked, error, onChange }: { heading: string; label: string; checked: boolean; error?: string | undefined; onChange: (checked: boolean) => void }) {
  return (
    <div className={`field checkbox${error ? ' invalid' : ''}`}>
      <span className="field-label">{heading}</span>
      <label>
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
