import type { z } from 'zod';
import type { Clock, Logger } from '../deps';
import type { StoreFs } from './store-fs';

/**
 * A partition is one JSON file under the data folder, addressed by a key such as
 * `core`, `year/2026` or `meeting/m_7f3a`. The first segment is its kind. Small changes
 * rewrite only their own partition, so a change costs the same with ten years of archive.
 */
export type PartitionKey = string;

export interface PartitionType<T = unknown> {
  /** Validates the content of every file of this kind, after migrations. */
  readonly schema: z.ZodType<T>;
  /** Content of a partition that does not exist yet. */
  empty(key: PartitionKey): T;
  /**
   * While this says yes for a partition's committed data (a meeting being held), every change to
   * it is also appended to its journal (see journal.ts); the label names the backup taken when
   * the journal starts.
   */
  journal?(data: T): { label: string } | null;
}

/** What each partition file holds on disk. */
export interface Envelope<T = unknown> {
  schemaVersion: number;
  savedAt: string;
  data: T;
}

/** A migration upgrades the whole data folder from `version - 1` to `version`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /**
   * Partition kinds this step reads or removes that the current app no longer registers (a
   * kind being renamed away). The store only touches files of registered kinds and these.
   */
  readonly extraKinds?: readonly string[];
  /**
   * Runs in memory on every partition's data; returns nothing, mutates through tx.
   * It may also be given a tx holding a single partition (one restored from an older backup),
   * so it should upgrade each partition on its own terms where it can.
   */
  up(tx: MigrationTx): void;
}

export interface MigrationTx {
  keys(): PartitionKey[];
  get(key: PartitionKey): unknown;
  set(key: PartitionKey, data: unknown): void;
  remove(key: PartitionKey): void;
}

/**
 * Something the store did that the office must know about: a recovery, a restore, a migration,
 * a lock take-over. `message` is the Chinese sentence the desk shows as it is (naming the file
 * and the backup's time); the other fields are for programs and tests.
 */
export type StoreNotice = { at: string; message: string; severity: 'warn' | 'error' } & (
  | { kind: 'recovered'; key: PartitionKey; file: string; backupId: string; backupAt: string; quarantinedAs: string }
  | { kind: 'started-empty'; key: PartitionKey; file: string; quarantinedAs: string }
  | { kind: 'journal-replayed'; key: PartitionKey; file: string; journal: string; savedAt: string; quarantinedAs: string; behind?: boolean }
  | { kind: 'journal-damaged'; key: PartitionKey; file: string; journal: string; quarantinedAs: string }
  | { kind: 'journal-failed'; key: PartitionKey; file: string; journal: string; detail: string }
  | { kind: 'first-start-resumed' }
  | { kind: 'lock-taken-over'; previousPid: number }
  | { kind: 'migrated'; from: number; to: number; backupId: string }
  | { kind: 'restored'; backupId: string; backupAt: string; safetyBackupId: string }
  | { kind: 'change-completed'; label: string; files: number; savedAt: string }
  | { kind: 'change-damaged'; file: string; quarantinedAs: string; reason: string }
);
// An unreadable meta.json is reported as key 'meta': 'recovered' when a backup supplied its
// details, otherwise 'started-empty' (the data itself is untouched either way).

export interface BackupInfo {
  id: string;
  createdAt: string;
  reason: BackupReason;
  /** Free text given by the caller (e.g. the meeting's name). */
  label: string;
  files: number;
  bytes: number;
  /** Data version of the folder when the backup was taken (restoring an older one migrates it). */
  schemaVersion: number;
}

export type BackupReason =
  | 'startup'
  | 'migration'
  | 'manual'
  | 'meeting-start'
  | 'meeting-end'
  | 'after-vote'
  | 'periodic'
  | 'new-partition'
  | 'before-restore'
  | 'before-clear'
  | 'before-move';

export interface RetentionPolicy {
  /** Always keep this many newest backups. */
  keepLast: number;
  /** Keep the newest backup of each of the last N days. */
  daily: number;
  /** Keep the newest backup of each of the last N ISO weeks. */
  weekly: number;
  /** Keep the newest backup of each of the last N months. */
  monthly: number;
}

