/** The backups' content-addressed blobs (`backups/blobs/<sha256>`): written, read against their name, orphans tidied. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from '../deps';
import { isMissing, readdirOrEmpty, renameWithRetry, writeTempFile } from './durable-file';
import { isTempName } from './partition-key';
import type { StoreFs } from './store-fs';

export const BLOBS_DIR = 'blobs';
export const SHA_PATTERN = /^[0-9a-f]{64}$/;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * One file per distinct content, named by its SHA-256: written temp → fsync → rename, never
 * rewritten in place, shared by every backup that holds the content. A blob is checked against
 * its name whenever it is read; the folder entries are fsync'd once per backup (`sync`).
 */
export class BlobStore {
  private readonly fs: StoreFs;
  private readonly log: Logger;
  /** The blobs' folder. */
  readonly dir: string;
  /** Blobs written or read back whole in this session. */
  private readonly verified = new Set<string>();
  /** Blobs renamed into place whose folder entry has not been fsync'd yet. */
  private unsynced = false;

  constructor(fs: StoreFs, dir: string, log: Logger) {
    this.fs = fs;
    this.dir = dir;
    this.log = log;
  }

  pathOf(sha: string): string {
    return join(this.dir, sha);
  }

  /** A blob's bytes; null when it is missing or no longer has the content its name says. */
  async read(sha: string): Promise<Buffer | null> {
    const bytes = await this.readIfPresent(sha);
    return bytes && sha256(bytes) === sha ? bytes : null;
  }

  /** A blob this session has just found whole or written (`isWhole`, `write`): read without checking it again. */
  readKnown(sha: string): Promise<Buffer> {
    return this.fs.readFile(this.pathOf(sha));
  }

  /** True when the blob exists with its content (checked once per session). */
  async isWhole(sha: string): Promise<boolean> {
    if (this.verified.has(sha)) return true;
    const bytes = await this.readIfPresent(sha);
    if (!bytes) return false;
    if (sha256(bytes) !== sha) {
      this.log.warn('damaged backup copy found; it is written again from the live file', { blob: this.pathOf(sha) });
      return false;
    }
    this.verified.add(sha);
    return true;
  }

  /** temp → fsync → rename; the folder fsync follows once per backup, before its manifest (`sync`). */
  async write(sha: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(sha);
    const temp = await writeTempFile(this.fs, target, bytes);
    try {
      this.unsynced = true;
      await renameWithRetry(this.fs, temp, target);
    } catch (err) {
      await this.fs.unlink(temp).catch(() => undefined);
      throw err;
    }
    this.verified.add(sha);
  }

  /**
   * Makes the blobs' folder entries durable before a manifest names them: also those written by
   * an earlier backup of this session that failed before its own folder fsync.
   */
  async sync(): Promise<void> {
    if (!this.unsynced) return;
    await this.fs.syncDir(this.dir);
    this.unsynced = false;
  }

  /** Temp files of a backup cut short, at open. */
  async removeTemps(): Promise<void> {
    for (const name of (await readdirOrEmpty(this.fs, this.dir)).filter(isTempName)) {
      await this.fs.unlink(join(this.dir, name)).catch(() => undefined);
      this.log.warn('temp file left by an interrupted backup removed', { file: join(this.dir, name) });
    }
  }

  /** Deletes every blob whose content `named` (what the remaining manifests name) does not hold. */
  async removeUnnamed(named: ReadonlySet<string>): Promise<void> {
    let removed = 0;
    for (const name of await readdirOrEmpty(this.fs, this.dir)) {
      if (!SHA_PATTERN.test(name) || named.has(name)) continue;
      await this.fs.unlink(join(this.dir, name)).catch(() => undefined);
      this.verified.delete(name);
      removed++;
    }
    if (removed > 0) {
      await this.fs.syncDir(this.dir);
      this.log.info('backup copies no backup names any more removed', { blobs: removed });
    }
  }

  private async readIfPresent(sha: string): Promise<Buffer | null> {
    try {
      return await this.fs.readFile(this.pathOf(sha));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }
}
