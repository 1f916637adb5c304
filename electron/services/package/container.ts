import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';

/**
 * The container shared by the meeting package (`.pingyi`) and the archive (`.zip`): a zip holding
 * `manifest.json` and the files it lists, each with its SHA-256 and size. Reading checks, in order,
 * and refuses with a Chinese sentence naming what failed: a zip at all (a file renamed from
 * something else), whole (cut short), a manifest of the expected format, a data version this
 * app knows, and then every file: present, listed, and matching its checksum (edited by hand or
 * damaged). Nothing is written before all of it passed.
 */

export const MANIFEST = 'manifest.json';

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

export const manifestFileSchema = z.object({
  path: z.string().min(1).max(400),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
});

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The refusal of a package or archive: always `invalid_args` with the sentence the window shows as it is. */
export function refuse(message: string): ApiError {
  return new ApiError('invalid_args', message);
}

export interface ContainerRules<M extends { files: ManifestFile[]; schemaVersion: number }> {
  /** 会议包, 完整备份: the noun in the messages. */
  what: string;
  /** The `format` field's expected value. */
  format: string;
  schema: z.ZodType<M>;
  /** The newest data version this app reads. */
  schemaVersion: number;
  /** Whether an older data version is accepted (an archive is upgraded when opened; a package is not). */
  acceptOlder: boolean;
}

export interface OpenedContainer<M> {
  manifest: M;
  files: Map<string, Uint8Array>;
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EOCD = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** The end-of-central-directory record within the last 64 KiB + 22 bytes: absent when the file was cut short. */
function hasEndRecord(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === ZIP_EOCD[0] && bytes[i + 1] === ZIP_EOCD[1] && bytes[i + 2] === ZIP_EOCD[2] && bytes[i + 3] === ZIP_EOCD[3]) return true;
  }
  return false;
}

export function openContainer<M extends { files: ManifestFile[]; schemaVersion: number }>(
  bytes: Uint8Array,
  fileName: string,
  rules: ContainerRules<M>,
): OpenedContainer<M> {
  const name = `“${fileName}”`;
  if (bytes.length === 0) throw refuse(`文件${name}是空文件，不是${rules.what}。`);
  if (!startsWith(bytes, ZIP_LOCAL)) throw refuse(`文件${name}不是${rules.what}（不是压缩包格式），可能是由其他文件改名而来。`);
  if (!hasEndRecord(bytes)) throw refuse(`文件${name}不完整（文件末尾缺失，可能复制时被截断），无法读取；请重新复制或重新导出。`);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (err) {
    throw refuse(`文件${name}已损坏，无法解压（${err instanceof Error ? err.message : String(err)}）；请重新复制或重新导出。`);
  }
  const manifestBytes = entries[MANIFEST];
  if (!manifestBytes) throw refuse(`文件${name}不是${rules.what}：其中没有清单文件 ${MANIFEST}，可能是由其他压缩包改名而来。`);
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw refuse(`文件${name}的清单 ${MANIFEST} 不是有效的 JSON，已损坏或被手工修改。`);
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== rules.format) throw refuse(`文件${name}不是${rules.what}（清单中的格式为“${String(format ?? '无')}”），可能是其他类型的数据包改名而来。`);
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > rules.schemaVersion) {
    throw refuse(`${rules.what}${name}由较新版本的程序生成（数据版本 ${version}，本机只支持到 ${rules.schemaVersion}），请先升级本机的人大工作评议系统。`);
  }
  if (typeof version === 'number' && version < rules.schemaVersion && !rules.acceptOlder) {
    throw refuse(`${rules.what}${name}由较旧版本的程序生成（数据版本 ${version}，本机为 ${rules.schemaVersion}），请先把另一台电脑升级到相同版本后重新导出。`);
  }
  const parsed = rules.schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(`文件${name}的清单 ${MANIFEST} 不符合格式（${issue?.path.join('.') || '清单'}：${issue?.message ?? '无效'}），已损坏或被手工修改。`);
  }
  const manifest = parsed.data;
  const files = new Map<string, Uint8Array>();
  const listed = new Set<string>();
  for (const entry of manifest.files) {
    listed.add(entry.path);
    const content = entries[entry.path];
    if (!content) throw refuse(`${rules.what}${name}缺少清单中列出的文件“${entry.path}”，已损坏或被手工修改。`);
    if (content.length !== entry.size || sha256(content) !== entry.sha256) {
      throw refuse(`${rules.what}${name}中的文件“${entry.path}”校验值不符（已损坏或被手工修改），不能导入。`);
    }
    files.set(entry.path, content);
  }
  for (const path of Object.keys(entries)) {
    if (path === MANIFEST || path.endsWith('/')) continue;
    if (!listed.has(path)) throw refuse(`${rules.what}${name}中有清单未列出的文件“${path}”，已被手工修改，不能导入。`);
  }
  return { manifest, files };
}

/** A whole container in memory (the meeting package: small). */
export function buildContainer(manifest: Record<string, unknown>, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const list: ManifestFile[] = [...files].map(([path, content]) => ({ path, sha256: sha256(content), size: content.length }));
  const entries: Record<string, Uint8Array> = { [MANIFEST]: strToU8(JSON.stringify({ ...manifest, files: list }, null, 2)) };
  for (const [path, content] of files) entries[path] = content;
  return zipSync(entries, { level: 6 });
}

/** A JSON file of a container, parsed and checked against its schema; the refusal names the file. */
export function readJsonFile<T>(files: ReadonlyMap<string, Uint8Array>, path: string, schema: z.ZodType<T>, what: string): T {
  const bytes = files.get(path);
  if (!bytes) throw refuse(`${what}缺少文件“${path}”。`);
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(bytes));
  } catch {
    throw refuse(`${what}中的文件“${path}”不是有效的 JSON。`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(`${what}中的文件“${path}”内容无效（${issue?.path.join('.') || path}：${issue?.message ?? '无效'}）。`);
  }
  return parsed.data;
}
