import { join } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { storeMessages } from './messages';
import type { StoreFs } from './store-fs';
import type { PartitionKey } from './types';

/*
 * Keys become file names, so they are held to a strict shape: a kind, optionally one id.
 * Lower case only, because Windows folders ignore case (m_a and M_A would be one file);
 * no dots, so a key can never climb out of the data folder or look like a temp file.
 */
const KIND = '[a-z][a-z0-9-]{0,31}';
const ID = '[a-z0-9][a-z0-9_-]{0,63}';
const KEY_PATTERN = new RegExp(`^(${KIND})(?:/(${ID}))?$`);

const WINDOWS_DEVICES = ['con', 'prn', 'aux', 'nul', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`])];
/** Names the store itself uses beside the partitions. */
const RESERVED = new Set(['meta', 'manifest', 'backups', 'quarantine', 'attachments', 'logs', 'data-location', ...WINDOWS_DEVICES]);

export interface ParsedKey {
  kind: string;
  id?: string;
}

export function parseKey(key: string): ParsedKey | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const kind = match[1] as string;
  const id = match[2];
  if (RESERVED.has(kind) || (id !== undefined && RESERVED.has(id))) return null;
  return id === undefined ? { kind } : { kind, id };
}

export function isValidKey(key: string): boolean {
  return parseKey(key) !== null;
}

export function assertValidKey(key: string): ParsedKey {
  const parsed = typeof key === 'string' ? parseKey(key) : null;
  if (!parsed) throw new ApiError('invalid_args', storeMessages.invalidKey(String(key)));
  return parsed;
}

/** Path segments of a partition file below a root (the data folder or a backup folder). */
export function partitionSegments(key: PartitionKey): string[] {
  const parts = key.split('/');
  const last = parts.pop() as string;
  return [...parts, `${last}.json`];
}

export function partitionPath(root: string, key: PartitionKey): string {
  return join(root, ...partitionSegments(key));
}

/** Our temp names only (see tempPathFor): other files in the folder are not ours to delete. */
const TEMP_PATTERN = /^\..+\.\d+\.\d+\.[0-9a-f]{8}\.tmp$/;

export function isTempName(name: string): boolean {
  return TEMP_PATTERN.test(name);
}

export interface FolderScan {
  keys: PartitionKey[];
  /** Leftovers of writes interrupted by a crash (never data: data only appears by rename). */
  temps: string[];
}

/**
 * Lists the partition files of the given kinds below a root by reading directory entries only
 * — no file is opened, so this stays cheap with ten years of archive. Files of other names
 * (logs, another service's settings) are not partitions and are left alone.
 */
export async function scanFolder(fs: StoreFs, root: string, kinds: ReadonlySet<string>): Promise<FolderScan> {
  const keys: PartitionKey[] = [];
  const temps: string[] = [];
  const entries = await readdirOrEmpty(fs, root);
  for (const name of entries) {
    if (isTempName(name)) {
      temps.push(join(root, name));
      continue;
    }
    if (name.endsWith('.json')) {
      const stem = name.slice(0, -'.json'.length);
      if (kinds.has(stem) && isValidKey(stem)) keys.push(stem);
      continue;
    }
    if (!kinds.has(name) || !isValidKey(name)) continue;
    const dir = join(root, name);
    const stat = await fs.stat(dir).catch(() => null);
    if (!stat?.isDirectory()) continue;
    for (const child of await readdirOrEmpty(fs, dir)) {
      if (isTempName(child)) temps.push(join(dir, child));
      else if (child.endsWith('.json') && isValidKey(`${name}/${child.slice(0, -'.json'.length)}`)) {
        keys.push(`${name}/${child.slice(0, -'.json'.length)}`);
      }
    }
  }
  keys.sort();
  return { keys, temps };
}

export async function scanPartitions(fs: StoreFs, root: string, kinds: ReadonlySet<string>): Promise<PartitionKey[]> {
  return (await scanFolder(fs, root, kinds)).keys;
}

async function readdirOrEmpty(fs: StoreFs, dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw err;
  }
}
