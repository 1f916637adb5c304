import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { parseOrThrow } from '../../../shared/api/validation';
import { ApiError } from '../../../shared/api/errors';
import { BackupStore, entryPathOf, infoOf, sha256 } from './backups';
import { decodePartition, envelopeOf, isEnvelope, makeCodec, partitionTypeOf } from './codec';
import { deepFreeze } from './deep-freeze';
import { checkChange, draftOf, FAIL, serialize } from './incremental';
import { ABSENT, CorruptFileError, DurableJsonFile, encodeEnvelope, parseJsonBytes, removeFileDurably, writeFileDurably } from './durable-file';
import { appendJournal, journalLine, journalPath, journalStanding, parseJournal, removeJournal, scanJournals, startJournal } from './journal';
import { dataMessages, notices as noticeOf } from './notices';
import { acquireLock, defaultIsProcessAlive, releaseLock, type HeldLock } from './lock';
import { partitionLabel, storeMessages } from './messages';
import { readMeta, writeMeta, type StoreMeta } from './meta';
import { checkMigrations } from './migration-runner';
import { migrateFolder, type FolderContext } from './migrate-folder';
import { PartitionVersionError, prepareFolder, StoreVersionError } from './open-folder';
import { assertValidKey, partitionPath, scanPartitions } from './partition-key';
import { applyPendingChange, clearPendingChange, ensureKindDir, writePendingChange, type PendingChange } from './pending-change';
import { pathExists, quarantineFile } from './quarantine';
import { quarantineAndRecover } from './recovery';
import { defaultRetention } from './retention';
import { nodeStoreFs } from './store-fs';
import type { BackupInfo, BackupReason, Envelope, PartitionKey, PartitionType, RetentionPolicy, Store, StoreNotice, StoreOptions, StoreTransaction } from './types';
import { WriteQueue } from './write-queue';

export { StoreLockedError } from './lock';
export { PartitionVersionError, StoreVersionError } from './open-folder';

type Partition = Low<Envelope<unknown>>;

const NOTHING_BUILT: ReadonlySet<object> = new Set();
const TEN_MINUTES = 10 * 60_000;
/** A journal grown past this is started again from the partition's current state (one line). */
const JOURNAL_RESTART_BYTES = 16 * 1024 * 1024;

