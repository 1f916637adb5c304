import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/api/define';
import type { StagedUpload } from '../../../shared/api/loop-types';
import { FILE_MAX_BYTES } from '../../../shared/loop/schemas';
import { evidenceFileProblem } from '../../../shared/loop/validation';
import { ApiError } from '../../../shared/api/errors';
import { safeFileName } from '../host/downloads';
import { systemClock, type Clock } from '../deps';

/**
 * Evidence files on their way in: the bytes of a file the window picked, held in memory (bound to
 * the window's role, for a while) until `loop.evidence.attach` copies them into the data folder. Browser
 * mode stages through the host's upload path, the desktop through the `loop.evidence.stage` call;
 * both end here, so the size rule and the name cleaning are the same.
 */

export interface StagedFile {
  name: string;
  bytes: Uint8Array;
}

export interface UploadStaging {
  /** Checks the size (50 MB) and keeps the bytes; the answer names the upload for attaching. */
  stage(role: Role, name: string, bytes: Uint8Array): StagedUpload;
  /** The staged file, or undefined when unknown, expired or staged by another role's window. */
  get(role: Role, uploadId: string): StagedFile | undefined;
  /** Forgets an upload once it was attached. */
  discard(uploadId: string): void;
}

const TTL_MS = 60 * 60_000;
/** Staged files not yet attached are dropped, oldest first, beyond this much memory. */
const MAX_STAGED_BYTES = 6 * FILE_MAX_BYTES;

export function createUploads(options: { clock?: Clock; ttlMs?: number; maxBytes?: number } = {}): UploadStaging {
  const clock = options.clock ?? systemClock;
  const ttl = options.ttlMs ?? TTL_MS;
  const cap = options.maxBytes ?? MAX_STAGED_BYTES;
  const entries = new Map<string, StagedFile & { role: Role; expiresAt: number }>();
  const purge = () => {
    const now = clock.now();
    for (const [id, e] of entries) if (e.expiresAt <= now) entries.delete(id);
    let total = [...entries.values()].reduce((n, e) => n + e.bytes.byteLength, 0);
    // Map keeps insertion order: the oldest go first.
    for (const [id, e] of entries) {
      if (total <= cap) break;
      entries.delete(id);
      total -= e.bytes.byteLength;
    }
  };
  return {
    stage(role, rawName, bytes) {
      const name = safeFileName(rawName);
      const problem = evidenceFileProblem(name, bytes.byteLength);
      if (problem) throw new ApiError('invalid_args', problem, [{ path: 'file', message: problem }]);
      if (bytes.byteLength === 0) throw new ApiError('invalid_args', `文件“${name}”是空文件，无法上传`, [{ path: 'file', message: '空文件' }]);
      const uploadId = `up_${randomBytes(15).toString('hex')}`;
      entries.set(uploadId, { name, bytes, role, expiresAt: clock.now() + ttl });
      purge();
      return { uploadId, name, size: bytes.byteLength };
    },
    get(role, uploadId) {
      purge();
      const e = entries.get(uploadId);
      return e && e.role === role ? { name: e.name, bytes: e.bytes } : undefined;
    },
    discard(uploadId) {
      entries.delete(uploadId);
    },
  };
}
