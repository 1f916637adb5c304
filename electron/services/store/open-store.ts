import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { BackupStore } from './backups';
import { decodePartition, isEnvelope, makeCodec, partitionTypeOf } from './codec';
import { acquireLock, defaultIsProcessAlive, releaseLock } from './lock';
import { readMeta } from './meta';
import { checkMigrations } from './migration-runner';
import type { FolderContext } from './migrate-folder';
import { notices as noticeOf } from './notices';
import { prepareFolder, StoreVersionError } from './open-folder';
import { scanPartitions } from './partition-key';
import { FolderStore } from './store';
import { nodeStoreFs } from './store-fs';
import type { PartitionKey, Store, StoreNotice, StoreOptions } from './types';

/**
 * Opens (and locks) a data folder. Cleans leftovers, refuses partitions of a newer version,
 * reads meta, finishes an interrupted restore or migration, migrates an older folder (after a
 * backup), reconciles the journals of meetings being held, writes (or completes) the first
 * start's seed, loads `core`, and starts a 'startup' backup in the background. Other
 * partitions load on first use.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const fs = options.fs ?? nodeStoreFs;
  const dataDir = resolve(options.dataDir);
  checkMigrations(options.migrations, options.schemaVersion);
  // A newer app's folder is refused before anything is written, not even the lock.
  const early = await readMeta(fs, dataDir);
  if (early.kind === 'ok' && early.meta.schemaVersion > options.schemaVersion) {
    throw new StoreVersionError(dataDir, early.meta.schemaVersion, options.schemaVersion);
  }
  await fs.mkdir(dataDir, { recursive: true });
  const lock = await acquireLock({
    fs,
    dataDir,
    pid: options.pid ?? process.pid,
    hostname: hostname(),
    nowMs: options.clock.now(),
    isProcessAlive: options.isProcessAlive ?? defaultIsProcessAlive,
    log: options.log,
  });
  let store: FolderStore | undefined;
  try {
    const codec = makeCodec(options.partitions, options.migrations, options.schemaVersion);
    // A copy counts as good only if it decodes and passes its schema (a kind only a migration
    // knows: if it is an envelope), so retention never keeps a bad copy in a good one's place.
    const isValid = (key: PartitionKey, value: unknown, version: number) =>
      partitionTypeOf(codec, key) ? decodePartition(codec, key, value, version).ok : version === 0 || isEnvelope(value);
    const backups = new BackupStore(fs, dataDir, options.clock, options.log, codec.kinds, isValid);
    const ctx: FolderContext = { fs, dataDir, clock: options.clock, log: options.log, codec, backups };
    const prepared = await prepareFolder(ctx, { willSeed: options.seed !== undefined });
    const notices: StoreNotice[] = [];
    if (lock.previousPid !== undefined) notices.push(noticeOf.lockTakenOver({ kind: 'lock-taken-over', previousPid: lock.previousPid, at: new Date(options.clock.now()).toISOString() }));
    notices.push(...prepared.notices);
    const seeding = options.seed !== undefined && (prepared.firstStart || prepared.meta.seeding === true);
    store = new FolderStore(ctx, lock, prepared.meta, prepared.firstStart || seeding, notices, options, await scanPartitions(fs, dataDir, codec.kinds));
    await store.recoverAll(prepared.migration?.quarantined ?? []);
    await store.reconcileJournals();
    // The seed is backed up as it completes: no background startup backup is needed then.
    const seeded = seeding && options.seed ? (await store.seed(options.seed, !prepared.firstStart), true) : false;
    if (Object.hasOwn(options.partitions, 'core')) await store.read('core');
    if (options.backupOnStart !== false && !seeded) store.startBackgroundBackup();
    return store;
  } catch (err) {
    store?.abandon();
    await releaseLock(fs, dataDir, lock, options.log).catch(() => undefined);
    throw err;
  }
}
