import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { createDispatch, noteCommitted, type Handlers } from '../../../electron/services/api/dispatch';
import { silentLogger, type Logger } from '../../../electron/services/deps';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store';
import { FAULT_CODES, errorForUser, faultMessage, faultOf, savedPartMessage } from '../../../electron/services/store/messages';
import { CALL_NAMES } from '../../../shared/api/contract';
import { open as openTestStore, tempDir as storeTempDir, removeTempDirs, type Core, type Year } from '../store/helpers';

function memoryLog(): Logger & { lines: { level: string; message: string; details?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; details?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, details?: Record<string, unknown>) => void lines.push({ level, message, ...(details ? { details } : {}) });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

const handlersWith = (overrides: Partial<Record<string, (...a: unknown[]) => unknown>>): Handlers =>
  Object.fromEntries(CALL_NAMES.map((n) => [n, overrides[n] ?? (() => 'ran')])) as unknown as Handlers;

const errno = (code: string, path = '/data/.core.json.123.1.abcd.tmp') => Object.assign(new Error(`${code}: something, open '${path}'`), { code, path });

describe('each errno mapped to advice', () => {
  const dir = 'D:\\人大评议数据';
  const expected: Record<string, RegExp> = {
    ENOSPC: /磁盘空间不足.*删除/,
    EACCES: /没有写入数据文件夹的权限.*只读/,
    EPERM: /没有写入数据文件夹的权限.*杀毒软件/,
    EROFS: /数据文件夹为只读.*可写的磁盘/,
    EBUSY: /正被其他程序占用.*稍等片刻后重试/,
    EMFILE: /同时打开的文件过多.*重新启动/,
    ENFILE: /同时打开的文件过多/,
    EIO: /读写磁盘出错/,
    VANISHED: /找不到数据文件夹.*U盘.*重新接好/,
  };

  it('every code says what happened and what to do, in Chinese, never the raw errno', () => {
    for (const code of FAULT_CODES) {
      const text = faultMessage(code, dir);
      expect(text, code).toMatch(expected[code] as RegExp);
      expect(text).not.toMatch(/E[A-Z]{3,}|\.tmp/);
    }
  });

  it('tells a vanished data folder from a missing file', () => {
    for (const code of Object.keys(expected).filter((c) => c !== 'VANISHED')) expect(faultOf(errno(code), true)).toBe(code);
    expect(faultOf(errno('ENOENT'), false)).toBe('VANISHED');
    expect(faultOf(errno('ENODEV'), false)).toBe('VANISHED');
    expect(faultOf(errno('ENOENT'), true)).toBeNull(); // a file of ours missing is not the folder gone
    expect(faultOf(new Error('plain'), true)).toBeNull();
    expect(faultOf(errno('ENOSPC'), false)).toBe('ENOSPC');
  });

  it('outside the data folder (an export) names the place and the folder, never the raw errno or a temp name', () => {
    const full = errorForUser(errno('ENOSPC', '/media/usb/评议导出/.x.exporting/a.docx'), '导出位置');
    expect(full).toMatch(/^磁盘空间不足，无法写入导出位置 \/media\/usb\/评议导出。/);
    const gone = errorForUser(errno('ENOENT', '/media/usb-that-is-not-there/评议导出/a.docx'), '导出位置');
    expect(gone).toMatch(/^找不到导出位置 .*U盘.*请重新接好后重试/);
    expect(errorForUser(new Error('生成失败：缺少评议意见'), '导出位置')).toBe('生成失败：缺少评议意见');
  });

  it('says "unchanged" only when nothing was written, else names what was saved', () => {
    expect(savedPartMessage([])).toBe('数据未更改。');
    const text = savedPartMessage(['year/2026', 'meeting/m_1']);
    expect(text).toContain('「2026年度数据」');
    expect(text).toContain('「会议数据（m_1）」');
    expect(text).not.toContain('未更改');
  });
});

describe('dispatch: request ids, the log and honest messages', () => {
  it('a fault carries a request id, in the message the user sees and in the log line', async () => {
    const log = memoryLog();
    const dispatch = createDispatch(
      handlersWith({
        'store.backup': () => {
          throw errno('ENOSPC');
        },
      }),
      { log, describeFault: (e) => faultMessage(faultOf(e, true) ?? 'EIO', '/srv/评议数据'), requestId: () => 'r-abc123' },
    );
    const reply = await dispatch('desk', 'store.backup', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'unavailable', requestId: 'r-abc123' } });
    if (reply.ok) return;
    expect(reply.error.message).toMatch(/^磁盘空间不足.*数据未更改。（编号 r-abc123）$/);
    expect(reply.error.message).not.toMatch(/ENOSPC|\.tmp/);
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'call failed', details: expect.objectContaining({ id: 'r-abc123', call: 'store.backup', errno: 'ENOSPC' }) }),
    );
  });

  it('an unexpected error shows no internal text, only what to quote', async () => {
    const dispatch = createDispatch(
      handlersWith({
        'app.info': () => {
          throw new TypeError("Cannot read properties of undefined (reading 'x') at /tmp/secret/path.ts");
        },
      }),
      { log: silentLogger },
    );
    const reply = await dispatch('desk', 'app.info', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!reply.ok) {
      expect(reply.error.message).toMatch(/^操作失败：程序内部出错，详情已记入日志。数据未更改。（编号 r-[0-9a-f]{6}）$/);
      expect(reply.error.message).not.toContain('/tmp');
    }
  });

  it('a change that failed after one partition was written says what was saved', async () => {
    const dispatch = createDispatch(
      handlersWith({
        'store.backup': async () => {
          await Promise.resolve();
          noteCommitted(['year/2026']);
          throw errno('EROFS');
        },
      }),
      { log: silentLogger, describeFault: (e) => faultMessage(faultOf(e, true) ?? 'EIO', '/srv') },
    );
    const reply = await dispatch('desk', 'store.backup', {});
    if (reply.ok) throw new Error('expected a failure');
    expect(reply.error.message).toContain('已保存的部分：「2026年度数据」');
    expect(reply.error.message).not.toContain('数据未更改');
  });

  it('commits of other calls in flight are not attributed to this one', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const dispatch = createDispatch(
      handlersWith({
        'store.backup': async () => {
          await gate;
          throw new Error('late failure');
        },
        'store.listBackups': () => {
          noteCommitted(['core']);
          return [];
        },
      }),
      { log: silentLogger },
    );
    const failing = dispatch('desk', 'store.backup', {});
    await dispatch('desk', 'store.listBackups', {});
    release();
    const reply = await failing;
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toContain('数据未更改');
  });

  it('every refused call is logged with its reason', async () => {
    const log = memoryLog();
    const dispatch = createDispatch(handlersWith({}), { log });
    await dispatch('hall', 'members.list', {});
    await dispatch('desk', 'members.create', { member: { name: '' } });
    await dispatch('desk', 'nope', {});
    const refused = log.lines.filter((l) => l.message === 'call refused');
    expect(refused.map((l) => l.details?.code)).toEqual(['forbidden', 'invalid_args', 'unknown_call']);
    for (const line of refused) expect(line.details).toMatchObject({ id: expect.stringMatching(/^r-/), reason: expect.any(String) });
  });
});

