/**
 * Browser mode's HTTP host: serves the built renderer and the same API dispatch as the
 * Electron IPC, over node:http on loopback.
 *
 * ## Wire protocol (what renderer/src/platform/browser-platform.ts speaks)
 *
 * Every URL lives under the window's role prefix, `/desk/`, `/console/` or `/hall/`; the page
 * learns its role from the first path segment. Routing inside the app must use the URL hash
 * (`/desk/#/…`): the renderer is built with base './', so assets resolve relative to the page.
 *
 * - Access. The host prints `http://127.0.0.1:<port>/<role>/?token=<T>`. Opening it answers
 *   `303 Location: /<role>/` with `Set-Cookie: pingyi_<role>=<T>; HttpOnly; SameSite=Strict;
 *   Path=/<role>/`, so the token leaves the address bar and every later request of that page
 *   (assets, API, event stream, downloads) carries it automatically. Without the role's cookie
 *   (or a `?token=` for that role) every request is refused: 403, an HTML page, or for the API
 *   the Reply `{ok:false,error:{code:'forbidden',message}}`. Tokens survive host restarts
 *   (they live in the data folder), so an open page keeps working after a restart on the same
 *   port. Cookies ignore the port: two hosts on one machine share the cookie names, and opening
 *   the second host's link replaces the first host's cookie of that role.
 * - Calls. `POST /<role>/api/<call name>` with `Content-Type: application/json` and the
 *   arguments object as body (empty body = `{}`; limit 1 MiB). The answer is always a JSON
 *   `Reply` (`{ok:true,result}` or `{ok:false,error:{code,message,issues?}}`): HTTP 200 for
 *   results and API errors alike; 400 (not JSON), 403 (no access or cross-site Origin), 404
 *   (malformed call path), 405, 413 (over 1 MiB) and 415 (wrong content type) carry a Reply too.
 *   Rule for the client: a response with a JSON content type is the Reply, whatever its status;
 *   anything else, or no answer, is a transport failure (the host is away) and the connection
 *   is reported as lost. The role is the path's, checked against the cookie; a role in the
 *   body means nothing.
 * - Events. `GET /<role>/events` is a Server-Sent Events stream (use `new EventSource('events')`
 *   relative to the page). It starts with `retry: 1000` and an `event: hello` whose data is
 *   `{instance, role, version}`; `instance` is random per host start, so a hello with a new
 *   instance after a reconnect means "refetch everything". Then one `event: <name>` /
 *   `data: <payload JSON>` per contract event the role may receive, and a `: ping` comment every
 *   15 s. EventSource reconnects by itself while the host is down (connection refused); a 403
 *   stops it for good. Each open stream holds one of Chromium's six connections per host, so a
 *   page opens exactly one stream and never more.
 * - Uploads. `POST /<role>/upload` with `Content-Type: application/octet-stream`, the file's
 *   name URI-encoded in `X-File-Name` and the raw bytes as body (limit 50 MB, the evidence files'
 *   limit) stages an evidence file for a window whose role may attach one; the answer is a JSON
 *   Reply whose result is `{uploadId, name, size}` for `loop.evidence.attach`. Same cookie, Origin
 *   and Host checks as the API; over 50 MB: 413 with a Reply naming the limit.
 * - Downloads. The services register a file and return its path `/<role>/download/<id>`; a GET
 *   there serves it once with `Content-Disposition: attachment; filename="…";
 *   filename*=UTF-8''…`, then the id is gone (404 page).
 *
 * Every response carries a strict CSP and nosniff / no-referrer / COOP headers. A request whose
 * Host header is not one of our own addresses is refused (421) against DNS rebinding.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Role } from '../../../shared/api/define';
import type { ApiError, Reply } from '../../../shared/api/errors';
import type { CallName } from '../../../shared/api/contract';
import type { UploadStaging } from '../loop/uploads';
import { newRequestId, type Dispatch } from '../api/dispatch';
import type { EventHub } from '../api/event-hub';
import type { Logger } from '../deps';
import { contentDisposition, createDownloads, type DownloadRegistry } from './downloads';
import { openEventStream } from './event-stream';
import { applySecurityHeaders, mediaType, postFromHere, readBody, sendBody, sendHtml, sendReply } from './http-util';
import { HOST_TEXT } from './messages';
import {
  TokenChecker,
  bracket,
  createHostCheck,
  hasTrailingSlash,
  isLoopbackHost,
  isRole,
  isWildcardHost,
  parseRequestPath,
  tokenCookie,
} from './request-guard';
import { resolveStatic, sendFile } from './static-files';
import { handleUpload } from './upload-route';

export const BODY_LIMIT = 1024 * 1024;

export interface HttpHostOptions {
  dispatch: Dispatch;
  hub: EventHub;
  tokens: Record<Role, string>;
  /** The vite-built renderer (index.html and assets/). */
  staticDir: string;
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  log: Logger;
  version?: string;
  /** Must be true to bind anything but a loopback address: a second guard behind --listen-all. */
  listenAll?: boolean;
  downloads?: DownloadRegistry;
  /** Where `POST /<role>/upload` stages evidence files (the services' own staging); without it uploads are refused. */
  uploads?: UploadStaging;
  /** The services' check of a window before a call (the lock); also asked before an upload is staged. */
  gate?: (role: Role, name: CallName) => Promise<ApiError | null>;
  heartbeatMs?: number;
}

