/** Browser mode's evidence upload route, `POST /<role>/upload`: its checks, the raw body and the staging. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '../../../shared/api/define';
import { ApiError, type Reply } from '../../../shared/api/errors';
import { roleMayCall, type CallName } from '../../../shared/api/contract';
import { FILE_MAX_BYTES } from '../../../shared/loop/schemas';
import type { UploadStaging } from '../loop/uploads';
import type { Logger } from '../deps';
import { mediaType, postFromHere, readBody, sendReply } from './http-util';
import { HOST_TEXT } from './messages';

export interface UploadRouteOptions {
  /** The services' own staging; without it uploads are refused. */
  uploads?: UploadStaging | undefined;
  /** The services' check of a window before a call (the lock), asked before anything is staged. */
  gate?: ((role: Role, name: CallName) => Promise<ApiError | null>) | undefined;
  log: Logger;
}

export async function handleUpload(req: IncomingMessage, res: ServerResponse, role: Role, options: UploadRouteOptions): Promise<void> {
  const { uploads, gate, log } = options;
  if (!postFromHere(req, res)) return;
  if (!uploads || !roleMayCall(role, 'loop.evidence.attach')) {
    log.info('browser-mode request refused', { reason: uploads ? 'upload role' : 'no upload staging', role });
    sendReply(res, 403, { ok: false, error: { code: 'forbidden', message: uploads ? HOST_TEXT.forbidden : HOST_TEXT.uploadUnavailable } });
    return;
  }
  const refusal = gate ? await gate(role, 'loop.evidence.attach') : null;
  if (refusal) {
    log.info('browser-mode upload refused', { reason: refusal.message, role });
    sendReply(res, 200, { ok: false, error: refusal.toJSON() }, { Connection: 'close' });
    return;
  }
  // Not a type a plain HTML form can send, which closes the CSRF path as for the API.
  if (mediaType(req) !== 'application/octet-stream') {
    sendReply(res, 415, { ok: false, error: { code: 'invalid_args', message: HOST_TEXT.uploadContentType } });
    return;
  }
  const name = decodedName(req.headers['x-file-name']);
  if (name === null) {
    sendReply(res, 400, { ok: false, error: { code: 'invalid_args', message: HOST_TEXT.uploadName } });
    return;
  }
  const body = await readBody(req, FILE_MAX_BYTES, FILE_MAX_BYTES * 2);
  if (!body.ok) {
    if (body.reason === 'too-large') {
      log.info('browser-mode upload refused', { reason: 'too large', role });
      sendReply(res, 413, { ok: false, error: { code: 'invalid_args', message: `文件“${name}”超过${FILE_MAX_BYTES / 1024 / 1024} MB，无法上传` } }, { Connection: 'close' });
    } else {
      res.destroy();
    }
    return;
  }
  let reply: Reply;
  try {
    reply = { ok: true, result: uploads.stage(role, name, body.body) };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    log.info('browser-mode upload refused', { reason: err.message, role });
    reply = { ok: false, error: err.toJSON() };
  }
  sendReply(res, 200, reply);
}

/** The file name an upload carries, URI-encoded; null when missing or not decodable. */
function decodedName(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || header.trim() === '') return null;
  try {
    const name = decodeURIComponent(header).trim();
    return name === '' || name.length > 500 ? null : name;
  } catch {
    return null;
  }
}
