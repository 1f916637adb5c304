import { join } from 'node:path';
import { Low } from 'lowdb';
import { parseOrThrow } from '../../../shared/api/validation';
import { ApiError } from '../../../shared/api/errors';
import { infoOf } from './backups';
import { decodeDataFile, envelopeOf, partitionTypeOf } from './codec';
import { deepFreeze } from './deep-freeze';
import { checkChange, draftOf, FAIL, serialize } from './incremental';
import { ABSENT, CorruptFileError, DurableJsonFile, encodeEnvelope, removeFileDurably } from './durable-file';
import { journalPath, removeJournal } from './journal';
import { notices as noticeOf } from './notices';
import { releaseLock, type HeldLock } from './lock';
import { partitionLabel, storeMessages } from './messages';
import { writeMeta, type StoreMeta } from './meta';
import { migrateFolder, type FolderContext } from './migrate-folder';
import { assertValidKey, partitionPath, scanPartitions } from './partition-key';
import { applyPendingChange, clearPendingChange, ensureKindDir, writePendingChange, type PendingChange } from './pending-change';
import { pathExists } from './quarantine';
import { quarantineAndRecover } from './recovery';
import { defaultRetention } from './retention';
import type { BackupInfo, BackupReason, Envelope, PartitionKey, PartitionType, RetentionPolicy, Store, StoreNotice, StoreOptions, StoreTransaction } from './types';
import { WriteQueue } from './write-queue';
import { BackupSchedule } from './backup-schedule';
import { reconcileJournals } from './journal-reconcile';
import { JOURNAL_RESTART_BYTES, MeetingJournals, type LoadedPartition } from './meeting-journals';

export { StoreLockedError } from './lock';
export { PartitionVersionError, StoreVersionError } from './open-folder';

type Partition = LoadedPartition;

const NOTHING_BUILT: ReadonlySet<object> = new Set();
/** The store of one open data folder (opened by `openStore`, open-store.ts). */
export class FolderStore implements Store {
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
  /** The journals of meetings being held (every acknowledged change a durable line; the file follows). */
  private readonly journals: MeetingJournals;
  /** Partitions the migration at open found bad and quarantined, where a journal will replace them. */
  private readonly quarantinedAtOpen = new Map<PartitionKey, string>();
  /** The startup and periodic backups. */
  private readonly schedule: BackupSchedule;
  /** The first start's data is being written: it is backed up once, as a whole, when complete. */
  private seeding = false;
  /** Set while a restore swaps files: loads wait for it instead of reading half-replaced data. */
  private barrier: Promise<void> | null = null;
  private closing: Promise<void> | null = null;
  /**
   * A change of several partitions whose record is durable but whose files could not all be
   * written (a disk error): memory already holds it; every later write finishes it first.
   */
  private pending: PendingChange | null = null;

