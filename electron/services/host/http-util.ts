import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Reply } from '../../../shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '../../../shared/api/csp';
import { HOST_TEXT, messagePage } from './messages';

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Set first on every response, so no code path (errors included) can forget them. */
export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

export function sendHtml(res: ServerResponse, status: number, title: string, message: string, headers: OutgoingHttpHeaders = {}): void {
  sendBody(res, status, 'text/html; charset=utf-8', messagePage(title, message), { 'Cache-Control': 'no-store', ...headers });
}

export function sendReply(res: ServerResponse, status: number, reply: Reply, headers: OutgoingHttpHeaders = {}): void {
  sendBody(res, status, 'application/json; charset=utf-8', JSON.stringify(reply), { 'Cache-Control': 'no-store', ...headers });
}

export function sendBody(res: ServerResponse, status: number, contentType: string, body: string | Uint8Array, headers: OutgoingHttpHeaders = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': bytes.byteLength });
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}

/** POST only, and never from another site: false when refused (the answer is sent). */
export function postFromHere(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'POST') {
    sendReply(res, 405, { ok: false, error: { code: 'invalid_args', message: HOST_TEXT.methodNotAllowed } }, { Allow: 'POST' });
    return false;
  }
  // SameSite=Strict already keeps the cookie off cross-site requests; this refuses them outright.
  const origin = req.headers.origin;
  if ((origin !== undefined && origin !== `http://${req.headers.host}`) || req.headers['sec-fetch-site'] === 'cross-site') {
    sendReply(res, 403, { ok: false, error: { code: 'forbidden', message: HOST_TEXT.crossOrigin } });
    return false;
  }
  return true;
}

/** The request's Content-Type without its parameters, lower case. */
export function mediaType(req: IncomingMessage): string | undefined {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
}

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads a request body up to `limit` bytes. An oversize body is still drained (up to a hard
 * cap) before answering, because a client still uploading would otherwise see a reset
 * connection instead of the 413 page that explains what happened.
 */
export function readBody(req: IncomingMessage, limit: number, drainCap = limit * 16): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    let tooLarge = Number.isFinite(declared) && declared > limit;
    if (tooLarge && declared > drainCap) {
      resolve({ ok: false, reason: 'too-large' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else if (size > drainCap) {
        req.removeAllListeners('data');
        req.removeAllListeners('end');
        req.resume();
        resolve({ ok: false, reason: 'too-large' });
      }
    });
    req.on('end', () => resolve(tooLarge ? { ok: false, reason: 'too-large' } : { ok: true, body: Buffer.concat(chunks, size) }));
    req.on('error', () => resolve({ ok: false, reason: 'aborted' }));
    req.on('close', () => {
      if (!req.complete) resolve({ ok: false, reason: 'aborted' });
    });
  });
}
