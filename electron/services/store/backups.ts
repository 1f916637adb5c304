/** The backups: manifests of independent copies, taken, listed, read back, restored, pruned and tidied. */
import { dirname, join } from 'node:path';
import type { Clock, Logger } from '../deps';
import { BLOBS_DIR, BlobStore, sha256 } from './backup-blobs';
import { CopyTaker } from './backup-copies';
import { MANIFEST_FILE, backupIdTime, infoOf, isBackupId, readManifestFile, type BackupEntry, type Manifest } from './backup-manifest';
import { ABSENT, CorruptFileError, parseJsonBytes, readdirOrEmpty, removeFileDurably, writeFileDurably, writeJsonDurably } from './durable-file';
import { META_FILE, parseMeta } from './meta';
import { isTempName, isValidKey, partitionPath, partitionSegments, scanPartitions } from './partition-key';
import { formatStamp, pathExists } from './quarantine';
import { selectBackupsToDelete } from './retention';
import type { StoreFs } from './store-fs';
import type { BackupInfo, BackupReason, PartitionKey, RetentionPolicy } from './types';

export { BLOBS_DIR, sha256 };
export { MANIFEST_FILE, backupIdTime, infoOf, isBackupId, type BackupEntry, type Manifest };
export const BACKUPS_DIR = 'backups';
/** Folder of user files (evidence attachments) beside the JSON; backed up with the partitions. */
export const ATTACHMENTS_DIR = 'attachments';

/** Whether a partition's parsed content (key, value, data version) is good data. */
export type PartitionCheck = (key: PartitionKey, value: unknown, version: number) => boolean;

/** A backup's copy that is missing or no longer has the content its manifest names. */
export class DamagedBackupError extends Error {
  constructor(id: string, path: string) {
    super(`backup ${id}: the copy of ${path} is missing or damaged`);
    this.name = 'DamagedBackupError';
  }
}

export function entryPathOf(key: PartitionKey): string {
  return partitionSegments(key).join('/');
}

/**
 * Backups are independent copies, content-addressed:
 *
 *   backups/blobs/<sha256>          one file per distinct content (`BlobStore`, backup-blobs.ts),
 *                                   never rewritten in place; shared by the backups that hold it
 *   backups/<id>/manifest.json      {id, createdAt, reason, …, entries: [{path, sha256, size, ok}]},
 *                                   written last and fsync'd: a folder without one is a leftover
 *
 * A blob is never a link to a live file (a write or a tool changing a live file in place can
 * never reach a backup) and is checked against its name whenever it is read.
 */
export class BackupStore {
  private lastIdMs = 0;
  private readonly fs: StoreFs;
  private readonly dataDir: string;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly kinds: ReadonlySet<string>;
  private readonly blobs: BlobStore;
  private readonly copies: CopyTaker;
  private rootMade = false;
  private readonly isValid: PartitionCheck;
  /** Finished manifests read or written in this session, by id. */
  private readonly manifests = new Map<string, Manifest>();
  /** Each manifest's entries by path. */
  private readonly entryMaps = new WeakMap<Manifest, Map<string, BackupEntry>>();

  /**
   * `isValid` tells whether a partition's parsed content is good data (decodes and passes its
   * schema) at a data version; a copy that does not is recorded as not whole, so retention
   * never lets it stand for the partition's last good copy.
   */
  constructor(fs: StoreFs, dataDir: string, clock: Clock, log: Logger, kinds: ReadonlySet<string>, isValid: PartitionCheck = () => true) {
    this.isValid = isValid;
    this.kinds = kinds;
    this.fs = fs;
    this.dataDir = dataDir;
    this.clock = clock;
    this.log = log;
    this.blobs = new BlobStore(fs, join(dataDir, BACKUPS_DIR, BLOBS_DIR), log);
    this.copies = new CopyTaker(fs, this.blobs, (rel, bytes, version) => this.isGood(rel, bytes, version));
  }

  get root(): string {
    return join(this.dataDir, BACKUPS_DIR);
  }

  dirOf(id: string): string {
    if (!isBackupId(id)) throw new Error(`not a backup id: ${id}`);
    return join(this.root, id);
  }

