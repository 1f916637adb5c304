import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { parseOrThrow } from '../../../shared/api/validation';
import { ApiError } from '../../../shared/api/errors';
import { BackupStore } from './backups';
import { decodePartition, envelopeOf, makeCodec, partitionTypeOf } from './codec';
import { deepFreeze } from './deep-freeze';
import { checkChange, draftOf, FAIL, serialize } from './incremental';
import { CorruptFileError, DurableJsonFile, encodeEnvelope, removeFileDurably } from './durable-file';
import { acquireLock, defaultIsProcessAlive, releaseLock, type HeldLock } from './lock';
import { storeMessages } from './messages';
import { readMeta, writeMeta, type StoreMeta } from './meta';
import { checkMigrations } from './migration-runner';
import { migrateFolder, type FolderContext } from './migrate-folder';
import { prepareFolder, StoreVersionError } from './open-folder';
import { assertValidKey, partitionPath, scanPartitions } from './partition-key';
import { quarantineAndRecover } from './recovery';
import { defaultRetention } from './retention';
import { nodeStoreFs } from './store-fs';
import type { BackupInfo, BackupReason, Envelope, PartitionKey, PartitionType, RetentionPolicy, Store, StoreNotice, StoreOptions } from './types';
import { WriteQueue } from './write-queue';

export { StoreLockedError } from './lock';
export { StoreVersionError } from './open-folder';

type Partition = Low<Envelope<unknown>>;

const NOTHING_BUILT: ReadonlySet<object> = new Set();

