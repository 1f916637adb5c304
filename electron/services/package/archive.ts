import { randomBytes } from 'node:crypto';
import { dirname, join, posix, relative, sep } from 'node:path';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { z } from 'zod';
import { writeFileDurably } from '../store/durable-file';
import { LOCK_FILE } from '../store/lock';
import { isTempName } from '../store/partition-key';
import { nodeStoreFs, type StoreFs } from '../store/store-fs';
import type { Store } from '../store/types';
import { MANIFEST, openContainer, refuse, sha256, type ManifestFile } from './container';

/**
 * 完整备份: the whole data folder as one zip with a manifest (see this folder's README), written
 * under a hidden temporary name in the chosen folder and renamed into place only when whole — a
 * cancelled or failed archive leaves nothing behind. 从备份恢复 checks every file against the
 * manifest and writes the folder anew elsewhere; the caller then switches to it.
 */

export const ARCHIVE_FORMAT = 'pingyi-archive';

/** A path inside the archive: relative, `/`-separated, no `..`, no drive — nothing can land outside the new folder. */
const safePath = z
  .string()
  .min(1)
  .max(400)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !/^[A-Za-z]:/.test(p) && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'), '文件路径无效');

export const archiveManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(1),
  schemaVersion: z.number().int().min(0),
  appVersion: z.string().max(100),
  createdAt: z.string().max(40),
  machine: z.string().max(200),
  folderId: z.string().max(80),
  includesBackups: z.boolean(),
  files: z.array(z.object({ path: safePath, sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().min(0) })),
});
export type ArchiveManifest = z.infer<typeof archiveManifestSchema>;

export class ArchiveCancelled extends Error {
  constructor() {
    super('archive cancelled');
    this.name = 'ArchiveCancelled';
  }
}

export interface WriteArchiveOptions {
  store: Pick<Store, 'dataDir' | 'exclusive'>;
  /** The finished file's full path (free: the caller chose it). */
  target: string;
  includeBackups: boolean;
  manifest: Omit<ArchiveManifest, 'format' | 'formatVersion' | 'files' | 'includesBackups'>;
  isCancelled(): boolean;
  onProgress(done: number, total: number, bytes: number): void;
  fs?: StoreFs;
}

/** Every file of the folder but the lock, temp leftovers and (unless asked) backups/, read while no write can start. */
async function snapshot(fs: StoreFs, root: string, includeBackups: boolean, isCancelled: () => boolean): Promise<{ path: string; bytes: Uint8Array }[]> {
  const out: { path: string; bytes: Uint8Array }[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await fs.readdir(dir)).sort()) {
      if (isCancelled()) throw new ArchiveCancelled();
      if (isTempName(name) || name.endsWith('.partial')) continue;
      if (dir === root && (name === LOCK_FILE || (!includeBackups && name === 'backups'))) continue;
      const full = join(dir, name);
      const info = await fs.stat(full);
      if (info.isDirectory()) await walk(full);
      else out.push({ path: relative(root, full).split(sep).join(posix.sep), bytes: await fs.readFile(full) });
    }
  };
  await walk(root);
  return out;
}

const tick = () => new Promise<void>((r) => setImmediate(r));

export async function writeArchive(options: WriteArchiveOptions): Promise<{ path: string; files: number; bytes: number }> {
  const fs = options.fs ?? nodeStoreFs;
  const files = await options.store.exclusive(() => snapshot(fs, options.store.dataDir, options.includeBackups, options.isCancelled));
  const total = files.length;
  const temp = join(dirname(options.target), `.${randomBytes(6).toString('hex')}.pingyi-archive.partial`);
  const handle = await fs.open(temp, 'wx');
  let failed = true;
  try {
    let chunks: Uint8Array[] = [];
    let zipError: Error | null = null;
    const zip = new Zip((err, chunk) => {
      if (err) zipError = err;
      else chunks.push(chunk);
    });
    const flush = async () => {
      if (zipError) throw zipError;
      for (const c of chunks) await handle.write(c);
      chunks = [];
    };
    const listed: ManifestFile[] = [];
    let bytes = 0;
    options.onProgress(0, total, 0);
    for (const [i, file] of files.entries()) {
      if (options.isCancelled()) throw new ArchiveCancelled();
      const entry = new ZipDeflate(file.path, { level: 6 });
      zip.add(entry);
      entry.push(file.bytes, true);
      listed.push({ path: file.path, sha256: sha256(file.bytes), size: file.bytes.length });
      bytes += file.bytes.length;
      await flush();
      options.onProgress(i + 1, total, bytes);
      await tick();
    }
    if (options.isCancelled()) throw new ArchiveCancelled();
    const manifest: ArchiveManifest = { format: ARCHIVE_FORMAT, formatVersion: 1, ...options.manifest, includesBackups: options.includeBackups, files: listed };
    const entry = new ZipDeflate(MANIFEST, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(JSON.stringify(manifest, null, 2)), true);
    zip.end();
    await flush();
    await handle.sync();
    await handle.close();
    if (options.isCancelled()) throw new ArchiveCancelled();
    await fs.rename(temp, options.target);
    await fs.syncDir(dirname(options.target));
    failed = false;
    return { path: options.target, files: total, bytes };
  } finally {
    if (failed) {
      await handle.close().catch(() => undefined);
      await fs.unlink(temp).catch(() => undefined);
    }
  }
}

/** Opens an archive file: container checks (container.ts); an older data version is fine (the store upgrades it when opened). */
export function openArchive(bytes: Uint8Array, fileName: string, schemaVersion: number) {
  return openContainer(bytes, fileName, { what: '完整备份', format: ARCHIVE_FORMAT, schema: archiveManifestSchema, schemaVersion, acceptOlder: true });
}

/**
 * Writes an archive's files into `targetDir` (new, or an empty folder), each durably, and checks
 * each against the manifest again. On any failure what this call created is removed.
 */
export async function restoreArchiveTo(opened: ReturnType<typeof openArchive>, targetDir: string, fs: StoreFs = nodeStoreFs): Promise<{ files: number; bytes: number }> {
  const existing = await fs.stat(targetDir).catch(() => null);
  if (existing && !existing.isDirectory()) throw refuse(`“${targetDir}”是一个文件，不是文件夹。`);
  if (existing && (await fs.readdir(targetDir)).length > 0) throw refuse(`“${targetDir}”不是空文件夹；请选择一个新的或空的文件夹，原有的数据文件夹会保留。`);
  let bytes = 0;
  try {
    await fs.mkdir(targetDir, { recursive: true });
    const dirs = new Set<string>([targetDir]);
    for (const entry of opened.manifest.files) {
      const content = opened.files.get(entry.path)!;
      const dest = join(targetDir, ...entry.path.split('/'));
      await fs.mkdir(dirname(dest), { recursive: true });
      dirs.add(dirname(dest));
      await writeFileDurably(fs, dest, content);
      if (sha256(await fs.readFile(dest)) !== entry.sha256) throw refuse(`恢复时写入的文件“${entry.path}”读回不一致，磁盘可能有问题。`);
      bytes += content.length;
    }
    for (const d of dirs) await fs.syncDir(d);
    await fs.syncDir(dirname(targetDir));
  } catch (err) {
    if (!existing) await fs.rm(targetDir, { recursive: true, force: true }).catch(() => undefined);
    else for (const name of await fs.readdir(targetDir).catch(() => [] as string[])) await fs.rm(join(targetDir, name), { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
  return { files: opened.manifest.files.length, bytes };
}
