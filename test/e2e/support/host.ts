import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Role } from '../../../shared/api/define';

const SERVE = resolve('dist/serve/serve.mjs');

export interface HostOptions {
  dataDir?: string;
  homeDir?: string;
  port?: number;
  extraArgs?: string[];
  /** The bundled host to run (default dist/serve/serve.mjs; unit tests bundle their own). */
  serveScript?: string;
  /** Working folder of the host process (a relative path typed into a call resolves there). */
  cwd?: string;
}

export interface Host {
  readonly port: number;
  readonly origin: string;
  readonly homeDir: string;
  readonly dataDir: string;
  /** The printed URLs, each carrying its role's token once. */
  readonly urls: Record<Role, string>;
  readonly output: () => string;
  /** Each role's token, as its cookie carries it. */
  readonly tokens: Record<Role, string>;
  kill9(): Promise<void>;
  stop(): Promise<void>;
  /** Starts the host again with exactly the same command line (the same Host, a new process). */
  restart(): Promise<Host>;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => child.once('exit', () => res()));
}

/** Runs the host and waits for its readiness line; `out` collects everything it prints. */
async function spawnHost(args: string[], cwd: string | undefined): Promise<{ child: ChildProcess; out: () => string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' }, ...(cwd ? { cwd } : {}) });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`host did not start:\n${out}`)), 60_000);
    const check = () => {
      if (/PINGYI_READY/.test(out)) {
        clearTimeout(timer);
        res();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`host exited (${code}):\n${out}`));
    });
  });
  return { child, out: () => out };
}

/**
 * Starts the real browser-mode host as a child process and waits for its readiness line. The
 * returned Host stays the same object across restarts (same port, folders and tokens; a new
 * process), so a fixture can hand it to a test once.
 */
export async function startHost(options: HostOptions = {}): Promise<Host> {
  const homeDir = options.homeDir ?? (await mkdtemp(join(tmpdir(), 'pingyi-home-')));
  const port = options.port ?? (await freePort());
  const args = [options.serveScript ?? SERVE, '--port', String(port), '--home', homeDir];
  if (options.dataDir) args.push('--data', options.dataDir);
  args.push(...(options.extraArgs ?? []));
  let running = await spawnHost(args, options.cwd);
  const out = running.out();
  const urls = {} as Record<Role, string>;
  for (const m of out.matchAll(/(http:\/\/[^\s]+\/(desk|console|hall)\/\?token=[A-Za-z0-9_-]+)/g)) urls[m[2] as Role] = m[1]!;
  const tokens = Object.fromEntries(Object.entries(urls).map(([role, url]) => [role, new URL(url).searchParams.get('token') ?? ''])) as Record<Role, string>;
  const dataMatch = /数据文件夹：(.+)/.exec(out);
  const dataDir = options.dataDir ?? dataMatch?.[1]?.trim() ?? join(homeDir, 'data');
  const host: Host = {
    port,
    origin: `http://127.0.0.1:${port}`,
    homeDir,
    dataDir,
    urls,
    tokens,
    output: () => running.out(),
    async kill9() {
      running.child.kill('SIGKILL');
      await waitExit(running.child);
    },
    async stop() {
      running.child.kill('SIGTERM');
      await waitExit(running.child);
    },
    async restart() {
      await host.kill9(); // a no-op when it is already down
      running = await spawnHost(args, options.cwd);
      return host;
    },
  };
  return host;
}

/** A call's HTTP status and reply, as a client outside any page sees them. */
export interface RawReply {
  status: number;
  reply: { ok: boolean; result?: unknown; error?: { code: string; message: string } } | null;
}

/**
 * Posts a call to `/<role>/api/<name>` with the role's cookie (no page needed). `rawBody`, when
 * given, is sent verbatim instead of `args` (what JSON.stringify never writes, e.g. NaN).
 */
export async function postCall(host: Pick<Host, 'origin' | 'tokens'>, role: Role, name: string, args: unknown, rawBody?: string): Promise<RawReply> {
  const res = await fetch(`${host.origin}/${role}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: `pingyi_${role}=${host.tokens[role]}` },
    body: rawBody ?? JSON.stringify(args),
  });
  const text = await res.text();
  try {
    return { status: res.status, reply: JSON.parse(text) as RawReply['reply'] };
  } catch {
    return { status: res.status, reply: null };
  }
}
