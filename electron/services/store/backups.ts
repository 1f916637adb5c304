import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Clock, Logger } from '../deps';
import { copyFileDurably, readJsonFile, removeFileDurably, writeJsonDurably } from './durable-file';
import { META_FILE } from './meta';
import { partitionPath, partitionSegments, scanPartitions } from './partition-key';
import { formatStamp, pathExists } from './quarantine';
import { selectBackupsToDelete } from './retention';
import type { StoreFs } from './store-fs';
import type { BackupInfo, BackupReason, RetentionPolicy } from './types';

export const BACKUPS_DIR = 'backups';
export const MANIFEST_FILE = 'manifest.json';

const REASONS = ['startup', 'migration', 'manual', 'meeting-start', 'before-restore', 'before-clear', 'before-move'] as const satisfies readonly BackupReason[];

/** `20261028-093015-123-manual`: sortable by time; the pattern also keeps ids from naming paths. */
const ID_PATTERN = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})-[a-z-]+$/;

const manifestSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  reason: z.enum(REASONS),
  label: z.string(),
  files: z.number().int().min(0),
  bytes: z.number().min(0),
  schemaVersion: z.number().int().min(0),
});

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

/** Link errors after which a plain copy is the way (FAT/exFAT drives, some network shares). */
function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Backups are folders `backups/<id>/` mirroring the data folder's partition files plus
 * meta.json, and a manifest.json written last (a folder without one is an unfinished backup
 * and is ignored). Files are hard-linked: every write replaces files by rename, so a linked
 * inode never changes and a backup costs a directory entry per file, not a copy.
 */
export class BackupStore {
  private lastIdMs = 0;
  private readonly fs: StoreFs;
  private readonly dataDir: string;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly kinds: ReadonlySet<string>;

  constructor(fs: StoreFs, dataDir: string, clock: Clock, log: Logger, kinds: ReadonlySet<string>) {
    this.kinds = kinds;
    this.fs = fs;
    this.dataDir = dataDir;
    this.clock = clock;
    this.log = log;
  }

  get root(): string {
    return join(this.dataDir, BACKUPS_DIR);
  }

  dirOf(id: string): string {
    if (!isBackupId(id)) throw new Error(`not a backup id: ${id}`);
    return join(this.root, id);
  }

  async create(reason: BackupReason, label: string, schemaVersion: number): Promise<BackupInfo> {
    const nowMs = this.clock.now();
    const id = await this.nextId(nowMs, reason);
    const dir = join(this.root, id);
    await this.fs.mkdir(dir, { recursive: true });
    const rels: string[][] = (await scanPartitions(this.fs, this.dataDir, this.kinds)).map(partitionSegments);
    if (await pathExists(this.fs, join(this.dataDir, META_FILE))) rels.push([META_FILE]);
    const dirs = new Set<string>([dir]);
    let files = 0;
    let bytes = 0;
    for (const segments of rels) {
      const from = join(this.dataDir, ...segments);
      const to = join(dir, ...segments);
      if (!dirs.has(dirname(to))) {
        await this.fs.mkdir(dirname(to), { recursive: true });
        dirs.add(dirname(to));
      }
      try {
        bytes += await this.linkOrCopy(from, to);
        files++;
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
    }
    for (const d of [...dirs].sort().reverse()) await this.fs.syncDir(d);
    const info: BackupInfo = { id, createdAt: new Date(nowMs).toISOString(), reason, label, files, bytes, schemaVersion };
    // Written last: its presence is what makes the folder a finished backup.
    await writeJsonDurably(this.fs, join(dir, MANIFEST_FILE), info, true);
    await this.fs.syncDir(this.root);
    this.log.info('backup taken', { id, reason, files, bytes });
    return info;
  }

  /** Finished backups, newest first. */
  async list(): Promise<BackupInfo[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.root);
    } catch (err) {
      if (isMissing(err)) return [];
      throw err;
    }
    const out: BackupInfo[] = [];
    for (const name of names.filter(isBackupId)) {
      const info = await this.read(name);
      if (info) out.push(info);
    }
    return out.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /** A finished backup's manifest, or null when there is no such (finished) backup. */
  async read(id: string): Promise<BackupInfo | null> {
    if (!isBackupId(id)) return null;
    try {
      const parsed = manifestSchema.safeParse(await readJsonFile(this.fs, join(this.root, id, MANIFEST_FILE)));
      return parsed.success && parsed.data.id === id ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Deletes what the retention rule lets go; returns the deleted ids. */
  async prune(policy: RetentionPolicy): Promise<string[]> {
    const doomed = selectBackupsToDelete(await this.list(), this.clock.now(), policy);
    for (const id of doomed) {
      await this.fs.rm(join(this.root, id), { recursive: true, force: true });
      this.log.info('backup deleted by retention rule', { id });
    }
    if (doomed.length > 0) await this.fs.syncDir(this.root);
    return doomed;
  }

  /**
   * Makes the data folder's partitions exactly those of a backup (the caller rewrites meta.json
   * with the backup's version): copies each
   * (a new inode, so a later hand edit of a data file can never reach the backup) and removes
   * partitions the backup does not have.
   */
  async copyInto(id: string): Promise<void> {
    const dir = this.dirOf(id);
    const wanted = await scanPartitions(this.fs, dir, this.kinds);
    const present = await scanPartitions(this.fs, this.dataDir, this.kinds);
    for (const key of present) {
      if (!wanted.includes(key)) await removeFileDurably(this.fs, partitionPath(this.dataDir, key));
    }
    for (const key of wanted) {
      const target = partitionPath(this.dataDir, key);
      await this.fs.mkdir(dirname(target), { recursive: true });
      await copyFileDurably(this.fs, partitionPath(dir, key), target);
    }
    await this.fs.syncDir(this.dataDir);
  }

  private async linkOrCopy(from: string, to: string): Promise<number> {
    try {
      await this.fs.link(from, to);
    } catch (err) {
      if (isMissing(err)) throw err;
      await this.fs.copyFile(from, to);
      const handle = await this.fs.open(to, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    return (await this.fs.stat(to)).size;
  }

  /** Ids strictly increase within a folder, even with a clock that stands still or steps back. */
  private async nextId(nowMs: number, reason: BackupReason): Promise<string> {
    if (this.lastIdMs === 0) {
      const existing = await this.fs.readdir(this.root).catch(() => [] as string[]);
      for (const name of existing) this.lastIdMs = Math.max(this.lastIdMs, backupIdTime(name) ?? 0);
    }
    const ms = Math.max(nowMs, this.lastIdMs + 1);
    this.lastIdMs = ms;
    return `${formatStamp(ms)}-${reason}`;
  }
}
