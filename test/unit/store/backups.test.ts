import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatLocalTime } from '../../../electron/services/store/notices';
import { ApiError } from '../../../shared/api/errors';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store/store-fs';
import { createHash } from 'node:crypto';
import { backupBlobPath, backupBytes, gate, manifestOf, memoryLog, open, readJson, removeTempDirs, T0, tempDir, TestClock, type Core, type Year } from './helpers';

afterEach(removeTempDirs);

async function seeded(dir: string, clock = new TestClock()) {
  const store = await open(dir, { clock });
  await store.update<Core, void>('core', (d) => void d.items.push('a'));
  await store.update<Year, void>('year/2025', (d) => void d.entries.push(2025));
  return store;
}

describe('backups', () => {
  it('copies every partition and meta.json into content-addressed blobs, none an alias of a live file, manifest last', async () => {
    const dir = await tempDir();
    const store = await seeded(dir);
    const info = await store.backup('meeting-start', '2026年10月常委会会议');
    expect(info).toEqual({ id: expect.stringMatching(/^20261028-093015-\d{3}-meeting-start$/), createdAt: new Date(T0).toISOString(), reason: 'meeting-start', label: '2026年10月常委会会议', files: 3, bytes: info.bytes, schemaVersion: 1 });
    const rels = ['core.json', 'year/2025.json', 'meta.json'];
    const manifest = await manifestOf(dir, info.id);
    expect(manifest.entries.map((e: { path: string }) => e.path).sort()).toEqual([...rels].sort());
    expect(await fsp.readdir(join(dir, 'backups', info.id))).toEqual(['manifest.json']);
    let total = 0;
    for (const rel of rels) {
      const live = join(dir, ...rel.split('/'));
      const blob = (await backupBlobPath(dir, info.id, rel))!;
      const [a, b] = await Promise.all([fsp.stat(live), fsp.stat(blob)]);
      expect(b.ino).not.toBe(a.ino); // an independent copy
      expect(a.nlink).toBe(1);
      expect(b.nlink).toBe(1);
      expect(await fsp.readFile(blob)).toEqual(await fsp.readFile(live));
      expect(blob.endsWith(createHash('sha256').update(await fsp.readFile(live)).digest('hex'))).toBe(true);
      total += a.size;
    }
    expect(info.bytes).toBe(total);

    // damage written in place into a live file never reaches the backup
    const before = await backupBytes(dir, info.id, 'core.json');
    await store.close();
    const handle = await fsp.open(join(dir, 'core.json'), 'r+');
    await handle.truncate(3);
    await handle.close();
    expect(await backupBytes(dir, info.id, 'core.json')).toEqual(before);
    // and another file overwritten in place (same inode) with other bytes
    const year = join(dir, 'year', '2025.json');
    const inode = (await fsp.stat(year)).ino;
    await fsp.writeFile(year, '{"schemaVersion":1,"savedAt":"x","data":{"entries":"overwritten"}}');
    expect((await fsp.stat(year)).ino).toBe(inode);

    // the next start brings the last good state of both back from the backup
    const again = await open(dir);
    expect((await again.read<Core>('core')).items).toEqual(['a']);
    expect((await again.read<Year>('year/2025')).entries).toEqual([2025]);
    expect(again.notices().map((n) => [n.kind, (n as { key?: string }).key])).toEqual([
      ['recovered', 'core'],
      ['recovered', 'year/2025'],
    ]);
    await again.close();
  });

  it('shares unchanged content between backups and writes new content once, temp files never left', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const store = await seeded(dir, clock);
    const a = await store.backup('manual', 'a');
    clock.advance(1000);
    await store.update<Core, void>('core', (d) => void d.items.push('b'));
    const b = await store.backup('manual', 'b');
    expect(await backupBlobPath(dir, b.id, 'year/2025.json')).toBe(await backupBlobPath(dir, a.id, 'year/2025.json'));
    expect(await backupBlobPath(dir, b.id, 'core.json')).not.toBe(await backupBlobPath(dir, a.id, 'core.json'));
    // three distinct contents for core/meta/year in a, plus b's core
    expect(await fsp.readdir(join(dir, 'backups', 'blobs'))).toHaveLength(4);
    await store.close();
  });

  it('writes a damaged blob again (by rename) when a later backup needs that content', async () => {
    const dir = await tempDir();
    const store = await seeded(dir);
    const a = await store.backup('manual', 'a');
    await store.close();
    const blob = (await backupBlobPath(dir, a.id, 'year/2025.json'))!;
    await fsp.writeFile(blob, 'rot');
    const log = memoryLog();
    const again = await open(dir, { log });
    const b = await again.backup('manual', 'b');
    expect(await backupBlobPath(dir, b.id, 'year/2025.json')).toBe(blob);
    expect(await fsp.readFile(blob)).toEqual(await fsp.readFile(join(dir, 'year', '2025.json')));
    expect(log.entries.some((e) => e.message.includes('damaged backup copy'))).toBe(true);
    await again.close();
  });

  it('includes the attachment folders, and a restore puts attachment files back', async () => {
    const dir = await tempDir();
    const store = await seeded(dir);
    await fsp.mkdir(join(store.attachmentsDir(), 'ev_1'), { recursive: true });
    await fsp.writeFile(join(store.attachmentsDir(), 'ev_1', '调研报告.pdf'), Buffer.from([1, 2, 3]));
    const info = await store.backup('manual');
    expect(await backupBytes(dir, info.id, 'attachments/ev_1/调研报告.pdf')).toEqual(Buffer.from([1, 2, 3]));
    await fsp.writeFile(join(store.attachmentsDir(), 'ev_1', '调研报告.pdf'), Buffer.from([9]));
    await store.restore(info.id);
    expect(await fsp.readFile(join(store.attachmentsDir(), 'ev_1', '调研报告.pdf'))).toEqual(Buffer.from([1, 2, 3]));
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
    // (the two partitions' first writes were backed up too, before these)
    expect((await store.listBackups()).map((x) => x.id)).toEqual([c.id, b.id, a.id, expect.stringMatching(/-new-partition$/), expect.stringMatching(/-new-partition$/)]);
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
    expect(JSON.parse((await backupBytes(dir, newest!.id, 'core.json')).toString()).data.items).toEqual(['a', 'after']);
    expect(JSON.parse((await backupBytes(dir, newest!.id, 'year/2026.json')).toString()).data.entries).toEqual([2026]);
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
      mkdir: async (p, o) => {
        if (p.startsWith(join(dir, 'backups'))) {
          reached.open();
          await held.promise;
        }
        return nodeStoreFs.mkdir(p, o);
      },
    };
    const store = await open(dir, { fs, backupOnStart: true });
    // open returned although the backup is held
    await reached.promise;
    expect((await store.listBackups()).map((b) => b.reason)).toEqual(['new-partition', 'new-partition']);
    let closed = false;
    const closing = store.close().then(() => (closed = true));
    await new Promise((r) => setImmediate(r));
    expect(closed).toBe(false);
    held.open();
    await closing;
    const reopened = await open(dir);
    expect((await reopened.listBackups()).map((b) => b.reason)).toEqual(['startup', 'new-partition', 'new-partition']);
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
    expect((await fsp.readdir(join(dir, 'backups'))).sort()).toEqual(['blobs', made[3]!.id, made[2]!.id].sort());
    // the first write's backup went first, then the two oldest manual ones
    expect(log.entries.filter((e) => e.message.includes('retention'))).toHaveLength(3);
    await store.close();
  });

  it('takes a periodic backup once ten minutes have passed while changes are made, and none without changes', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const store = await open(dir, { clock });
    await store.update<Core, void>('core', (d) => void d.items.push('a'));
    clock.advance(9 * 60_000);
    await store.update<Core, void>('core', (d) => void d.items.push('b'));
    await store.exclusive(async () => undefined);
    // only the backup of the partition's first write; ten minutes are counted from it
    expect((await store.listBackups()).map((b) => b.reason)).toEqual(['new-partition']);
    clock.advance(60_000);
    await store.update<Core, void>('core', (d) => void d.items.push('c'));
    await store.exclusive(async () => undefined); // queued behind the periodic backup
    const [periodic] = await store.listBackups();
    expect(periodic).toMatchObject({ reason: 'periodic' });
    expect(JSON.parse((await backupBytes(dir, periodic!.id, 'core.json')).toString()).data.items).toEqual(['a', 'b', 'c']);
    // no change since: however long it stays open, no other backup
    clock.advance(60 * 60_000);
    await store.exclusive(async () => undefined);
    expect(await store.listBackups()).toHaveLength(2);
    await store.close();
  });

  it('takes the periodic backup when the ten minutes are up even if no change follows (timer)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const dir = await tempDir();
      const clock = new TestClock();
      const store = await open(dir, { clock });
      await store.update<Core, void>('core', (d) => void d.items.push('a'));
      clock.advance(10 * 60_000);
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      await store.exclusive(async () => undefined);
      expect((await store.listBackups()).map((x) => x.reason)).toEqual(['periodic', 'new-partition']);
      await store.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('never writes a manifest naming a blob whose folder entry was not fsync\'d, even after a backup failed half-way', async () => {
    const dir = await tempDir();
    const blobs = join(dir, 'backups', 'blobs');
    const events: string[] = [];
    let failBlobSync = true;
    const fs: StoreFs = {
      ...nodeStoreFs,
      rename: async (from, to) => {
        await nodeStoreFs.rename(from, to);
        if (to.startsWith(blobs)) events.push('blob');
        if (to.endsWith('manifest.json')) events.push('manifest');
      },
      syncDir: async (p) => {
        if (p === blobs && failBlobSync) {
          failBlobSync = false;
          throw Object.assign(new Error('injected'), { code: 'EIO' });
        }
        await nodeStoreFs.syncDir(p);
        if (p === blobs) events.push('sync blobs');
      },
    };
    const store = await open(dir, { fs });
    // the first write's backup renames its blobs, then fails to fsync their folder: no manifest;
    // the change is saved and the backup retried at once, in the background
    await store.update<Core, void>('core', (d) => void d.items.push('a'));
    await store.exclusive(async () => undefined);
    // the retry needs no new blob, yet fsyncs the folder before its manifest names them
    expect(events.filter((e) => e !== 'blob')).toEqual(['sync blobs', 'manifest']);
    expect((await store.listBackups()).map((b) => b.reason)).toEqual(['periodic']);
    expect((await store.read<Core>('core')).items).toEqual(['a']);
    await store.close();
  });

  it('says how old the restored state is', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const store = await seeded(dir, clock);
    const snapshot = await store.backup('manual');
    clock.advance(2 * 3_600_000);
    await store.restore(snapshot.id);
    const notice = store.notices().find((n) => n.kind === 'restored');
    expect(notice).toMatchObject({ backupId: snapshot.id, backupAt: snapshot.createdAt });
    expect(notice!.message).toContain(`已恢复到 ${formatLocalTime(T0)} 的备份（约 2 小时前）`);
    await store.close();
  });
});
