import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { DurableJsonFile, removeFileDurably, renameWithRetry, tempPathFor, writeFileDurably } from '../../../electron/services/store/durable-file';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store/store-fs';
import { fsWithHandles, gate, halfWriteFs, listFiles, open, readJson, removeTempDirs, tempDir, wrapHandle, type Core, type Year } from './helpers';

afterEach(removeTempDirs);

describe('durable writes', () => {
  it('a write interrupted half-way leaves the previous file and memory as they were, and no temp file behind', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await first.update<Core, void>('core', (d) => void d.items.push('一'));
    await first.close();
    const before = await fsp.readFile(join(dir, 'core.json'));

    const store = await open(dir, { fs: halfWriteFs((p) => p.includes('.core.json.') && p.endsWith('.tmp')) });
    await expect(store.update<Core, void>('core', (d) => void d.items.push('二'))).rejects.toThrow(/no space left/);

    expect(await fsp.readFile(join(dir, 'core.json'))).toEqual(before);
    expect((await store.read<Core>('core')).items).toEqual(['一']);
    const files = await listFiles(dir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files).toContain('core.json');
    await store.close();

    // and the next start reads the old, whole file
    const again = await open(dir);
    expect((await again.read<Core>('core')).items).toEqual(['一']);
    expect(again.notices()).toEqual([]);
    await again.close();
  });

  it('a failed validation or a throwing mutate changes nothing, on disk or in memory', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.update<Core, void>('core', (d) => void d.items.push('甲'));
    const bytes = await fsp.readFile(join(dir, 'core.json'));
    const commits: string[][] = [];
    store.onCommit((keys) => commits.push(keys));

    const invalid = store.update<{ items: unknown[] }, void>('core', (d) => void d.items.push(42));
    await expect(invalid).rejects.toBeInstanceOf(ApiError);
    await expect(invalid).rejects.toMatchObject({ code: 'invalid_args' });
    await expect(invalid).rejects.toThrow(/基础数据.*无效.*items/);

    await expect(
      store.update<Core, void>('core', (d) => {
        d.items.push('乙');
        throw new Error('mutate failed');
      }),
    ).rejects.toThrow('mutate failed');

    expect(await fsp.readFile(join(dir, 'core.json'))).toEqual(bytes);
    expect((await store.read<Core>('core')).items).toEqual(['甲']);
    expect(commits).toEqual([]);
    // the queue keeps going after failures
    await store.update<Core, void>('core', (d) => void d.items.push('丙'));
    expect((await store.read<Core>('core')).items).toEqual(['甲', '丙']);
    await store.close();
  });

  it('never announces a commit before the folder fsync has finished', async () => {
    const dir = await tempDir();
    const held = gate();
    const reached = gate();
    let holding = false;
    const fs: StoreFs = {
      ...nodeStoreFs,
      async syncDir(path) {
        if (holding) {
          reached.open();
          await held.promise;
        }
        return nodeStoreFs.syncDir(path);
      },
    };
    const store = await open(dir, { fs });
    const commits: string[][] = [];
    store.onCommit((keys) => commits.push(keys));
    let resolved = false;

    holding = true;
    const pending = store.update<Core, string>('core', (d) => {
      d.items.push('x');
      return 'done';
    });
    void pending.then(() => (resolved = true));
    await reached.promise;
    // the rename has happened, but the directory entry is not yet durable
    await new Promise((r) => setImmediate(r));
    expect(commits).toEqual([]);
    expect(resolved).toBe(false);
    expect((await store.read<Core>('core')).items).toEqual([]);

    holding = false;
    held.open();
    await expect(pending).resolves.toBe('done');
    expect(commits).toEqual([['core']]);
    expect((await store.read<Core>('core')).items).toEqual(['x']);
    await store.close();
  });

  it('never announces a commit before the file fsync has finished', async () => {
    const dir = await tempDir();
    const held = gate();
    const reached = gate();
    const fs = fsWithHandles(
      (p) => p.includes('.core.json.') && p.endsWith('.tmp'),
      (handle) =>
        wrapHandle(handle, {
          async sync() {
            reached.open();
            await held.promise;
            return handle.sync();
          },
        }),
    );
    const store = await open(dir, { fs });
    const commits: string[][] = [];
    store.onCommit((keys) => commits.push(keys));
    let resolved = false;
    const pending = store.update<Core, void>('core', (d) => void d.items.push('y')).then(() => (resolved = true));
    await reached.promise;
    await new Promise((r) => setImmediate(r));
    expect(commits).toEqual([]);
    expect(resolved).toBe(false);
    held.open();
    await pending;
    expect(commits).toEqual([['core']]);
    await store.close();
  });

  it('a change rewrites exactly one partition file, however many partitions exist', async () => {
    const dir = await tempDir();
    const seed = await open(dir);
    for (let y = 2016; y <= 2026; y++) await seed.update<Year, void>(`year/${y}`, (d) => void d.entries.push(y));
    await seed.update<Core, void>('core', (d) => void d.items.push('a'));
    await seed.close();

    const renames: string[] = [];
    const opened: string[] = [];
    const fs: StoreFs = {
      ...nodeStoreFs,
      rename: async (from, to) => {
        renames.push(to);
        return nodeStoreFs.rename(from, to);
      },
      open: (async (path: string, ...rest: unknown[]) => {
        opened.push(String(path));
        return (nodeStoreFs.open as (...a: unknown[]) => unknown)(path, ...rest);
      }) as StoreFs['open'],
    };
    const store = await open(dir, { fs });
    renames.length = 0;
    opened.length = 0;
    await store.update<Core, void>('core', (d) => void d.items.push('b'));
    expect(renames).toEqual([join(dir, 'core.json')]);
    expect(opened.filter((p) => p.endsWith('.tmp'))).toHaveLength(1);

    renames.length = 0;
    await store.update<Year, void>('year/2020', (d) => void d.entries.push(1));
    expect(renames).toEqual([join(dir, 'year', '2020.json')]);
    await store.close();
  });

  it('serialises concurrent updates: none is lost', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.update<Core, void>('core', (d) => void d.items.push(String(i)))));
    expect((await store.read<Core>('core')).items).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    expect((await readJson(join(dir, 'core.json'))).data.items).toHaveLength(20);
    await store.close();
  });
});

