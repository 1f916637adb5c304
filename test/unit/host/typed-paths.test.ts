import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import { checkDataFolderTarget, checkExportFolder } from '../../../electron/services/file-port';

const dirs: string[] = [];
let services: AppServices | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
const temp = async (prefix = 'pingyi-typed-') => {
  const d = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};

describe('a path typed into the page (browser mode) is checked, the field named', () => {
  it('absolute and local only', async () => {
    await expect(checkExportFolder('评议导出')).rejects.toThrow(/^导出文件夹：“评议导出”不是完整路径/);
    await expect(checkExportFolder('\\\\server\\share\\导出')).rejects.toThrow(/^导出文件夹：.*是网络路径，请选择本机磁盘上的文件夹/);
    await expect(checkExportFolder('//server/share')).rejects.toMatchObject({ code: 'invalid_args', issues: [{ path: 'folder' }] });
    await expect(checkDataFolderTarget('')).rejects.toThrow(/^新的数据文件夹：请填写/);
  });

  it('never inside the app folder or the data folder, links resolved', async () => {
    const root = await temp();
    const home = join(root, 'home');
    const data = join(root, 'data');
    await mkdir(join(data, 'backups'), { recursive: true });
    await mkdir(home, { recursive: true });
    await expect(checkExportFolder(join(data, 'backups'), [home, data])).rejects.toThrow(/^导出文件夹：.*位于程序自身的文件夹或数据文件夹/);
    await expect(checkExportFolder(data, [home, data])).rejects.toThrow(/位于程序自身的文件夹或数据文件夹/);
    await expect(checkDataFolderTarget(join(home, '新数据'), [home, data])).rejects.toMatchObject({ issues: [{ path: 'targetDir' }] });
    await symlink(data, join(root, 'alias'));
    await expect(checkExportFolder(join(root, 'alias', 'backups'), [home, data])).rejects.toThrow(/位于程序自身的文件夹或数据文件夹/);
    const out = join(root, 'out');
    await mkdir(out);
    expect(await checkExportFolder(out, [home, data])).toBe(out);
  });

  it('an export folder must exist; a data-folder target may be new, under an existing folder', async () => {
    const root = await temp();
    await writeFile(join(root, 'f.txt'), 'x');
    await expect(checkExportFolder(join(root, 'nope'))).rejects.toThrow(/^导出文件夹：找不到文件夹/);
    expect(await checkDataFolderTarget(join(root, '新数据', '评议'))).toBe(join(root, '新数据', '评议'));
    await expect(checkDataFolderTarget(join(root, 'f.txt'))).rejects.toThrow(/是一个文件，不是文件夹/);
  });

  it('writable', async () => {
    if (process.getuid?.() === 0 || process.platform === 'win32') return; // root writes anywhere; Windows has no mode bits
    const root = await temp();
    const locked = join(root, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o500);
    try {
      await expect(checkExportFolder(locked)).rejects.toThrow(/^导出文件夹：没有写入“.*locked”的权限/);
      await expect(checkDataFolderTarget(join(locked, '新数据'))).rejects.toThrow(/^新的数据文件夹：没有写入/);
    } finally {
      await chmod(locked, 0o700);
    }
  });

  it('through the services: moving the data folder into itself or into the app folder is refused; elsewhere it moves', async () => {
    const home = await temp('pingyi-home-');
    services = await createAppServices({ homeDir: home, mode: 'browser', version: 'test', log: silentLogger, backupOnStart: false });
    const inside = await services.dispatch('desk', 'store.moveData', { targetDir: join(services.dataDir, 'sub') });
    expect(inside).toMatchObject({ ok: false, error: { code: 'invalid_args', issues: [{ path: 'targetDir' }] } });
    if (!inside.ok) expect(inside.error.message).toMatch(/^新的数据文件夹：/);
    const intoHome = await services.dispatch('desk', 'store.moveData', { targetDir: join(home, 'elsewhere') });
    expect(intoHome).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    const missing = await services.dispatch('desk', 'store.moveData', {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_args', message: expect.stringMatching(/^新的数据文件夹：请填写/) } });
    const target = join(await temp('pingyi-target-'), '评议数据');
    const moved = await services.dispatch('desk', 'store.moveData', { targetDir: target });
    expect(moved).toMatchObject({ ok: true, result: { kind: 'moved', dataDir: target } });
  });
});