  constructor(ctx: FolderContext, lock: HeldLock, meta: StoreMeta, firstStart: boolean, notices: StoreNotice[], options: StoreOptions, keys: PartitionKey[]) {
    this.ctx = ctx;
    this.dataDir = ctx.dataDir;
    this.lock = lock;
    this.meta = meta;
    this.firstStart = firstStart;
    this.noticeList = notices;
    this.retention = options.retention ?? defaultRetention;
    this.schedule = new BackupSchedule(
      { clock: ctx.clock, log: ctx.log, inQueue: (task) => this.queue.run(task), takeBackup: (reason, label) => this.takeBackup(reason, label) },
      options.backupEveryMs,
    );
    this.existing = new Set(keys);
    this.journals = new MeetingJournals({
      ctx,
      loaded: (key) => this.loaded.get(key),
      exists: (key) => this.existing.has(key),
      writePartition: (adapter, bytes) => this.writePartition(adapter, bytes),
      committedJson: (data) => this.committedJson(data),
      takeBackup: (reason, label) => this.takeBackup(reason, label),
      addNotice: (notice) => this.addNotice(notice),
      nowIso: () => this.nowIso(),
    });
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
      if (this.pending) await this.finishPending();
      const partition = await this.load(key);
      const committed = partition.data.data;
      const draft = draftOf(committed) as T;
      const result = await mutate(draft);
      const { data, json, fresh } = this.checkAndSerialize(key, type, committed, draft);
      const envelope = envelopeOf(this.ctx.codec, data, this.ctx.clock.now());
      const journaled = type.journal?.(data) ?? null;
      const journal = this.journals.get(key);
      const created = !this.existing.has(key);
      const adapter = partition.adapter as DurableJsonFile<Envelope<unknown>>;
      // A healthy journal: the change is durable once its line is (fdatasync); the partition file
      // follows right after the caller hears of it (catchUp), beside the queue: off the path to the hall.
      const lineOnly = journaled !== null && journal !== undefined && !journal.fresh && journal.bytes <= JOURNAL_RESTART_BYTES;
      let followed = false;
      if (lineOnly) {
        journal.label = journaled.label;
        followed = await this.journals.append(key, journal, json, envelope.savedAt);
        // The line could not be written: the change is saved in the partition file instead.
        if (!followed) await this.writePartition(adapter, encodeEnvelope(envelope, json));
      } else {
        // A follow-up write of this file still on its way lands first, never after this one.
        if (journal) await this.journals.settle(key);
        // The journal holds every change since the newest backup: one is taken as it starts.
        if (journaled && !journal) await this.journals.ensureBackupHolds(key, journaled.label);
        await this.ensureDirFor(key);
        // Durable first; memory and listeners only once the bytes are on disk.
        await this.writePartition(adapter, encodeEnvelope(envelope, json));
      }
      partition.data = deepFreeze(envelope);
      for (const [node, text] of fresh) this.jsonCache.set(node, text);
      this.trust(data);
      this.existing.add(key);
      // Then the journal (started or written afresh), before the caller hears of the change.
      if (!lineOnly) {
        if (journaled) await this.journals.record(key, journaled.label, json, envelope.savedAt);
        else if (journal) await this.journals.fold(key, journal);
      }
      if (followed) this.journals.follow(key, journal!);
      // A new partition has no copy in any backup yet: one is taken before the caller hears of it.
      if (created && !this.seeding) await this.backupNewPartition(partitionLabel(key));
      this.emitCommit([key]);
      this.schedule.changed();
      return result as R;
    });
  }

  async transact<R>(label: string, work: (tx: StoreTransaction) => R | Promise<R>): Promise<R> {
    this.assertOpen();
    return this.queue.run(async () => {
      if (this.pending) await this.finishPending();
      const drafts = new Map<PartitionKey, { partition: Partition; draft: unknown }>();
      const removed = new Set<PartitionKey>();
      let open = true;
      const tx: StoreTransaction = {
        draft: async <T>(key: PartitionKey): Promise<T> => {
          if (!open) throw new Error('store transaction already finished');
          this.typeOf(key);
          removed.delete(key);
          let held = drafts.get(key);
          if (!held) {
            const partition = await this.load(key);
            held = { partition, draft: draftOf(partition.data.data) };
            drafts.set(key, held);
          }
          return held.draft as T;
        },
        remove: (key: PartitionKey): void => {
          if (!open) throw new Error('store transaction already finished');
          this.typeOf(key);
          drafts.delete(key);
          removed.add(key);
        },
      };
      let result: R;
      try {
        result = await work(tx);
      } finally {
        open = false;
      }
      // Every partition is checked and serialised before anything is written.
      const nowMs = this.ctx.clock.now();
      const writes: TransactionWrite[] = [];
      for (const [key, { partition, draft }] of drafts) {
        const type = this.typeOf(key);
        const committed = partition.data.data;
        const { data, json, fresh } = this.checkAndSerialize(key, type, committed, draft);
        const created = !this.existing.has(key);
        // Unchanged: the same committed data back, or the same bytes.
        if (!created && (data === committed || Buffer.from(json).equals(Buffer.from(this.committedJson(committed))))) continue;
        const envelope = envelopeOf(this.ctx.codec, data, nowMs);
        writes.push({ key, partition, data, json, fresh, envelope, created, journaled: type.journal?.(data) ?? null });
      }
      const removes = [...removed].filter((key) => this.existing.has(key) || this.journals.has(key));
      if (writes.length === 0 && removes.length === 0) return result;
      // A journal holds every change since the newest backup: one is taken before a journal starts.
      for (const w of writes) if (w.journaled && !this.journals.has(w.key)) await this.journals.ensureBackupHolds(w.key, w.journaled.label);
      const savedAt = new Date(nowMs).toISOString();
      const change: PendingChange = {
        schemaVersion: this.ctx.codec.schemaVersion,
        savedAt,
        label,
        writes: writes.map((w) => ({ key: w.key, bytes: encodeEnvelope(w.envelope, w.json) })),
        removes,
      };
      // Follow-up writes of these files still on their way land first, never after the change's.
      for (const key of [...writes.map((w) => w.key), ...removes]) await this.journals.settle(key);
      // Committed once the record is durable; if writing it fails, nothing has changed.
      await writePendingChange(this.ctx.fs, this.dataDir, change);
      let applied = true;
      try {
        await applyPendingChange(this.ctx.fs, this.dataDir, change, this.madeDirs);
        await clearPendingChange(this.ctx.fs, this.dataDir);
      } catch (err) {
        // The record holds the whole change: memory takes it now, the files follow with the next
        // write (finishPending) or the next start.
        applied = false;
        this.pending = change;
        this.ctx.log.error('writing the partitions of a change failed; its record keeps it and the next write finishes it', { label, error: String(err) });
      }
      for (const w of writes) {
        w.partition.data = deepFreeze(w.envelope);
        for (const [node, text] of w.fresh) this.jsonCache.set(node, text);
        this.trust(w.data);
        this.existing.add(w.key);
        this.ctx.backups.changed(partitionPath(this.dataDir, w.key));
      }
      for (const key of removes) {
        this.journals.forget(key);
        this.loaded.delete(key);
        this.existing.delete(key);
        this.ctx.backups.changed(partitionPath(this.dataDir, key));
      }
      if (applied) {
        for (const w of writes) {
          const journal = this.journals.get(w.key);
          if (w.journaled) await this.journals.record(w.key, w.journaled.label, w.json, savedAt);
          else if (journal) await this.journals.fold(w.key, journal);
        }
        const created = writes.filter((w) => w.created).map((w) => partitionLabel(w.key));
        if (created.length > 0 && !this.seeding) await this.backupNewPartition(created.join('、'));
      } else {
        // Each journal is written afresh by the next change (the file it follows is being replaced).
        for (const w of writes) this.journals.markFresh(w.key);
      }
      this.emitCommit([...writes.map((w) => w.key), ...removes].sort());
      this.schedule.changed();
      return result;
    });
  }

  /** The files of a change whose record is durable, written now (before any other write). */
  private async finishPending(): Promise<void> {
    const change = this.pending;
    if (!change) return;
    await applyPendingChange(this.ctx.fs, this.dataDir, change, this.madeDirs);
    await clearPendingChange(this.ctx.fs, this.dataDir);
    this.pending = null;
    this.ctx.log.info('the partitions of an earlier change are now written', { label: change.label });
  }

  /**
   * A changed draft, validated and serialised. Only what changed is re-checked against committed
   * data zod has accepted; anything the check cannot vouch for (or an empty partition never
   * validated) is parsed whole, which also gives the caller zod's message naming the field.
   */
  private checkAndSerialize(key: PartitionKey, type: PartitionType<unknown>, committed: unknown, draft: unknown): { data: unknown; json: Uint8Array; fresh: Map<object, Uint8Array> } {
    const checked = this.trusted.has(committed as object) ? checkChange(type.schema, draft, committed) : FAIL;
    const data = checked === FAIL ? parseOrThrow(type.schema, draft, storeMessages.invalidData(key)) : checked.data;
    const fresh = new Map<object, Uint8Array>();
    const json = serialize(data, checked === FAIL ? NOTHING_BUILT : checked.built, this.jsonCache, fresh);
    return { data, json, fresh };
  }

  private async writePartition(adapter: DurableJsonFile<Envelope<unknown>>, bytes: Uint8Array): Promise<void> {
    await adapter.writeBytes(bytes);
    this.ctx.backups.changed(adapter.path);
  }

  /**
   * The backup of a new partition's first write. Cheap: files unchanged since the last backup
   * are not hashed again and share their blobs, so it costs the new file's blob, a stat of each
   * file and a manifest. If it fails the change stays saved (it is in its file) and the next
   * change retries it soon, as a periodic backup.
   */
  private async backupNewPartition(label: string): Promise<void> {
    try {
      await this.takeBackup('new-partition', label);
    } catch (err) {
      this.schedule.failed();
      this.ctx.log.error('backing up a new partition failed; the change is saved and the backup is retried', { label, error: String(err) });
    }
  }

  async remove(key: PartitionKey): Promise<void> {
    this.assertOpen();
    assertValidKey(key);
    return this.queue.run(async () => {
      if (this.pending) await this.finishPending();
      await this.journals.settle(key);
      await this.loading.get(key)?.catch(() => undefined);
      // The journal goes first: a journal without its partition would bring the partition back.
      this.journals.forget(key);
      await removeJournal(this.ctx.fs, journalPath(this.dataDir, key));
      const removed = await removeFileDurably(this.ctx.fs, partitionPath(this.dataDir, key));
      this.ctx.backups.changed(partitionPath(this.dataDir, key));
      this.loaded.delete(key);
      this.existing.delete(key);
      if (removed) {
        this.emitCommit([key]);
        this.schedule.changed();
      }
    });
  }

  async backup(reason: BackupReason, label = ''): Promise<BackupInfo> {
    this.assertOpen();
    return this.queue.run(() => this.takeBackup(reason, label));
  }

  async listBackups(): Promise<BackupInfo[]> {
    return (await this.ctx.backups.list()).map(infoOf);
  }

  /**
   * In the write queue: a backup of the whole folder, then the journals start again from it
   * (they only need the changes since the newest backup), then the retention rule.
   */
  private async takeBackup(reason: BackupReason, label: string): Promise<BackupInfo> {
    // A backup copies the files: a change of several partitions is wholly in them first.
    if (this.pending) await this.finishPending();
    // A backup copies the files: each partition file holds its journal's last line first.
    await this.journals.catchUpAll();
    const info = await this.ctx.backups.create(reason, label, this.meta.schemaVersion);
    this.schedule.taken();
    await this.journals.restartAll();
    await this.prune();
    return infoOf(info);
  }

  async restore(backupId: string): Promise<void> {
    this.assertOpen();
    return this.queue.run(async () => {
      if (this.pending) await this.finishPending();
      const target = await this.ctx.backups.read(backupId);
      if (!target) throw new ApiError('not_found', storeMessages.backupNotFound(backupId));
      if (target.schemaVersion > this.ctx.codec.schemaVersion) {
        throw new ApiError('conflict', storeMessages.backupNewer(backupId, target.schemaVersion, this.ctx.codec.schemaVersion));
      }
      // The safety backup copies files: each meeting file holds its journal's last line first.
      await this.journals.catchUpAll();
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
      this.addNotice(noticeOf.restored({ kind: 'restored', backupId, backupAt: target.createdAt, safetyBackupId: safety.id, at: this.nowIso() }, this.ctx.clock.now()));
      await this.journals.resync(async (key) => this.existing.has(key) && Boolean(this.typeOf(key).journal?.((await this.load(key)).data.data)));
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
      this.addNotice(noticeOf.migrated({ kind: 'migrated', from: outcome.from, to: outcome.to, backupId: outcome.backup.id, at: this.nowIso() }));
      await this.recoverAll(outcome.quarantined);
    }
  }

  async exclusive<R>(task: () => Promise<R>): Promise<R> {
    this.assertOpen();
    return this.queue.run(async () => {
      if (this.pending) await this.finishPending();
      await Promise.allSettled(this.loading.values());
      // A task that copies or reads the folder's files finds each meeting file holding its journal.
      await this.journals.catchUpAll();
      return task();
    });
  }

  /** Opening failed half-way: no periodic backup may follow. */
  abandon(): void {
    this.schedule.cancel();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.schedule.stop();
      // Each meeting file holds its journal's last line before the folder is let go.
      await this.queue.run(() => this.journals.catchUpAll()).catch(() => undefined);
      await this.queue.idle();
      // Left in its record if this fails too: the next start finishes it.
      if (this.pending) await this.finishPending().catch((err: unknown) => this.ctx.log.error('the partitions of a change are still not written; the next start finishes them', { error: String(err) }));
      await Promise.allSettled(this.loading.values());
      await releaseLock(this.ctx.fs, this.dataDir, this.lock, this.ctx.log);
    })();
    return this.closing;
  }

  /** The 'startup' backup: queued, not awaited by open, awaited by close. */
  startBackgroundBackup(): void {
    if (this.existing.size === 0) return; // nothing to keep yet
    this.schedule.startup();
  }

  /** The first start's data (the demo county), written under a marker so an interruption is completed next time. */
  async seed(entries: NonNullable<StoreOptions['seed']>, resumed: boolean): Promise<void> {
    if (resumed) {
      this.ctx.log.warn('the first start was stopped while writing its initial data; writing it again');
      this.addNotice(noticeOf.firstStartResumed({ kind: 'first-start-resumed', at: this.nowIso() }));
    }
    if (!this.meta.seeding) {
      this.meta = { ...this.meta, seeding: true };
      await writeMeta(this.ctx.fs, this.dataDir, this.meta);
    }
    const wanted = entries();
    const keys = new Set(wanted.map((e) => e.key));
    this.seeding = true;
    try {
      for (const key of Array.from(this.existing)) if (!keys.has(key)) await this.remove(key);
      for (const { key, data } of wanted) {
        await this.update<Record<string, unknown>, void>(key, (draft) => {
          for (const k of Object.keys(draft)) delete draft[k];
          Object.assign(draft, structuredClone(data));
        });
      }
    } finally {
      this.seeding = false;
    }
    // Backed up before the marker goes: a start stopped in between writes the seed again.
    await this.queue.run(() => this.takeBackup('startup', '首次启动的初始数据'));
    const { seeding: _done, ...rest } = this.meta;
    this.meta = rest;
    await writeMeta(this.ctx.fs, this.dataDir, this.meta);
    this.ctx.log.info(resumed ? 'initial data completed' : 'initial data written', { partitions: wanted.length });
  }

  /** Partitions a migration found unreadable (already quarantined): restore each from backups. */
  async recoverAll(quarantined: readonly { key: PartitionKey; quarantinedAs: string }[]): Promise<void> {
    for (const q of quarantined) {
      // A partition with a journal is left to reconcileJournals: the journal is newer than any backup.
      if (await pathExists(this.ctx.fs, journalPath(this.dataDir, q.key))) this.quarantinedAtOpen.set(q.key, q.quarantinedAs);
      else if (partitionTypeOf(this.ctx.codec, q.key)) await this.recover(q.key, 'unreadable during migration', q.quarantinedAs);
      else {
        // Its data could not be carried into the kinds that replace it: missing now, and said so.
        this.ctx.log.error('unreadable file of a retired kind left in quarantine', { ...q });
        const file = partitionPath(this.dataDir, q.key);
        this.addNotice(noticeOf.startedEmpty({ kind: 'started-empty', key: q.key, file, quarantinedAs: q.quarantinedAs, at: this.nowIso() }));
      }
    }
  }

  /** Quarantines a bad partition, restores it from the newest good backup (or starts it empty). */
  async recover(key: PartitionKey, why: string, quarantinedAs?: string): Promise<Partition> {
    const recovery = await quarantineAndRecover(this.ctx, key, why, quarantinedAs);
    this.ctx.backups.changed(partitionPath(this.dataDir, key));
    this.addNotice(recovery.notice);
    let partition: Partition;
    if (recovery.data === null) {
      this.existing.delete(key);
      partition = this.install(key, this.typeOf(key).empty(key));
    } else {
      this.existing.add(key);
      partition = this.install(key, recovery.data, true, recovery.savedAt);
    }
    // The file changed on disk (restored, or moved to quarantine): screens open now refresh,
    // the notice banner among them.
    this.emitCommit([key]);
    return partition;
  }

  private committedJson(data: unknown): Uint8Array {
    return serialize(data, NOTHING_BUILT, this.jsonCache, new Map());
  }

  /** At open: each journal found is reconciled with its partition file (journal-reconcile.ts). */
  reconcileJournals(): Promise<void> {
    return reconcileJournals({
      ctx: this.ctx,
      folderVersion: this.meta.schemaVersion,
      journals: this.journals,
      quarantinedAtOpen: (key) => this.quarantinedAtOpen.get(key),
      adopt: (key, data, savedAt) => {
        this.existing.add(key);
        this.install(key, data, true, savedAt);
      },
      recover: async (key, why, quarantinedAs) => {
        const partition = await this.recover(key, why, quarantinedAs);
        return this.existing.has(key) ? partition.data.data : null;
      },
      ensureDirFor: (key) => this.ensureDirFor(key),
      committedJson: (data) => this.committedJson(data),
      takeBackup: (reason, label) => this.takeBackup(reason, label),
      addNotice: (notice) => this.addNotice(notice),
      nowIso: () => this.nowIso(),
    });
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
    // Only an absent file is absent; JSON null, a list, a number or a string is a bad file.
    if (raw === ABSENT) {
      this.existing.delete(key);
      return this.install(key, this.typeOf(key).empty(key));
    }
    const decoded = decodeDataFile(this.ctx.codec, key, raw, this.meta.schemaVersion, adapter.path);
    if (!decoded.ok) return this.recover(key, decoded.reason);
    this.existing.add(key);
    return this.install(key, decoded.data, true, decoded.savedAt);
  }

  /**
   * `validated`: the data came out of the schema (a partition's `empty()` need not). `savedAt`:
   * the file's own, kept so a journal started from this state carries the time the file does.
   */
  private install(key: PartitionKey, data: unknown, validated = false, savedAt?: string): Partition {
    const adapter = new DurableJsonFile<Envelope<unknown>>(partitionPath(this.dataDir, key), this.ctx.fs);
    // Low holds the committed state; its own read()/write() are not used because they would
    // put unvalidated data in memory or change memory before the bytes are durable.
    const envelope = envelopeOf(this.ctx.codec, data, this.ctx.clock.now());
    if (savedAt !== undefined) envelope.savedAt = savedAt;
    const partition = new Low<Envelope<unknown>>(adapter, deepFreeze(envelope));
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
  private ensureDirFor(key: PartitionKey): Promise<void> {
    return ensureKindDir(this.ctx.fs, this.dataDir, key, this.madeDirs);
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

/** One partition of a `transact` change, checked and serialised before anything is written. */
interface TransactionWrite {
  key: PartitionKey;
  partition: Partition;
  data: unknown;
  json: Uint8Array;
  /** Serialised parts to cache once committed. */
  fresh: Map<object, Uint8Array>;
  envelope: Envelope<unknown>;
  created: boolean;
  journaled: { label: string } | null;
}
