import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger, type Clock } from '../../../electron/services/deps';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store';
import { CALL_NAMES, calls } from '../../../shared/api/contract';
import { malformedPayloads } from './malformed';

const clock: Clock = { now: () => Date.UTC(2026, 10, 28, 2, 0, 0) };
let services: AppServices | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

async function open(fs?: StoreFs) {
  const home = await mkdtemp(join(tmpdir(), 'pingyi-svc-'));
  services = await createAppServices({ homeDir: home, mode: 'browser', version: 'test', clock, log: silentLogger, backupOnStart: false, ...(fs ? { fs } : {}) });
  return services;
}

/** A file system whose fsync waits until the test lets it go; `log` gets 'fsynced' when that held fsync is done. */
function gatedFs(log: string[]) {
  let release: () => void = () => {};
  let held = false;
  const gate = { hold: () => (held = true), release: () => release(), waiting: false };
  const fs: StoreFs = {
    ...nodeStoreFs,
    async open(path, flags, mode) {
      const handle = await nodeStoreFs.open(path, flags, mode);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        if (held) {
          gate.waiting = true;
          await new Promise<void>((r) => (release = r));
          held = false;
          gate.waiting = false;
          await sync();
          log.push('fsynced');
          return;
        }
        return sync();
      };
      return handle;
    },
  };
  return { fs, gate };
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string, rel: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      if (entry.name === 'logs' || entry.name === 'backups') continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) await walk(p, `${rel}${entry.name}/`);
      else out[`${rel}${entry.name}`] = await readFile(p, 'utf8');
    }
  };
  await walk(dir, '');
  return out;
}

describe('services', () => {
  it('a first start opens on the demo county', async () => {
    const s = await open();
    const reply = await s.dispatch('desk', 'desk.overview', {});
    expect(reply.ok).toBe(true);
    if (reply.ok) expect(reply.result).toMatchObject({ year: 2026, evaluationsThisYear: 11, demo: true, coverage: { total: 81, covered: 81 } });
  });

  it('a push is never sent before its write is durable', async () => {
    // One log of what happened, in order: the held fsync finishing, each push, the answer. A push
    // or an answer while the fsync was held would come before 'fsynced', however long it was held.
    const log: string[] = [];
    const { fs, gate } = gatedFs(log);
    const s = await open(fs);
    s.hub.subscribe('desk', (name) => log.push(name));
    gate.hold();
    const pending = s.dispatch('desk', 'members.create', { member: { name: '测试委员', role: '委员', rosterOrder: 99 } }).then((reply) => {
      log.push('answered');
      return reply;
    });
    await expect.poll(() => gate.waiting).toBe(true);
    expect(log).toEqual([]);
    gate.release();
    const reply = await pending;
    expect(reply.ok).toBe(true);
    expect(log).toEqual(['fsynced', 'store.committed', 'answered']);
  });

  it('malformed payloads for every call change nothing on disk and push nothing', async () => {
    const s = await open();
    const before = await snapshot(s.dataDir);
    const pushed: string[] = [];
    s.hub.subscribe('desk', (name) => pushed.push(name));
    s.hub.subscribe('console', (name) => pushed.push(name));
    for (const name of CALL_NAMES) {
      for (const payload of malformedPayloads(name)) {
        const reply = await s.dispatch(calls[name].roles[0]!, name, payload);
        expect(reply.ok, `${name} ${JSON.stringify(payload)}`).toBe(false);
      }
    }
    expect(pushed).toEqual([]);
    expect(await snapshot(s.dataDir)).toEqual(before);
  });

  it('the hall may call nothing but what the contract gives it', async () => {
    const s = await open();
    for (const name of CALL_NAMES.filter((n) => !calls[n].roles.includes('hall'))) {
      const reply = await s.dispatch('hall', name, {});
      expect(reply, name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('a validation error names the field in Chinese and keeps the record unchanged', async () => {
    const s = await open();
    const list = await s.dispatch('desk', 'evaluatees.list', {});
    const first = list.ok ? (list.result as { id: string; name: string }[])[0]! : undefined;
    const reply = await s.dispatch('desk', 'evaluatees.update', { evaluatee: { ...first, name: '' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    if (!reply.ok) expect(reply.error.message).toContain('姓名');
    const again = await s.dispatch('desk', 'evaluatees.list', {});
    expect(again.ok && (again.result as { name: string }[])[0]!.name).toBe(first!.name);
  });
});
