import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { removeFileDurably, writeFileDurably } from './durable-file';
import { journalPath, removeJournal } from './journal';
import { partitionPath } from './partition-key';
import type { StoreFs } from './store-fs';
import type { PartitionKey } from './types';

/**
 * A change to several partitions at once (`Store.transact`) is made all-or-nothing across a
 * crash by a redo record written before any partition: `pending-change.json` beside meta.json.
 *
 * 1. The record — every partition's new bytes and every partition removed — is written durably
 *    (temp, fsync, rename, folder fsync). From that moment the change is committed.
 * 2. Each partition is written (or removed) in turn.
 * 3. The record is removed.
 *
 * A start that finds the record finishes steps 2 and 3 before anything else reads the folder
 * (a crash before step 1 left only a temp file, which is cleaned up: nothing changed). So the
 * folder never stays with some partitions of a change written and others not. The record is
 * checksummed; a record whose checksum fails is moved aside and said so, never half-applied.
 */
export const PENDING_CHANGE_FILE = 'pending-change.json';

const FORMAT = 'pingyi-pending-change';

export interface PendingChange {
  /** The data version the bytes were written at (the folder's at the time). */
  schemaVersion: number;
  savedAt: string;
  /** What the change was (a label for the log and the notice). */
  label: string;
  writes: { key: PartitionKey; bytes: Uint8Array }[];
  removes: PartitionKey[];
}

interface PendingChangeFile {
  format: typeof FORMAT;
  schemaVersion: number;
  savedAt: string;
  label: string;
  /** base64 of the JSON list of entries; its SHA-256 below. */
  payload: string;
  sha256: string;
}

interface PayloadEntry {
  key: PartitionKey;
  /** base64 of the partition file's bytes; absent for a removal. */
  bytes?: string;
}

export function pendingChangePath(dataDir: string): string {
  return join(dataDir, PENDING_CHANGE_FILE);
}

export function encodePendingChange(change: PendingChange): Buffer {
  const entries: PayloadEntry[] = [
    ...change.writes.map((w) => ({ key: w.key, bytes: Buffer.from(w.bytes).toString('base64') })),
    ...change.removes.map((key) => ({ key })),
  ];
  const payload = Buffer.from(JSON.stringify(entries), 'utf8').toString('base64');
  const file: PendingChangeFile = {
    format: FORMAT,
    schemaVersion: change.schemaVersion,
    savedAt: change.savedAt,
    label: change.label,
    payload,
    sha256: createHash('sha256').update(payload).digest('hex'),
  };
  return Buffer.from(JSON.stringify(file), 'utf8');
}

export type DecodedPendingChange = { ok: true; change: PendingChange } | { ok: false; reason: string; schemaVersion?: number };

/** Reads a record back; any damage (cut short, edited, not ours) is `ok: false` with the reason. */
export function decodePendingChange(bytes: Uint8Array): DecodedPendingChange {
  let file: Partial<PendingChangeFile>;
  try {
    file = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<PendingChangeFile>;
  } catch {
    return { ok: false, reason: 'not JSON (cut short or overwritten)' };
  }
  if (!file || typeof file !== 'object' || file.format !== FORMAT) return { ok: false, reason: 'not a pending-change record' };
  if (typeof file.payload !== 'string' || typeof file.sha256 !== 'string') return { ok: false, reason: 'payload or checksum missing' };
  if (typeof file.schemaVersion !== 'number' || typeof file.savedAt !== 'string') return { ok: false, reason: 'version or time missing' };
  if (createHash('sha256').update(file.payload).digest('hex') !== file.sha256) return { ok: false, reason: 'checksum does not match', schemaVersion: file.schemaVersion };
  let entries: PayloadEntry[];
  try {
    entries = JSON.parse(Buffer.from(file.payload, 'base64').toString('utf8')) as PayloadEntry[];
  } catch {
    return { ok: false, reason: 'payload unreadable' };
  }
  if (!Array.isArray(entries) || !entries.every((e) => e && typeof e.key === 'string' && (e.bytes === undefined || typeof e.bytes === 'string'))) {
    return { ok: false, reason: 'payload of the wrong shape' };
  }
  return {
    ok: true,
    change: {
      schemaVersion: file.schemaVersion,
      savedAt: file.savedAt,
      label: typeof file.label === 'string' ? file.label : '',
      writes: entries.filter((e) => e.bytes !== undefined).map((e) => ({ key: e.key, bytes: Buffer.from(e.bytes!, 'base64') })),
      removes: entries.filter((e) => e.bytes === undefined).map((e) => e.key),
    },
  };
}

/** Step 1: the record, durable. */
export async function writePendingChange(fs: StoreFs, dataDir: string, change: PendingChange): Promise<void> {
  await writeFileDurably(fs, pendingChangePath(dataDir), encodePendingChange(change));
}

/**
 * Step 2: every partition of the record written (or removed), each durably. Idempotent, so a
 * start can run it again over files the interrupted change had already written. A removed
 * partition's meeting journal goes first (a journal without its partition would bring it back).
 */
export async function applyPendingChange(fs: StoreFs, dataDir: string, change: PendingChange, made = new Set<string>()): Promise<void> {
  for (const { key, bytes } of change.writes) {
    await ensureKindDir(fs, dataDir, key, made);
    await writeFileDurably(fs, partitionPath(dataDir, key), bytes);
  }
  for (const key of change.removes) {
    await removeJournal(fs, journalPath(dataDir, key));
    await removeFileDurably(fs, partitionPath(dataDir, key));
  }
}

/** The folder of a partition's kind (`year/`), created once and its entry made durable; `made` remembers it. */
export async function ensureKindDir(fs: StoreFs, dataDir: string, key: PartitionKey, made: Set<string>): Promise<void> {
  const dir = dirname(partitionPath(dataDir, key));
  if (dir === dataDir || made.has(dir)) return;
  await fs.mkdir(dir, { recursive: true });
  await fs.syncDir(dataDir);
  made.add(dir);
}

/** Step 3. */
export async function clearPendingChange(fs: StoreFs, dataDir: string): Promise<void> {
  await removeFileDurably(fs, pendingChangePath(dataDir));
}
