import { isEnvelope } from '../codec';
import type { Migration } from '../types';

/**
 * Version 1: every partition file holds an envelope {schemaVersion, savedAt, data}. Folders
 * from before versioning held each partition's data as bare JSON; the runner hands their
 * contents to this step as data and writes them back wrapped, so the data needs no change —
 * except a file that already carried an envelope (copied in by hand from a newer folder),
 * whose data is taken out so it is not wrapped twice.
 */
export const envelope001: Migration = {
  version: 1,
  name: 'envelope',
  up(tx) {
    for (const key of tx.keys()) {
      const value = tx.get(key);
      if (isEnvelope(value)) tx.set(key, value.data);
    }
  },
};