describe('with the real store: commits are attributed through its write queue', () => {
  afterEach(removeTempDirs);

  it('a change whose second partition fails names the first as saved; the next call starts clean', async () => {
    const dir = await storeTempDir();
    const fs: StoreFs = {
      ...nodeStoreFs,
      async open(path, flags, mode) {
        if (String(path).includes('2026.json') && String(path).endsWith('.tmp')) throw errno('ENOSPC', String(path));
        return nodeStoreFs.open(path, flags, mode);
      },
    };
    const store = await openTestStore(dir, { fs });
    store.onCommit(noteCommitted);
    const dispatch = createDispatch(
      handlersWith({
        'store.backup': async () => {
          await store.update<Core, void>('core', (d) => void d.items.push('first half'));
          await store.update<Year, void>('year/2026', (d) => void d.entries.push(1));
        },
        'store.listBackups': async () => {
          await store.update<Year, void>('year/2026', (d) => void d.entries.push(2));
        },
      }),
      { log: silentLogger, describeFault: (e) => faultMessage(faultOf(e, true) ?? 'EIO', dir) },
    );
    const reply = await dispatch('desk', 'store.backup', {});
    if (reply.ok) throw new Error('expected a failure');
    expect(reply.error.message).toMatch(/^磁盘空间不足.*已保存的部分：「基础数据」；其余部分未能保存/);
    const next = await dispatch('desk', 'store.listBackups', {});
    if (next.ok) throw new Error('expected a failure');
    expect(next.error.message).toContain('数据未更改');
    await store.close();
  });
});

describe('through the services: a full disk while saving', () => {
  let services: AppServices | undefined;
  let home: string | undefined;
  afterEach(async () => {
    await services?.close();
    if (home) await rm(home, { recursive: true, force: true });
    services = undefined;
  });

  it('answers with advice and the id, says nothing was changed, and the log file has the line', async () => {
    let full = false;
    const fs: StoreFs = {
      ...nodeStoreFs,
      async open(path, flags, mode) {
        if (full && String(path).endsWith('.tmp')) throw errno('ENOSPC', String(path));
        return nodeStoreFs.open(path, flags, mode);
      },
    };
    home = await mkdtemp(join(tmpdir(), 'pingyi-fault-'));
    services = await createAppServices({ homeDir: home, mode: 'browser', version: 'test', backupOnStart: false, fs, logToConsole: false });
    full = true;
    const reply = await services.dispatch('desk', 'members.create', { member: { name: '测试委员', role: '委员', rosterOrder: 99 } });
    full = false;
    if (reply.ok) throw new Error('expected a failure');
    expect(reply.error.message).toMatch(/^磁盘空间不足，无法写入数据文件夹 .*数据未更改。（编号 r-[0-9a-f]{6}）$/);
    expect(reply.error.message).not.toMatch(/ENOSPC|\.tmp/);
    const { readFile } = await import('node:fs/promises');
    const logText = await readFile(join(services.dataDir, 'logs', 'pingyi.log'), 'utf8');
    expect(logText).toContain(reply.error.requestId as string);
    expect(logText).toContain('ENOSPC');
  });
});
