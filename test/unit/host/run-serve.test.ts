import { createServer } from 'node:net';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../electron/services/api/dispatch';
import { EventHub } from '../../../electron/services/api/event-hub';
import type { AppServices, AppServicesOptions } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import { isoDateOf } from '../../../shared/format/dates';
import { createUploads } from '../../../electron/services/loop/uploads';
import { createDownloads } from '../../../electron/services/host/downloads';
import { EXIT, READY_PREFIX, runServe, type ServeDeps } from '../../../electron/services/host/run-serve';
import { makeDirs } from './host-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(createError?: Error) {
  const dirs = await makeDirs();
  cleanups.push(() => fsp.rm(dirs.dir, { recursive: true, force: true }));
  const out: string[] = [];
  const err: string[] = [];
  const created: AppServicesOptions[] = [];
  let closed = 0;
  const dispatch: Dispatch = async (role) => ({ ok: true, result: { role } });
  const downloads = createDownloads();
  const deps: ServeDeps = {
    async createAppServices(options) {
      created.push(options);
      if (createError) throw createError;
      return {
        dataDir: options.dataDir ?? join(options.homeDir, 'data'),
        homeDir: options.homeDir,
        store: {} as AppServices['store'],
        hub: new EventHub(),
        dispatch,
        downloads,
        uploads: createUploads(),
        log: silentLogger,
        async close() {
          closed++;
        },
      };
    },
    defaultHomeDir: () => join(dirs.dir, 'default-home'),
    staticDir: dirs.staticDir,
    version: '1.2.3',
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    log: silentLogger,
  };
  return { dirs, deps, out, err, created, downloads, closed: () => closed };
}

