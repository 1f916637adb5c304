import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store/store-fs';
import { gate, memoryLog, open, readJson, removeTempDirs, tempDir, TestClock, type Core, type Year } from './helpers';

afterEach(removeTempDirs);

async function seeded(dir: string, clock = new TestClock()) {
  const store = await open(dir, { clock });
  await store.update<Core, void>('core', (d) => void d.items.push('a'));
  await store.update<Year, void>('year/2025', (d) => void d.entries.push(2025));
  return store;
}

describe('backups', () => {
  it('hard-links every partition and meta.json and writes a manifest', async () => {
    const dir = await tempDir();
    const store = await seeded(dir);
    const info = await store.backup('meeting-start', '2026年10月常委会会议');
    expect(info).toMatchObject({ id: '20261028-093015-123-meeting-start', reason: 'meeting-start', label: '2026年10月常委会会议', files: 3, schemaVersion: 1 });
    const bdir = join(dir, 'backups', info.id);
    for (const rel of ['core.json', join('year', '2025.json'), 'meta.json']) {
      const [a, b] = await Promise.all([fsp.stat(join(dir, rel)), fsp.stat(join(bdir, rel))]);
      expect(b.ino).toBe(a.ino); // the same inode: no copy was made
    }
    expect(info.bytes).toBe((await Promise.all(['core.json', join('year', '2025.json'), 'meta.json'].map((f) => fsp.stat(join(dir, f))))).reduce((n, s) => n + s.size, 0));
    expect(await readJson(join(bdir, 'manifest.json'))).toEqual(info);

    // a later write replaces the file by rename: the backup keeps the old content
    const before = await fsp.readFile(join(bdir, 'core.json'));
    await store.update<Core, void>('core', (d) => void d.items.push('b'));
    expect(await fsp.readFile(join(bdir, 'core.json'))).toEqual(before);
    await store.close();
  });

  it('falls back to copying where the file system has no hard links', async () => {
    const dir = await tempDir();
    const fs: StoreFs = { ...nodeStoreFs, link: async () => Promise.reject(Object.assign(new Error('no links here'), { code: 'EPERM' })) };
    const store = await open(dir, { fs });
    await store.update<Core, void>('core', (d) => void d.items.push('a'));
    const info = await store.backup('manual');
    const bdir = join(dir, 'backups', info.id);
    expect((await fsp.stat(join(bdir, 'core.json'))).ino).not.toBe((await fsp.stat(join(dir, 'core.json'))).ino);
    expect(await fsp.readFile(join(bdir, 'core.json'))).toEqual(await fsp.readFile(join(dir, 'core.json')));
    await store.close();
  });

  it('lists finished backups newest first and ignores unfinished ones', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const store = await seeded(dir, clock);
    const a = await store.backup('manual', 'a');
    clock.advance(60_000);
    const b = await store.backup('manual', 'b');
    const c = await store.backup('manual', 'c'); // same millisecond: ids still increase
    await fsp.mkdir(join(dir, 'backups', '20991231-235959-999-manual')); // no manifest: a crash mid-backup
    expect((await store.listBackups()).map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    expect(c.id > b.id).toBe(true);
    await store.close();
  });

  it('restores: takes a before-restore backup, replaces all partitions, removes extra ones, tells listeners', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const store = await seeded(dir, clock);
    const snapshot = await store.backup('manual', 'snapshot');
    clock.advance(1000);
    await store.update<Core, void>('core', (d) => void d.items.push('after'));
    await store.update<Year, void>('year/2026', (d) => void d.entries.push(2026));
    await store.remove('year/2025');
    expect(store.list('year')).toEqual(['year/2026']);
    const commits: string[][] = [];
    store.onCommit((keys) => commits.push(keys));

    clock.advance(1000);
    await store.restore(snapshot.id);
    expect((await store.read<Core>('core')).items).toEqual(['a']);
    expect((await store.read<Year>('year/2025')).entries).toEqual([2025]);
    expect(store.list('year')).toEqual(['year/2025']);
    await expect(fsp.stat(join(dir, 'year', '2026.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(commits).toEqual([['core', 'year/2025', 'year/2026']]);

    const [newest] = await store.listBackups();
    expect(newest).toMatchObject({ reason: 'before-restore' });
    const safety = join(dir, 'backups', newest!.id);
    expect((await readJson(join(safety, 'core.json'))).data.items).toEqual(['a', 'after']);
    expect((await readJson(join(safety, 'year', '2026.json'))).data.entries).toEqual([2026]);
    expect((await readJson(join(dir, 'meta.json'))).pendingRestore).toBeUndefined();

    // and the restore itself can be undone from that backup
    await store.restore(newest!.id);
    expect((await store.read<Core>('core')).items).toEqual(['a', 'after']);
    await store.close();
  });

  it('refuses to restore a backup that does not exist', async () => {
    const dir = await tempDir();
    const store = await seeded(dir);
    await expect(store.restore('20200101-000000-000-manual')).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.restore('../../etc')).rejects.toBeInstanceOf(ApiError);
    await store.close();
  });

  it('takes the startup backup in the background; close waits for it', async () => {
    const dir = await tempDir();
    await (await seeded(dir)).close();
    const held = gate();
    const reached = gate();
    const fs: StoreFs = {
      ...nodeStoreFs,
      link: async (a, b) => {
        if (b.includes(join(dir, 'backups'))) {
          reached.open();
          await held.promise;
        }
        return nodeStoreFs.link(a, b);
      },
    };
    const store = await open(dir, { fs, backupOnStart: true });
    // open returned although the backup is held
    await reached.promise;
    expect(await store.listBackups()).toEqual([]);
    let closed = false;
    const closing = store.close().then(() => (closed = true));
    await new Promise((r) => setImmediate(r));
    expect(closed).toBe(false);
    held.open();
    await closing;
    const reopened = await open(dir);
    expect((await reopened.listBackups()).map((b) => b.reason)).toEqual(['startup']);
    await reopened.close();
  });

  it('applies the retention rule after each backup', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const log = memoryLog();
    const store = await open(dir, { clock, log, retention: { keepLast: 2, daily: 0, weekly: 0, monthly: 0 } });
    await store.update<Core, void>('core', (d) => void d.items.push('a'));
    const made = [];
    for (let i = 0; i < 4; i++) {
      clock.advance(1000);
      made.push(await store.backup('manual', String(i)));
    }
    expect((await store.listBackups()).map((b) => b.label)).toEqual(['3', '2']);
    expect(await fsp.readdir(join(dir, 'backups'))).toHaveLength(2);
    expect(log.entries.filter((e) => e.message.includes('retention'))).toHaveLength(2);
    await store.close();
  });
});
