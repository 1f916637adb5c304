import type { fieldErrors } from '../../ui/field';

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