describe('runServe (the npm run serve entry, without the process)', () => {
  it('starts, prints the three links, the data folder and the ready line', async () => {
    const s = await setup();
    const outcome = await runServe(['--port', '0', '--data', s.dirs.dataDir], s.deps);
    if (outcome.kind !== 'running') throw new Error('not running');
    cleanups.push(() => outcome.stop());
    expect(s.created[0]).toMatchObject({ homeDir: join(s.dirs.dir, 'default-home'), dataDir: s.dirs.dataDir, mode: 'browser', version: '1.2.3' });
    const text = s.out.join('\n');
    expect(text).toContain(`数据文件夹：${s.dirs.dataDir}`);
    expect(text).toContain(`办公桌：${outcome.host.url('desk')}`);
    expect(text).toContain(`会议现场：${outcome.host.url('console')}`);
    expect(text).toContain(`大屏：${outcome.host.url('hall')}`);
    expect(s.out.at(-1)).toBe(`${READY_PREFIX} ${outcome.host.origin}`);
    expect(s.err).toEqual([]);

    const res = await fetch(outcome.host.url('desk'), { redirect: 'manual' });
    expect(res.status).toBe(303);
    await outcome.stop();
    expect(s.closed()).toBe(1);
    await outcome.stop();
    expect(s.closed()).toBe(1);
  });

  it('--today hands the services a clock on that day, running from the real one; without it the default clock', async () => {
    const s = await setup();
    let real = new Date(2026, 2, 5, 23, 30).getTime();
    s.deps.clock = { now: () => real };
    const outcome = await runServe(['--port', '0', '--data', s.dirs.dataDir, '--today', '2027-01-20'], s.deps);
    if (outcome.kind !== 'running') throw new Error('not running');
    cleanups.push(() => outcome.stop());
    const clock = s.created[0]!.clock!;
    expect(isoDateOf(clock.now())).toBe('2027-01-20');
    const before = clock.now();
    real += 45 * 60_000;
    expect(clock.now() - before).toBe(45 * 60_000);
    expect(isoDateOf(clock.now())).toBe('2027-01-21');
    expect(s.out).toContain('今天按 --today 设为 2027-01-20（时钟照常走动）');
    await outcome.stop();

    const plain = await setup();
    const second = await runServe(['--port', '0', '--data', plain.dirs.dataDir], plain.deps);
    if (second.kind !== 'running') throw new Error('not running');
    cleanups.push(() => second.stop());
    expect(plain.created[0]!.clock).toBeUndefined();
  });

  it('serves the downloads the services register: one registry for both', async () => {
    const s = await setup();
    const outcome = await runServe(['--port', '0', '--data', s.dirs.dataDir], s.deps);
    if (outcome.kind !== 'running') throw new Error('not running');
    cleanups.push(() => outcome.stop());
    expect(outcome.host.downloads).toBe(s.downloads);
    const id = s.downloads.register('desk', { fileName: '评议意见汇编.zip', contentType: 'application/zip', body: new Uint8Array([80, 75, 5, 6]) });
    const login = await fetch(outcome.host.url('desk'), { redirect: 'manual' });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const res = await fetch(`${outcome.host.origin}/desk/download/${id}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('评议意见汇编.zip')}`);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([80, 75, 5, 6]));
  });

  it('exits with code 2 and the store’s own message when the services cannot start', async () => {
    const s = await setup(new Error('数据文件夹正被这台计算机上的另一个评议系统使用（自 2026年12月7日 14:03 起），请先关闭它。'));
    const outcome = await runServe(['--port', '0', '--home', s.dirs.dir], s.deps);
    expect(outcome).toEqual({ kind: 'exit', code: EXIT.servicesFailed });
    expect(s.err.join('\n')).toContain('数据文件夹正被这台计算机上的另一个评议系统使用（自 2026年12月7日 14:03 起）');
    expect(s.created[0]?.homeDir).toBe(s.dirs.dir);
  });

  it('suggests --port when the port is taken, and releases the services', async () => {
    const s = await setup();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    const port = (blocker.address() as { port: number }).port;
    const outcome = await runServe(['--port', String(port), '--data', s.dirs.dataDir], s.deps);
    expect(outcome).toEqual({ kind: 'exit', code: EXIT.listenFailed });
    expect(s.err.join('\n')).toMatch(new RegExp(`端口 ${port} 已被占用.*--port`));
    expect(s.closed()).toBe(1);
  });

  it('reports bad arguments and prints help without starting anything', async () => {
    const s = await setup();
    expect(await runServe(['--port', 'x'], s.deps)).toEqual({ kind: 'exit', code: EXIT.badArgs });
    expect(s.err[0]).toMatch(/端口必须是/);
    expect(await runServe(['--help'], s.deps)).toEqual({ kind: 'exit', code: EXIT.ok });
    expect(s.out[0]).toContain('浏览器模式');
    expect(s.created).toEqual([]);
  });

  it('warns in Chinese when listening beyond loopback', async () => {
    const s = await setup();
    const outcome = await runServe(['--port', '0', '--listen-all', '--data', s.dirs.dataDir], s.deps);
    if (outcome.kind !== 'running') throw new Error('not running');
    cleanups.push(() => outcome.stop());
    expect(outcome.host.address.address).toBe('0.0.0.0');
    expect(s.err.join('\n')).toContain('警告：已使用 --listen-all');
  });

  it('opens the desk link when asked', async () => {
    const s = await setup();
    const opened: string[] = [];
    const outcome = await runServe(['--port', '0', '--open', '--data', s.dirs.dataDir], { ...s.deps, openUrl: (u) => opened.push(u) });
    if (outcome.kind !== 'running') throw new Error('not running');
    cleanups.push(() => outcome.stop());
    expect(opened).toEqual([outcome.host.url('desk')]);
  });

  it('notes a missing renderer build but still starts', async () => {
    const s = await setup();
    await fsp.rm(join(s.dirs.staticDir, 'index.html'));
    const outcome = await runServe(['--port', '0', '--data', s.dirs.dataDir], s.deps);
    if (outcome.kind !== 'running') throw new Error('not running');
    cleanups.push(() => outcome.stop());
    expect(s.err.join('\n')).toContain('npm run build');
  });
});