describe('DurableJsonFile and helpers', () => {
  it('gives every write its own temp name in the target folder', () => {
    const a = tempPathFor('/data/core.json');
    const b = tempPathFor('/data/core.json');
    expect(a).not.toBe(b);
    expect(a.startsWith('/data/.core.json.')).toBe(true);
    expect(a).toContain(`.${process.pid}.`);
  });

  it('reads null for a missing file and writes an atomic replacement', async () => {
    const dir = await tempDir();
    const file = new DurableJsonFile<{ n: number }>(join(dir, 'x.json'), nodeStoreFs);
    expect(await file.read()).toBeNull();
    await file.write({ n: 1 });
    await file.write({ n: 2 });
    expect(await file.read()).toEqual({ n: 2 });
    expect(await listFiles(dir)).toEqual(['x.json']);
  });

  it('retries a rename that a virus scanner briefly blocks', async () => {
    const dir = await tempDir();
    let failures = 2;
    const fs: StoreFs = {
      ...nodeStoreFs,
      rename: async (a, b) => {
        if (failures-- > 0) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
        return nodeStoreFs.rename(a, b);
      },
    };
    await writeFileDurably(fs, join(dir, 'y.json'), Buffer.from('{}'));
    expect(await fsp.readFile(join(dir, 'y.json'), 'utf8')).toBe('{}');
  });

  it('retries removing a file that a virus scanner briefly holds (Windows), and the removal is durable', async () => {
    const dir = await tempDir();
    await fsp.writeFile(join(dir, 'm_1.journal'), 'x');
    let failures = 2;
    const fs: StoreFs = {
      ...nodeStoreFs,
      unlink: async (p) => {
        if (failures-- > 0) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
        return nodeStoreFs.unlink(p);
      },
    };
    expect(await removeFileDurably(fs, join(dir, 'm_1.journal'))).toBe(true);
    expect(await listFiles(dir)).toEqual([]);
    expect(await removeFileDurably(fs, join(dir, 'm_1.journal'))).toBe(false);
  });

  it('does not retry a rename that fails for good', async () => {
    const fs: StoreFs = { ...nodeStoreFs, rename: async () => Promise.reject(Object.assign(new Error('gone'), { code: 'ENOENT' })) };
    await expect(renameWithRetry(fs, '/nope/a', '/nope/b')).rejects.toThrow('gone');
  });
});
