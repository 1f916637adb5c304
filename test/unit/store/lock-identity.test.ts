import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fsp from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, judgeLock, systemProcessIdentity, type LockOwner, type ProcessIdentity } from '../../../electron/services/store/lock';
import { StoreLockedError } from '../../../electron/services/store/store';
import { nodeStoreFs } from '../../../electron/services/store/store-fs';
import { memoryLog, open, readJson, removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

const HOST = 'office-pc';
const owner = (over: Partial<LockOwner> = {}): LockOwner => ({ pid: 300, hostname: HOST, startedAt: '2026-10-27T08:00:00.000Z', ...over });
const self = { pid: 400, hostname: HOST, bootId: 'boot-b', bootTimeMs: Date.parse('2026-10-27T07:00:00.000Z') };

describe('judgeLock: is the lock still held?', () => {
  it('respects the same process, still running in this boot', () => {
    expect(judgeLock(owner({ procStart: '777', bootId: 'boot-b' }), self, { alive: true, start: '777' })).toEqual({ live: true, reason: 'running' });
  });

  it('calls a PID that now belongs to another process stale (start time differs)', () => {
    expect(judgeLock(owner({ procStart: '777', bootId: 'boot-b' }), self, { alive: true, start: '91234' })).toEqual({ live: false, reason: 'pid-reused' });
  });

  it('calls a lock of another boot stale even if its PID is alive again (reboot)', () => {
    expect(judgeLock(owner({ procStart: '777', bootId: 'boot-a' }), self, { alive: true, start: '777' })).toEqual({ live: false, reason: 'other-boot' });
  });

  it('calls a dead PID and our own PID stale', () => {
    expect(judgeLock(owner(), self, { alive: false })).toEqual({ live: false, reason: 'gone' });
    expect(judgeLock(owner({ pid: 400 }), self, { alive: true })).toEqual({ live: false, reason: 'own-pid' });
  });

  it('always respects another computer (its processes cannot be probed)', () => {
    expect(judgeLock(owner({ hostname: 'other-pc', bootId: 'x' }), self, { alive: false })).toEqual({ live: true, reason: 'other-computer' });
  });

  it('without boot ids (Windows, macOS, an old lock) falls back on the boot time: a lock from before this boot is stale', () => {
    const noBoot = { pid: 400, hostname: HOST, bootTimeMs: Date.parse('2026-10-28T07:00:00.000Z') };
    expect(judgeLock(owner({ startedAt: '2026-10-27T08:00:00.000Z' }), noBoot, { alive: true })).toEqual({ live: false, reason: 'before-boot' });
    expect(judgeLock(owner({ startedAt: '2026-10-28T08:00:00.000Z' }), noBoot, { alive: true })).toEqual({ live: true, reason: 'running' });
    // a lock a few minutes "before" the boot is within clock slack and still respected
    expect(judgeLock(owner({ startedAt: '2026-10-28T06:58:00.000Z' }), noBoot, { alive: true })).toEqual({ live: true, reason: 'running' });
    // an unreadable start time proves nothing either way
    expect(judgeLock(owner({ startedAt: '' }), noBoot, { alive: true })).toEqual({ live: true, reason: 'running' });
  });
});

describe('the lock records who holds it and takes over a reused PID', () => {
  const fakeIdentity = (starts: Record<number, string>, bootId = 'boot-now'): ProcessIdentity => ({
    startOf: (pid) => starts[pid],
    bootId: () => bootId,
    bootTimeMs: () => 0,
  });

  it('writes the start time and boot id into the lock', async () => {
    const dir = await tempDir();
    const store = await open(dir, { pid: 1234, isProcessAlive: () => true });
    const lock = await readJson(join(dir, '.lock'));
    if (process.platform === 'linux') {
      expect(lock).toMatchObject({ pid: 1234, bootId: systemProcessIdentity.bootId() });
      expect(typeof lock.bootId).toBe('string');
    }
    await store.close();
  });

  it('with a real process: a lock naming its PID but another start time is taken over and logged', async () => {
    if (process.platform !== 'linux') return;
    const dir = await tempDir();
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await once(child, 'spawn');
      const pid = child.pid as number;
      const realStart = systemProcessIdentity.startOf(pid);
      expect(realStart).toMatch(/^\d+$/);
      const bootId = systemProcessIdentity.bootId();
      // the same PID in the same boot, with its true start time: respected
      await fsp.writeFile(join(dir, '.lock'), JSON.stringify({ pid, hostname: hostname(), startedAt: new Date().toISOString(), procStart: realStart, bootId }));
      await expect(open(dir, { isProcessAlive: undefined })).rejects.toBeInstanceOf(StoreLockedError);
      // the same PID now running something else (the lock's process started at another time): stale
      await fsp.writeFile(join(dir, '.lock'), JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z', procStart: '1', bootId }));
      const log = memoryLog();
      const store = await open(dir, { isProcessAlive: undefined, log });
      expect(store.notices()[0]).toMatchObject({ kind: 'lock-taken-over', previousPid: pid });
      expect(log.entries).toContainEqual(expect.objectContaining({ level: 'warn', details: expect.objectContaining({ previousPid: pid, why: 'pid-reused' }) }));
      await store.close();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('a lock from before a reboot is taken over although its PID is alive again', async () => {
    const dir = await tempDir();
    await fsp.writeFile(join(dir, '.lock'), JSON.stringify({ pid: 300, hostname: HOST, startedAt: 'x', procStart: '5', bootId: 'boot-before' }));
    const log = memoryLog();
    const held = await acquireLock({ fs: nodeStoreFs, dataDir: dir, pid: 400, hostname: HOST, nowMs: 0, isProcessAlive: () => true, log, identity: fakeIdentity({ 300: '5', 400: '9' }) });
    expect(held.previousPid).toBe(300);
    expect(await readJson(join(dir, '.lock'))).toMatchObject({ pid: 400, procStart: '9', bootId: 'boot-now' });
    expect(log.entries).toContainEqual(expect.objectContaining({ details: expect.objectContaining({ why: 'other-boot' }) }));
  });

  it('the refusal says what to do: close the other window, and how to release the lock safely', async () => {
    const dir = await tempDir();
    await fsp.writeFile(join(dir, '.lock'), JSON.stringify({ pid: 300, hostname: HOST, startedAt: 'x', procStart: '5', bootId: 'boot-now' }));
    const error = await acquireLock({ fs: nodeStoreFs, dataDir: dir, pid: 400, hostname: HOST, nowMs: 0, isProcessAlive: () => true, log: memoryLog(), identity: fakeIdentity({ 300: '5' }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLockedError);
    const message = (error as Error).message;
    expect(message).toContain(dir);
    // No process number and no unreadable time: the lock's startedAt ('x') is not a time.
    expect(message.replace(dir, '')).not.toMatch(/进程|300|自 /);
    expect(message).toContain('正被这台计算机上的另一个评议系统使用，');
    expect(message).toMatch(/关闭另一个窗口/);
    expect(message).toMatch(/重新启动计算机/);
  });
});
