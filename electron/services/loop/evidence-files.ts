import { createHash } from 'node:crypto';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { storedPathProblem, type FileRef } from '../../../shared/loop/schemas';
import { writeFileDurably } from '../store/durable-file';
import { nodeStoreFs, type StoreFs } from '../store/store-fs';

/**
 * Evidence files in the data folder: `attachments/evidence/<first two hex>/<sha256><.ext>`, named by
 * their content (the same file attached twice is stored once), written as every data file is
 * (temp file, fsync, rename, folder fsync) before any record names it, and read back only from
 * inside the data folder with the checksum verified. A removed reference leaves the file: another
 * reference, or a backup's restore, may still need it.
 */

export const EVIDENCE_DIR = 'attachments/evidence';

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The extension kept so the file opens with its program: letters and digits only, short. */
function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return m ? `.${(m[1] as string).toLowerCase()}` : '';
}

export function storedPathFor(sha256: string, name: string): string {
  return `${EVIDENCE_DIR}/${sha256.slice(0, 2)}/${sha256}${extensionOf(name)}`;
}

/** The absolute path of a stored reference, refused unless it lies inside the data folder. */
export function absoluteInside(dataDir: string, storedAs: string): string {
  const problem = storedPathProblem(storedAs);
  if (problem) throw new ApiError('conflict', problem);
  const root = resolve(dataDir);
  const abs = resolve(root, ...storedAs.split('/'));
  const rel = relative(root, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new ApiError('conflict', `文件存放位置“${storedAs}”不在数据文件夹内`);
  return abs;
}

/** Copies the bytes into the data folder (unless the same content is there already) and answers its reference. */
export async function storeEvidence(dataDir: string, name: string, bytes: Uint8Array, fs: StoreFs = nodeStoreFs): Promise<FileRef> {
  const sha256 = sha256Of(bytes);
  const storedAs = storedPathFor(sha256, name);
  const abs = absoluteInside(dataDir, storedAs);
  const existing = await fs.readFile(abs).catch(() => null);
  if (!existing || sha256Of(existing) !== sha256) {
    const folder = join(abs, '..');
    await fs.mkdir(folder, { recursive: true });
    // The folders a first file creates are made durable too, not only the file in them.
    await fs.syncDir(join(folder, '..'));
    await fs.syncDir(join(folder, '..', '..'));
    await writeFileDurably(fs, abs, bytes);
  }
  return { name, size: bytes.byteLength, sha256, storedAs };
}

/** Reads a stored file back, checking it is whole; a Chinese message names a missing or altered file. */
export async function readEvidence(dataDir: string, ref: FileRef, fs: StoreFs = nodeStoreFs): Promise<Uint8Array> {
  const abs = absoluteInside(dataDir, ref.storedAs);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(abs);
  } catch {
    throw new ApiError('not_found', `找不到佐证材料“${ref.name}”的文件（${ref.storedAs}），可能已被移动或删除；可从备份恢复。`);
  }
  if (sha256Of(bytes) !== ref.sha256) {
    throw new ApiError('conflict', `佐证材料“${ref.name}”的文件与登记时的校验值不符，可能已被改动或损坏；可从备份恢复。`);
  }
  return bytes;
}
