/** A backup's manifest: its id, its schema (what each entry says of a copy) and how one is read from its folder. */
import { join } from 'node:path';
import { z } from 'zod';
import { SHA_PATTERN } from './backup-blobs';
import { readJsonOrAbsent } from './durable-file';
import type { StoreFs } from './store-fs';
import type { BackupInfo, BackupReason } from './types';

export const MANIFEST_FILE = 'manifest.json';

const REASONS = [
  'startup',
  'migration',
  'manual',
  'meeting-start',
  'meeting-end',
  'after-vote',
  'periodic',
  'new-partition',
  'before-restore',
  'before-clear',
  'before-move',
] as const satisfies readonly BackupReason[];

/** `20261028-093015-123-manual`: sortable by time; the pattern also keeps ids from naming paths. */
const ID_PATTERN = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})-[a-z-]+$/;
/** A relative path with `/` separators that stays inside the folder (manifests may be edited by hand). */
const SAFE_REL = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[^\\:\0]+$/;

const entrySchema = z.object({
  /** Path below the data folder, `/`-separated: `core.json`, `year/2026.json`, `meta.json`, `attachments/…`. */
  path: z.string().regex(SAFE_REL),
  sha256: z.string().regex(SHA_PATTERN),
  size: z.number().int().min(0),
  /** The copy read as a whole file of its kind (JSON envelope, valid meta) when it was taken. */
  ok: z.boolean(),
});

const manifestSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  reason: z.enum(REASONS),
  label: z.string(),
  files: z.number().int().min(0),
  bytes: z.number().min(0),
  schemaVersion: z.number().int().min(0),
  /** Absent in backups of older versions, which held (hard-linked) files; converted at open. */
  entries: z.array(entrySchema).optional(),
});

export type BackupEntry = z.infer<typeof entrySchema>;
export type Manifest = BackupInfo & { entries: BackupEntry[] };
/** A manifest as read: without entries when an older version wrote it. */
export type ManifestFile = z.infer<typeof manifestSchema>;

export function isBackupId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** The time encoded in a backup id, or null. */
export function backupIdTime(id: string): number | null {
  const m = ID_PATTERN.exec(id);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[];
  return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s, ms);
}

/** The public face of a manifest (what the desk lists). */
export function infoOf(m: BackupInfo): BackupInfo {
  return { id: m.id, createdAt: m.createdAt, reason: m.reason, label: m.label, files: m.files, bytes: m.bytes, schemaVersion: m.schemaVersion };
}

/** The manifest in `<root>/<id>/`; null when the id is not a backup id or the file is missing, unreadable or not a manifest of that id. */
export async function readManifestFile(fs: StoreFs, root: string, id: string): Promise<ManifestFile | null> {
  if (!isBackupId(id)) return null;
  try {
    const raw = await readJsonOrAbsent(fs, join(root, id, MANIFEST_FILE));
    const parsed = manifestSchema.safeParse(raw);
    return parsed.success && parsed.data.id === id ? parsed.data : null;
  } catch {
    return null;
  }
}
