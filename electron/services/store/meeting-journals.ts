import type { Low } from 'lowdb';
import { entryPathOf, sha256 } from './backups';
import { encodeEnvelope, type DurableJsonFile } from './durable-file';
import { appendJournal, journalLine, journalPath, removeJournal, startJournal } from './journal';
import type { FolderContext } from './migrate-folder';
import { notices as noticeOf } from './notices';
import { partitionPath } from './partition-key';
import type { BackupReason, Envelope, PartitionKey, StoreNotice } from './types';

/** A partition as the store holds it: the committed state in memory, its file beside. */
export type LoadedPartition = Low<Envelope<unknown>>;

/** A journal grown past this is started again from the partition's current state (one line). */
export const JOURNAL_RESTART_BYTES = 16 * 1024 * 1024;

export interface ActiveJournal {
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
   * (`follow`), beside the write queue, so it lags by the lines of at most two such writes.
   */
  fileSeq: number;
  /** A follow-up write of the partition file is waiting its turn (it takes the newest state when it starts). */
  catchUpQueued: boolean;
  /**
   * The partition file's writes that follow the journal, one after another and outside the
   * write queue, so the next draw or sheet never waits behind one. Never rejects. Everything in
   * the queue that writes, copies, removes or restarts this partition's file or journal first
   * waits for it (`settle`).
   */
  fileWrites: Promise<void>;
  /** Counts the times the journal was written afresh (its lines numbered from 0 again). */
  epoch: number;
}

/** What the journals need of the store that owns them. */
export interface JournalHost {
  readonly ctx: FolderContext;
  /** The partition's committed state, if it is in memory. */
  loaded(key: PartitionKey): LoadedPartition | undefined;
  /** The partition has a file (or had one written this session). */
  exists(key: PartitionKey): boolean;
  /** Writes a partition file durably and tells the backups it changed. */
  writePartition(adapter: DurableJsonFile<Envelope<unknown>>, bytes: Uint8Array): Promise<void>;
  /** The committed data's bytes (cached). */
  committedJson(data: unknown): Uint8Array;
  /** A backup in the write queue (it restarts every journal once taken). */
  takeBackup(reason: BackupReason, label: string): Promise<unknown>;
  addNotice(notice: StoreNotice): void;
  nowIso(): string;
}

/**
 * The journals of the partitions being journaled (meetings being held). Every acknowledged change
 * of such a partition is a durable line in its journal; the partition file follows. All calls but
 * `follow` run inside the store's write queue.
 */
export class MeetingJournals {
  private readonly active = new Map<PartitionKey, ActiveJournal>();

  constructor(private readonly host: JournalHost) {}

  get(key: PartitionKey): ActiveJournal | undefined {
    return this.active.get(key);
  }

  has(key: PartitionKey): boolean {
    return this.active.has(key);
  }

  /** The partition goes (removed or replaced whole): its journal is no longer followed. */
  forget(key: PartitionKey): void {
    this.active.delete(key);
  }

  /** Its file is being replaced: the next change writes the journal afresh. */
  markFresh(key: PartitionKey): void {
    const journal = this.active.get(key);
    if (journal) journal.fresh = true;
  }

  /** A journal found at open whose meeting is still being held: it starts again from the partition. */
  async adopt(key: PartitionKey, label: string): Promise<void> {
    const journal = newJournal(journalPath(this.host.ctx.dataDir, key), label);
    this.active.set(key, journal);
    await this.restart(key, journal);
  }

  /** Before a journal starts: a backup holding the partition as it is now (unless the newest does). */
  async ensureBackupHolds(key: PartitionKey, label: string): Promise<void> {
    const { backups, fs, dataDir } = this.host.ctx;
    const newest = (await backups.list())[0];
    const bytes = await fs.readFile(partitionPath(dataDir, key)).catch(() => null);
    const entry = newest?.entries.find((e) => e.path === entryPathOf(key));
    if (newest && bytes && entry?.sha256 === sha256(bytes)) return;
    if (!bytes && !this.host.exists(key) && newest) return; // a new partition: nothing to hold yet
    await this.host.takeBackup('meeting-start', label);
  }

  /**
   * Appends a change's line to a healthy journal; true once it is durable. On failure the line
   * may be half-written: false, and the journal is written afresh with the next change.
   */
  async append(key: PartitionKey, journal: ActiveJournal, json: Uint8Array, savedAt: string): Promise<boolean> {
    try {
      const line = journalLine(journal.seq + 1, this.host.ctx.codec.schemaVersion, savedAt, json, journal.fileSeq);
      await appendJournal(this.host.ctx.fs, journal.path, line);
      journal.seq++;
      journal.bytes += line.length;
      return true;
    } catch (err) {
      this.failed(key, journal, err);
      return false;
    }
  }

  /**
   * Starts the partition's journal, or writes it afresh (after a failure, or grown too long), with
   * one line: the change just written to the partition file.
   */
  async record(key: PartitionKey, label: string, json: Uint8Array, savedAt: string): Promise<void> {
    let journal = this.active.get(key);
    if (!journal) {
      journal = newJournal(journalPath(this.host.ctx.dataDir, key), label);
      this.active.set(key, journal);
      this.host.ctx.log.info('meeting journal started', { key, journal: journal.path });
    }
    journal.label = label;
    try {
      await this.writeFresh(journal, json, savedAt, true);
      if (journal.failing) this.host.ctx.log.info('meeting journal written afresh after a failure', { key });
      journal.failing = false;
    } catch (err) {
      this.failed(key, journal, err);
    }
  }

