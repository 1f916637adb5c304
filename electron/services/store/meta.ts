import { join } from 'node:path';
import { z } from 'zod';
import { ABSENT, CorruptFileError, readJsonOrAbsent, writeJsonDurably } from './durable-file';
import type { StoreFs } from './store-fs';

export const META_FILE = 'meta.json';

const metaSchema = z.object({
  schemaVersion: z.number().int().min(0),
  /** The marker: this folder has held data, so an empty one later is a loss, not a first start. */
  everHeldData: z.literal(true),
  createdAt: z.string(),
  /**
   * Set while the folder's partitions are being replaced by a backup's (a restore, or the
   * pre-migration state while a migration writes). If the app stops half-way, the next open
   * sees it and replaces them again from that backup, so a folder is never left half-done.
   */
  pendingRestore: z.object({ backupId: z.string(), reason: z.enum(['migration', 'restore']) }).optional(),
  /** Set while the first start writes its initial data (the demo county); a start that finds it writes it again. */
  seeding: z.literal(true).optional(),
});

export type StoreMeta = z.infer<typeof metaSchema>;

export type MetaRead = { kind: 'missing' } | { kind: 'ok'; meta: StoreMeta } | { kind: 'invalid'; reason: string };

export function metaPath(dataDir: string): string {
  return join(dataDir, META_FILE);
}

export async function readMeta(fs: StoreFs, dataDir: string): Promise<MetaRead> {
  let raw: unknown;
  try {
    raw = await readJsonOrAbsent(fs, metaPath(dataDir));
  } catch (err) {
    if (err instanceof CorruptFileError) return { kind: 'invalid', reason: err.message };
    throw err;
  }
  // A meta.json holding `null` is there, and bad: only an absent file is missing.
  if (raw === ABSENT) return { kind: 'missing' };
  const parsed = metaSchema.safeParse(raw);
  return parsed.success ? { kind: 'ok', meta: parsed.data } : { kind: 'invalid', reason: parsed.error.message };
}

export async function writeMeta(fs: StoreFs, dataDir: string, meta: StoreMeta): Promise<void> {
  await writeJsonDurably(fs, metaPath(dataDir), meta, true);
}

export function parseMeta(raw: unknown): StoreMeta | null {
  const parsed = metaSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
