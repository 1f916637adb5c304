import * as fsp from 'node:fs/promises';
import { join, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isValidKey } from '../../../electron/services/store/partition-key';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store/store-fs';
import { exists, listFiles, manifestOf, open, readJson, removeTempDirs, tempDir, type Core, type Year } from './helpers';

afterEach(removeTempDirs);

describe('the store', () => {
  it('knows a first start and writes meta with the marker at once', async () => {
    const dir = join(await tempDir(), 'new-folder');
    const store = await open(dir);
    expect(store.firstStart).toBe(true);
    expect(store.dataDir).toBe(dir);
    expect(await readJson(join(dir, 'meta.json'))).toEqual({ schemaVersion: 1, everHeldData: true, createdAt: '2026-10-28T09:30:15.123Z' });
    expect(await store.read<Core>('core')).toEqual({ items: [] });
    await store.close();
    const again = await open(dir);
    expect(again.firstStart).toBe(false);
    await again.close();
  });

  it('is not a first start when only backups remain', async () => {
    const dir = await tempDir();
    await fsp.mkdir(join(dir, 'backups'));
    const store = await open(dir);
    expect(store.firstStart).toBe(false);
    await store.close();
  });

  it('hands out deep-frozen snapshots that later writes do not change', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.update<Core, void>('core', (d) => void d.items.push('a'));
    const snap = await store.read<Core>('core');
    expect(Object.isFrozen(snap)).toBe(true);
    expect(Object.isFrozen(snap.items)).toBe(true);
    expect(() => (snap.items as string[]).push('b')).toThrow(TypeError);
    await store.update<Core, void>('core', (d) => void d.items.push('b'));
    expect(snap.items).toEqual(['a']);
    expect((await store.read<Core>('core')).items).toEqual(['a', 'b']);
    await store.close();
  });

  it('returns what mutate returns and stores partitions as envelopes, one file each', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const n = await store.update<Year, number>('year/2026', (d) => d.entries.push(1, 2));
    expect(n).toBe(2);
    await store.update('meeting/m_7f3a', (d: { title: string }) => void (d.title = '2026年10月会议'));
    expect(await readJson(join(dir, 'year', '2026.json'))).toEqual({ schemaVersion: 1, savedAt: '2026-10-28T09:30:15.123Z', data: { entries: [1, 2] } });
    // (besides the backups of each partition's first write)
    expect((await listFiles(dir)).filter((f) => !f.startsWith(`backups${sep}`))).toEqual([join('meeting', 'm_7f3a.json'), 'meta.json', join('year', '2026.json'), '.lock'].sort());
    expect(store.list('year')).toEqual(['year/2026']);
    expect(store.list('meeting')).toEqual(['meeting/m_7f3a']);
    await store.close();
  });

  it('loads partitions other than core only when asked', async () => {
    const dir = await tempDir();
    const seed = await open(dir);
    for (const y of [2020, 2021, 2022]) await seed.update<Year, void>(`year/${y}`, (d) => void d.entries.push(y));
    await seed.close();
    const reads: string[] = [];
    const fs: StoreFs = { ...nodeStoreFs, readFile: async (p) => (reads.push(p), nodeStoreFs.readFile(p)) };
    const store = await open(dir, { fs });
    expect(reads.filter((p) => p.includes(`${join('year', '')}`))).toEqual([]);
    expect(store.list('year')).toEqual(['year/2020', 'year/2021', 'year/2022']);
    expect((await store.read<Year>('year/2021')).entries).toEqual([2021]);
    expect(reads.filter((p) => p.includes(join('year', '')))).toEqual([join(dir, 'year', '2021.json')]);
    await store.close();
  });

  it('removes a partition', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.update<Year, void>('year/2024', (d) => void d.entries.push(1));
    const commits: string[][] = [];
    store.onCommit((k) => commits.push(k));
    await store.remove('year/2024');
    expect(await exists(join(dir, 'year', '2024.json'))).toBe(false);
    expect(store.list('year')).toEqual([]);
    expect(await store.read<Year>('year/2024')).toEqual({ entries: [] });
    expect(commits).toEqual([['year/2024']]);
    await store.close();
  });

  it('refuses keys that could leave the folder or collide with its own files', async () => {
    for (const bad of ['../core', 'year/../../x', 'year/2026/x', 'Year/2026', 'year/', '', 'meta', 'backups/x', 'year/con', '.lock', 'year/a.b', 'core\\x']) {
      expect(isValidKey(bad), bad).toBe(false);
    }
    for (const good of ['core', 'year/2026', 'meeting/m_abc', 'research-plan/r-1']) expect(isValidKey(good), good).toBe(true);
    const dir = await tempDir();
    const store = await open(dir);
    await expect(store.update('../evil', () => undefined)).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringContaining('数据分区名「../evil」无效') });
    await expect(store.read('unknown/1')).rejects.toThrow('没有「unknown」这种数据分区');
    await store.close();
  });

  it('cleans up temp files a crash left behind and never reads them as data', async () => {
    const dir = await tempDir();
    await (await open(dir)).close();
    await fsp.writeFile(join(dir, '.core.json.1.2.abcd0123.tmp'), '{"half');
    await fsp.mkdir(join(dir, 'year'));
    await fsp.writeFile(join(dir, 'year', '.2026.json.1.3.abcd0123.tmp'), '{"half');
    const store = await open(dir);
    expect(await listFiles(dir)).toEqual(['.lock', 'meta.json']);
    expect(store.list('core')).toEqual([]);
    await store.close();
  });

  it('leaves files that are not partitions alone: not scanned, not backed up, not migrated', async () => {
    const dir = await tempDir();
    // e.g. browser mode's tokens, written before the store opens; and someone else's temp file
    await fsp.writeFile(join(dir, 'tokens.json'), '{"desk":"x"}');
    await fsp.writeFile(join(dir, '.tokens.json.tmp'), 'x');
    const store = await open(dir);
    expect(store.firstStart).toBe(true);
    await store.update<Core, void>('core', (d) => void d.items.push('a'));
    const info = await store.backup('manual');
    expect((await manifestOf(dir, info.id)).entries.map((e: { path: string }) => e.path).sort()).toEqual(['core.json', 'meta.json']);
    await store.close();
    expect(await fsp.readFile(join(dir, 'tokens.json'), 'utf8')).toBe('{"desk":"x"}');
    expect(await exists(join(dir, '.tokens.json.tmp'))).toBe(true);
  });

  it('puts attachments beside the JSON', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    expect(store.attachmentsDir()).toBe(join(dir, 'attachments'));
    await store.close();
  });

  it('runs an exclusive task after pending writes and before later ones', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const order: string[] = [];
    const w1 = store.update<Core, void>('core', (d) => void (d.items.push('1'), order.push('w1')));
    const ex = store.exclusive(async () => {
      order.push(`exclusive saw ${(await store.read<Core>('core')).items.join(',')}`);
    });
    const w2 = store.update<Core, void>('core', (d) => void (d.items.push('2'), order.push('w2')));
    await Promise.all([w1, ex, w2]);
    expect(order).toEqual(['w1', 'exclusive saw 1', 'w2']);
    await store.close();
  });
});