  async create(reason: BackupReason, label: string, schemaVersion: number): Promise<Manifest> {
    const nowMs = this.clock.now();
    await this.makeRoot();
    const id = await this.nextId(nowMs, reason);
    await this.copies.learn(() => this.list());
    const entries: BackupEntry[] = [];
    for (const rel of await this.liveFiles()) {
      const captured = await this.copies.take(join(this.dataDir, ...rel.split('/')), rel, true, schemaVersion);
      if (!captured) continue; // removed meanwhile (a file of another service)
      entries.push(captured.entry);
    }
    await this.blobs.sync();
    const manifest: Manifest = {
      id,
      createdAt: new Date(nowMs).toISOString(),
      reason,
      label,
      files: entries.length,
      bytes: entries.reduce((n, e) => n + e.size, 0),
      schemaVersion,
      entries,
    };
    await this.writeManifest(manifest);
    this.log.info('backup taken', { id, reason, files: manifest.files, bytes: manifest.bytes });
    return manifest;
  }

  /** Finished backups, newest first. */
  async list(): Promise<Manifest[]> {
    const out: Manifest[] = [];
    for (const name of (await this.readdir(this.root)).filter(isBackupId)) {
      const m = await this.read(name);
      if (m) out.push(m);
    }
    return out.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /**
   * A finished backup's manifest, or null when there is no such (finished) backup. Manifests are
   * never rewritten, so each is read and checked once per session: a backup, which lists them
   * all for the retention rule, does not parse every manifest again.
   */
  async read(id: string): Promise<Manifest | null> {
    const cached = this.manifests.get(id);
    if (cached) return cached;
    const m = await readManifestFile(this.fs, this.root, id);
    if (!m?.entries) return null;
    this.manifests.set(id, m as Manifest);
    return m as Manifest;
  }

  /** The partitions a backup holds (of the kinds this app knows). */
  keysOf(m: Manifest): PartitionKey[] {
    const keys: PartitionKey[] = [];
    for (const e of m.entries) {
      if (!e.path.endsWith('.json') || e.path === META_FILE) continue;
      const key = e.path.slice(0, -'.json'.length);
      if (this.kinds.has(key.split('/')[0] as string) && isValidKey(key)) keys.push(key);
    }
    return keys.sort();
  }

  /** A live file was written by the store: its next backup hashes it again. */
  changed(abs: string): void {
    this.copies.forget(abs);
  }

  /** Files were written other than through `changed` (a recovery, a migration): every one is hashed again. */
  changedAll(): void {
    this.copies.forgetAll();
  }

  /** The bytes of a backup's copy of `path`; null when the backup has no such file. */
  async readBytes(m: Manifest, path: string): Promise<Buffer | null> {
    let byPath = this.entryMaps.get(m);
    if (!byPath) {
      byPath = new Map(m.entries.map((x) => [x.path, x]));
      this.entryMaps.set(m, byPath);
    }
    const e = byPath.get(path);
    if (!e) return null;
    const bytes = await this.blobs.read(e.sha256);
    if (!bytes) throw new DamagedBackupError(m.id, path);
    return bytes;
  }

  /** A backup's copy of `path` as JSON: ABSENT when it has none, CorruptFileError when damaged. */
  async readJson(m: Manifest, path: string): Promise<unknown> {
    let bytes: Buffer | null;
    try {
      bytes = await this.readBytes(m, path);
    } catch (err) {
      if (err instanceof DamagedBackupError) throw new CorruptFileError(join(this.dirOf(m.id), path), err);
      throw err;
    }
    return bytes === null ? ABSENT : parseJsonBytes(bytes, join(this.dirOf(m.id), path));
  }

  /** Deletes what the retention rule lets go, then the blobs no backup names any more; returns the deleted ids. */
  async prune(policy: RetentionPolicy): Promise<string[]> {
    const all = await this.list();
    const candidates = all.map((m) => ({
      id: m.id,
      createdAt: m.createdAt,
      reason: m.reason,
      files: m.entries.map((e) => e.path),
      goodFiles: m.entries.filter((e) => e.ok).map((e) => e.path),
    }));
    const doomed = selectBackupsToDelete(candidates, this.clock.now(), policy);
    for (const id of doomed) {
      await this.fs.rm(join(this.root, id), { recursive: true, force: true });
      this.manifests.delete(id);
      this.log.info('backup deleted by retention rule', { id });
    }
    if (doomed.length > 0) {
      await this.fs.syncDir(this.root);
      const gone = new Set(doomed);
      await this.collectBlobs(all.filter((m) => !gone.has(m.id)));
    }
    return doomed;
  }

  /**
   * Makes the data folder's partitions exactly those of a backup (the caller rewrites meta.json
   * with the backup's version): writes each copy as a new file and removes partitions the backup
   * does not have. Attachment files the backup holds are put back; later ones are left alone.
   */
  async copyInto(id: string): Promise<void> {
    const m = await this.read(id);
    if (!m) throw new Error(`no such backup: ${id}`);
    const wanted = this.keysOf(m);
    for (const key of await scanPartitions(this.fs, this.dataDir, this.kinds)) {
      if (!wanted.includes(key)) await removeFileDurably(this.fs, partitionPath(this.dataDir, key));
    }
    const paths = [...wanted.map(entryPathOf), ...m.entries.filter((e) => e.path.startsWith(`${ATTACHMENTS_DIR}/`)).map((e) => e.path)];
    for (const path of paths) {
      const bytes = (await this.readBytes(m, path)) as Buffer;
      const target = join(this.dataDir, ...path.split('/'));
      const current = await this.fs.readFile(target).catch(() => null);
      if (current && current.equals(bytes)) continue;
      await this.fs.mkdir(dirname(target), { recursive: true });
      await writeFileDurably(this.fs, target, bytes);
    }
    this.changedAll();
    await this.fs.syncDir(this.dataDir);
  }

  /**
   * Leftovers at open: removes backup folders without a manifest (a backup cut short) and blobs
   * no manifest names, temp files among the blobs; converts backups of older versions (hard
   * links to the live files) into independent copies. Logs what it did.
   */
  async tidy(): Promise<void> {
    const names = await this.readdir(this.root);
    if (names.length === 0) return;
    for (const name of names.filter(isBackupId)) {
      const dir = join(this.root, name);
      if (!(await pathExists(this.fs, join(dir, MANIFEST_FILE)))) {
        this.manifests.delete(name);
        await this.fs.rm(dir, { recursive: true, force: true });
        this.log.warn('unfinished backup (no manifest) removed', { id: name });
        continue;
      }
      const m = await readManifestFile(this.fs, this.root, name);
      if (!m) {
        this.log.warn('backup manifest unreadable; backup ignored and kept for inspection', { id: name });
        continue;
      }
      if (!m.entries) await this.convertLegacy(m);
      else {
        this.manifests.set(name, m as Manifest);
        await this.removeStrays(dir, name);
      }
    }
    await this.blobs.removeTemps();
    await this.collectBlobs(await this.list());
  }

  /** Every live file a backup holds: partitions, meta.json and the attachments, `/`-separated. */
  private async liveFiles(): Promise<string[]> {
    const rels = (await scanPartitions(this.fs, this.dataDir, this.kinds)).map(entryPathOf);
    if (await pathExists(this.fs, join(this.dataDir, META_FILE))) rels.push(META_FILE);
    const walk = async (rel: string): Promise<void> => {
      for (const name of (await this.readdir(join(this.dataDir, ...rel.split('/')))).sort()) {
        if (isTempName(name)) continue;
        const child = `${rel}/${name}`;
        const stat = await this.fs.stat(join(this.dataDir, ...child.split('/'))).catch(() => null);
        if (stat?.isDirectory()) await walk(child);
        else if (stat) rels.push(child);
      }
    };
    await walk(ATTACHMENTS_DIR);
    return rels;
  }

  /** Whether bytes are a good file of their kind: valid data for a partition, a valid meta.json. */
  private isGood(rel: string, bytes: Uint8Array, version: number): boolean {
    if (rel.startsWith(`${ATTACHMENTS_DIR}/`)) return true;
    let value: unknown;
    try {
      value = parseJsonBytes(bytes, rel);
    } catch {
      return false;
    }
    if (rel === META_FILE) return parseMeta(value) !== null;
    // JSON null, a list, a number or a string is damage, never data (not even before versioning).
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    return this.isValid(rel.slice(0, -'.json'.length), value, version);
  }

  private async writeManifest(m: Manifest): Promise<void> {
    const dir = join(this.root, m.id);
    await this.fs.mkdir(dir, { recursive: true });
    // Written last: its presence is what makes the folder a finished backup.
    await writeJsonDurably(this.fs, join(dir, MANIFEST_FILE), m, true);
    await this.fs.syncDir(this.root);
    this.manifests.set(m.id, m);
  }

  /** A backup of an older version (files, maybe hard links to live files) becomes blobs + entries. */
  private async convertLegacy(m: BackupInfo): Promise<void> {
    await this.makeRoot();
    const dir = this.dirOf(m.id);
    const entries: BackupEntry[] = [];
    const walk = async (rel: string): Promise<void> => {
      for (const name of (await this.readdir(rel ? join(dir, ...rel.split('/')) : dir)).sort()) {
        const child = rel ? `${rel}/${name}` : name;
        if (child === MANIFEST_FILE || isTempName(name)) continue;
        const abs = join(dir, ...child.split('/'));
        const stat = await this.fs.stat(abs);
        if (stat.isDirectory()) await walk(child);
        else {
          const captured = await this.copies.take(abs, child, false, m.schemaVersion);
          if (captured) entries.push(captured.entry);
        }
      }
    };
    await walk('');
    await this.blobs.sync();
    await this.writeManifest({ ...infoOf(m), files: entries.length, bytes: entries.reduce((n, e) => n + e.size, 0), entries });
    await this.removeStrays(dir, m.id);
    this.log.info('backup of an older version converted to independent copies', { id: m.id, files: entries.length });
  }

  /** Anything but the manifest inside a backup folder (files of a converted older backup). */
  private async removeStrays(dir: string, id: string): Promise<void> {
    const strays = (await this.readdir(dir)).filter((n) => n !== MANIFEST_FILE);
    for (const name of strays) await this.fs.rm(join(dir, name), { recursive: true, force: true });
    if (strays.length > 0) {
      await this.fs.syncDir(dir);
      this.log.info('leftover files removed from a backup folder', { id, files: strays.length });
    }
  }

  private async collectBlobs(kept: readonly Manifest[]): Promise<void> {
    // A manifest that cannot be read may still name blobs: then none is deleted.
    const keptIds = new Set(kept.map((m) => m.id));
    for (const name of (await this.readdir(this.root)).filter(isBackupId)) {
      if (!keptIds.has(name) && (await pathExists(this.fs, join(this.root, name, MANIFEST_FILE))) && !(await this.read(name))) {
        this.log.warn('a backup manifest is unreadable; unused backup copies are kept', { id: name });
        return;
      }
    }
    const named = new Set<string>();
    for (const m of kept) for (const e of m.entries) named.add(e.sha256);
    await this.blobs.removeUnnamed(named);
  }

  private async makeRoot(): Promise<void> {
    if (this.rootMade) return;
    await this.fs.mkdir(this.blobs.dir, { recursive: true });
    await this.fs.syncDir(this.root);
    await this.fs.syncDir(this.dataDir);
    this.rootMade = true;
  }

  private readdir(dir: string): Promise<string[]> {
    return readdirOrEmpty(this.fs, dir);
  }

  /** Ids strictly increase within a folder, even with a clock that stands still or steps back. */
  private async nextId(nowMs: number, reason: BackupReason): Promise<string> {
    if (this.lastIdMs === 0) {
      for (const name of await this.readdir(this.root)) this.lastIdMs = Math.max(this.lastIdMs, backupIdTime(name) ?? 0);
    }
    const ms = Math.max(nowMs, this.lastIdMs + 1);
    this.lastIdMs = ms;
    return `${formatStamp(ms)}-${reason}`;
  }
}
