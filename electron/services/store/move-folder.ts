import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { writeFileDurably } from './durable-file';
import { writePointer } from './location';
import { defaultIsProcessAlive, LOCK_FILE, ownerIsLive, readLockOwner, StoreLockedError } from './lock';
import { storeMessages } from './messages';
import { isTempName } from './partition-key';
import { nodeStoreFs, type StoreFs } from './store-fs';
import type { Store } from './types';

export interface MoveDataFolderOptions {
  /** The app's own folder: its pointer file is rewritten to name the new place. */
  homeDir: string;
  fs?: StoreFs;
  /** For a closed folder given by path: tells whether a lock's owner still runs. */
  isProcessAlive?: (pid: number) => boolean;
}

export interface MoveResult {
  from: string;
  to: string;
  files: number;
  bytes: number;
}

type Source = Pick<Store, 'dataDir' | 'backup' | 'exclusive'> | { dataDir: string };

/**
 * Copies the whole data folder (partitions, meta, backups, attachments, quarantine, logs — all
 * but the lock and temp leftovers) to an empty or new folder, checks every copy byte for byte
 * (sha256), then points the pointer file at it. The old folder stays as it was, as a fallback;
 * the caller reopens the store on the new one. Every file is copied, never linked: backups share
 * content through their blobs, not through links, so a copy never aliases a live file.
 *
 * Given an open store, it first takes a 'before-move' backup and copies while no write can
 * start. Given only a path, it refuses a folder another live program holds.
 */
export async function moveDataFolder(source: Source, targetDir: string, options: MoveDataFolderOptions): Promise<MoveResult> {
  const fs = options.fs ?? nodeStoreFs;
  const from = resolve(source.dataDir);
  const to = resolve(targetDir);
  const rel = relative(from, to);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) throw new Error(storeMessages.moveTargetInside(to, from));
  await checkTarget(fs, to);

  const copy = async () => {
    const result = await copyVerified(fs, from, to);
    await writePointer(options.homeDir, to, fs);
    return result;
  };
  if ('exclusive' in source) {
    await source.backup('before-move', `移动到 ${to} 之前`);
    return source.exclusive(copy);
  }
  const owner = await readLockOwner(fs, from);
  if (owner && owner !== 'unreadable' && ownerIsLive(owner, { pid: process.pid, hostname: hostname() }, options.isProcessAlive ?? defaultIsProcessAlive)) {
    throw new StoreLockedError(from, owner, hostname());
  }
  return copy();
}

/** A copy that does not read back as the original. */
export class MoveVerifyError extends Error {
  readonly file: string;
  constructor(file: string) {
    super(storeMessages.moveVerifyFailed(file));
    this.name = 'MoveVerifyError';
    this.file = file;
  }
}

async function checkTarget(fs: StoreFs, to: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (!stat.isDirectory()) throw new Error(storeMessages.moveTargetNotFolder(to));
  if ((await fs.readdir(to)).length > 0) throw new Error(storeMessages.moveTargetNotEmpty(to));
}

async function copyVerified(fs: StoreFs, from: string, to: string): Promise<MoveResult> {
  const targetExisted = await fs.stat(to).then(
    () => true,
    () => false,
  );
  let files = 0;
  let bytes = 0;

  const walk = async (dir: string): Promise<void> => {
    const targetDir = join(to, relative(from, dir));
    await fs.mkdir(targetDir, { recursive: true });
    for (const name of (await fs.readdir(dir)).sort()) {
      if (isTempName(name) || (dir === from && name === LOCK_FILE)) continue;
      const src = join(dir, name);
      const dst = join(targetDir, name);
      const stat = await fs.stat(src);
      if (stat.isDirectory()) {
        await walk(src);
        continue;
      }
      const content = await fs.readFile(src);
      const hash = sha256(content);
      await writeFileDurably(fs, dst, content);
      if (sha256(await fs.readFile(dst)) !== hash) throw new MoveVerifyError(relative(from, src));
      files++;
      bytes += content.length;
    }
    await fs.syncDir(targetDir);
  };

  try {
    await walk(from);
    await fs.syncDir(dirname(to));
  } catch (err) {
    // Only what this call created is removed; the source is never touched.
    if (!targetExisted) await fs.rm(to, { recursive: true, force: true }).catch(() => undefined);
    else for (const entry of await fs.readdir(to).catch(() => [] as string[])) await fs.rm(join(to, entry), { recursive: true, force: true }).catch(() => undefined);
    if (err instanceof MoveVerifyError) throw err;
    throw new Error(storeMessages.moveFailed(err instanceof Error ? err.message : String(err)));
  }
  return { from, to, files, bytes };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
