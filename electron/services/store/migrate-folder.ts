import { dirname } from 'node:path';
import type { Clock, Logger } from '../deps';
import type { BackupStore } from './backups';
import { envelopeOf, isEnvelope, validatePartition, partitionTypeOf, type Codec } from './codec';
import { ABSENT, CorruptFileError, readJsonOrAbsent, removeFileDurably, writeJsonDurably } from './durable-file';
import { storeMessages } from './messages';
import { writeMeta, type StoreMeta } from './meta';
import { applyMigrations, MapMigrationTx } from './migration-runner';
import { partitionPath, scanPartitions } from './partition-key';
import { quarantineFile } from './quarantine';
import type { StoreFs } from './store-fs';
import type { BackupInfo, PartitionKey } from './types';

export interface FolderContext {
  fs: StoreFs;
  dataDir: string;
  clock: Clock;
  log: Logger;
  codec: Codec;
  backups: BackupStore;
}

export interface MigrationOutcome {
  meta: StoreMeta;
  backup: BackupInfo;
  from: number;
  to: number;
  /** Files that could not be parsed: moved to quarantine; the caller restores them from backups. */
  quarantined: { key: PartitionKey; quarantinedAs: string }[];
}

/**
 * Upgrades the whole folder from `meta.schemaVersion` to the app's version:
 * 1. a 'migration' backup;  2. every partition read and run through the steps in memory, then
 * validated — any failure stops here with the folder untouched;  3. meta marks the backup as
 * the state to return to if the app stops half-way;  4. every partition written durably,
 * removed ones deleted;  5. meta records the new version.
 */
export async function migrateFolder(ctx: FolderContext, meta: StoreMeta): Promise<MigrationOutcome> {
  const { fs, dataDir, codec } = ctx;
  const from = meta.schemaVersion;
  const to = codec.schemaVersion;
  const backup = await ctx.backups.create('migration', `数据版本 ${from} → ${to}`, from);

  const originalKeys = await scanPartitions(fs, dataDir, codec.kinds);
  const corrupt: PartitionKey[] = [];
  /** Each file's own save time, kept through the upgrade: it says how recent the data is (a meeting's journal compares it). */
  const savedAt = new Map<PartitionKey, string>();
  const tx = new MapMigrationTx([]);
  for (const key of originalKeys) {
    let raw: unknown;
    try {
      raw = await readJsonOrAbsent(fs, partitionPath(dataDir, key));
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw err;
      corrupt.push(key);
      continue;
    }
    if (raw === ABSENT) continue;
    // JSON null, a list or a bare value is damage, not data (not even for a folder of version 0).
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) corrupt.push(key);
    else if (from === 0) tx.set(key, raw); // before versioning, files held bare data (001 deals with it)
    else if (isEnvelope(raw)) {
      tx.set(key, raw.data);
      savedAt.set(key, raw.savedAt);
    }
    else corrupt.push(key);
  }

  const fail = (detail: string): never => {
    throw new Error(storeMessages.migrationFailed(from, to, detail, backup.id));
  };
  try {
    applyMigrations(tx, codec.migrations, from, to);
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  const output = new Map<PartitionKey, unknown>();
  for (const [key, data] of tx.entries()) {
    // Kinds this version no longer knows are carried as they are: nothing to check them against.
    if (!partitionTypeOf(codec, key)) {
      output.set(key, data);
      continue;
    }
    const checked = validatePartition(codec, key, data);
    if (!checked.ok) fail(storeMessages.migrationInvalid(key, checked.reason));
    else output.set(key, checked.data);
  }

  const pending: StoreMeta = { ...meta, schemaVersion: from, pendingRestore: { backupId: backup.id, reason: 'migration' } };
  await writeMeta(fs, dataDir, pending);
  const nowMs = ctx.clock.now();
  const quarantined: MigrationOutcome['quarantined'] = [];
  for (const key of corrupt) {
    quarantined.push({ key, quarantinedAs: await quarantineFile(fs, dataDir, partitionPath(dataDir, key), key, nowMs) });
  }
  const dirs = new Set<string>();
  for (const [key, data] of output) {
    const file = partitionPath(dataDir, key);
    if (!dirs.has(dirname(file))) {
      await fs.mkdir(dirname(file), { recursive: true });
      dirs.add(dirname(file));
    }
    const envelope = envelopeOf(codec, data, nowMs);
    const saved = savedAt.get(key);
    if (saved !== undefined && Number.isFinite(Date.parse(saved))) envelope.savedAt = saved;
    await writeJsonDurably(fs, file, envelope);
  }
  for (const key of originalKeys) {
    if (!output.has(key) && !corrupt.includes(key)) await removeFileDurably(fs, partitionPath(dataDir, key));
  }
  await fs.syncDir(dataDir);
  ctx.backups.changedAll();
  const done: StoreMeta = { schemaVersion: to, everHeldData: true, createdAt: meta.createdAt };
  await writeMeta(fs, dataDir, done);
  ctx.log.info('data folder migrated', { from, to, backupId: backup.id, partitions: output.size });
  return { meta: done, backup, from, to, quarantined: quarantined.filter((q) => !output.has(q.key)) };
}

/**
 * Finishes a restore or migration that stopped half-way: puts the named backup's partitions
 * back and records the backup's version, so the folder is whole again.
 */
export async function finishPendingRestore(ctx: FolderContext, meta: StoreMeta): Promise<StoreMeta> {
  const pending = meta.pendingRestore;
  if (!pending) return meta;
  const info = await ctx.backups.read(pending.backupId);
  if (!info) throw new Error(storeMessages.pendingBackupMissing(ctx.dataDir, pending.backupId));
  ctx.log.warn('an interrupted restore or migration is being completed from its backup', { ...pending });
  await ctx.backups.copyInto(info.id);
  const next: StoreMeta = { schemaVersion: info.schemaVersion, everHeldData: true, createdAt: meta.createdAt };
  await writeMeta(ctx.fs, ctx.dataDir, next);
  return next;
}
