import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { ABSENT, readJsonOrAbsent, writeJsonDurably } from '../store/durable-file';
import { nodeStoreFs, type StoreFs } from '../store/store-fs';
import type { Clock } from '../deps';

/**
 * The data folder's identity: `folder-id.json` in the folder, written once (atomically) the first
 * time a package or an archive needs it, and kept by every copy of the folder (a move, an archive
 * restored elsewhere). A package names the folder it was made in, so a package from another
 * county's data is asked about before it is imported.
 */
export const FOLDER_ID_FILE = 'folder-id.json';
const fileSchema = z.object({ id: z.string().regex(/^df_[0-9a-f]{24}$/), createdAt: z.string() });

const pending = new Map<string, Promise<string>>();

export function folderId(dataDir: string, clock: Clock, fs: StoreFs = nodeStoreFs): Promise<string> {
  let p = pending.get(dataDir);
  if (!p) {
    p = readOrCreate(dataDir, clock, fs);
    pending.set(dataDir, p);
    p.catch(() => pending.delete(dataDir));
  }
  return p;
}

async function readOrCreate(dataDir: string, clock: Clock, fs: StoreFs): Promise<string> {
  const path = join(dataDir, FOLDER_ID_FILE);
  let raw: unknown = ABSENT;
  try {
    raw = await readJsonOrAbsent(fs, path);
  } catch {
    raw = ABSENT; // unreadable: a new identity is written over it (the folder is still the same data)
  }
  const parsed = raw === ABSENT ? null : fileSchema.safeParse(raw);
  if (parsed?.success) return parsed.data.id;
  const id = `df_${randomBytes(12).toString('hex')}`;
  await writeJsonDurably(fs, path, { id, createdAt: new Date(clock.now()).toISOString() }, true);
  return id;
}
