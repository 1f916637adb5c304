import * as fsp from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../electron/services/store/file-logger';
import { defaultHomeDir, resolveDataDir, writePointer } from '../../../electron/services/store/location';
import { moveDataFolder } from '../../../electron/services/store/move-folder';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store/store-fs';
import { exists, listFiles, open, readJson, removeTempDirs, tempDir, TestClock, type Core } from './helpers';

afterEach(removeTempDirs);

describe('where the data lives', () => {
  it("mirrors Electron's userData folder on each platform", () => {
    expect(defaultHomeDir('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Roaming\\人大工作评议系统');
    expect(defaultHomeDir('win32', {}, 'C:\\Users\\li')).toBe('C:\\Users\\li\\AppData\\Roaming\\人大工作评议系统');
    expect(defaultHomeDir('darwin', {}, '/Users/li')).toBe('/Users/li/Library/Application Support/人大工作评议系统');
    expect(defaultHomeDir('linux', {}, '/home/li')).toBe('/home/li/.config/人大工作评议系统');
    expect(defaultHomeDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/li', 'pingyi-dev')).toBe('/cfg/pingyi-dev');
  });

  it('resolves override, then pointer, then <home>/data', async () => {
    const home = await tempDir();
    expect(await resolveDataDir({ homeDir: home })).toBe(join(home, 'data'));
    await writePointer(home, '/srv/county-data');
    expect(await readJson(join(home, 'data-location.json'))).toEqual({ dataDir: '/srv/county-data' });
    expect(await resolveDataDir({ homeDir: home })).toBe('/srv/county-data');
    expect(await resolveDataDir({ homeDir: home, dataOverride: '/tmp/test-data' })).toBe('/tmp/test-data');
  });

  it('refuses a damaged pointer instead of quietly opening an empty folder', async () => {
    const home = await tempDir();
    await fsp.writeFile(join(home, 'data-location.json'), '{"dataDir":');
    await expect(resolveDataDir({ homeDir: home })).rejects.toThrow(/已损坏.*--data/);
    await fsp.writeFile(join(home, 'data-location.json'), '{"dataDir":"relative/path"}');
    await expect(resolveDataDir({ homeDir: home })).rejects.toThrow(/已损坏/);
  });
});

describe('moveDataFolder', () => {
  async function populated() {
    const root = await tempDir();
    const source = join(root, 'data');
    const clock = new TestClock();
    const store = await open(source, { clock });
    await store.update<Core, void>('core', (d) => void d.items.push('甲'));
    await store.update('year/2026', (d: { entries: number[] }) => void d.entries.push(1));
    await store.backup('manual');
    await fsp.mkdir(store.attachmentsDir(), { recursive: true });
    await fsp.writeFile(join(store.attachmentsDir(), '调研报告.pdf'), Buffer.from([1, 2, 3, 4]));
    return { root, source, store, clock };
  }

  it('copies every file, verifies it, links none of them, writes the pointer and leaves the source', async () => {
    const { root, source, store, clock } = await populated();
    const home = join(root, 'home');
    const target = join(root, 'moved');
    const sourceFilesBefore = await listFiles(source);

    const result = await moveDataFolder(store, target, { homeDir: home });
    expect(result).toMatchObject({ from: source, to: target });
    // a before-move backup was taken and travels along; the lock does not
    const moved = await listFiles(target);
    expect(moved).not.toContain('.lock');
    expect(moved.filter((f) => f.includes('before-move'))).not.toEqual([]);
    for (const f of moved) expect(await fsp.readFile(join(target, f))).toEqual(await fsp.readFile(join(source, f)));
    expect(result.files).toBe(moved.length);
    // every file of the new folder is a copy of its own: no live file and no backup copy share storage
    for (const f of moved) expect((await fsp.stat(join(target, f))).nlink).toBe(1);
    expect(await readJson(join(home, 'data-location.json'))).toEqual({ dataDir: target });
    // the source only gained the before-move backup (its manifest, and a copy of the attachment added since)
    const added = (await listFiles(source)).filter((f) => !sourceFilesBefore.includes(f));
    expect(added.every((f) => f.startsWith(join('backups', '')))).toBe(true);
    expect(added.filter((f) => f.includes('before-move'))).toHaveLength(1);
    expect(await listFiles(source)).toEqual(expect.arrayContaining(sourceFilesBefore));
    await store.close();

    // the caller reopens on the new folder
    const reopened = await open(await resolveDataDir({ homeDir: home }), { clock });
    expect((await reopened.read<Core>('core')).items).toEqual(['甲']);
    expect(reopened.firstStart).toBe(false);
    await reopened.close();
  });

  it('refuses a target that is not empty, or lies inside the data folder', async () => {
    const { root, source, store } = await populated();
    const busy = join(root, 'busy');
    await fsp.mkdir(busy);
    await fsp.writeFile(join(busy, 'other.txt'), 'x');
    await expect(moveDataFolder(store, busy, { homeDir: root })).rejects.toThrow(`目标文件夹不是空的：${busy}`);
    await expect(moveDataFolder(store, join(source, 'sub'), { homeDir: root })).rejects.toThrow(/位于当前数据文件夹.*之内/);
    await expect(moveDataFolder(store, source, { homeDir: root })).rejects.toThrow(/之内/);
    expect(await exists(join(root, 'data-location.json'))).toBe(false);
    await store.close();
  });

  it('cancels, removing its partial copy, when a copy does not verify', async () => {
    const { root, store } = await populated();
    await store.close();
    const target = join(root, 'bad-disk');
    let n = 0;
    const flaky: StoreFs = {
      ...nodeStoreFs,
      readFile: async (p) => {
        const bytes = await nodeStoreFs.readFile(p);
        // the third file read back from the target comes back different
        if (p.startsWith(target) && ++n === 3) bytes[0] = (bytes[0]! + 1) % 256;
        return bytes;
      },
    };
    await expect(moveDataFolder({ dataDir: store.dataDir }, target, { homeDir: root, fs: flaky })).rejects.toThrow(/复制后校验不一致.*原数据文件夹未作改动/);
    expect(await exists(target)).toBe(false);
    expect(await exists(join(root, 'data-location.json'))).toBe(false);
  });

  it('copies a closed folder given by path, but refuses one another live program holds', async () => {
    const { root, source, store } = await populated();
    await store.close();
    const copied = await moveDataFolder({ dataDir: source }, join(root, 't'), { homeDir: root, isProcessAlive: () => true });
    expect(copied.to).toBe(join(root, 't'));
    await fsp.writeFile(join(source, '.lock'), JSON.stringify({ pid: 99999, hostname: hostname(), startedAt: 'x' }));
    await expect(moveDataFolder({ dataDir: source }, join(root, 't2'), { homeDir: root, isProcessAlive: () => true })).rejects.toThrow(
      /正被这台计算机上的另一个评议系统使用/,
    );
    expect(await exists(join(root, 't2'))).toBe(false);
  });
});

describe('createFileLogger', () => {
  it('appends lines with time and level to logs/pingyi.log', async () => {
    const dir = await tempDir();
    const log = createFileLogger(dir, { console: false, clock: new TestClock() });
    log.info('opened', { n: 1 });
    log.warn('took over', { error: Object.assign(new Error('boom'), { code: 'EX' }) });
    const text = await fsp.readFile(join(dir, 'logs', 'pingyi.log'), 'utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('2026-10-28T09:30:15.123Z INFO opened {"n":1}');
    expect(lines[1]).toMatch(/^2026-10-28T09:30:15.123Z WARN took over \{"error":\{"name":"Error","message":"boom","code":"EX"/);
    expect(log.file).toBe(join(dir, 'logs', 'pingyi.log'));
  });
});
