import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { removeFileDurably, writeFileDurably } from './durable-file';
import { isValidKey, partitionPath } from './partition-key';
import type { StoreFs } from './store-fs';
import type { PartitionKey } from './types';

/*
 * The journal of a partition while it is journaled (a meeting being held): `meeting/<id>.journal`
 * beside `meeting/<id>.json`. One JSON line per acknowledged change, each the partition's whole
 * data after that change with a checksum of it:
 *
 *   {"seq":3,"file":2,"v":1,"savedAt":"2026-12-07T06:03:00.000Z","sum":"<sha256 of the data's bytes>","data":{…}}
 *
 * Line 0 is written with the file (temp → fsync → rename), later lines are appended and fsync'd
 * before the change is acknowledged. Whole snapshots rather than patches: replaying is taking
 * the last good line, and a line can be checked on its own. `file`: the newest line whose state
 * the partition file was known to hold when this line was written (the file follows the journal;
 * -1: none). Lines without it (older versions) come from a store that wrote the file first.
 */

export const JOURNAL_EXT = '.journal';

export function journalPath(dataDir: string, key: PartitionKey): string {
  return partitionPath(dataDir, key).replace(/\.json$/, JOURNAL_EXT);
}

export interface JournalEntry {
  seq: number;
  /** The newest line whose state the partition file held when this line was written (-1: none). */
  file: number;
  /** sha256 of the data's bytes, as written (the same bytes as in the partition file). */
  sum: string;
  /** Data version of the app that wrote the line. */
  v: number;
  savedAt: string;
  data: unknown;
}

export interface ParsedJournal {
  /**
   * The newest good line (the highest number among the lines whose checksum holds); null when
   * there is none. Each line is a whole snapshot checked on its own, so a bad line earlier in the
   * file does not make a good later one less true.
   */
  last: JournalEntry | null;
  /** Checksums of the good lines' data, to tell which state a partition file holds. */
  sums: ReadonlySet<string>;
  /** For each checksum, the highest number of a good line holding that data. */
  seqOfSum: ReadonlyMap<string, number>;
  entries: number;
  /** The last line was cut short (a crash while appending): ignored. */
  torn: boolean;
  /** A bad line with good ones after it, a gap in the numbering, or no good line at all. */
  damaged: boolean;
}

/** One line; `file` defaults to the line itself (the partition file written first, with this state). */
export function journalLine(seq: number, version: number, savedAt: string, data: Uint8Array, file = seq): Buffer {
  const sum = createHash('sha256').update(data).digest('hex');
  const head = `{"seq":${seq},"file":${file},"v":${version},"savedAt":${JSON.stringify(savedAt)},"sum":"${sum}","data":`;
  return Buffer.concat([Buffer.from(head, 'utf8'), data, Buffer.from('}\n', 'utf8')]);
}

const DATA_MARK = Buffer.from(',"data":', 'utf8');

