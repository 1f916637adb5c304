import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import { createCallRouter } from '../../../electron/shell/call-router';
import { createHttpHost, type HttpHost } from '../../../electron/services/host/http-host';
import type { Role } from '../../../shared/api/define';

const PASSWORD = 'qingLan-2026';
let services: AppServices | undefined;
let host: HttpHost | undefined;
afterEach(async () => {
  await host?.close();
  await services?.close();
  host = undefined;
  services = undefined;
});

async function open() {
  const homeDir = await mkdtemp(join(tmpdir(), 'pingyi-lock-ipc-'));
  services = await createAppServices({ homeDir, mode: 'desktop', version: 'test', log: silentLogger, backupOnStart: false });
  return services;
}

describe('a locked window is refused on both transports', () => {
  it('IPC: the call router hands the sender role to the dispatcher, which refuses a locked desk', async () => {
    const svc = await open();
    const roles = new Map<number, Role>([
      [1, 'desk'],
      [2, 'console'],
      [3, 'hall'],
    ]);
    const route = createCallRouter({ roleOf: (id) => roles.get(id), isAllowedUrl: () => true, dispatch: svc.dispatch });
    const from = (id: number) => ({ webContentsId: id, frameUrl: 'file:///app/index.html', isMainFrame: true });
    expect((await route(from(1), 'lock.setup', { password: PASSWORD })).ok).toBe(true);
    expect((await route(from(1), 'lock.lockNow', {})).ok).toBe(true);
    expect(await route(from(1), 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'screen_locked', message: expect.stringContaining('窗口已锁定') } });
    // the console, in use when the lock was set up, locks by hand (or after its idle time)
    expect((await route(from(2), 'live.state', {})).ok).toBe(true);
    expect((await route(from(2), 'lock.lockNow', {})).ok).toBe(true);
    expect(await route(from(2), 'live.state', {})).toMatchObject({ ok: false, error: { code: 'screen_locked' } });
    expect((await route(from(3), 'hall.view', {})).ok).toBe(true);
    expect((await route(from(1), 'lock.unlock', { password: PASSWORD })).ok).toBe(true);
    expect((await route(from(1), 'settings.get', {})).ok).toBe(true);
  });

  it('HTTP (browser mode): the API and the upload path refuse a locked window', async () => {
    const svc = await open();
    const tokens = { desk: 'd'.repeat(32), console: 'c'.repeat(32), hall: 'h'.repeat(32) };
    host = await createHttpHost({
      dispatch: svc.dispatch,
      hub: svc.hub,
      tokens,
      staticDir: tmpdir(),
      port: 0,
      host: '127.0.0.1',
      log: silentLogger,
      uploads: svc.uploads,
      ...(svc.gate ? { gate: svc.gate } : {}),
    });
    const post = async (path: string, body: BodyInit, type: string, extra: Record<string, string> = {}) => {
      const res = await fetch(`${host!.origin}/desk/${path}`, { method: 'POST', body, headers: { 'Content-Type': type, Cookie: `pingyi_desk=${tokens.desk}`, ...extra } });
      return (await res.json()) as { ok: boolean; error?: { code: string } };
    };
    const api = (name: string, args: unknown) => post(`api/${name}`, JSON.stringify(args), 'application/json');
    expect((await api('lock.setup', { password: PASSWORD })).ok).toBe(true);
    expect((await api('lock.lockNow', {})).ok).toBe(true);
    expect(await api('settings.get', {})).toMatchObject({ ok: false, error: { code: 'screen_locked' } });
    const upload = await post('upload', new Uint8Array([1, 2, 3]), 'application/octet-stream', { 'X-File-Name': encodeURIComponent('a.pdf') });
    expect(upload).toMatchObject({ ok: false, error: { code: 'screen_locked' } });
    expect((await api('lock.unlock', { password: PASSWORD })).ok).toBe(true);
    expect((await api('settings.get', {})).ok).toBe(true);
  });
});