interface ActiveJournal {
  path: string;
  /** Number of the last line written. */
  seq: number;
  bytes: number;
  /** Names the 'meeting-end' backup taken when the journal is folded in. */
  label: string;
  /** The next change writes the journal afresh instead of appending (a new journal, or after a failure). */
  fresh: boolean;
  /** Writing it failed and has not succeeded since (the office was told once). */
  failing: boolean;
  /**
   * The newest line whose state the partition file holds (-1: none). While the journal is
   * healthy a change is acknowledged once its line is durable; the file follows right after
   * (`followFile`), beside the write queue, so it lags by the lines of at most two such writes.
   */
  fileSeq: number;
  /** A follow-up write of the partition file is waiting its turn (it takes the newest state when it starts). */
  catchUpQueued: boolean;
  /**
   * The partition file's writes that follow the journal, one after another and outside the
   * write queue, so the next draw or sheet never waits behind one. Never rejects. Everything in
   * the queue that writes, copies, removes or restarts this partition's file or journal first
   * waits for it (`settleFile`).
   */
  fileWrites: Promise<void>;
  /** Counts the times the journal was written afresh (its lines numbered from 0 again). */
  epoch: number;
}

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
  private readonly journals = new Map<PartitionKey, ActiveJournal>();
  /** Partitions the migration at open found bad and quarantined, where a journal will replace them. */
  private readonly quarantinedAtOpen = new Map<PartitionKey, string>();
  private backupEveryMs: number;
  private lastBackupMs: number;
  /** Changes were committed since the last backup. */
  private dirty = false;
  /** The first start's data is being written: it is backed up once, as a whole, when complete. */
  private seeding = false;
  private periodicQueued = false;
  private periodicTimer: ReturnType<typeof setTimeout> | null = null;
  /** Set while a restore swaps files: loads wait for it instead of reading half-replaced data. */
  private barrier: Promise<void> | null = null;
  private background: Promise<unknown> = Promise.resolve();
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
    this.backupEveryMs = options.backupEveryMs ?? TEN_MINUTES;
    // Counted from the start: the startup backup (or the newest one) stands for the state opened.
    this.lastBackupMs = ctx.clock.now();
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
        followed = await this.appendChange(key, journal, json, envelope.savedAt);
        // The line could not be written: the change is saved in the partition file instead.
        if (!followed) await this.writePartition(adapter, encodeEnvelope(envelope, json));
      } else {
        // A follow-up write of this file still on its way lands first, never after this one.
        if (journal) await this.settleFile(key);
        // The journal holds every change since the newest backup: one is taken as it starts.
        if (journaled && !journal) await this.ensureBackupHolds(key, journaled.label);
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
        if (journaled) await this.journalChange(key, journaled.label, json, envelope.savedAt);
        else if (journal) await this.foldJournal(key, journal);
      }
      if (followed) this.queueCatchUp(key, journal!);
      // A new partition has no copy in any backup yet: one is taken before the caller hears of it.
      if (created && !this.seeding) await this.backupNewPartition(partitionLabel(key));
      this.emitCommit([key]);
      this.noteChange();
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
      for (const w of writes) if (w.journaled && !this.journals.has(w.key)) await this.ensureBackupHolds(w.key, w.journaled.label);
      const savedAt = new Date(nowMs).toISOString();
      const change: PendingChange = {
        schemaVersion: this.ctx.codec.schemaVersion,
        savedAt,
        label,
        writes: writes.map((w) => ({ key: w.key, bytes: encodeEnvelope(w.envelope, w.json) })),
        removes,
      };
      // Follow-up writes of these files still on their way land first, never after the change's.
      for (const key of [...writes.map((w) => w.key), ...removes]) await this.settleFile(key);
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
        this.journals.delete(key);
        this.loaded.delete(key);
        this.existing.delete(key);
        this.ctx.backups.changed(partitionPath(this.dataDir, key));
      }
      if (applied) {
        for (const w of writes) {
          const journal = this.journals.get(w.key);
          if (w.journaled) await this.journalChange(w.key, w.journaled.label, w.json, savedAt);
          else if (journal) await this.foldJournal(w.key, journal);
        }
        const created = writes.filter((w) => w.created).map((w) => partitionLabel(w.key));
        if (created.length > 0 && !this.seeding) await this.backupNewPartition(created.join('、'));
      } else {
        // Each journal is written afresh by the next change (the file it follows is being replaced).
        for (const w of writes) {
          const journal = this.journals.get(w.key);
          if (journal) journal.fresh = true;
        }
      }
      this.emitCommit([...writes.map((w) => w.key), ...removes].sort());
      this.noteChange();
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
   * Appends a change's line to a healthy journal; true once it is durable. On failure the line
   * may be half-written: false, and the journal is written afresh with the next change.
   */
  private async appendChange(key: PartitionKey, journal: ActiveJournal, json: Uint8Array, savedAt: string): Promise<boolean> {
    try {
      const line = journalLine(journal.seq + 1, this.ctx.codec.schemaVersion, savedAt, json, journal.fileSeq);
      await appendJournal(this.ctx.fs, journal.path, line);
      journal.seq++;
      journal.bytes += line.length;
      return true;
    } catch (err) {
      this.journalFailed(key, journal, err);
      return false;
    }
  }

  /**
   * After an acknowledged line: the partition file follows at once, beside the write queue (the
   * newest state when the write starts; one write for a burst). Its data is frozen, so no later
   * change can alter what is being written.
   */
  private queueCatchUp(key: PartitionKey, journal: ActiveJournal): void {
    if (journal.catchUpQueued) return;
    journal.catchUpQueued = true;
    journal.fileWrites = journal.fileWrites.then(async () => {
      journal.catchUpQueued = false;
      await this.catchUp(key, journal);
    });
  }

  /** In the queue, before anything else touches this partition's file or journal: the follow-up writes are done. */
  private async settleFile(key: PartitionKey): Promise<void> {
    await this.journals.get(key)?.fileWrites;
  }

  /** Every partition file holds its journal's last line (a backup or a copy of the folder follows). */
  private async catchUpAll(): Promise<void> {
    for (const [key, journal] of this.journals) {
      journal.fileWrites = journal.fileWrites.then(() => this.catchUp(key, journal).then(() => undefined));
      await journal.fileWrites;
    }
  }

  /**
   * Writes the partition file with the state of the journal's last line, if it is behind. If this
   * fails the journal still holds every change (the next change or backup tries again).
   */
  private async catchUp(key: PartitionKey, journal: ActiveJournal): Promise<boolean> {
    if (this.journals.get(key) !== journal || journal.fresh || journal.fileSeq === journal.seq) return true;
    const partition = this.loaded.get(key);
    if (!partition) return false;
    try {
      // The line and the state are taken together: changes acknowledged meanwhile follow next time.
      const seq = journal.seq;
      const epoch = journal.epoch;
      const envelope = partition.data;
      await this.writePartition(partition.adapter as DurableJsonFile<Envelope<unknown>>, encodeEnvelope(envelope, this.committedJson(envelope.data)));
      // Unless the journal was started again meanwhile (then its own numbering says what the file holds).
      if (this.journals.get(key) === journal && journal.epoch === epoch) journal.fileSeq = Math.max(journal.fileSeq, seq);
      return true;
    } catch (err) {
      this.ctx.log.error('writing the meeting file after its journal failed; the journal holds the changes', { key, error: String(err) });
      return false;
    }
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
      this.lastBackupMs = Number.NEGATIVE_INFINITY;
      this.ctx.log.error('backing up a new partition failed; the change is saved and the backup is retried', { label, error: String(err) });
    }
  }

  async remove(key: PartitionKey): Promise<void> {
    this.assertOpen();
    assertValidKey(key);
    return this.queue.run(async () => {
      if (this.pending) await this.finishPending();
      await this.settleFile(key);
      await this.loading.get(key)?.catch(() => undefined);
      // The journal goes first: a journal without its partition would bring the partition back.
      this.journals.delete(key);
      await removeJournal(this.ctx.fs, journalPath(this.dataDir, key));
      const removed = await removeFileDurably(this.ctx.fs, partitionPath(this.dataDir, key));
      this.ctx.backups.changed(partitionPath(this.dataDir, key));
      this.loaded.delete(key);
      this.existing.delete(key);
      if (removed) {
        this.emitCommit([key]);
        this.noteChange();
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
    await this.catchUpAll();
    const info = await this.ctx.backups.create(reason, label, this.meta.schemaVersion);
    this.lastBackupMs = this.ctx.clock.now();
    this.dirty = false;
    for (const [key, journal] of this.journals) await this.restartJournal(key, journal);
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
      await this.catchUpAll();
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
      await this.resyncJournals();
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
      await this.catchUpAll();
      return task();
    });
  }

  /** Opening failed half-way: no periodic backup may follow. */
  abandon(): void {
    if (this.periodicTimer) clearTimeout(this.periodicTimer);
    this.periodicTimer = null;
    this.backupEveryMs = 0;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.periodicTimer) clearTimeout(this.periodicTimer);
      this.periodicTimer = null;
      await this.background.catch(() => undefined);
      // Each meeting file holds its journal's last line before the folder is let go.
      await this.queue.run(() => this.catchUpAll()).catch(() => undefined);
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
    this.inBackground('startup', () => this.takeBackup('startup', ''));
  }

  private inBackground(what: string, task: () => Promise<unknown>): void {
    const run = this.queue.run(task).catch((err: unknown) => this.ctx.log.error(`${what} backup failed`, { error: String(err) }));
    this.background = Promise.all([this.background, run]);
  }

  /**
   * After each commit: a 'periodic' backup once ten minutes have passed since the last one, or
   * when they will have (a timer that does not keep the process alive), if changes were made.
   */
  private noteChange(): void {
    if (this.backupEveryMs <= 0 || this.closing) return;
    this.dirty = true;
    const wait = this.lastBackupMs + this.backupEveryMs - this.ctx.clock.now();
    if (wait <= 0) {
      if (this.periodicQueued) return;
      this.periodicQueued = true;
      this.inBackground('periodic', async () => {
        this.periodicQueued = false;
        if (this.dirty && !this.closing) await this.takeBackup('periodic', '');
      });
    } else if (!this.periodicTimer) {
      this.periodicTimer = setTimeout(() => {
        this.periodicTimer = null;
        if (this.dirty) this.noteChange();
      }, wait);
      this.periodicTimer.unref?.();
    }
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

  /** Before a journal starts: a backup holding the partition as it is now (unless the newest does). */
  private async ensureBackupHolds(key: PartitionKey, label: string): Promise<void> {
    const newest = (await this.ctx.backups.list())[0];
    const bytes = await this.ctx.fs.readFile(partitionPath(this.dataDir, key)).catch(() => null);
    const entry = newest?.entries.find((e) => e.path === entryPathOf(key));
    if (newest && bytes && entry?.sha256 === sha256(bytes)) return;
    if (!bytes && !this.existing.has(key) && newest) return; // a new partition: nothing to hold yet
    await this.takeBackup('meeting-start', label);
  }

  /**
   * Starts the partition's journal, or writes it afresh (after a failure, or grown too long), with
   * one line: the change just written to the partition file.
   */
  private async journalChange(key: PartitionKey, label: string, json: Uint8Array, savedAt: string): Promise<void> {
    let journal = this.journals.get(key);
    if (!journal) {
      journal = { path: journalPath(this.dataDir, key), seq: 0, bytes: 0, label, fresh: true, failing: false, fileSeq: -1, catchUpQueued: false, fileWrites: Promise.resolve(), epoch: 0 };
      this.journals.set(key, journal);
      this.ctx.log.info('meeting journal started', { key, journal: journal.path });
    }
    journal.label = label;
    try {
      await this.writeFreshJournal(journal, json, savedAt, true);
      if (journal.failing) this.ctx.log.info('meeting journal written afresh after a failure', { key });
      journal.failing = false;
    } catch (err) {
      this.journalFailed(key, journal, err);
    }
  }

  /** A line may be half-written: the next change writes the partition file and the whole journal again (by rename). */
  private journalFailed(key: PartitionKey, journal: ActiveJournal, err: unknown): void {
    journal.fresh = true;
    this.ctx.log.error('writing the meeting journal failed; the change is saved in its partition', { key, journal: journal.path, error: String(err) });
    if (!journal.failing) {
      this.addNotice(
        noticeOf.journalFailed({ kind: 'journal-failed', key, file: partitionPath(this.dataDir, key), journal: journal.path, detail: (err as NodeJS.ErrnoException).code ?? String(err), at: this.nowIso() }),
      );
    }
    journal.failing = true;
  }

  /** `fileHolds`: the partition file holds this state. */
  private async writeFreshJournal(journal: ActiveJournal, json: Uint8Array, savedAt: string, fileHolds: boolean): Promise<void> {
    await startJournal(this.ctx.fs, journal.path, this.ctx.codec.schemaVersion, savedAt, json, fileHolds);
    journal.epoch++;
    journal.seq = 0;
    journal.bytes = json.length;
    journal.fresh = false;
    journal.fileSeq = fileHolds ? 0 : -1;
  }

  /** After a backup, the journal needs only what follows it: one line, the partition as it is now. */
  private async restartJournal(key: PartitionKey, journal: ActiveJournal): Promise<void> {
    const partition = this.loaded.get(key);
    if (!partition) return;
    // The file holds the current state unless catching it up has failed (takeBackup tried).
    const fileHolds = journal.fresh || journal.fileSeq === journal.seq;
    try {
      await this.writeFreshJournal(journal, this.committedJson(partition.data.data), partition.data.savedAt, fileHolds);
    } catch (err) {
      journal.fresh = true;
      this.ctx.log.error('restarting the meeting journal failed', { key, error: String(err) });
    }
  }

  /** The meeting ended: its partition holds everything; a backup keeps it, then the journal goes. */
  private async foldJournal(key: PartitionKey, journal: ActiveJournal): Promise<void> {
    this.journals.delete(key);
    try {
      await this.takeBackup('meeting-end', journal.label);
      await removeJournal(this.ctx.fs, journal.path);
      this.ctx.log.info('meeting journal folded in and removed', { key, journal: journal.path });
    } catch (err) {
      // Kept: the next start folds it in again (the partition already holds every change).
      this.ctx.log.error('folding the meeting journal in failed; it is kept for the next start', { key, error: String(err) });
    }
  }

  /** After a restore: each journal starts again from the restored partition, or goes if it is no longer journaled. */
  private async resyncJournals(): Promise<void> {
    for (const [key, journal] of Array.from(this.journals)) {
      const data = this.existing.has(key) ? (await this.load(key)).data.data : null;
      const wanted = data !== null ? this.typeOf(key).journal?.(data) : null;
      if (wanted) await this.restartJournal(key, journal);
      else {
        this.journals.delete(key);
        await removeJournal(this.ctx.fs, journal.path).catch((err: unknown) => this.ctx.log.error('removing a journal failed', { key, error: String(err) }));
      }
    }
  }

  private committedJson(data: unknown): Uint8Array {
    return serialize(data, NOTHING_BUILT, this.jsonCache, new Map());
  }

  /**
   * At open, for each journal found (the app stopped during a meeting): the partition if it is
   * good and current — it holds every acknowledged change, perhaps one more; the journal's newest
   * line if the file was following it (the app stopped before the file caught up) or is bad or was
   * put back older (a torn last line is ignored); otherwise the newest good backup. A damaged journal is
   * quarantined byte for byte. Then the journal starts again from the partition, or, when the
   * meeting had ended, is folded in after a backup.
   */
  async reconcileJournals(): Promise<void> {
    const { fs, codec, log } = this.ctx;
    for (const key of await scanJournals(fs, this.dataDir, codec.kinds)) {
      const type = partitionTypeOf(codec, key);
      if (!type) continue;
      const path = journalPath(this.dataDir, key);
      const file = partitionPath(this.dataDir, key);
      const bytes = await fs.readFile(path).catch(() => null);
      if (!bytes) continue;
      const parsed = parseJournal(bytes);
      const replay = parsed.last ? decodePartition(codec, key, { schemaVersion: parsed.last.v, savedAt: parsed.last.savedAt, data: parsed.last.data }, parsed.last.v) : null;
      // Like a partition, a journal of a newer app is refused, never quarantined or replaced.
      if (replay && !replay.ok && replay.newer !== undefined) throw new PartitionVersionError(this.dataDir, path, replay.newer, codec.schemaVersion);
      let onDisk: { ok: true; data: unknown; savedAt: string | undefined } | { ok: false; why: string; present: boolean };
      let fileBytes: Buffer | null = null;
      try {
        fileBytes = await fs.readFile(file).catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT') return null;
          throw err;
        });
        const raw = fileBytes === null ? ABSENT : parseJsonBytes(fileBytes, file);
        if (raw === ABSENT) onDisk = { ok: false, why: 'missing', present: false };
        else {
          const decoded = decodePartition(codec, key, raw, this.meta.schemaVersion);
          if (!decoded.ok && decoded.newer !== undefined) throw new ApiError('conflict', dataMessages.partitionFromNewerVersion(file, decoded.newer, codec.schemaVersion));
          onDisk = decoded.ok ? { ...decoded, savedAt: savedAtOf(raw) } : { ok: false, why: decoded.reason, present: true };
        }
      } catch (err) {
        if (!(err instanceof CorruptFileError)) throw err;
        onDisk = { ok: false, why: err.message, present: true };
      }
      // A good file holding an older state than its journal (put back by some tool, or a rename
      // the disk lost) would drop acknowledged changes: the journal's newest line wins then. A
      // file that was following its journal (the app stopped before it caught up) is simply
      // brought up to the newest line.
      let behind = false;
      let following = false;
      if (onDisk.ok && replay?.ok && fileBytes) {
        const standing = journalStanding(parsed, fileBytes, onDisk.savedAt ?? '');
        if (standing === 'put-back') {
          behind = true;
          onDisk = { ok: false, why: 'older than its meeting journal', present: true };
        } else following = standing === 'following';
      }
      const quarantineJournal = async (): Promise<string> => {
        const q = await quarantineFile(fs, this.dataDir, path, `${key}.journal`, this.ctx.clock.now());
        log.warn('damaged meeting journal quarantined', { key, journal: path, quarantinedAs: q });
        return q;
      };
      let data: unknown = null;
      if (following && replay?.ok && parsed.last) {
        await this.ensureDirFor(key);
        const caught = { ...envelopeOf(codec, null, this.ctx.clock.now()), savedAt: parsed.last.savedAt };
        await writeFileDurably(fs, file, encodeEnvelope(caught, this.committedJson(replay.data)));
        this.ctx.backups.changed(file);
        data = replay.data;
        this.existing.add(key);
        this.install(key, data, true, caught.savedAt);
        log.info('meeting file brought up to its journal (the app stopped before the file caught up)', { key, seq: parsed.last.seq, savedAt: parsed.last.savedAt });
        if (parsed.damaged) {
          const q = await quarantineJournal();
          this.addNotice(noticeOf.journalDamaged({ kind: 'journal-damaged', key, file, journal: path, quarantinedAs: q, at: this.nowIso() }));
        } else if (parsed.torn) log.info('meeting journal: a line cut short by a crash was ignored', { key, journal: path });
      } else if (onDisk.ok) {
        data = onDisk.data;
        this.existing.add(key);
        this.install(key, data, true, onDisk.savedAt);
        if (parsed.damaged) {
          const q = await quarantineJournal();
          this.addNotice(noticeOf.journalDamaged({ kind: 'journal-damaged', key, file, journal: path, quarantinedAs: q, at: this.nowIso() }));
        } else if (parsed.torn) log.info('meeting journal: a line cut short by a crash was ignored', { key, journal: path });
      } else if (replay?.ok && parsed.last) {
        const quarantinedAs = onDisk.present ? await quarantineFile(fs, this.dataDir, file, key, this.ctx.clock.now()) : (this.quarantinedAtOpen.get(key) ?? '');
        await this.ensureDirFor(key);
        const replayed = envelopeOf(codec, null, this.ctx.clock.now());
        await writeFileDurably(fs, file, encodeEnvelope(replayed, this.committedJson(replay.data)));
        this.ctx.backups.changed(file);
        data = replay.data;
        this.existing.add(key);
        this.install(key, data, true, replayed.savedAt);
        log.warn('partition was damaged; the meeting journal was replayed over it', { key, why: onDisk.why, quarantinedAs, entries: parsed.entries, savedAt: parsed.last.savedAt });
        this.addNotice(
          noticeOf.journalReplayed({ kind: 'journal-replayed', key, file, journal: path, savedAt: parsed.last.savedAt, quarantinedAs, behind, at: this.nowIso() }, this.ctx.clock.now()),
        );
        if (parsed.damaged) await quarantineJournal();
      } else {
        await quarantineJournal();
        const partition = await this.recover(key, onDisk.why, this.quarantinedAtOpen.get(key));
        data = this.existing.has(key) ? partition.data.data : null;
      }
      const wanted = data !== null ? type.journal?.(data) : null;
      if (wanted) {
        const journal: ActiveJournal = { path, seq: 0, bytes: 0, label: wanted.label, fresh: true, failing: false, fileSeq: -1, catchUpQueued: false, fileWrites: Promise.resolve(), epoch: 0 };
        this.journals.set(key, journal);
        await this.restartJournal(key, journal);
      } else if (await pathExists(fs, path)) {
        await this.takeBackup('meeting-end', '');
        await removeJournal(fs, path);
        log.info('journal of a meeting that had ended folded in and removed', { key });
      }
    }
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
    const decoded = decodePartition(this.ctx.codec, key, raw, this.meta.schemaVersion);
    if (!decoded.ok && decoded.newer !== undefined) {
      throw new ApiError('conflict', dataMessages.partitionFromNewerVersion(adapter.path, decoded.newer, this.ctx.codec.schemaVersion));
    }
    if (!decoded.ok) return this.recover(key, decoded.reason);
    this.existing.add(key);
    return this.install(key, decoded.data, true, savedAtOf(raw));
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

/** The `savedAt` a partition file carries, if it is an envelope. */
function savedAtOf(raw: unknown): string | undefined {
  return isEnvelope(raw) ? raw.savedAt : undefined;
}