export interface HttpHost {
  /** The link to print for a role, with its one-time `?token=`. */
  url(role: Role): string;
  readonly origin: string;
  readonly port: number;
  /** What the socket is bound to (127.0.0.1 unless listenAll). */
  readonly address: AddressInfo;
  readonly instance: string;
  readonly downloads: DownloadRegistry;
  /** Ends the event streams and stops the server; pending API calls finish first. */
  close(): Promise<void>;
}

type RouteKind = 'page' | 'api' | 'events' | 'download' | 'upload';

export async function createHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const { dispatch, hub, log, staticDir } = options;
  if (!isLoopbackHost(options.host) && !options.listenAll) {
    throw new Error(`refusing to listen on ${options.host} without listenAll`);
  }
  const version = options.version ?? '0.0.0';
  const instance = randomBytes(9).toString('base64url');
  const checker = new TokenChecker(options.tokens);
  const downloads = options.downloads ?? createDownloads();
  const streams = new Set<() => void>();
  let boundPort = options.port;
  const hostOk = createHostCheck(options.host, () => boundPort);

  const refuse = (res: ServerResponse, kind: RouteKind, reason: string, req: IncomingMessage) => {
    log.info('browser-mode request refused', { reason, method: req.method, path: (req.url ?? '').split('?')[0] });
    if (kind === 'api' || kind === 'upload') sendReply(res, 403, { ok: false, error: { code: 'forbidden', message: HOST_TEXT.forbidden } });
    else sendHtml(res, 403, '访问被拒绝', HOST_TEXT.forbidden);
  };

  const methodNotAllowed = (res: ServerResponse, allow: string) =>
    sendHtml(res, 405, '请求方式不支持', HOST_TEXT.methodNotAllowed, { Allow: allow });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    applySecurityHeaders(res);
    const rawUrl = req.url ?? '';
    if (!hostOk(req.headers.host)) {
      log.info('browser-mode request refused', { reason: 'host header', host: String(req.headers.host).slice(0, 100) });
      sendHtml(res, 421, '访问被拒绝', HOST_TEXT.wrongHost);
      return;
    }
    const parsed = parseRequestPath(rawUrl);
    if (!parsed.ok) {
      log.info('browser-mode request refused', { reason: 'bad path' });
      sendHtml(res, 400, '地址无效', HOST_TEXT.badPath);
      return;
    }
    const [first, ...rest] = parsed.segments;
    if (first === undefined) {
      sendHtml(res, 404, '人大工作评议系统', HOST_TEXT.rootPage);
      return;
    }
    if (!isRole(first)) {
      sendHtml(res, 404, '找不到页面', HOST_TEXT.notFound);
      return;
    }
    const role = first;
    if (rest.length === 0 && !hasTrailingSlash(rawUrl)) {
      // `/desk` → `/desk/`: the cookie's Path is `/desk/`, and relative asset URLs need the slash.
      const q = rawUrl.indexOf('?');
      redirect(res, `/${role}/${q < 0 ? '' : rawUrl.slice(q)}`);
      return;
    }
    const kind = routeKind(rest);
    const queryToken = parsed.query.get('token');
    const byQuery = checker.matches(role, queryToken);
    if (!byQuery && !checker.cookieMatches(role, req.headers.cookie)) {
      refuse(res, kind, queryToken === null ? 'no cookie' : 'wrong token', req);
      return;
    }

    const extra = rest.length !== (kind === 'events' ? 1 : 2);
    if (kind === 'api') {
      if (extra) sendReply(res, 404, { ok: false, error: { code: 'unknown_call', message: HOST_TEXT.notFound } });
      else await handleApi(req, res, role, rest[1] ?? '');
      return;
    }
    if (kind === 'upload') {
      if (rest.length !== 1) sendReply(res, 404, { ok: false, error: { code: 'unknown_call', message: HOST_TEXT.notFound } });
      else await handleUpload(req, res, role, options);
      return;
    }
    if (kind !== 'page' && extra) {
      sendHtml(res, 404, '找不到页面', HOST_TEXT.notFound);
      return;
    }
    if (kind === 'events') {
      if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
      const end = openEventStream(req, res, {
        role,
        hub,
        hello: { instance, role, version },
        ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
        onClosed: () => streams.delete(end),
      });
      streams.add(end);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
    if (kind === 'download') return handleDownload(req, res, role, rest[1] ?? '');

    if (queryToken !== null) {
      // Take the token out of the address bar (and history); a valid one becomes the cookie.
      const q = rawUrl.indexOf('?');
      parsed.query.delete('token');
      const search = parsed.query.toString();
      redirect(res, `${rawUrl.slice(0, q)}${search ? `?${search}` : ''}`, byQuery ? { 'Set-Cookie': tokenCookie(role, queryToken ?? '') } : {});
      return;
    }
    const target = await resolveStatic(staticDir, rest);
    if (target.kind === 'refused') {
      sendHtml(res, 400, '地址无效', HOST_TEXT.badPath);
    } else if (target.kind === 'missing') {
      const isIndex = rest.length === 0;
      sendHtml(res, 404, '找不到页面', isIndex ? HOST_TEXT.rendererMissing : HOST_TEXT.notFound);
    } else {
      sendFile(res, target, (err) => log.error('static file read failed', { path: target.path, error: String(err) }));
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, role: Role, name: string): Promise<void> {
    if (!postFromHere(req, res)) return;
    // A JSON content type cannot be sent by a plain HTML form, which closes the classic CSRF path.
    if (mediaType(req) !== 'application/json') {
      sendReply(res, 415, { ok: false, error: { code: 'invalid_args', message: HOST_TEXT.wrongContentType } });
      return;
    }
    const body = await readBody(req, BODY_LIMIT);
    if (!body.ok) {
      if (body.reason === 'too-large') {
        sendReply(res, 413, { ok: false, error: { code: 'invalid_args', message: HOST_TEXT.tooLarge } }, { Connection: 'close' });
      } else {
        res.destroy();
      }
      return;
    }
    let args: unknown;
    const text = body.body.toString('utf8');
    if (text.trim() !== '') {
      try {
        args = JSON.parse(text);
      } catch {
        sendReply(res, 400, { ok: false, error: { code: 'invalid_args', message: HOST_TEXT.invalidJson } });
        return;
      }
    }
    let reply: Reply;
    try {
      reply = await dispatch(role, name, args);
    } catch (err) {
      // Dispatch turns handler failures into Replies; reaching this is a bug in the host wiring.
      const id = newRequestId();
      log.error('dispatch threw', { id, name, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      reply = { ok: false, error: { code: 'internal', message: `${HOST_TEXT.internal}（编号 ${id}）`, requestId: id } };
    }
    sendReply(res, 200, reply);
  }

  function handleDownload(req: IncomingMessage, res: ServerResponse, role: Role, id: string): void {
    const entry = downloads.peek(role, id);
    if (!entry) {
      sendHtml(res, 404, '下载链接已失效', HOST_TEXT.downloadGone);
      return;
    }
    // The headers are built before the one-time link is used up, so nothing about them can burn it.
    const headers = { 'Content-Disposition': contentDisposition(entry.fileName), 'Cache-Control': 'no-store' };
    if (req.method !== 'HEAD') downloads.take(role, id);
    if (entry.body !== undefined) {
      sendBody(res, 200, entry.contentType, entry.body, headers);
      return;
    }
    const stream = createReadStream(entry.path ?? '');
    stream.once('open', () => {
      res.writeHead(200, { ...headers, 'Content-Type': entry.contentType });
      if (req.method === 'HEAD') {
        stream.destroy();
        res.end();
      } else stream.pipe(res);
    });
    stream.once('error', (err) => {
      log.error('download read failed', { error: String(err) });
      if (!res.headersSent) sendHtml(res, 404, '下载链接已失效', HOST_TEXT.downloadGone);
      else res.destroy();
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const id = newRequestId();
      log.error('browser-mode request failed', { id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      if (!res.headersSent) sendHtml(res, 500, '出错了', `${HOST_TEXT.internal}（编号 ${id}）`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen({ port: options.port, host: options.host }, () => {
      server.off('error', onError);
      resolve();
    });
  });
  server.on('error', (err) => log.error('browser-mode server error', { error: String(err) }));
  const address = server.address() as AddressInfo;
  boundPort = address.port;
  const origin = `http://${isWildcardHost(options.host) ? '127.0.0.1' : bracket(options.host)}:${boundPort}`;

  let closing: Promise<void> | undefined;
  return {
    url: (role) => `${origin}/${role}/?token=${options.tokens[role]}`,
    origin,
    port: boundPort,
    address,
    instance,
    downloads,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const end of streams) end(); // end() removes itself; Set iteration tolerates that
        // Keep-alive sockets become idle only once their response has flushed, which can be
        // just after close() is called: sweep them until the server is down, and cut whatever
        // is still mid-request after two seconds.
        const sweep = setInterval(() => server.closeIdleConnections(), 25);
        const cut = setTimeout(() => server.closeAllConnections(), 2_000);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

/** `api`, `events`, `upload` and `download` are reserved first segments: the renderer build never uses them. */
function routeKind(rest: readonly string[]): RouteKind {
  if (rest[0] === 'api') return 'api';
  if (rest[0] === 'upload') return 'upload';
  if (rest[0] === 'events') return 'events';
  if (rest[0] === 'download') return 'download';
  return 'page';
}

function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { ...headers, Location: location, 'Cache-Control': 'no-store', 'Content-Length': 0 });
  res.end();
}
