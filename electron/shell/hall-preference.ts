import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The operator's choice of hall display, kept across restarts (a restart mid-meeting keeps it). */
export interface HallPreference {
  load(): number | undefined;
  save(displayId: number): void;
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
    save(displayId) {
      try {
        writeLocalJson(file, { displayId });
      } catch (error) {
        // The choice still holds for this run; only the next start would forget it.
        onError(error);
      }
    },
  };
}

/** A small JSON file of the app's own folder, written whole under a temp name and renamed: never half a file. */
export function writeLocalJson(file: string, value: unknown): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(value)}\n`, 'utf8');
  renameSync(temp, file);
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
