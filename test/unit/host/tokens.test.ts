import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger, RandomSource } from '../../../electron/services/deps';
import { TOKENS_FILE, loadOrCreateTokens } from '../../../electron/services/host/tokens';
import { makeDirs, startHost } from './host-fixture';
import { EventHub } from '../../../electron/services/api/event-hub';
import { createHttpHost } from '../../../electron/services/host/http-host';
import { silentLogger } from '../../../electron/services/deps';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await fsp.rm(d, { recursive: true, force: true });
});
async function tempDir() {
  const d = await fsp.mkdtemp(join(tmpdir(), 'pingyi-tokens-'));
  dirs.push(d);
  return d;
}

function countingRandom(): RandomSource {
  let n = 0;
  return { bytes: (len) => new Uint8Array(len).fill(++n) };
}

function recordingLog() {
  const warnings: string[] = [];
  const log: Logger = { info() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) };
  return { log, warnings };
}

describe('host tokens', () => {
  it('creates one 32-byte base64url token per role, distinct, in a 0600 file', async () => {
    const dir = join(await tempDir(), 'data');
    const tokens = await loadOrCreateTokens(dir);
    expect(Object.keys(tokens).sort()).toEqual(['console', 'desk', 'hall']);
    for (const t of Object.values(tokens)) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    }
    expect(new Set(Object.values(tokens)).size).toBe(3);
    if (process.platform !== 'win32') expect((await fsp.stat(join(dir, TOKENS_FILE))).mode & 0o777).toBe(0o600);
    // No temp files left behind by the atomic write.
    expect(await fsp.readdir(dir)).toEqual([TOKENS_FILE]);
  });

  it('uses the injected random source', async () => {
    const tokens = await loadOrCreateTokens(await tempDir(), countingRandom());
    expect(tokens.desk).toBe(Buffer.alloc(32, 1).toString('base64url'));
    expect(tokens.console).toBe(Buffer.alloc(32, 2).toString('base64url'));
  });

  it('reuses the same tokens on the next start', async () => {
    const dir = await tempDir();
    const first = await loadOrCreateTokens(dir);
    const second = await loadOrCreateTokens(dir);
    expect(second).toEqual(first);
  });

  it('tightens a file that came back world-readable', async () => {
    if (process.platform === 'win32') return;
    const dir = await tempDir();
    await loadOrCreateTokens(dir);
    await fsp.chmod(join(dir, TOKENS_FILE), 0o644);
    await loadOrCreateTokens(dir);
    expect((await fsp.stat(join(dir, TOKENS_FILE))).mode & 0o777).toBe(0o600);
  });

  for (const [label, content] of [
    ['truncated', '{"version":1,"tokens":{"desk":"'],
    ['not an object', 'null'],
    ['missing a role', JSON.stringify({ version: 1, tokens: { desk: 'a'.repeat(43), console: 'b'.repeat(43) } })],
    ['a short token', JSON.stringify({ version: 1, tokens: { desk: 'a', console: 'b'.repeat(43), hall: 'c'.repeat(43) } })],
    ['the same token twice', JSON.stringify({ version: 1, tokens: { desk: 'a'.repeat(43), console: 'a'.repeat(43), hall: 'c'.repeat(43) } })],
  ] as const) {
    it(`replaces a ${label} file with new tokens and logs it`, async () => {
      const dir = await tempDir();
      await fsp.writeFile(join(dir, TOKENS_FILE), content);
      const { log, warnings } = recordingLog();
      const tokens = await loadOrCreateTokens(dir, undefined, log);
      expect(warnings).toHaveLength(1);
      expect(new Set(Object.values(tokens)).size).toBe(3);
      expect(await loadOrCreateTokens(dir)).toEqual(tokens);
    });
  }

  it('lets an open page keep its cookie across a host restart on the same port', async () => {
    const { dir, staticDir, dataDir } = await makeDirs();
    dirs.push(dir);
    const start = async (port: number) =>
      createHttpHost({
        dispatch: async () => ({ ok: true, result: null }),
        hub: new EventHub(),
        tokens: await loadOrCreateTokens(dataDir),
        staticDir,
        port,
        host: '127.0.0.1',
        log: silentLogger,
      });
    const first = await start(0);
    const port = first.port;
    const redirect = await fetch(first.url('console'), { redirect: 'manual' });
    const cookie = (redirect.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    expect((await fetch(`${first.origin}/console/`, { headers: { cookie } })).status).toBe(200);
    await first.close();

    const second = await start(port);
    try {
      expect(second.origin).toBe(first.origin);
      expect(second.instance).not.toBe(first.instance);
      expect((await fetch(`${second.origin}/console/`, { headers: { cookie } })).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('fixture sanity: startHost uses tokens from the data folder', async () => {
    const f = await startHost();
    try {
      expect(await loadOrCreateTokens(f.dataDir)).toEqual(f.tokens);
    } finally {
      await f.cleanup();
    }
  });
});
