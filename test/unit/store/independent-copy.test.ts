import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupStore } from '../../../electron/services/store/backups';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store/store-fs';
import { backupBlobPath, backupBytes, manifestOf, memoryLog, open, readJson, removeTempDirs, tempDir, TestClock, type Core, type Year } from './helpers';

afterEach(removeTempDirs);

const DAY = 86_400_000;

/** The backups (newest first) holding `path` with exactly the live file's bytes. */
async function holders(dir: string, ids: string[], path: string): Promise<string[]> {
  const live = await fsp.readFile(join(dir, ...path.split('/')));
  const out: string[] = [];
  for (const id of ids) {
    const blob = await backupBlobPath(dir, id, path);
    if (blob && (await fsp.readFile(blob)).equals(live)) out.push(id);
  }
  return out;
}

describe('every partition always has an independent copy', () => {
  it('a new partition is backed up before its first write is acknowledged, not ten minutes later', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const store = await open(dir, { clock });
    await store.update<Core, void>('core', (d) => void d.items.push('a'));
    let ids = (await store.listBackups()).map((b) => b.id);
    expect(await holders(dir, ids, 'core.json')).not.toEqual([]);

    clock.advance(60_000);
    await store.update<Year, void>('year/2027', (d) => void d.entries.push(1));
    const backups = await store.listBackups();
    ids = backups.map((b) => b.id);
    expect(backups[0]).toMatchObject({ reason: 'new-partition' });
    expect(await holders(dir, ids, 'year/2027.json')).toEqual([ids[0]]);
    const blob = (await backupBlobPath(dir, ids[0]!, 'year/2027.json'))!;
    expect((await fsp.stat(blob)).ino).not.toBe((await fsp.stat(join(dir, 'year', '2027.json'))).ino);

    // a second write to it is an ordinary change (no backup of its own)
    await store.update<Year, void>('year/2027', (d) => void d.entries.push(2));
    expect((await store.listBackups()).length).toBe(backups.length);
    await store.close();

    // truncated where it lies: the next start brings back its first state from that copy
    const handle = await fsp.open(join(dir, 'year', '2027.json'), 'r+');
    await handle.truncate(5);
    await handle.close();
    const again = await open(dir, { clock });
    expect((await again.read<Year>('year/2027')).entries).toEqual([1]);
    expect(again.notices().map((n) => n.kind)).toContain('recovered');
    await again.close();
  });

  it('the first start backs up its initial data once, before the marker says it is complete', async () => {
    const dir = await tempDir();
    const seed = () => [
      { key: 'core', data: { items: ['demo'] } },
      { key: 'year/2026', data: { entries: [1, 2] } },
      { key: 'year/2025', data: { entries: [3] } },
    ];
    const store = await open(dir, { seed });
    const backups = await store.listBackups();
    expect(backups).toHaveLength(1);
    for (const path of ['core.json', 'year/2026.json', 'year/2025.json']) expect(await holders(dir, [backups[0]!.id], path)).toEqual([backups[0]!.id]);
    const meta = await readJson(join(dir, 'meta.json'));
    expect(meta.seeding).toBeUndefined();
    // the backup was taken while the marker was still set: an interruption before it re-seeds
    expect(JSON.parse((await backupBytes(dir, backups[0]!.id, 'meta.json')).toString()).seeding).toBe(true);
    await store.close();
  });

  it('a change of the same size within the file system time resolution is still backed up as it is (FAT, exFAT)', async () => {
    const dir = await tempDir();
    // a file system with coarse times and no stable inode numbers, as a USB stick formatted FAT32
    const fs: StoreFs = {
      ...nodeStoreFs,
      stat: async (p) => {
        const s = await nodeStoreFs.stat(p);
        return { size: s.size, isDirectory: () => s.isDirectory(), mtimeMs: 0, ino: 0 };
      },
    };
    const clock = new TestClock();
    const store = await open(dir, { clock, fs });
    await store.update<Core, void>('core', (d) => void d.items.push('a'));
    await store.backup('manual');
    await store.update<Core, void>('core', (d) => void (d.items[0] = 'b'));
    const second = await store.backup('manual');
    expect(await holders(dir, [second.id], 'core.json')).toEqual([second.id]);
    await store.close();
  });

  it('a copy of the wrong shape does not count as good: retention keeps the newest valid copy however old', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const retention = { keepLast: 1, daily: 0, weekly: 0, monthly: 0 };
    const s1 = await open(dir, { clock, retention });
    await s1.update<Year, void>('year/2022', (d) => void d.entries.push(2022));
    await s1.close();
    // an archived year, never opened again, is overwritten with valid JSON of the wrong shape
    await fsp.writeFile(join(dir, 'year', '2022.json'), JSON.stringify({ schemaVersion: 1, savedAt: '2026-01-01T00:00:00.000Z', data: { entries: 'lost' } }));
    for (let day = 1; day <= 3; day++) {
      clock.advance(DAY);
      const s = await open(dir, { clock, retention });
      await s.update<Core, void>('core', (d) => void d.items.push(`day ${day}`));
      await s.backup('manual');
      await s.close();
    }
    const s2 = await open(dir, { clock, retention });
    expect((await s2.read<Year>('year/2022')).entries).toEqual([2022]);
    expect(s2.notices().map((n) => n.kind)).toContain('recovered');
    const ids = (await s2.listBackups()).map((b) => b.id);
    const entries = await Promise.all(ids.map(async (id) => (await manifestOf(dir, id)).entries.find((e: { path: string }) => e.path === 'year/2022.json')));
    expect(entries.some((e) => e?.ok === true)).toBe(true);
    await s2.close();
  });
});

describe('what a backup costs', () => {
  it('a content judged good or bad once is not validated again in a later session (the manifests say)', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const s1 = await open(dir, { clock });
    await s1.update<Core, void>('core', (d) => void d.items.push('a'));
    await s1.update<Year, void>('year/2020', (d) => void d.entries.push(2020));
    await s1.close();
    const kinds = new Set(['core', 'year', 'meeting']);
    const judged: string[] = [];
    const session = () => new BackupStore(nodeStoreFs, dir, clock, memoryLog(), kinds, (key) => (judged.push(key), true));
    await session().create('manual', '', 1);
    expect(judged).toEqual([]);
    await fsp.writeFile(join(dir, 'year', '2021.json'), JSON.stringify({ schemaVersion: 1, savedAt: '2026-01-01T00:00:00.000Z', data: { entries: [] } }));
    await session().create('manual', '', 1);
    expect(judged).toEqual(['year/2021']);
  });
});
