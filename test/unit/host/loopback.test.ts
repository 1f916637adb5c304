import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../electron/services/host/args';
import { createHostCheck } from '../../../electron/services/host/request-guard';
import { HOST_TEXT } from '../../../electron/services/host/messages';
import { rawRequest, startHost, type HostFixture } from './host-fixture';

const fixtures: HostFixture[] = [];
afterEach(async () => {
  for (const f of fixtures.splice(0)) await f.cleanup();
});

async function start(...args: Parameters<typeof startHost>) {
  const f = await startHost(...args);
  fixtures.push(f);
  return f;
}

function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) if (!i.internal && i.family === 'IPv4') return i.address;
  return undefined;
}

describe('browser mode loopback binding', () => {
  it('binds 127.0.0.1 by default', async () => {
    const args = parseServeArgs([]);
    expect(args.host).toBe('127.0.0.1');
    expect(args.listenAll).toBe(false);
    const f = await start({ host: args.host, listenAll: args.listenAll });
    expect(f.host.address.address).toBe('127.0.0.1');
    expect(f.host.origin).toBe(`http://127.0.0.1:${f.host.port}`);
    expect(f.host.url('desk')).toBe(`http://127.0.0.1:${f.host.port}/desk/?token=${f.tokens.desk}`);
  });

  it('binds all interfaces only with --listen-all', async () => {
    const args = parseServeArgs(['--listen-all']);
    expect(args).toMatchObject({ host: '0.0.0.0', listenAll: true });
    const f = await start({ host: args.host, listenAll: args.listenAll });
    expect(f.host.address.address).toBe('0.0.0.0');
    // The printed links still point at loopback.
    expect(f.host.origin).toBe(`http://127.0.0.1:${f.host.port}`);
  });

  it('refuses a non-loopback address unless listenAll says so', async () => {
    await expect(start({ host: '0.0.0.0' })).rejects.toThrow(/listenAll/);
  });

  it('rejects a foreign Host header (DNS rebinding) even with the right cookie', async () => {
    const f = await start();
    for (const host of [`evil.example:${f.host.port}`, 'evil.example', '127.0.0.1', `127.0.0.1:${f.host.port + 1}`, `localhost.evil.example:${f.host.port}`]) {
      const res = await rawRequest(f.host, { path: '/desk/', headers: { host, cookie: f.cookie('desk') } });
      expect(res.status, host).toBe(421);
      expect(res.body).toContain(HOST_TEXT.wrongHost);
      const api = await rawRequest(f.host, {
        method: 'POST',
        path: '/desk/api/app.info',
        headers: { host, cookie: f.cookie('desk'), 'content-type': 'application/json' },
        body: '{}',
      });
      expect(api.status).toBe(421);
    }
    expect(f.calls).toEqual([]);
  });

  it('accepts 127.0.0.1, localhost and [::1] with the right port', async () => {
    const f = await start();
    for (const host of [`127.0.0.1:${f.host.port}`, `localhost:${f.host.port}`, `LOCALHOST:${f.host.port}`, `[::1]:${f.host.port}`]) {
      const res = await rawRequest(f.host, { path: '/desk/', headers: { host, cookie: f.cookie('desk') } });
      expect(res.status, host).toBe(200);
    }
  });

  it('with listenAll accepts the machine’s own IP literals but never a name', () => {
    const check = createHostCheck('0.0.0.0', () => 8617);
    expect(check('127.0.0.1:8617')).toBe(true);
    expect(check('evil.example:8617')).toBe(false);
    expect(check('192.0.2.77:8617')).toBe(false); // TEST-NET: never a local address
    const lan = lanAddress();
    if (lan) expect(check(`${lan}:8617`)).toBe(true);
    const loopbackOnly = createHostCheck('127.0.0.1', () => 8617);
    if (lan) expect(loopbackOnly(`${lan}:8617`)).toBe(false);
    expect(loopbackOnly(undefined)).toBe(false);
  });
});