/** One line's entry, or null when it is not a whole line we wrote (bad JSON, wrong checksum). */
function readLine(line: Buffer): JournalEntry | null {
  const at = line.indexOf(DATA_MARK);
  if (at < 0 || line[line.length - 1] !== 0x7d /* } */) return null;
  let head: { seq?: unknown; file?: unknown; v?: unknown; savedAt?: unknown; sum?: unknown };
  try {
    head = JSON.parse(`${line.subarray(0, at).toString('utf8')}}`) as typeof head;
  } catch {
    return null;
  }
  const { seq, file, v, savedAt, sum } = head;
  if (!Number.isInteger(seq) || !Number.isInteger(v) || typeof savedAt !== 'string' || typeof sum !== 'string') return null;
  const body = line.subarray(at + DATA_MARK.length, line.length - 1);
  if (createHash('sha256').update(body).digest('hex') !== sum) return null;
  try {
    // A line without `file` was written by a store that wrote the partition file before each line.
    const fileSeq = Number.isInteger(file) ? Math.min(file as number, seq as number) : (seq as number);
    return { seq: seq as number, file: fileSeq, sum, v: v as number, savedAt, data: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return null;
  }
}

export function parseJournal(bytes: Buffer): ParsedJournal {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
  const tail = bytes.subarray(start);
  let torn = tail.length > 0;
  const read = lines.map(readLine);
  // A crash while appending can leave a whole-looking but bad last line (zeros, part of one).
  if (read.length > 0 && read[read.length - 1] === null) {
    read.pop();
    torn = true;
  }
  let last: JournalEntry | null = null;
  const sums = new Set<string>();
  const seqOfSum = new Map<string, number>();
  let damaged = false;
  let entries = 0;
  for (const entry of read) {
    if (!entry) {
      damaged = true;
      continue;
    }
    if (last && entry.seq !== last.seq + 1) damaged = true;
    // A line numbered at or below one before it is out of place: never taken as the newer state.
    if (last && entry.seq <= last.seq) continue;
    last = entry;
    sums.add(entry.sum);
    seqOfSum.set(entry.sum, entry.seq);
    entries++;
  }
  if (!last) damaged = true;
  return { last, sums, seqOfSum, entries, torn, damaged };
}

const ENVELOPE_HEAD = Buffer.from('{"schemaVersion":', 'utf8');
const DATA_KEY = Buffer.from(',"data":', 'utf8');

/**
 * sha256 of the data bytes of a partition file as the store writes it
 * (`{"schemaVersion":N,"savedAt":"…","data":<data>}`), comparable with a journal line's `sum`;
 * null for a file written otherwise.
 */
export function partitionDataSum(bytes: Buffer): string | null {
  if (!bytes.subarray(0, ENVELOPE_HEAD.length).equals(ENVELOPE_HEAD) || bytes[bytes.length - 1] !== 0x7d) return null;
  const at = bytes.indexOf(DATA_KEY);
  if (at < 0) return null;
  return createHash('sha256').update(bytes.subarray(at + DATA_KEY.length, bytes.length - 1)).digest('hex');
}

/**
 * Where a good partition file stands against its journal:
 * - 'current': it holds the last line's state (or a later change whose line was never written:
 *   not yet acknowledged, or the append failed and the file was written instead).
 * - 'following': it holds an earlier line's state, one the file was still known to hold when the
 *   last line was written (`file`): while a meeting runs the file follows its journal, and the app
 *   stopped before it caught up. Nothing is wrong; the journal's newest line is brought in.
 * - 'put-back': an older state than the app left it in — an earlier line's state than `file` says
 *   the file had reached, or a state no line holds saved before the last line (a sync tool
 *   restoring an earlier copy, a rename lost on a disk that did not flush its folder).
 */
export function journalStanding(journal: ParsedJournal, fileBytes: Buffer, fileSavedAt: string): 'current' | 'following' | 'put-back' {
  const { last } = journal;
  if (!last) return 'current';
  const sum = partitionDataSum(fileBytes);
  if (sum !== null && sum === last.sum) return 'current';
  const at = sum === null ? undefined : journal.seqOfSum.get(sum);
  if (at !== undefined) return at >= last.file ? 'following' : 'put-back';
  const saved = Date.parse(fileSavedAt);
  const latest = Date.parse(last.savedAt);
  return Number.isFinite(saved) && Number.isFinite(latest) && saved < latest ? 'put-back' : 'current';
}

/** Starts (or restarts) a journal holding one line: the partition's data as it is now. */
/** `fileHolds`: the partition file holds this state (written just before, or unchanged since). */
export async function startJournal(fs: StoreFs, path: string, version: number, savedAt: string, data: Uint8Array, fileHolds = true): Promise<void> {
  await writeFileDurably(fs, path, journalLine(0, version, savedAt, data, fileHolds ? 0 : -1));
}

/** Appends one line and makes it durable (fdatasync) before returning. */
export async function appendJournal(fs: StoreFs, path: string, line: Buffer): Promise<void> {
  const handle = await fs.open(path, 'a');
  try {
    let offset = 0;
    while (offset < line.length) {
      const { bytesWritten } = await handle.write(line, offset, line.length - offset);
      if (bytesWritten <= 0) throw new Error(`short write to ${path}`);
      offset += bytesWritten;
    }
    // fdatasync: the data and the new length, without the timestamps a full fsync also flushes.
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

export function removeJournal(fs: StoreFs, path: string): Promise<boolean> {
  return removeFileDurably(fs, path);
}

/** Keys of the journals in a data folder (`core.journal`, `meeting/m_1.journal`). */
export async function scanJournals(fs: StoreFs, dataDir: string, kinds: ReadonlySet<string>): Promise<PartitionKey[]> {
  const keys: PartitionKey[] = [];
  const names = await fs.readdir(dataDir).catch(() => [] as string[]);
  for (const name of names) {
    if (name.endsWith(JOURNAL_EXT)) {
      const key = name.slice(0, -JOURNAL_EXT.length);
      if (kinds.has(key) && isValidKey(key)) keys.push(key);
    } else if (kinds.has(name)) {
      for (const child of await fs.readdir(join(dataDir, name)).catch(() => [] as string[])) {
        const key = `${name}/${child.slice(0, -JOURNAL_EXT.length)}`;
        if (child.endsWith(JOURNAL_EXT) && isValidKey(key)) keys.push(key);
      }
    }
  }
  return keys.sort();
}

