import { join } from 'node:path';
import { ATTACHMENTS_DIR, BACKUPS_DIR } from './backups';
import { isEnvelope } from './codec';
import { ABSENT, readJsonOrAbsent } from './durable-file';
import { META_FILE, metaPath, parseMeta, readMeta, writeMeta, type StoreMeta } from './meta';
import { finishPendingRestore, migrateFolder, type FolderContext, type MigrationOutcome } from './migrate-folder';
import { storeMessages } from './messages';
import { dataMessages, notices as noticeOf } from './notices';
import { isTempName, partitionPath, scanFolder } from './partition-key';
import { applyPendingChange, clearPendingChange, decodePendingChange, pendingChangePath } from './pending-change';
import { pathExists, QUARANTINE_DIR, quarantineFile } from './quarantine';
import type { PartitionKey, StoreNotice } from './types';

/** Thrown when the folder was written by a newer version of the app; nothing was touched. */
export class StoreVersionError extends Error {
  readonly folderVersion: number;
  readonly appVersion: number;
  constructor(dataDir: string, folderVersion: number, appVersion: number) {
    super(storeMessages.newerVersion(dataDir, folderVersion, appVersion));
    this.name = 'StoreVersionError';
    this.folderVersion = folderVersion;
    this.appVersion = appVersion;
  }
}

/** One partition file of the folder was written by a newer version of the app: refused, never quarantined. */
export class PartitionVersionError extends StoreVersionError {
  readonly file: string;
  constructor(dataDir: string, file: string, fileVersion: number, appVersion: number) {
    super(dataDir, fileVersion, appVersion);
    this.name = 'PartitionVersionError';
    this.file = file;
    this.message = dataMessages.partitionFromNewerVersion(file, fileVersion, appVersion);
  }
}

export interface PreparedFolder {
  meta: StoreMeta;
  firstStart: boolean;
  notices: StoreNotice[];
  migration?: MigrationOutcome;
}

/**
 * Brings the folder to a state the store can serve, under the lock: temp leftovers removed,
 * meta present and valid (rebuilt if it was unreadable), an interrupted restore or migration
 * completed, and the data migrated to the app's version.
 */
export async function prepareFolder(ctx: FolderContext, options: { willSeed?: boolean } = {}): Promise<PreparedFolder> {
  const { fs, dataDir, codec } = ctx;
  // A change of several partitions interrupted by a crash is finished before anything is read.
  const completed = await completePendingChange(ctx);
  const scan = await scanFolder(fs, dataDir, codec.kinds);
  await refuseNewerPartitions(ctx, scan.keys);
  for (const temp of [...scan.temps, ...(await attachmentTemps(ctx))]) {
    await fs.unlink(temp).catch(() => undefined);
    ctx.log.warn('temp file left by an interrupted write removed', { file: temp });
  }
  await ctx.backups.tidy();
  const notices: StoreNotice[] = completed ? [completed] : [];
  const at = () => new Date(ctx.clock.now()).toISOString();

  const read = await readMeta(fs, dataDir);
  // A folder that has held data keeps traces of it even when its files were lost or recovered
  // to nothing: backups, quarantined files, attachments. Only a truly empty one is new.
  const firstStart =
    read.kind === 'missing' &&
    scan.keys.length === 0 &&
    !(await pathExists(fs, join(dataDir, BACKUPS_DIR))) &&
    !(await pathExists(fs, join(dataDir, QUARANTINE_DIR))) &&
    !(await pathExists(fs, join(dataDir, ATTACHMENTS_DIR)));

  let meta: StoreMeta;
  if (read.kind === 'ok') {
    meta = read.meta;
  } else if (read.kind === 'missing') {
    // Partitions without meta: a folder from before versioning (version 0).
    meta = { schemaVersion: scan.keys.length > 0 ? 0 : codec.schemaVersion, everHeldData: true, createdAt: at() };
    // The marker goes with the very first write: a start stopped before the initial data is all
    // written finds it and completes the filling, instead of opening an empty folder for good.
    if (firstStart && options.willSeed) meta.seeding = true;
    if (meta.schemaVersion === codec.schemaVersion) await writeMeta(fs, dataDir, meta);
  } else {
    const version = await inferVersion(ctx, scan.keys);
    if (version > codec.schemaVersion) throw new StoreVersionError(dataDir, version, codec.schemaVersion);
    const quarantinedAs = await quarantineFile(fs, dataDir, metaPath(dataDir), 'meta', ctx.clock.now());
    const fromBackup = await metaFromBackups(ctx, version);
    meta = { schemaVersion: version, everHeldData: true, createdAt: fromBackup?.meta.createdAt ?? at() };
    await writeMeta(fs, dataDir, meta);
    ctx.log.warn('meta.json was unreadable; moved aside and rebuilt', { reason: read.reason, quarantinedAs, schemaVersion: version, backupId: fromBackup?.backupId });
    const file = metaPath(dataDir);
    notices.push(
      fromBackup
        ? noticeOf.recovered({ kind: 'recovered', key: 'meta', file, backupId: fromBackup.backupId, backupAt: fromBackup.backupAt, quarantinedAs, at: at() }, ctx.clock.now())
        : noticeOf.startedEmpty({ kind: 'started-empty', key: 'meta', file, quarantinedAs, at: at() }),
    );
  }

  if (meta.pendingRestore) meta = await finishPendingRestore(ctx, meta);
  if (meta.schemaVersion > codec.schemaVersion) throw new StoreVersionError(dataDir, meta.schemaVersion, codec.schemaVersion);

  let migration: MigrationOutcome | undefined;
  if (meta.schemaVersion < codec.schemaVersion) {
    migration = await migrateFolder(ctx, meta);
    meta = migration.meta;
    notices.push(noticeOf.migrated({ kind: 'migrated', from: migration.from, to: migration.to, backupId: migration.backup.id, at: at() }));
  }
  return migration ? { meta, firstStart, notices, migration } : { meta, firstStart, notices };
}

