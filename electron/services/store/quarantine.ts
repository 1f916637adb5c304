import { dirname, join } from 'node:path';
import { renameWithRetry } from './durable-file';
import type { StoreFs } from './store-fs';

export const QUARANTINE_DIR = 'quarantine';

/** `20261028-093015-123` (UTC): sorts by time as text and is valid in any file system. */
export function formatStamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}-${p(d.getUTCMilliseconds(), 3)}`;
}

/**
 * Moves an unreadable file aside to `quarantine/<stem>.<stamp>.json` and returns its new path.
 * Never overwrites an earlier quarantined file and never deletes one: it is the evidence (and
 * maybe the only copy of something) for whoever looks into what went wrong.
 */
export async function quarantineFile(fs: StoreFs, dataDir: string, file: string, stem: string, nowMs: number): Promise<string> {
  const dir = join(dataDir, QUARANTINE_DIR);
  await fs.mkdir(dir, { recursive: true });
  const base = `${stem.replaceAll('/', '-')}.${formatStamp(nowMs)}`;
  let target = join(dir, `${base}.json`);
  for (let n = 2; await exists(fs, target); n++) target = join(dir, `${base}.${n}.json`);
  await renameWithRetry(fs, file, target);
  await fs.syncDir(dir);
  await fs.syncDir(dirname(file));
  return target;
}

async function exists(fs: StoreFs, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

export async function pathExists(fs: StoreFs, path: string): Promise<boolean> {
  return exists(fs, path);
}
