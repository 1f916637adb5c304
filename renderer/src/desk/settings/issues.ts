import { ApiError } from '../../../../shared/api/errors';

export interface PathErrors {
  /** Message per dotted path below the argument, e.g. 'organisation.copyTo.1' or '2.name'. */
  byPath: Record<string, string>;
  /** Messages tied to no field (a conflict, the host unreachable …). */
  general?: string;
}

export const NO_ERRORS: PathErrors = { byPath: {} };

/**
 * Like fieldErrors, but keeps the whole path under the argument (`settings.` / `criteria.`), so
 * the third of six criteria or the second copy-to entry gets its own message.
 */
export function errorsByPath(err: unknown, argument: string): PathErrors {
  if (!(err instanceof ApiError) || !err.issues?.length) {
    return { byPath: {}, general: err instanceof Error ? err.message : String(err) };
  }
  const byPath: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of err.issues) {
    const path = issue.path.startsWith(`${argument}.`) ? issue.path.slice(argument.length + 1) : issue.path;
    if (path && path !== argument && !(path in byPath)) byPath[path] = issue.message;
    else rest.push(issue.message);
  }
  return rest.length ? { byPath, general: rest.join('；') } : { byPath };
}
