import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fsp from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultIsProcessAlive } from '../../../electron/services/store/lock';
import { formatLocalTime } from '../../../electron/services/store/notices';
import { StoreLockedError } from '../../../electron/services/store/store';
import { exists, memoryLog, open, readJson, removeTempDirs, tempDir, type Core } from './helpers';

afterEach(removeTempDirs);

describe('one writer per data folder', () => {
  it('refuses a second writer while the first one lives, naming the folder, who holds it and since when (the process number only in the log)', async () => {
    const dir = await tempDir();
    const first = await open(dir, { pid: 1234, isProcessAlive: (pid) => pid === 1234 });
    const lock = (await readJson(join(dir, '.lock'))) as { startedAt: string };
    expect(lock).toMatchObject({ pid: 1234, hostname: hostname(), startedAt: expect.any(String) });

    const log = memoryLog();
    const error = await open(dir, { pid: 5678, log, isProcessAlive: (pid) => pid === 1234 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLockedError);
    const message = (error as Error).message;
    expect(message).toContain(`数据文件夹 ${dir} 正被这台计算机上的另一个评议系统使用（自 ${formatLocalTime(Date.parse(lock.startedAt))} 起）`);
    expect(message.replace(dir, '')).not.toMatch(/进程|1234|pid/i);
    expect(log.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', details: expect.objectContaining({ ownerPid: 1234, ownerStartedAt: lock.startedAt, why: 'running' }) }),
    );
    // the refused one changed nothing: the first still owns the lock and can write
    expect((await readJson(join(dir, '.lock'))).pid).toBe(1234);
    await first.update<Core, void>('core', (d) => void d.items.push('still mine'));
    await first.close();
    expect(await exists(join(dir, '.lock'))).toBe(false);
  });

  it("takes over a dead process's lock, logs it and says so", async () => {
    const dir = await tempDir();
    await fsp.writeFile(join(dir, '.lock'), JSON.stringify({ pid: 999_999, hostname: hostname(), startedAt: '2026-10-27T08:00:00.000Z' }));
    const log = memoryLog();
    const store = await open(dir, { pid: 4321, log, isProcessAlive: () => false });
    expect(store.notices()).toEqual([expect.objectContaining({ kind: 'lock-taken-over', previousPid: 999_999, at: expect.any(String), message: '上次程序未正常退出，已接管数据文件夹。' })]);
    // the process number stays in the log, never in what office staff read
    expect(store.notices()[0]!.message).not.toContain('999999');
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'warn', details: expect.objectContaining({ previousPid: 999_999 }) }));
    expect((await readJson(join(dir, '.lock'))).pid).toBe(4321);
    await store.close();
    expect(await exists(join(dir, '.lock'))).toBe(false);
  });

  it('takes over a lock left by a crash of a process that had our own pid (pid reuse)', async () => {
    const dir = await tempDir();
    await fsp.writeFile(join(dir, '.lock'), JSON.stringify({ pid: 42, hostname: hostname(), startedAt: 'x' }));
    const store = await open(dir, { pid: 42, isProcessAlive: () => true });
    expect(store.notices()[0]).toMatchObject({ kind: 'lock-taken-over', previousPid: 42 });
    await store.close();
  });

  it('takes over an unreadable lock file', async () => {
    const dir = await tempDir();
    await fsp.writeFile(join(dir, '.lock'), '');
    const store = await open(dir, { pid: 7 });
    expect(store.notices()[0]).toMatchObject({ kind: 'lock-taken-over', previousPid: 0 });
    await store.close();
  });

  it('respects a lock held from another computer (it cannot be probed)', async () => {
    const dir = await tempDir();
    await fsp.writeFile(join(dir, '.lock'), JSON.stringify({ pid: 55, hostname: 'other-pc', startedAt: '2026-12-07T06:03:00.000Z' }));
    const error = (await open(dir, { pid: 7, isProcessAlive: () => false }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(new RegExp(`计算机「other-pc」上的另一个评议系统使用（自 ${formatLocalTime(Date.parse('2026-12-07T06:03:00.000Z'))} 起）.*\\.lock`));
    expect(error.message.replace(dir, '')).not.toMatch(/进程|55/);
  });

  it('does not remove a successor’s lock on close', async () => {
    const dir = await tempDir();
    const store = await open(dir, { pid: 1 });
    await fsp.writeFile(join(dir, '.lock'), JSON.stringify({ pid: 2, hostname: hostname(), startedAt: 'x', token: 'theirs' }));
    await store.close();
    expect((await readJson(join(dir, '.lock'))).token).toBe('theirs');
  });

  it('rejects reads and writes after close', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.close();
    await expect(store.update<Core, void>('core', () => undefined)).rejects.toThrow('数据存储已关闭');
    await expect(store.read('core')).rejects.toThrow('数据存储已关闭');
  });

  it('with real processes: refuses while the owner runs, takes over once it is killed', async () => {
    const dir = await tempDir();
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await once(child, 'spawn');
      const pid = child.pid as number;
      await fsp.writeFile(join(dir, '.lock'), JSON.stringify({ pid, hostname: hostname(), startedAt: 'x' }));
      await expect(open(dir, { isProcessAlive: undefined })).rejects.toThrow('正被这台计算机上的另一个评议系统使用');
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
      const store = await open(dir, { isProcessAlive: undefined });
      expect(store.notices()[0]).toMatchObject({ kind: 'lock-taken-over', previousPid: pid });
      await store.close();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('probes processes: this one lives, a pid beyond any real one does not', () => {
    expect(defaultIsProcessAlive(process.pid)).toBe(true);
    expect(defaultIsProcessAlive(2 ** 30)).toBe(false);
    expect(defaultIsProcessAlive(0)).toBe(false);
  });
});
