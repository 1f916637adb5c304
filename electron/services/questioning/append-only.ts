import { assertAppendOnly } from '../../../shared/draw/log';
import type { DrawLog } from '../../../shared/draw/log-schema';
import { deepFreeze } from '../store/deep-freeze';

/** The store-side guard of the draw log: whatever a change does, the log only grows. */

/** The draft's entries, frozen in place (nothing in the change can edit one), and a copy of the list. */
export function frozenLog<T extends DrawLog>(log: T): DrawLog {
  for (const entry of log) deepFreeze(entry);
  return log.slice();
}

/**
 * assertAppendOnly before every write. The entries that were there are frozen, so where the new
 * log holds the very same objects they are unchanged: the comparison (a canonical JSON of each
 * entry, which would grow with the log on every draw) is needed only from the first entry that is
 * not the same object — in practice only the appended ones.
 */
export function checkAppendOnly(before: readonly unknown[], after: readonly unknown[]): void {
  let same = 0;
  while (same < before.length && same < after.length && before[same] === after[same]) same++;
  assertAppendOnly(before.slice(same), after.slice(same));
}

