import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { EXPORT_TARGETS, EXPORT_WHATS, type ExportLogEntry } from '../../../shared/api/calls/exports';

/**
 * The export log: what each batch export wrote where, one JSON object per line in
 * `<data folder>/logs/exports.jsonl`. Append-only and flushed before the window is told, so the
 * office can always find out later where last year's opinions went. A torn last line (the machine
 * lost power mid-append) is skipped when reading, never "repaired".
 */

export const EXPORT_LOG_FILE = join('logs', 'exports.jsonl');

export function exportLogPath(dataDir: string): string {
  return join(dataDir, EXPORT_LOG_FILE);
}

export async function appendExportLog(dataDir: string, entry: ExportLogEntry): Promise<void> {
  const file = exportLogPath(dataDir);
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(file, 'a+');
  try {
    // A line torn by a power cut has no newline: start on a new line so this entry stays readable.
    const { size } = await handle.stat();
    let lead = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) lead = '\n';
    }
    await handle.write(`${lead}${JSON.stringify(entry)}\n`, null, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isEntry(value: unknown): value is ExportLogEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.at === 'string' &&
    typeof v.jobId === 'string' &&
    (EXPORT_WHATS as readonly unknown[]).includes(v.what) &&
    (EXPORT_TARGETS as readonly unknown[]).includes(v.target) &&
    ['done', 'cancelled', 'failed'].includes(v.state as string) &&
    typeof v.meetingName === 'string' &&
    Array.isArray(v.files)
  );
}

/** The newest `limit` entries, newest first; an absent log is an empty one. */
export async function readExportLog(dataDir: string, limit = 100): Promise<ExportLogEntry[]> {
  let text: string;
  try {
    text = await readFile(exportLogPath(dataDir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const entries: ExportLogEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isEntry(value)) entries.push(value);
    } catch {
      // a torn line: skipped
    }
  }
  return entries.reverse().slice(0, limit);
}
