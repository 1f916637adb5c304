import { decodeDataFile, decodePartition, envelopeOf, partitionTypeOf } from './codec';
import { ABSENT, CorruptFileError, encodeEnvelope, parseJsonBytes, writeFileDurably } from './durable-file';
import { journalPath, journalStanding, parseJournal, removeJournal, scanJournals, type ParsedJournal } from './journal';
import type { MeetingJournals } from './meeting-journals';
import type { FolderContext } from './migrate-folder';
import { notices as noticeOf } from './notices';
import { PartitionVersionError } from './open-folder';
import { partitionPath } from './partition-key';
import { pathExists, quarantineFile } from './quarantine';
import type { BackupReason, PartitionKey, StoreNotice } from './types';

/** What reconciling the journals at open needs of the store being opened. */
export interface ReconcileHost {
  readonly ctx: FolderContext;
  /** The data version the folder's files were written in (meta). */
  readonly folderVersion: number;
  readonly journals: MeetingJournals;
  /** Where the migration at open put this partition's bad file, if it did. */
  quarantinedAtOpen(key: PartitionKey): string | undefined;
  /** The partition's data, validated, becomes its committed state (its file holds it). */
  adopt(key: PartitionKey, data: unknown, savedAt: string | undefined): void;
  /** Quarantines the file and restores the newest good backup: the data now held (null: none). */
  recover(key: PartitionKey, why: string, quarantinedAs: string | undefined): Promise<unknown>;
  ensureDirFor(key: PartitionKey): Promise<void>;
  committedJson(data: unknown): Uint8Array;
  takeBackup(reason: BackupReason, label: string): Promise<unknown>;
  addNotice(notice: StoreNotice): void;
  nowIso(): string;
}

type OnDisk = { ok: true; data: unknown; savedAt: string | undefined } | { ok: false; why: string; present: boolean };

/**
 * At open, for each journal found (the app stopped during a meeting): the partition if it is
 * good and current — it holds every acknowledged change, perhaps one more; the journal's newest
 * line if the file was following it (the app stopped before the file caught up) or is bad or was
 * put back older (a torn last line is ignored); otherwise the newest good backup. A damaged journal is
 * quarantined byte for byte. Then the journal starts again from the partition, or, when the
 * meeting had ended, is folded in after a backup.
 */
export async function reconcileJournals(host: ReconcileHost): Promise<void> {
  const { fs, codec, log, dataDir, clock } = host.ctx;
  for (const key of await scanJournals(fs, dataDir, codec.kinds)) {
    const type = partitionTypeOf(codec, key);
    if (!type) continue;
    const path = journalPath(dataDir, key);
    const file = partitionPath(dataDir, key);
    const bytes = await fs.readFile(path).catch(() => null);
    if (!bytes) continue;
    const parsed = parseJournal(bytes);
    const replay = parsed.last ? decodePartition(codec, key, { schemaVersion: parsed.last.v, savedAt: parsed.last.savedAt, data: parsed.last.data }, parsed.last.v) : null;
    // Like a partition, a journal of a newer app is refused, never quarantined or replaced.
    if (replay && !replay.ok && replay.newer !== undefined) throw new PartitionVersionError(dataDir, path, replay.newer, codec.schemaVersion);
    const { onDisk: read, fileBytes } = await readPartitionFile(host, key, file);
    let onDisk = read;
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
      const q = await quarantineFile(fs, dataDir, path, `${key}.journal`, clock.now());
      log.warn('damaged meeting journal quarantined', { key, journal: path, quarantinedAs: q });
      return q;
    };
    /** The partition file stands: a damaged journal goes to quarantine (said), a torn last line is only logged. */
    const keepFile = async (why: ParsedJournal): Promise<void> => {
      if (why.damaged) {
        const q = await quarantineJournal();
        host.addNotice(noticeOf.journalDamaged({ kind: 'journal-damaged', key, file, journal: path, quarantinedAs: q, at: host.nowIso() }));
      } else if (why.torn) log.info('meeting journal: a line cut short by a crash was ignored', { key, journal: path });
    };
    /** The partition file is written with the journal's newest line. */
    const writeReplay = async (data: unknown, savedAt: string): Promise<void> => {
      await host.ensureDirFor(key);
      const envelope = { ...envelopeOf(codec, null, clock.now()), savedAt };
      await writeFileDurably(fs, file, encodeEnvelope(envelope, host.committedJson(data)));
      host.ctx.backups.changed(file);
      host.adopt(key, data, savedAt);
    };
    let data: unknown = null;
    if (following && replay?.ok && parsed.last) {
      await writeReplay(replay.data, parsed.last.savedAt);
      data = replay.data;
      log.info('meeting file brought up to its journal (the app stopped before the file caught up)', { key, seq: parsed.last.seq, savedAt: parsed.last.savedAt });
      await keepFile(parsed);
    } else if (onDisk.ok) {
      data = onDisk.data;
      host.adopt(key, data, onDisk.savedAt);
      await keepFile(parsed);
    } else if (replay?.ok && parsed.last) {
      const quarantinedAs = onDisk.present ? await quarantineFile(fs, dataDir, file, key, clock.now()) : (host.quarantinedAtOpen(key) ?? '');
      // Saved now: the file carries the time of its replay.
      const savedAt = host.nowIso();
      await writeReplay(replay.data, savedAt);
      data = replay.data;
      log.warn('partition was damaged; the meeting journal was replayed over it', { key, why: onDisk.why, quarantinedAs, entries: parsed.entries, savedAt: parsed.last.savedAt });
      host.addNotice(noticeOf.journalReplayed({ kind: 'journal-replayed', key, file, journal: path, savedAt: parsed.last.savedAt, quarantinedAs, behind, at: host.nowIso() }, clock.now()));
      if (parsed.damaged) await quarantineJournal();
    } else {
      await quarantineJournal();
      data = await host.recover(key, onDisk.why, host.quarantinedAtOpen(key));
    }
    const wanted = data !== null ? type.journal?.(data) : null;
    if (wanted) await host.journals.adopt(key, wanted.label);
    else if (await pathExists(fs, path)) {
      await host.takeBackup('meeting-end', '');
      await removeJournal(fs, path);
      log.info('journal of a meeting that had ended folded in and removed', { key });
    }
  }
}

/** The partition file beside a journal, read and decoded; a file of a newer app stops the start. */
async function readPartitionFile(host: ReconcileHost, key: PartitionKey, file: string): Promise<{ onDisk: OnDisk; fileBytes: Buffer | null }> {
  const { fs, codec } = host.ctx;
  let fileBytes: Buffer | null = null;
  try {
    fileBytes = await fs.readFile(file).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    const raw = fileBytes === null ? ABSENT : parseJsonBytes(fileBytes, file);
    if (raw === ABSENT) return { onDisk: { ok: false, why: 'missing', present: false }, fileBytes };
    const decoded = decodeDataFile(codec, key, raw, host.folderVersion, file);
    return { onDisk: decoded.ok ? decoded : { ok: false, why: decoded.reason, present: true }, fileBytes };
  } catch (err) {
    if (!(err instanceof CorruptFileError)) throw err;
    return { onDisk: { ok: false, why: err.message, present: true }, fileBytes };
  }
}
