import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeJsonDurably } from '../services/store/durable-file';
import { nodeStoreFs } from '../services/store/store-fs';

/** The operator's choice of hall display, kept across restarts (a restart mid-meeting keeps it). */
export interface HallPreference {
  load(): number | undefined;
  /** Resolves once written; a failure goes to the owner's onError, never rejects. */
  save(displayId: number): Promise<void>;
}

export const HALL_PREFERENCE_FILE = 'hall-display.json';

/**
 * A small file in the app's own folder, not in the data folder: display ids belong to this
 * machine, while the data folder may move to another. A missing or garbled file only means
 * "no choice yet" — it holds nothing worth a warning.
 */
export function fileHallPreference(homeDir: string, onError: (error: unknown) => void = () => {}): HallPreference {
  const file = path.join(homeDir, HALL_PREFERENCE_FILE);
  return {
    load() {
      try {
        return parseHallPreference(readFileSync(file, 'utf8'));
      } catch {
        return undefined;
      }
    },
    // The choice still holds for this run if the write fails; only the next start would forget it.
    save: (displayId) => writeLocalJson(file, { displayId }).catch(onError),
  };
}

/** A small JSON file of the app's own folder, written with the store's atomic, durable write: never half a file. */
export function writeLocalJson(file: string, value: unknown): Promise<void> {
  return writeJsonDurably(nodeStoreFs, file, value);
}

export function parseHallPreference(text: string): number | undefined {
  try {
    const value: unknown = JSON.parse(text);
    const id = typeof value === 'object' && value !== null ? (value as { displayId?: unknown }).displayId : undefined;
    return typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
