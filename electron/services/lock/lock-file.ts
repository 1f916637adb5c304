import { join } from 'node:path';
import { z } from 'zod';
import { ABSENT, encodeJson, readJsonOrAbsent, writeFileDurably } from '../store/durable-file';
import type { StoreFs } from '../store/store-fs';
import { LOCK_IDLE_MINUTES } from '../../../shared/api/calls/lock';

/** In the app's own folder (Electron userData, or --home): the lock belongs to this install, not to the data. */
export const LOCK_FILE = 'screen-lock.json';

const hashSchema = z.object({
  hash: z.string().min(1),
  params: z.object({ N: z.number().int().positive(), r: z.number().int().positive(), p: z.number().int().positive(), keyLength: z.number().int().positive() }),
});

export const lockFileSchema = z.object({
  version: z.literal(1),
  /** Per-install salts, made once and kept when the password is changed or the lock turned off. */
  salt: z.string().min(1),
  recoverySalt: z.string().min(1),
  password: hashSchema.nullable(),
  recovery: hashSchema.nullable(),
  idleMinutes: z.number().int().min(LOCK_IDLE_MINUTES.min).max(LOCK_IDLE_MINUTES.max),
  /** Wrong tries in a row, and when the last one was (the delay survives a restart). */
  failures: z.number().int().min(0),
  lastFailureAt: z.number().nullable(),
});
export type LockFile = z.infer<typeof lockFileSchema>;

export function lockFilePath(homeDir: string): string {
  return join(homeDir, LOCK_FILE);
}

/** The file's content; null when there is none. A damaged file throws (the caller decides). */
export async function readLockFile(fs: StoreFs, path: string): Promise<LockFile | null> {
  const value = await readJsonOrAbsent(fs, path);
  if (value === ABSENT) return null;
  return lockFileSchema.parse(value);
}

/** Durable and readable by this user only: it holds the hashes, never a password. */
export async function writeLockFile(fs: StoreFs, path: string, file: LockFile): Promise<void> {
  await writeFileDurably(fs, path, encodeJson(file, true), 0o600);
}
