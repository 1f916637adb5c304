import { useId, type ReactNode } from 'react';
import { ApiError } from '../../../shared/api/errors';

/** A labelled form field with its Chinese error message under it. */
export function Field({ label, error, children, hint }: { label: string; error?: string; hint?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
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
