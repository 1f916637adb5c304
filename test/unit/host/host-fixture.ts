import { expect } from 'vitest';
import { request } from 'node:http';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../../shared/api/define';
import type { Reply } from '../../../shared/api/errors';
import type { Dispatch } from '../../../electron/services/api/dispatch';
import { EventHub } from '../../../electron/services/api/event-hub';
import { silentLogger } from '../../../electron/services/deps';
import { createDownloads } from '../../../electron/services/host/downloads';
import { createHttpHost, type HttpHost, type HttpHostOptions } from '../../../electron/services/host/http-host';
import { loadOrCreateTokens } from '../../../electron/services/host/tokens';

export const SECRET = 'TOP-SECRET-OUTSIDE-STATIC';
export const INDEX_HTML = '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body>评议</body></html>';

export interface DispatchCall {
  role: Role;
  name: unknown;
  args: unknown;
}

/** A temp folder holding a fake renderer build, a secret file beside it, and a data folder. */
export async function makeDirs(): Promise<{ dir: string; staticDir: string; dataDir: string }> {
  const dir = await fsp.mkdtemp(join(tmpdir(), 'pingyi-host-'));
  const staticDir = join(dir, 'renderer');
  await fsp.mkdir(join(staticDir, 'assets'), { recursive: true });
  await fsp.writeFile(join(staticDir, 'index.html'), INDEX_HTML);
  await fsp.writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  await fsp.writeFile(join(staticDir, 'assets', 'style.css'), 'body{}');
  await fsp.writeFile(join(dir, 'secret.txt'), SECRET);
  await fsp.writeFile(join(dir, 'renderer-secret.txt'), SECRET);
  return { dir, staticDir, dataDir: join(dir, 'data') };
}

export async function startHost(overrides: Partial<HttpHostOptions> = {}) {
  const { dir, staticDir, dataDir } = await makeDirs();
  const tokens = await loadOrCreateTokens(dataDir);
  const hub = new EventHub();
  const calls: DispatchCall[] = [];
  const dispatch: Dispatch = async (role, name, args) => {
    calls.push({ role, name, args });
    if (name === 'x.fail') return { ok: false, error: { code: 'not_found', message: '没有找到' } };
    return { ok: true, result: { role, name } };
  };
  const downloads = createDownloads();
  const host = await createHttpHost({
    dispatch,
    hub,
    tokens,
    staticDir,
    port: 0,
    host: '127.0.0.1',
    log: silentLogger,
    version: '9.9.9',
    downloads,
    ...overrides,
  });
  const cookie = (role: Role, token = tokens[role]) => `pingyi_${role}=${token}`;
  return {
    host,
    hub,
    tokens,
    calls,
    downloads,
    dir,
    staticDir,
    dataDir,
    cookie,
    async cleanup() {
      await host.close();
      await fsp.rm(dir, { recursive: true, force: true });
    },
  };
}

export type HostFixture = Awaited<ReturnType<typeof startHost>>;

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * node:http instead of fetch where the test needs a raw path (fetch would normalise `..`)
 * or a forged Host header (fetch sets its own).
 */
export function rawRequest(
  host: HttpHost,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function postJson(f: HostFixture, role: Role, name: string, body: unknown, cookieRole: Role = role): Promise<Response> {
  return fetch(`${f.host.origin}/${role}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: f.cookie(cookieRole) },
    body: JSON.stringify(body),
  });
}

export async function replyOf(res: Response): Promise<Reply> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as Reply;
}

export interface SseEvent {
  event: string;
  data: string;
}

/** Reads an SSE stream with node:http and parses it into events and comment lines as they arrive. */
export function openStream(host: HttpHost, role: Role, headers: Record<string, string>, query = '') {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let raw = '';
  let buffer = '';
  const waiters: Array<() => void> = [];
  let ended = false;
  let status = 0;
  let contentType: string | undefined;
  const notify = () => waiters.splice(0).forEach((w) => w());
  const req = request({ host: '127.0.0.1', port: host.port, path: `/${role}/events${query}`, headers }, (res) => {
    status = res.statusCode ?? 0;
    contentType = res.headers['content-type'];
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      raw += chunk;
      buffer += chunk;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comments.push(line);
          else if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
        if (data.length > 0) events.push({ event, data: data.join('\n') });
      }
      notify();
    });
    res.on('end', () => {
      ended = true;
      notify();
    });
    notify();
  });
  req.on('error', () => {
    ended = true;
    notify();
  });
  req.end();
  const until = async (check: () => boolean): Promise<void> => {
    while (!check()) {
      if (ended) throw new Error(`stream ended before the condition held; received: ${raw}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return {
    events,
    comments,
    get raw() {
      return raw;
    },
    get status() {
      return status;
    },
    get contentType() {
      return contentType;
    },
    get ended() {
      return ended;
    },
    until,
    untilEnded: () =>
      new Promise<void>((resolve) => {
        const check = () => (ended ? resolve() : waiters.push(check));
        check();
      }),
    close: () => req.destroy(),
  };
}