/**
 * Opens (and locks) a data folder. Reads meta, finishes an interrupted restore or migration,
 * migrates an older folder (after a backup), loads `core`, and starts a 'startup' backup in
 * the background. Other partitions load on first use.
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
  try {
    const codec = makeCodec(options.partitions, options.migrations, options.schemaVersion);
    const backups = new BackupStore(fs, dataDir, options.clock, options.log, codec.kinds);
    const ctx: FolderContext = { fs, dataDir, clock: options.clock, log: options.log, codec, backups };
    const prepared = await prepareFolder(ctx);
    const notices: StoreNotice[] = [];
    if (lock.previousPid !== undefined) notices.push({ kind: 'lock-taken-over', previousPid: lock.previousPid, at: new Date(options.clock.now()).toISOString() });
    notices.push(...prepared.notices);
    const store = new FolderStore(ctx, lock, prepared.meta, prepared.firstStart, notices, options.retention ?? defaultRetention, await scanPartitions(fs, dataDir, codec.kinds));
    await store.recoverAll(prepared.migration?.quarantined ?? []);
    if (Object.hasOwn(options.partitions, 'core')) await store.read('core');
    if (options.backupOnStart !== false) store.startBackgroundBackup();
    return store;
  } catch (err) {
    await releaseLock(fs, dataDir, lock, options.log).catch(() => undefined);
    throw err;
  }
}

class FolderStore implements Store {
  readonly dataDir: string;
  readonly firstStart: boolean;
  private readonly ctx: FolderContext;
  private readonly lock: HeldLock;
  private meta: StoreMeta;
  private readonly retention: RetentionPolicy;
  private readonly noticeList: StoreNotice[];
  private readonly existing: Set<PartitionKey>;
  private readonly loaded = new Map<PartitionKey, Partition>();
  /** UTF-8 JSON of committed (frozen) data and its parts, so unchanged parts are not serialised again. */
  private readonly jsonCache = new WeakMap<object, Uint8Array>();
  /** Committed partition data that zod has accepted (read from disk or written): update() checks changes against it. */
  private readonly trusted = new WeakSet<object>();
  private readonly loading = new Map<PartitionKey, Promise<Partition>>();
  private readonly commitListeners = new Set<(keys: PartitionKey[]) => void>();
  private readonly noticeListeners = new Set<(notice: StoreNotice) => void>();
  private readonly queue = new WriteQueue();
  private readonly madeDirs = new Set<string>();
  /** Set while a restore swaps files: loads wait for it instead of reading half-replaced data. */
  private barrier: Promise<void> | null = null;
  private background: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | null = null;

  constructor(ctx: FolderContext, lock: HeldLock, meta: StoreMeta, firstStart: boolean, notices: StoreNotice[], retention: RetentionPolicy, keys: PartitionKey[]) {
    this.ctx = ctx;
    this.dataDir = ctx.dataDir;
    this.lock = lock;
    this.meta = meta;
    this.firstStart = firstStart;
    this.noticeList = notices;
    this.retention = retention;
    this.existing = new Set(keys);
  }

  notices(): StoreNotice[] {
    return [...this.noticeList];
  }

  onNotice(listener: (notice: StoreNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  onCommit(listener: (keys: PartitionKey[]) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  attachmentsDir(): string {
    return join(this.dataDir, 'attachments');
  }

  has(key: PartitionKey): boolean {
    return this.existing.has(key);
  }

  list(kind: string): PartitionKey[] {
    return [...this.existing].filter((key) => key === kind || key.startsWith(`${kind}/`)).sort();
  }

  async read<T>(key: PartitionKey): Promise<Readonly<T>> {
    this.assertOpen();
    this.typeOf(key);
    return (await this.load(key)).data.data as Readonly<T>;
  }

  async update<T, R>(key: PartitionKey, mutate: (draft: T) => R): Promise<R> {
    this.assertOpen();
    const type = this.typeOf(key);
    return this.queue.run(async () => {
      const partition = await this.load(key);
      const committed = partition.data.data;
      const draft = draftOf(committed) as T;
      const result = await mutate(draft);
      // Only what changed is re-checked against committed data zod has accepted; anything the
      // check cannot vouch for (or an empty partition never validated) is parsed whole, which
      // also gives the caller zod's message naming the field.
      const checked = this.trusted.has(committed as object) ? checkChange(type.schema, draft, committed) : FAIL;
      const data = checked === FAIL ? parseOrThrow(type.schema, draft, storeMessages.invalidData(key)) : checked.data;
      const fresh = new Map<object, Uint8Array>();
      const json = serialize(data, checked === FAIL ? NOTHING_BUILT : checked.built, this.jsonCache, fresh);
      const envelope = envelopeOf(this.ctx.codec, data, this.ctx.clock.now());
      await this.ensureDirFor(key);
      // Durable first; memory and listeners only once the bytes are on disk.
      await (partition.adapter as DurableJsonFile<Envelope<unknown>>).writeBytes(encodeEnvelope(envelope, json));
      partition.data = deepFreeze(envelope);
      for (const [node, text] of fresh) this.jsonCache.set(node, text);
      this.trust(data);
      this.existing.add(key);
      this.emitCommit([key]);
      return result as R;
    });
  }

  async remove(key: PartitionKey): Promise<void> {
    this.assertOpen();
    assertValidKey(key);
    return this.queue.run(async () => {
      await this.loading.get(key)?.catch(() => undefined);
      const removed = await removeFileDurably(this.ctx.fs, partitionPath(this.dataDir, key));
      this.loaded.delete(key);
      this.existing.delete(key);
      if (removed) this.emitCommit([key]);
    });
  }

  async backup(reason: BackupReason, label = ''): Promise<BackupInfo> {
    this.assertOpen();
    return this.queue.run(async () => {
      const info = await this.ctx.backups.create(reason, label, this.meta.schemaVersion);
      await this.prune();
      return info;
    });
  }

  listBackups(): Promise<BackupInfo[]> {
    return this.ctx.backups.list();
  }

  async restore(backupId: string): Promise<void> {
    this.assertOpen();
    return this.queue.run(async () => {
      const target = await this.ctx.backups.read(backupId);
      if (!target) throw new ApiError('not_found', storeMessages.backupNotFound(backupId));
      if (target.schemaVersion > this.ctx.codec.schemaVersion) {
        throw new ApiError('conflict', storeMessages.backupNewer(backupId, target.schemaVersion, this.ctx.codec.schemaVersion));
      }
      const safety = await this.ctx.backups.create('before-restore', `恢复备份 ${backupId} 之前`, this.meta.schemaVersion);
      const before = [...this.existing];
      const previousMeta = this.meta;
      let release!: () => void;
      this.barrier = new Promise<void>((r) => (release = r));
      try {
        await Promise.allSettled(this.loading.values());
        try {
          await this.replaceFrom(backupId, target.schemaVersion);
        } catch (err) {
          // Put back what was there (the 'before-restore' backup holds it); the pending marker
          // makes the next open finish this if the app stops on the way.
          this.ctx.log.error('restore failed; putting the previous data back', { backupId, error: String(err) });
          await this.replaceFrom(safety.id, previousMeta.schemaVersion).catch((again: unknown) =>
            this.ctx.log.error('putting the previous data back failed too', { error: String(again) }),
          );
          throw err;
        } finally {
          this.loaded.clear();
          this.existing.clear();
          for (const key of await scanPartitions(this.ctx.fs, this.dataDir, this.ctx.codec.kinds)) this.existing.add(key);
        }
      } finally {
        this.barrier = null;
        release();
      }
      this.ctx.log.info('restored from backup', { backupId, before: safety.id });
      this.emitCommit([...new Set([...before, ...this.existing])].sort());
      await this.prune();
    });
  }

  /** Makes the folder that backup's state, marked pending so an interruption is completed at next open. */
  private async replaceFrom(backupId: string, version: number): Promise<void> {
    await writeMeta(this.ctx.fs, this.dataDir, { ...this.meta, pendingRestore: { backupId, reason: 'restore' } });
    await this.ctx.backups.copyInto(backupId);
    this.meta = { schemaVersion: version, everHeldData: true, createdAt: this.meta.createdAt };
    await writeMeta(this.ctx.fs, this.dataDir, this.meta);
    if (this.meta.schemaVersion < this.ctx.codec.schemaVersion) {
      const outcome = await migrateFolder(this.ctx, this.meta);
      this.meta = outcome.meta;
      this.addNotice({ kind: 'migrated', from: outcome.from, to: outcome.to, backupId: outcome.backup.id, at: this.nowIso() });
      await this.recoverAll(outcome.quarantined);
    }
  }

  async exclusive<R>(task: () => Promise<R>): Promise<R> {
    this.assertOpen();
    return this.queue.run(async () => {
      await Promise.allSettled(this.loading.values());
      return task();
    });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.background.catch(() => undefined);
      await this.queue.idle();
      await Promise.allSettled(this.loading.values());
      await releaseLock(this.ctx.fs, this.dataDir, this.lock, this.ctx.log);
    })();
    return this.closing;
  }

  /** The 'startup' backup: queued, not awaited by open, awaited by close. */
  startBackgroundBackup(): void {
    if (this.existing.size === 0) return; // nothing to keep yet
    this.background = this.queue
      .run(async () => {
        await this.ctx.backups.create('startup', '', this.meta.schemaVersion);
        await this.prune();
      })
      .catch((err: unknown) => this.ctx.log.error('startup backup failed', { error: String(err) }));
  }

  /** Partitions a migration found unreadable (already quarantined): restore each from backups. */
  async recoverAll(quarantined: readonly { key: PartitionKey; quarantinedAs: string }[]): Promise<void> {
    for (const q of quarantined) {
      if (partitionTypeOf(this.ctx.codec, q.key)) await this.recover(q.key, 'unreadable during migration', q.quarantinedAs);
      else this.ctx.log.warn('unreadable file of a retired kind left in quarantine', { ...q });
    }
  }

  /** Quarantines a bad partition, restores it from the newest good backup (or starts it empty). */
  async recover(key: PartitionKey, why: string, quarantinedAs?: string): Promise<Partition> {
    const recovery = await quarantineAndRecover(this.ctx, key, why, quarantinedAs);
    this.addNotice(recovery.notice);
    if (recovery.data === null) {
      this.existing.delete(key);
      return this.install(key, this.typeOf(key).empty(key));
    }
    this.existing.add(key);
    return this.install(key, recovery.data, true);
  }

  private load(key: PartitionKey): Promise<Partition> {
    const ready = this.loaded.get(key);
    if (ready) return Promise.resolve(ready);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = (async () => {
        while (this.barrier) await this.barrier;
        return this.loadFromDisk(key);
      })().finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async loadFromDisk(key: PartitionKey): Promise<Partition> {
    const adapter = new DurableJsonFile<Envelope<unknown>>(partitionPath(this.dataDir, key), this.ctx.fs);
    let raw: unknown;
    try {
      raw = await adapter.readRaw();
    } catch (err) {
      if (err instanceof CorruptFileError) return this.recover(key, err.message);
      throw err;
    }
    if (raw === null) {
      this.existing.delete(key);
      return this.install(key, this.typeOf(key).empty(key));
    }
    const decoded = decodePartition(this.ctx.codec, key, raw, this.meta.schemaVersion);
    if (!decoded.ok) return this.recover(key, decoded.reason);
    this.existing.add(key);
    return this.install(key, decoded.data, true);
  }

  /** `validated`: the data came out of the schema (a partition's `empty()` need not). */
  private install(key: PartitionKey, data: unknown, validated = false): Partition {
    const adapter = new DurableJsonFile<Envelope<unknown>>(partitionPath(this.dataDir, key), this.ctx.fs);
    // Low holds the committed state; its own read()/write() are not used because they would
    // put unvalidated data in memory or change memory before the bytes are durable.
    const partition = new Low<Envelope<unknown>>(adapter, deepFreeze(envelopeOf(this.ctx.codec, data, this.ctx.clock.now())));
    this.loaded.set(key, partition);
    if (validated) this.trust(data);
    return partition;
  }

  private trust(data: unknown): void {
    if (data !== null && typeof data === 'object') this.trusted.add(data);
  }

  private typeOf(key: PartitionKey): PartitionType<unknown> {
    const { kind } = assertValidKey(key);
    const type = partitionTypeOf(this.ctx.codec, key);
    if (!type) throw new ApiError('invalid_args', storeMessages.unknownKind(key, kind));
    return type;
  }

  /** The kind's folder is created once; its new directory entry is made durable too. */
  private async ensureDirFor(key: PartitionKey): Promise<void> {
    const dir = dirname(partitionPath(this.dataDir, key));
    if (dir === this.dataDir || this.madeDirs.has(dir)) return;
    await this.ctx.fs.mkdir(dir, { recursive: true });
    await this.ctx.fs.syncDir(this.dataDir);
    this.madeDirs.add(dir);
  }

  private async prune(): Promise<void> {
    try {
      await this.ctx.backups.prune(this.retention);
    } catch (err) {
      this.ctx.log.error('deleting old backups failed', { error: String(err) });
    }
  }

  private emitCommit(keys: PartitionKey[]): void {
    for (const listener of this.commitListeners) {
      try {
        listener(keys);
      } catch (err) {
        this.ctx.log.error('commit listener threw', { error: String(err) });
      }
    }
  }

  private addNotice(notice: StoreNotice): void {
    this.noticeList.push(notice);
    for (const listener of this.noticeListeners) {
      try {
        listener(notice);
      } catch (err) {
        this.ctx.log.error('notice listener threw', { error: String(err) });
      }
    }
  }

  private nowIso(): string {
    return new Date(this.ctx.clock.now()).toISOString();
  }

  private assertOpen(): void {
    if (this.closing) throw new ApiError('unavailable', storeMessages.closed);
  }
}