/**
 * Finishes a change of several partitions that a crash interrupted (see pending-change.ts): its
 * record is durable, so the change was committed; every partition it names is written again and
 * the record removed. A record that fails its checksum is moved aside, never half-applied, and
 * the office is told. A record from a newer version of the app stops the start, untouched.
 */
async function completePendingChange(ctx: FolderContext): Promise<StoreNotice | null> {
  const { fs, dataDir, codec, log } = ctx;
  const path = pendingChangePath(dataDir);
  const bytes = await fs.readFile(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (!bytes) return null;
  const at = new Date(ctx.clock.now()).toISOString();
  const decoded = decodePendingChange(bytes);
  const version = decoded.ok ? decoded.change.schemaVersion : decoded.schemaVersion;
  if (version !== undefined && version > codec.schemaVersion) throw new PartitionVersionError(dataDir, path, version, codec.schemaVersion);
  if (!decoded.ok) {
    const quarantinedAs = await quarantineFile(fs, dataDir, path, 'pending-change', ctx.clock.now());
    log.error('the record of an interrupted change of several partitions is damaged; moved aside, not applied', { file: path, reason: decoded.reason, quarantinedAs });
    return noticeOf.changeDamaged({ kind: 'change-damaged', file: path, quarantinedAs, reason: decoded.reason, at });
  }
  const { change } = decoded;
  await applyPendingChange(fs, dataDir, change);
  await clearPendingChange(fs, dataDir);
  const files = change.writes.length + change.removes.length;
  log.warn('an interrupted change of several partitions was completed from its record', {
    label: change.label,
    savedAt: change.savedAt,
    written: change.writes.map((w) => w.key),
    removed: change.removes,
  });
  return noticeOf.changeCompleted({ kind: 'change-completed', label: change.label, files, savedAt: change.savedAt, at });
}

/** Our temp files below `attachments/` (a write of an attachment cut short). */
async function attachmentTemps(ctx: FolderContext): Promise<string[]> {
  const temps: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const names = await ctx.fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(dir, name);
      if (isTempName(name)) temps.push(path);
      else if ((await ctx.fs.stat(path).catch(() => null))?.isDirectory()) await walk(path);
    }
  };
  await walk(join(ctx.dataDir, ATTACHMENTS_DIR));
  return temps;
}

/**
 * The data version a folder with a lost meta.json is at: the newest envelope version its
 * partitions carry (bare files mean version 0). Reads every partition, but only on this rare path.
 */
async function inferVersion(ctx: FolderContext, keys: PartitionKey[]): Promise<number> {
  let version = -1;
  for (const key of keys) {
    try {
      const raw = await readJsonOrAbsent(ctx.fs, partitionPath(ctx.dataDir, key));
      if (raw === ABSENT) continue;
      version = Math.max(version, isEnvelope(raw) ? raw.schemaVersion : 0);
    } catch {
      // an unreadable partition says nothing about the version; it is dealt with when read
    }
  }
  return version < 0 ? ctx.codec.schemaVersion : version;
}

/** The newest backup's meta at the version the partitions carry (its creation date is worth keeping). */
async function metaFromBackups(ctx: FolderContext, version: number): Promise<{ meta: StoreMeta; backupId: string; backupAt: string } | undefined> {
  for (const info of await ctx.backups.list()) {
    try {
      const meta = parseMeta(await ctx.backups.readJson(info, META_FILE));
      if (meta && meta.schemaVersion === version) return { meta, backupId: info.id, backupAt: info.createdAt };
    } catch {
      // try an older one
    }
  }
  return undefined;
}

/** Our own writer puts the version first: `{"schemaVersion":N,…`. Enough of a file to read it. */
const HEAD_BYTES = 64;
const HEAD_PATTERN = /^\uFEFF?\s*\{\s*"schemaVersion"\s*:\s*(\d+)/;

/**
 * Refuses to open a folder holding a partition written by a newer version of the app (a file
 * copied from a newer installation): reads the head of each file only, before anything is
 * written, so such a file is never quarantined, migrated or overwritten.
 */
async function refuseNewerPartitions(ctx: FolderContext, keys: readonly PartitionKey[]): Promise<void> {
  const head = Buffer.alloc(HEAD_BYTES);
  for (const key of keys) {
    const file = partitionPath(ctx.dataDir, key);
    let length = 0;
    try {
      const handle = await ctx.fs.open(file, 'r');
      try {
        length = (await handle.read(head, 0, HEAD_BYTES, 0)).bytesRead;
      } finally {
        await handle.close();
      }
    } catch {
      continue; // gone or unreadable: dealt with when it is read
    }
    const m = HEAD_PATTERN.exec(head.subarray(0, length).toString('utf8'));
    const version = m ? Number(m[1]) : 0;
    if (version > ctx.codec.schemaVersion) throw new PartitionVersionError(ctx.dataDir, file, version, ctx.codec.schemaVersion);
  }
}
