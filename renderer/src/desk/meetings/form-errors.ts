import { ApiError } from '../../../../shared/api/errors';

export interface FormErrors {
  fields: Record<string, string>;
  general?: string;
}

/**
 * Like ui/field's fieldErrors, but for a form that knows its fields: the first message per field
 * goes under the field and further messages about the same field are dropped, so an empty date
 * is not reported twice (once as a format, once as not a day).
 */
export function formErrors(err: unknown, known: readonly string[]): FormErrors {
  if (!(err instanceof ApiError) || !err.issues?.length) return { fields: {}, general: err instanceof Error ? err.message : String(err) };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of err.issues) {
    const key = issue.path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? '';
    if (known.includes(key)) fields[key] ??= issue.message;
    else rest.push(issue.message);
  }
  // The service's sentence repeats the issues; show it only when no field took any of them.
  if (rest.length === 0 && Object.keys(fields).length === 0) return { fields, general: err.message };
  return rest.length ? { fields, general: rest.join('；') } : { fields };
}
