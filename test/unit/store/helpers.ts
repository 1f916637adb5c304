import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../../electron/services/deps';
import { envelope001 } from '../../../electron/services/store/migrations/001-envelope';
import { parseJournal } from '../../../electron/services/store/journal';
import { openStore } from '../../../electron/services/store/open-store';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store/store-fs';
import type { Store, StoreOptions } from '../../../electron/services/store/types';

/** Tiny partition types: the store is tested apart from the real domain. */
export const coreSchema = z.object({ items: z.array(z.string()) });
export const yearSchema = z.object({ entries: z.array(z.number()) });
export type Core = z.infer<typeof coreSchema>;
export type Year = z.infer<typeof yearSchema>;

export const testPartitions: StoreOptions['partitions'] = {
  core: { schema: coreSchema, empty: () => ({ items: [] }) },
  year: { schema: yearSchema, empty: () => ({ entries: [] }) },
  meeting: { schema: z.object({ title: z.string() }), empty: () => ({ title: '' }) },
};

export const T0 = Date.UTC(2026, 9, 28, 9, 30, 15, 123);

export class TestClock {
  t: number;
  constructor(t = T0) {
    this.t = t;
  }
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  details?: Record<string, unknown>;
}

export function memoryLog(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const push = (level: LogEntry['level']) => (message: string, details?: Record<string, unknown>) => {
    entries.push(details ? { level, message, details } : { level, message });
  };
  return { entries, info: push('info'), warn: push('warn'), error: push('error') };
}

const made: string[] = [];

export async function tempDir(prefix = 'pingyi-store-'): Promise<string> {
  const dir = await fsp.mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  for (const dir of made.splice(0)) await fsp.rm(dir, { recursive: true, force: true });
}

export function options(dataDir: string, overrides: Partial<StoreOptions> = {}): StoreOptions {
  return {
    dataDir,
    partitions: testPartitions,
    // The tiny partitions above are not the app's data: only the envelope step applies to them
    // (the app's own data migrations have their tests in migrations/).
    schemaVersion: 1,
    migrations: [envelope001],
    clock: new TestClock(),
    log: memoryLog(),
    backupOnStart: false,
    isProcessAlive: () => false,
    ...overrides,
  };
}

export async function open(dataDir: string, overrides: Partial<StoreOptions> = {}): Promise<Store> {
  return openStore(options(dataDir, overrides));
}

// Tests poke into stored JSON freely; `any` keeps those assertions short.
// oxlint-disable-next-line typescript/no-explicit-any
export async function readJson(path: string): Promise<any> {
  return JSON.parse(await fsp.readFile(path, 'utf8'));
}

export async function exists(path: string): Promise<boolean> {
  return fsp.stat(path).then(
    () => true,
    () => false,
  );
}

/** All file names below a folder, relative, sorted (to spot leftovers such as temp files). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** A promise with its resolver, for holding an operation back until the test lets it go. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

type FileHandle = Awaited<ReturnType<typeof fsp.open>>;

/** Wraps a real file handle, replacing some of its methods. */
type HandleMethod = (buffer: Uint8Array, offset?: number, length?: number, position?: number) => Promise<unknown>;

export function wrapHandle(handle: FileHandle, overrides: Partial<Record<'write' | 'sync' | 'datasync', HandleMethod>>): FileHandle {
  return new Proxy(handle, {
    get(target, prop) {
      if (prop === 'write' && overrides.write) return overrides.write;
      if (prop === 'sync' && overrides.sync) return overrides.sync;
      if (prop === 'datasync' && overrides.datasync) return overrides.datasync;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A file system whose `open` hands out wrapped handles for paths that `match`. */
export function fsWithHandles(match: (path: string) => boolean, wrap: (handle: FileHandle) => FileHandle, base: StoreFs = nodeStoreFs): StoreFs {
  const openWrapped = (async (path: Parameters<typeof fsp.open>[0], flags?: Parameters<typeof fsp.open>[1], mode?: Parameters<typeof fsp.open>[2]) => {
    const handle = await base.open(path, flags, mode);
    return match(String(path)) ? wrap(handle) : handle;
  }) as typeof fsp.open;
  return { ...base, open: openWrapped };
}

/** Writes half of the bytes, then fails as a full disk would. */
export function halfWriteFs(match: (path: string) => boolean): StoreFs {
  return fsWithHandles(match, (handle) =>
    wrapHandle(handle, {
      async write(buffer: Uint8Array, offset = 0, length = buffer.length - offset, position?: number) {
        await handle.write(buffer, offset, Math.floor(length / 2), position);
        throw Object.assign(new Error('no space left on device (injected)'), { code: 'ENOSPC' });
      },
    }),
  );
}

/** A backup's manifest, read straight from disk. */
// oxlint-disable-next-line typescript/no-explicit-any
export async function manifestOf(dataDir: string, id: string): Promise<any> {
  return readJson(join(dataDir, 'backups', id, 'manifest.json'));
}

/** Where a backup keeps its copy of `path` (`core.json`, `year/2025.json`, `meta.json`), or null. */
export async function backupBlobPath(dataDir: string, id: string, path: string): Promise<string | null> {
  const entry = (await manifestOf(dataDir, id)).entries.find((e: { path: string }) => e.path === path);
  return entry ? join(dataDir, 'backups', 'blobs', entry.sha256) : null;
}

/** A backup's copy of `path`, as bytes. */
export async function backupBytes(dataDir: string, id: string, path: string): Promise<Buffer> {
  const blob = await backupBlobPath(dataDir, id, path);
  if (!blob) throw new Error(`backup ${id} has no ${path}`);
  return fsp.readFile(blob);
}

/**
 * A partition's data as durably saved, the way the store reads it back after a stop: while a
 * meeting runs, its journal's newest line (the partition file follows it right after each change);
 * otherwise the partition file. `file`: the partition's path (`…/meeting/<id>.json`).
 */
// oxlint-disable-next-line typescript/no-explicit-any
export async function durableData(file: string): Promise<any> {
  const journal = await fsp.readFile(file.replace(/\.json$/, '.journal')).catch(() => null);
  const last = journal ? parseJournal(journal).last : null;
  if (last) return last.data;
  return (JSON.parse(await fsp.readFile(file, 'utf8')) as { data: unknown }).data;
}