  /**
   * After an acknowledged line: the partition file follows at once, beside the write queue (the
   * newest state when the write starts; one write for a burst). Its data is frozen, so no later
   * change can alter what is being written.
   */
  follow(key: PartitionKey, journal: ActiveJournal): void {
    if (journal.catchUpQueued) return;
    journal.catchUpQueued = true;
    journal.fileWrites = journal.fileWrites.then(async () => {
      journal.catchUpQueued = false;
      await this.catchUp(key, journal);
    });
  }

  /** In the queue, before anything else touches this partition's file or journal: the follow-up writes are done. */
  async settle(key: PartitionKey): Promise<void> {
    await this.active.get(key)?.fileWrites;
  }

  /** Every partition file holds its journal's last line (a backup or a copy of the folder follows). */
  async catchUpAll(): Promise<void> {
    for (const [key, journal] of this.active) {
      journal.fileWrites = journal.fileWrites.then(() => this.catchUp(key, journal).then(() => undefined));
      await journal.fileWrites;
    }
  }

  /** After a backup, each journal needs only what follows it: one line, the partition as it is now. */
  async restartAll(): Promise<void> {
    for (const [key, journal] of this.active) await this.restart(key, journal);
  }

  /** The meeting ended: its partition holds everything; a backup keeps it, then the journal goes. */
  async fold(key: PartitionKey, journal: ActiveJournal): Promise<void> {
    this.active.delete(key);
    try {
      await this.host.takeBackup('meeting-end', journal.label);
      await removeJournal(this.host.ctx.fs, journal.path);
      this.host.ctx.log.info('meeting journal folded in and removed', { key, journal: journal.path });
    } catch (err) {
      // Kept: the next start folds it in again (the partition already holds every change).
      this.host.ctx.log.error('folding the meeting journal in failed; it is kept for the next start', { key, error: String(err) });
    }
  }

  /** After a restore: each journal starts again from the restored partition, or goes if it is no longer journaled. */
  async resync(stillJournaled: (key: PartitionKey) => Promise<boolean>): Promise<void> {
    for (const [key, journal] of Array.from(this.active)) {
      if (await stillJournaled(key)) await this.restart(key, journal);
      else {
        this.active.delete(key);
        await removeJournal(this.host.ctx.fs, journal.path).catch((err: unknown) => this.host.ctx.log.error('removing a journal failed', { key, error: String(err) }));
      }
    }
  }

  /**
   * Writes the partition file with the state of the journal's last line, if it is behind. If this
   * fails the journal still holds every change (the next change or backup tries again).
   */
  private async catchUp(key: PartitionKey, journal: ActiveJournal): Promise<boolean> {
    if (this.active.get(key) !== journal || journal.fresh || journal.fileSeq === journal.seq) return true;
    const partition = this.host.loaded(key);
    if (!partition) return false;
    try {
      // The line and the state are taken together: changes acknowledged meanwhile follow next time.
      const seq = journal.seq;
      const epoch = journal.epoch;
      const envelope = partition.data;
      await this.host.writePartition(partition.adapter as DurableJsonFile<Envelope<unknown>>, encodeEnvelope(envelope, this.host.committedJson(envelope.data)));
      // Unless the journal was started again meanwhile (then its own numbering says what the file holds).
      if (this.active.get(key) === journal && journal.epoch === epoch) journal.fileSeq = Math.max(journal.fileSeq, seq);
      return true;
    } catch (err) {
      this.host.ctx.log.error('writing the meeting file after its journal failed; the journal holds the changes', { key, error: String(err) });
      return false;
    }
  }

  /** A line may be half-written: the next change writes the partition file and the whole journal again (by rename). */
  private failed(key: PartitionKey, journal: ActiveJournal, err: unknown): void {
    journal.fresh = true;
    const { log, dataDir } = this.host.ctx;
    log.error('writing the meeting journal failed; the change is saved in its partition', { key, journal: journal.path, error: String(err) });
    if (!journal.failing) {
      this.host.addNotice(
        noticeOf.journalFailed({ kind: 'journal-failed', key, file: partitionPath(dataDir, key), journal: journal.path, detail: (err as NodeJS.ErrnoException).code ?? String(err), at: this.host.nowIso() }),
      );
    }
    journal.failing = true;
  }

  /** `fileHolds`: the partition file holds this state. */
  private async writeFresh(journal: ActiveJournal, json: Uint8Array, savedAt: string, fileHolds: boolean): Promise<void> {
    await startJournal(this.host.ctx.fs, journal.path, this.host.ctx.codec.schemaVersion, savedAt, json, fileHolds);
    journal.epoch++;
    journal.seq = 0;
    journal.bytes = json.length;
    journal.fresh = false;
    journal.fileSeq = fileHolds ? 0 : -1;
  }

  private async restart(key: PartitionKey, journal: ActiveJournal): Promise<void> {
    const partition = this.host.loaded(key);
    if (!partition) return;
    // The file holds the current state unless catching it up has failed (takeBackup tried).
    const fileHolds = journal.fresh || journal.fileSeq === journal.seq;
    try {
      await this.writeFresh(journal, this.host.committedJson(partition.data.data), partition.data.savedAt, fileHolds);
    } catch (err) {
      journal.fresh = true;
      this.host.ctx.log.error('restarting the meeting journal failed', { key, error: String(err) });
    }
  }
}

function newJournal(path: string, label: string): ActiveJournal {
  return { path, seq: 0, bytes: 0, label, fresh: true, failing: false, fileSeq: -1, catchUpQueued: false, fileWrites: Promise.resolve(), epoch: 0 };
}