export interface StoreOptions {
  dataDir: string;
  partitions: Record<string, PartitionType<any>>;
  schemaVersion: number;
  migrations: readonly Migration[];
  clock: Clock;
  log: Logger;
  fs?: StoreFs;
  retention?: RetentionPolicy;
  /** Take a 'startup' backup in the background after opening (default true). */
  backupOnStart?: boolean;
  /**
   * What a folder that never held data starts with (the demo county). Written at the first start
   * under a marker in meta.json; a start that finds the marker (the app was stopped half-way)
   * writes it all again and removes partitions it does not name, so a first start is never left
   * half-done.
   */
  seed?: () => readonly { key: PartitionKey; data: unknown }[];
  /** While changes are made, a 'periodic' backup at most this often (default 10 minutes; 0: never). */
  backupEveryMs?: number;
  /** Process id written into the lock (tests pass fakes). */
  pid?: number;
  /** Tells whether a process is alive (tests pass fakes). */
  isProcessAlive?: (pid: number) => boolean;
}

/** What `Store.transact` hands its work. */
export interface StoreTransaction {
  /** The partition's working copy, read on first ask (a missing partition's is its empty content). */
  draft<T>(key: PartitionKey): Promise<T>;
  /** The partition goes, with the rest of the change (a missing one is ignored). */
  remove(key: PartitionKey): void;
}

export interface Store {
  readonly dataDir: string;
  /**
   * True when the folder had never held data before this start, or when the filling of its first
   * start (options.seed) had been interrupted and was completed by this one.
   */
  readonly firstStart: boolean;
  /** What happened while opening: recoveries, migrations, lock take-over. Shown by the UI. */
  notices(): StoreNotice[];
  /** Does this partition exist (on disk or written since start)? */
  has(key: PartitionKey): boolean;
  /** Keys of existing partitions of a kind (e.g. 'meeting' → ['meeting/m_1', …]). */
  list(kind: string): PartitionKey[];
  /** Loads (lazily, validated, recovered if needed) and returns a deep-frozen snapshot. */
  read<T>(key: PartitionKey): Promise<Readonly<T>>;
  /**
   * Queued, validated, durable change: clones the data, runs `mutate`, validates the result
   * against the partition schema (zod re-runs only on the parts that changed, see
   * incremental.ts), writes atomically (temp, fsync, rename, dir fsync) and only then swaps it
   * in memory and resolves; a journaled partition's change is also in its journal, and a new
   * partition's first write is in a backup ('new-partition') before it resolves. A throw or a
   * failed validation changes nothing.
   */
  update<T, R>(key: PartitionKey, mutate: (draft: T) => R): Promise<R>;
  /**
   * Several partitions changed as one: all of them or none, even across a crash or a power cut.
   * `work` asks for the partitions it changes (`tx.draft`) and names those it removes
   * (`tx.remove`); every changed partition is validated like `update`'s, then a redo record of
   * the whole change is written durably before any partition file (pending-change.ts), so a start
   * after a crash finishes it. A throw or a failed validation changes nothing. `label` names the
   * change in the log and in the notice of a change finished at start.
   */
  transact<R>(label: string, work: (tx: StoreTransaction) => R | Promise<R>): Promise<R>;
  /** Removes a partition (its file is kept in the next backups only). */
  remove(key: PartitionKey): Promise<void>;
  /** Called after each durable commit with the keys written. */
  onCommit(listener: (keys: PartitionKey[]) => void): () => void;
  backup(reason: BackupReason, label?: string): Promise<BackupInfo>;
  listBackups(): Promise<BackupInfo[]>;
  /** Restores every partition from a backup after taking a 'before-restore' backup. */
  restore(backupId: string): Promise<void>;
  /** Releases the lock; pending writes finish first. */
  close(): Promise<void>;
  /** Called for each notice, including those raised after opening (a partition recovered on first read). */
  onNotice(listener: (notice: StoreNotice) => void): () => void;
  /** Where attachment files go: beside the JSON, never inside it. */
  attachmentsDir(): string;
  /** Runs `task` after pending writes, while no other write can start (e.g. copying the folder). */
  exclusive<R>(task: () => Promise<R>): Promise<R>;
}
