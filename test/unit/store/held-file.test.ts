import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileHeldError, fileHeldMessage, HELD_FILE_DELAYS_MS, heldRetryDelays, removeFileDurably, renameWithRetry, writeFileDurably } from '../../../electron/services/store/durable-file';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store/store-fs';
import { createDispatch, type Handlers } from '../../../electron/services/api/dispatch';
import { silentLogger } from '../../../electron/services/deps';
import { listFiles, removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

/** A Windows file system whose renames fail `failures` times with `code`; the waits are recorded, never slept. */
function heldFs(failures: number, code = 'EPERM', platform: NodeJS.Platform = 'win32') {
  const waits: number[] = [];
  let left = failures;
  const fs: StoreFs = {
    ...nodeStoreFs,
    platform,
    wait: async (ms) => void waits.push(ms),
    rename: async (a, b) => {
      if (left-- > 0) throw Object.assign(new Error(`${code}: operation not permitted, rename '${a}' -> '${b}'`), { code });
      return nodeStoreFs.rename(a, b);
    },
  };
  return { fs, waits };
}

describe('a file held by another program (Windows antivirus, a document open in WPS)', () => {
  it('backs off for about ten seconds in all', () => {
    const total = HELD_FILE_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBe(10_000);
    for (let i = 1; i < 6; i++) expect(HELD_FILE_DELAYS_MS[i]).toBe(2 * (HELD_FILE_DELAYS_MS[i - 1] as number));
    expect(Math.max(...HELD_FILE_DELAYS_MS)).toBe(2000);
    expect(heldRetryDelays('linux').reduce((a, b) => a + b, 0)).toBeLessThan(1000);
  });

  for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
    it(`retries a rename that fails with ${code} and succeeds once the file is let go`, async () => {
      const dir = await tempDir();
      const { fs, waits } = heldFs(7, code);
      await writeFileDurably(fs, join(dir, 'core.json'), Buffer.from('{"a":1}'));
      expect(await fsp.readFile(join(dir, 'core.json'), 'utf8')).toBe('{"a":1}');
      expect(waits).toEqual(HELD_FILE_DELAYS_MS.slice(0, 7));
      expect(await listFiles(dir)).toEqual(['core.json']);
    });
  }

  it('after the last try says in Chinese that the file is open elsewhere, never a raw EPERM, and leaves the old file and no temp file', async () => {
    const dir = await tempDir();
    await fsp.writeFile(join(dir, '评议意见.docx'), 'old');
    const { fs, waits } = heldFs(Number.POSITIVE_INFINITY);
    const failing = writeFileDurably(fs, join(dir, '评议意见.docx'), Buffer.from('new'));
    await expect(failing).rejects.toBeInstanceOf(FileHeldError);
    await expect(failing).rejects.toThrow(/^文件正被其他程序打开（例如在 WPS 或 Word 中打开了它，或杀毒软件正在检查它），等待约10秒后仍无法写入：.*评议意见\.docx。请关闭该文件或稍等片刻后重试。$/);
    await expect(failing).rejects.not.toThrow(/EPERM/);
    expect(waits).toEqual(HELD_FILE_DELAYS_MS);
    expect(await fsp.readFile(join(dir, '评议意见.docx'), 'utf8')).toBe('old');
    expect(await listFiles(dir)).toEqual(['评议意见.docx']);
  });

  it('reaches the window as that message through the dispatcher (no raw errno, no temp name)', async () => {
    const dir = await tempDir();
    const { fs } = heldFs(Number.POSITIVE_INFINITY, 'EBUSY');
    const handlers = new Proxy({} as Handlers, {
      get: () => async () => writeFileDurably(fs, join(dir, 'core.json'), Buffer.from('{}')),
    });
    const reply = await createDispatch(handlers, { log: silentLogger })('desk', 'settings.get', {});
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('unavailable');
    expect(reply.error.message).toBe(fileHeldMessage(join(dir, 'core.json')));
    expect(reply.error.message).not.toMatch(/EBUSY|\.tmp/);
  });

  it('retries removing a held file too', async () => {
    const dir = await tempDir();
    await fsp.writeFile(join(dir, 'm.journal'), 'x');
    const waits: number[] = [];
    let left = 3;
    const fs: StoreFs = {
      ...nodeStoreFs,
      platform: 'win32',
      wait: async (ms) => void waits.push(ms),
      unlink: async (p) => {
        if (left-- > 0) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
        return nodeStoreFs.unlink(p);
      },
    };
    expect(await removeFileDurably(fs, join(dir, 'm.journal'))).toBe(true);
    expect(waits).toEqual([50, 100, 200]);
  });

  it('elsewhere (Linux) a permission error is reported as itself after a short retry', async () => {
    const { fs, waits } = heldFs(Number.POSITIVE_INFINITY, 'EACCES', 'linux');
    await expect(renameWithRetry(fs, '/x/a', '/x/b')).rejects.toMatchObject({ code: 'EACCES' });
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThan(1000);
  });

  it('does not retry other failures', async () => {
    const { fs, waits } = heldFs(Number.POSITIVE_INFINITY, 'ENOSPC');
    await expect(renameWithRetry(fs, '/x/a', '/x/b')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(waits).toEqual([]);
  });
});
