import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { ApiError } from '../../../shared/api/errors';
import type { StoreFs } from './store-fs';

/** A file that exists but does not hold JSON (truncated, emptied, overwritten by hand). */
export class CorruptFileError extends Error {
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super(`${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'CorruptFileError';
    this.path = path;
  }
}

let tempCounter = 0;

/**
 * A temp name unique per write (pid + counter + random), in the target's own folder so the
 * rename stays on one volume. The leading dot keeps folder scans from mistaking it for data.
 */
export function tempPathFor(target: string): string {
  tempCounter = (tempCounter + 1) % 1_000_000_000;
  return join(dirname(target), `.${basename(target)}.${process.pid}.${tempCounter}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes `bytes` to a fresh temp file beside `target`, flushed to disk; returns its path. `mode`: of a new file (e.g. 0o600 for a secret). */
export async function writeTempFile(fs: StoreFs, target: string, bytes: Uint8Array, mode?: number): Promise<string> {
  const temp = tempPathFor(target);
  let handle: Awaited<ReturnType<StoreFs['open']>> | undefined;
  try {
    handle = await fs.open(temp, 'wx', mode);
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, offset);
      if (bytesWritten <= 0) throw new Error(`short write to ${temp}`);
      offset += bytesWritten;
    }
    await handle.sync();
    const closing = handle;
    handle = undefined;
    await closing.close();
    return temp;
  } catch (err) {
    await handle?.close().catch(() => undefined);
    // A half-written temp must not linger; scans ignore it anyway, but it wastes space.
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
}

const RENAME_RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** Elsewhere a held file is rare and EPERM / EACCES mean a real permission problem: a short retry, then the error. */
const SHORT_DELAYS_MS = [5, 10, 20, 40, 80, 160, 320];
/**
 * On Windows antivirus, indexers and an open document (a .docx in WPS or Word) hold a file for
 * seconds: back off from 50 ms to 2 s, about 10 s in all, before telling the user.
 */
export const HELD_FILE_DELAYS_MS = [50, 100, 200, 400, 800, 1600, 2000, 2000, 2000, 850];

/** The pauses between tries of a rename or removal held by another program on `platform`. */
export function heldRetryDelays(platform: NodeJS.Platform): readonly number[] {
  return platform === 'win32' ? HELD_FILE_DELAYS_MS : SHORT_DELAYS_MS;
}

/**
 * A file still held by another program after about 10 s of retries (Windows): the user is told in
 * words, never a raw EPERM, and nothing was changed by the write that met it.
 */
export class FileHeldError extends ApiError {
  readonly path: string;
  readonly errno: string;
  constructor(path: string, errno: string) {
    super('unavailable', fileHeldMessage(path));
    this.path = path;
    this.errno = errno;
  }
}

export function fileHeldMessage(path: string): string {
  return `文件正被其他程序打开（例如在 WPS 或 Word 中打开了它，或杀毒软件正在检查它），等待约10秒后仍无法写入：${path}。请关闭该文件或稍等片刻后重试。`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Windows antivirus and indexers hold freshly written files for a moment: retry (see heldRetryDelays). */
export function renameWithRetry(fs: StoreFs, from: string, to: string): Promise<void> {
  return whileHeld(fs, to, () => fs.rename(from, to));
}

/** Runs a rename or an unlink, again while the file is held by another program. */
async function whileHeld(fs: StoreFs, path: string, op: () => Promise<void>): Promise<void> {
  const platform = fs.platform ?? process.platform;
  const delays = heldRetryDelays(platform);
  const wait = fs.wait ?? sleep;
  for (let attempt = 0; ; attempt++) {
    try {
      await op();
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (!RENAME_RETRY_CODES.has(code)) throw err;
      const delay = delays[attempt];
      if (delay === undefined) throw platform === 'win32' ? new FileHeldError(path, code) : err;
      await wait(delay);
    }
  }
}

/**
 * Atomic and durable replacement: temp file, write, fsync, close, rename over the target,
 * fsync of the folder. A crash at any point leaves either the old or the new file, whole.
 */
export async function writeFileDurably(fs: StoreFs, target: string, bytes: Uint8Array, mode?: number): Promise<void> {
  const temp = await writeTempFile(fs, target, bytes, mode);
  try {
    await renameWithRetry(fs, temp, target);
  } catch (err) {
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
  await fs.syncDir(dirname(target));
}

/** The envelope's bytes around data already serialized (text or UTF-8): the same JSON as encodeJson(envelope). */
export function encodeEnvelope(envelope: { schemaVersion: number; savedAt: string }, data: string | Uint8Array): Buffer {
  const head = `{"schemaVersion":${envelope.schemaVersion},"savedAt":${JSON.stringify(envelope.savedAt)},"data":`;
  if (typeof data === 'string') return Buffer.from(`${head}${data}}`, 'utf8');
  return Buffer.concat([Buffer.from(head, 'utf8'), data, CLOSE_BRACE]);
}

const CLOSE_BRACE = Buffer.from('}');

export function encodeJson(value: unknown, pretty = false): Buffer {
  return Buffer.from(pretty ? `${JSON.stringify(value, null, 2)}\n` : JSON.stringify(value), 'utf8');
}

export async function writeJsonDurably(fs: StoreFs, target: string, value: unknown, pretty = false): Promise<void> {
  await writeFileDurably(fs, target, encodeJson(value, pretty));
}

/** What `readJsonOrAbsent` returns for a file that does not exist (JSON itself can never give it). */
export const ABSENT: unique symbol = Symbol('absent');

/** Parses file bytes as JSON (a byte-order mark is allowed); CorruptFileError names `path` otherwise. */
export function parseJsonBytes(bytes: Uint8Array, path: string): unknown {
  // Notepad may add a byte-order mark when someone opens and saves a file by hand.
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new CorruptFileError(path, err);
  }
}

/**
 * Parsed JSON of a file, ABSENT when it does not exist, CorruptFileError when it is not JSON.
 * A file holding JSON `null` is present (and bad, for the store): only a missing file is absent.
 */
export async function readJsonOrAbsent(fs: StoreFs, path: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return ABSENT;
    throw err;
  }
  return parseJsonBytes(bytes, path);
}

/** Parsed JSON of a file, `null` when it does not exist, CorruptFileError when it is not JSON. */
export async function readJsonFile(fs: StoreFs, path: string): Promise<unknown> {
  const value = await readJsonOrAbsent(fs, path);
  return value === ABSENT ? null : value;
}

/** Removes a file (retried while another program briefly holds it) and makes the removal durable; false when it did not exist. */
export async function removeFileDurably(fs: StoreFs, path: string): Promise<boolean> {
  try {
    await whileHeld(fs, path, () => fs.unlink(path));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  await fs.syncDir(dirname(path));
  return true;
}

/** Copies by reading and writing durably, so the copy is a new inode flushed to disk. */
export async function copyFileDurably(fs: StoreFs, from: string, to: string): Promise<number> {
  const bytes = await fs.readFile(from);
  await writeFileDurably(fs, to, bytes);
  return bytes.length;
}

/**
 * lowdb adapter holding one JSON file, written with `writeFileDurably`. lowdb's own JSONFile
 * uses a fixed temp name and never fsyncs, so it can lose a commit on power loss.
 * `read()` returns parsed but unvalidated JSON: the store validates before trusting it, which
 * is why it calls `readRaw()` instead of `Low.read()`.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly path: string;
  private readonly fs: StoreFs;

  constructor(path: string, fs: StoreFs) {
    this.path = path;
    this.fs = fs;
  }

  /** Parsed JSON, or ABSENT when the file does not exist. */
  readRaw(): Promise<unknown> {
    return readJsonOrAbsent(this.fs, this.path);
  }

  async read(): Promise<T | null> {
    const raw = await this.readRaw();
    return raw === ABSENT ? null : (raw as T);
  }

  write(data: T): Promise<void> {
    return writeJsonDurably(this.fs, this.path, data);
  }

  /** Writes bytes already encoded (the store encodes the data once and keeps the JSON). */
  writeBytes(bytes: Uint8Array): Promise<void> {
    return writeFileDurably(this.fs, this.path, bytes);
  }
}

/** The file or one of its folders does not exist. */
export function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR';
}

/** A folder's names; none when the folder does not exist. */
export async function readdirOrEmpty(fs: StoreFs, dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
}
