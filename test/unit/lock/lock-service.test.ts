import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import type { Logger } from '../../../electron/services/deps';
import { LOCK_FILE } from '../../../electron/services/lock/lock-file';
import type { Role } from '../../../shared/api/define';
import type { Reply } from '../../../shared/api/errors';
import type { LockStatus, RecoveryCodeResult } from '../../../shared/api/lock-types';

const MIN = 60_000;
const PASSWORD = 'qingLan-2026';
let services: AppServices | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

function fakeClock() {
  let t = Date.UTC(2026, 9, 28, 1, 0, 0);
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

function capturingLog(): Logger & { text: () => string } {
  const lines: string[] = [];
  const put = (m: string, d?: Record<string, unknown>) => void lines.push(`${m} ${JSON.stringify(d ?? {})}`);
  return { info: put, warn: put, error: put, text: () => lines.join('\n') };
}

async function open(clock = fakeClock(), home?: string) {
  const homeDir = home ?? (await mkdtemp(join(tmpdir(), 'pingyi-lock-')));
  const log = capturingLog();
  services = await createAppServices({ homeDir, mode: 'browser', version: 'test', clock, log, backupOnStart: false });
  const call = async (role: Role, name: string, args: unknown = {}): Promise<Reply> => services!.dispatch(role, name, args);
  const ok = async <T>(role: Role, name: string, args: unknown = {}): Promise<T> => {
    const reply = await call(role, name, args);
    if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
    return reply.result as T;
  };
  return { homeDir, clock, log, call, ok };
}

describe('the screen lock in the services', () => {
  it('is off by default: every window works without a password', async () => {
    const { call, ok } = await open();
    expect(await ok<LockStatus>('desk', 'lock.status')).toMatchObject({ enabled: false, locked: false });
    expect((await call('desk', 'settings.get')).ok).toBe(true);
    expect((await call('console', 'live.state')).ok).toBe(true);
  });

  it('once set, refuses every call from a locked window with a Chinese message, before its arguments are read', async () => {
    const { call, ok, clock } = await open();
    const setup = await ok<RecoveryCodeResult>('desk', 'lock.setup', { password: PASSWORD, idleMinutes: 5 });
    expect(setup.status).toMatchObject({ enabled: true, locked: false, idleMinutes: 5 });
    // setting it up locks nothing that is in use; each window locks after its idle time
    expect((await call('desk', 'settings.get')).ok).toBe(true);
    expect((await call('console', 'live.state')).ok).toBe(true);
    clock.advance(5 * MIN);
    const refused = await call('console', 'live.state');
    expect(refused).toMatchObject({ ok: false, error: { code: 'screen_locked' } });
    expect(!refused.ok && refused.error.message).toMatch(/窗口已锁定/);
    expect(await call('console', 'live.state', { junk: 1 })).toMatchObject({ ok: false, error: { code: 'screen_locked' } });
    await ok('desk', 'lock.unlock', { password: PASSWORD });
    // the hall is never locked
    expect((await call('hall', 'hall.view')).ok).toBe(true);

    await ok('desk', 'lock.lockNow');
    for (const name of ['settings.get', 'lock.touch', 'lock.disable', 'lock.update', 'store.listBackups']) {
      expect(await call('desk', name, {})).toMatchObject({ ok: false, error: { code: 'screen_locked' } });
    }
    expect(await ok<LockStatus>('desk', 'lock.status')).toMatchObject({ enabled: true, locked: true });

    // idle: unlocked, then five minutes without use
    await ok('desk', 'lock.unlock', { password: PASSWORD });
    clock.advance(4 * MIN);
    await ok('desk', 'lock.touch');
    clock.advance(4 * MIN);
    expect((await call('desk', 'settings.get')).ok).toBe(true);
    clock.advance(5 * MIN);
    expect(await call('desk', 'settings.get')).toMatchObject({ ok: false, error: { code: 'screen_locked' } });
  });

  it('refuses a wrong password, and after five wrong tries makes the next wait, longer each time (fake clock, no sleeping)', async () => {
    const { call, ok, clock } = await open();
    await ok('desk', 'lock.setup', { password: PASSWORD });
    await ok('desk', 'lock.lockNow');
    for (let i = 1; i <= 4; i++) {
      const reply = await call('desk', 'lock.unlock', { password: 'wrong-one' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_args', message: `密码不正确（已连续输错 ${i} 次）。` } });
    }
    expect(await call('desk', 'lock.unlock', { password: 'wrong-one' })).toMatchObject({ ok: false, error: { message: '密码不正确（已连续输错 5 次），请 30 秒后再试。' } });
    // even the right password waits now, and is not checked
    expect(await call('desk', 'lock.unlock', { password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'conflict', message: '密码连续输错次数过多，请 30 秒后再试。' } });
    expect(await ok<LockStatus>('desk', 'lock.status')).toMatchObject({ retryAfterSeconds: 30 });
    clock.advance(30_000);
    expect(await call('desk', 'lock.unlock', { password: 'wrong-two' })).toMatchObject({ ok: false, error: { message: '密码不正确（已连续输错 6 次），请 60 秒后再试。' } });
    clock.advance(59_000);
    expect(await call('desk', 'lock.unlock', { password: PASSWORD })).toMatchObject({ ok: false, error: { message: '密码连续输错次数过多，请 1 秒后再试。' } });
    clock.advance(1_000);
    expect(await ok<LockStatus>('desk', 'lock.unlock', { password: PASSWORD })).toMatchObject({ locked: false, retryAfterSeconds: 0 });
    // a success starts the count again
    await ok('desk', 'lock.lockNow');
    expect(await call('desk', 'lock.unlock', { password: 'wrong' })).toMatchObject({ ok: false, error: { message: '密码不正确（已连续输错 1 次）。' } });
  });

  it('keeps the delay over a restart of the app', async () => {
    const clock = fakeClock();
    const first = await open(clock);
    await first.ok('desk', 'lock.setup', { password: PASSWORD });
    for (let i = 0; i < 5; i++) await first.call('desk', 'lock.unlock', { password: 'nope-nope' });
    await services!.close();
    services = undefined;
    const again = await open(clock, first.homeDir);
    expect(await again.ok<LockStatus>('desk', 'lock.status')).toMatchObject({ enabled: true, locked: true, retryAfterSeconds: 30 });
    // at start both the desk and the console ask for the password
    expect(await again.ok<LockStatus>('console', 'lock.status')).toMatchObject({ locked: true });
    expect(await again.call('desk', 'lock.unlock', { password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('the recovery code, shown once, sets a new password without touching the data, and is replaced by a new one', async () => {
    const { call, ok, homeDir } = await open();
    const settings = await ok<unknown>('desk', 'settings.get');
    const { recoveryCode } = await ok<RecoveryCodeResult>('desk', 'lock.setup', { password: PASSWORD });
    await ok('desk', 'lock.lockNow');
    expect(await call('desk', 'lock.recover', { recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE', password: 'new-password' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args', message: expect.stringMatching(/^恢复码不正确/) },
    });
    const reset = await ok<RecoveryCodeResult>('desk', 'lock.recover', { recoveryCode: ` ${recoveryCode.toLowerCase()} `, password: 'new-password' });
    expect(reset.recoveryCode).not.toBe(recoveryCode);
    expect(reset.status).toMatchObject({ enabled: true, locked: false });
    expect(await ok('desk', 'settings.get')).toEqual(settings);
    // the old code is spent, the old password gone
    await ok('desk', 'lock.lockNow');
    expect((await call('desk', 'lock.recover', { recoveryCode, password: 'another-one' })).ok).toBe(false);
    expect((await call('desk', 'lock.unlock', { password: PASSWORD })).ok).toBe(false);
    expect((await call('desk', 'lock.unlock', { password: 'new-password' })).ok).toBe(true);
    // the file holds hashes only, readable by this user only (where the system has such modes)
    const file = await readFile(join(homeDir, LOCK_FILE), 'utf8');
    expect(file).not.toContain('new-password');
    expect(file).not.toContain(reset.recoveryCode);
    if (process.platform !== 'win32') expect((await stat(join(homeDir, LOCK_FILE))).mode & 0o077).toBe(0);
  });

  it('asks for the password again before clearing, restoring or moving the data', async () => {
    const { call, ok, clock } = await open();
    await ok('desk', 'lock.setup', { password: PASSWORD });
    const clear = await call('desk', 'demo.clear', { confirm: '清除演示数据' });
    expect(clear).toMatchObject({ ok: false, error: { code: 'password_again' } });
    expect(await call('desk', 'store.restore', { backupId: 'x' })).toMatchObject({ ok: false, error: { code: 'password_again' } });
    expect(await call('desk', 'store.moveData', { targetDir: '/tmp/x' })).toMatchObject({ ok: false, error: { code: 'password_again' } });
    expect((await call('desk', 'lock.confirm', { password: 'wrong-pass' })).ok).toBe(false);
    await ok('desk', 'lock.confirm', { password: PASSWORD });
    // the confirmation opens one such call (which then runs: here an unknown backup)
    expect(await call('desk', 'store.restore', { backupId: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('desk', 'store.restore', { backupId: 'x' })).toMatchObject({ ok: false, error: { code: 'password_again' } });
    // and expires
    await ok('desk', 'lock.confirm', { password: PASSWORD });
    clock.advance(2 * MIN);
    expect(await call('desk', 'store.restore', { backupId: 'x' })).toMatchObject({ ok: false, error: { code: 'password_again' } });
  });

  it('turning the lock off needs the password; the idle time can be changed', async () => {
    const { call, ok } = await open();
    expect(await call('desk', 'lock.setup', { password: 'short' })).toMatchObject({ ok: false, error: { code: 'invalid_args', message: expect.stringMatching(/至少6个字符/) } });
    await ok('desk', 'lock.setup', { password: PASSWORD });
    expect(await call('desk', 'lock.setup', { password: 'another-1' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call('desk', 'lock.update', { idleMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(await ok<LockStatus>('desk', 'lock.update', { idleMinutes: 30 })).toMatchObject({ idleMinutes: 30 });
    expect((await call('desk', 'lock.disable', { password: 'wrong-pass' })).ok).toBe(false);
    expect(await ok<LockStatus>('desk', 'lock.disable', { password: PASSWORD })).toMatchObject({ enabled: false });
    expect((await call('console', 'live.state')).ok).toBe(true);
  });

  it('never writes a password or recovery code to the log', async () => {
    const { call, ok, log } = await open();
    const { recoveryCode } = await ok<RecoveryCodeResult>('desk', 'lock.setup', { password: PASSWORD });
    await ok('desk', 'lock.lockNow');
    await call('desk', 'lock.unlock', { password: 'typo-secret-9' });
    await call('desk', 'lock.recover', { recoveryCode: 'WRONG-CODE-1234', password: 'next-secret-7' });
    const reset = await ok<RecoveryCodeResult>('desk', 'lock.recover', { recoveryCode, password: 'next-secret-8' });
    await call('desk', 'lock.setup', { password: 'x'.repeat(65) });
    const text = log.text();
    expect(text).toMatch(/wrong screen lock secret/);
    for (const secret of [PASSWORD, 'typo-secret-9', 'next-secret-7', 'next-secret-8', recoveryCode, reset.recoveryCode, 'WRONG-CODE-1234', 'xxxxxxxx']) {
      expect(text).not.toContain(secret);
    }
  });

  it('withholds events from a locked window (the hall keeps its own), and sends them again once unlocked', async () => {
    const { ok } = await open();
    const got: Record<string, string[]> = { desk: [], console: [], hall: [] };
    for (const role of ['desk', 'console', 'hall'] as const) services!.hub.subscribe(role, (name) => got[role]!.push(name));
    await ok('desk', 'lock.setup', { password: PASSWORD });
    await ok('desk', 'lock.lockNow');
    services!.hub.publish('store.committed', { keys: ['core'] });
    services!.hub.publishTo('hall', 'hall.view', { kind: 'idle' } as never);
    // the console was in use when the lock was set up: it still gets them
    expect(got).toEqual({ desk: [], console: ['store.committed'], hall: ['hall.view'] });
    await ok('console', 'lock.lockNow');
    await ok('desk', 'lock.unlock', { password: PASSWORD });
    services!.hub.publish('store.committed', { keys: ['core'] });
    expect(got.desk).toEqual(['store.committed']);
    expect(got.console).toEqual(['store.committed']);
  });
});

