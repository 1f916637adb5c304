import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PartitionVersionError } from '../../../electron/services/store/open-folder';
import { encodePendingChange, PENDING_CHANGE_FILE } from '../../../electron/services/store/pending-change';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store/store-fs';
import type { Store } from '../../../electron/services/store/types';
import { exists, memoryLog, open, readJson, removeTempDirs, tempDir, type Core, type Year } from './helpers';

afterEach(removeTempDirs);

const partitionFile = (dir: string, key: string) => join(dir, ...`${key}.json`.split('/'));

/** A disk that fails (like a power cut, or a full disk) at the n-th rename into a file `match` accepts. */
function failingRenames(match: (target: string) => boolean, failAt: number, code = 'EIO'): StoreFs & { renames: string[] } {
  const renames: string[] = [];
  let count = 0;
  return {
    ...nodeStoreFs,
    renames,
    async rename(from: string, to: string) {
      if (match(to)) {
        count++;
        if (count === failAt) throw Object.assign(new Error(`injected failure renaming to ${to}`), { code });
      }
      renames.push(to);
      return nodeStoreFs.rename(from, to);
    },
  };
}

/** The change every case makes: core gains an item, two years gain entries, and 2025 goes. */
async function change(store: Store): Promise<string> {
  return store.transact('导入测试', async (tx) => {
    (await tx.draft<Core>('core')).items.push('new');
    (await tx.draft<Year>('year/2026')).entries.push(26);
    (await tx.draft<Year>('year/2027')).entries.push(27);
    tx.remove('year/2025');
    return 'done';
  });
}

async function seeded(dir: string): Promise<void> {
  const store = await open(dir);
  await store.update<Core, void>('core', (d) => void d.items.push('old'));
  await store.update<Year, void>('year/2025', (d) => void d.entries.push(25));
  await store.update<Year, void>('year/2026', (d) => void d.entries.push(1));
  await store.close();
}

async function stateOf(dir: string): Promise<{ core: string[]; y2025: number[] | null; y2026: number[]; y2027: number[] | null }> {
  const read = async (key: string) => ((await exists(partitionFile(dir, key))) ? (await readJson(partitionFile(dir, key))).data : null);
  return {
    core: (await read('core')).items,
    y2025: (await read('year/2025'))?.entries ?? null,
    y2026: (await read('year/2026')).entries,
    y2027: (await read('year/2027'))?.entries ?? null,
  };
}

const BEFORE = { core: ['old'], y2025: [25], y2026: [1], y2027: null };
const AFTER = { core: ['old', 'new'], y2025: null, y2026: [1, 26], y2027: [27] };

describe('store.transact: several partitions as one', () => {
  it('writes every changed partition, removes the named ones, tells listeners once and returns what the work returns', async () => {
    const dir = await tempDir();
    await seeded(dir);
    const store = await open(dir);
    const commits: string[][] = [];
    store.onCommit((keys) => commits.push(keys));
    expect(await change(store)).toBe('done');
    expect(commits).toEqual([['core', 'year/2025', 'year/2026', 'year/2027']]);
    expect(await stateOf(dir)).toEqual(AFTER);
    expect((await store.read<Core>('core')).items).toEqual(['old', 'new']);
    expect(store.has('year/2025')).toBe(false);
    expect(store.list('year')).toEqual(['year/2026', 'year/2027']);
    expect(await exists(join(dir, PENDING_CHANGE_FILE))).toBe(false);
    // A new partition of the change is in a backup before the caller hears of it.
    const newest = (await store.listBackups())[0]!;
    expect(newest.reason).toBe('new-partition');
    await store.close();
  });

  it('changes nothing when the work throws or one partition fails its schema', async () => {
    const dir = await tempDir();
    await seeded(dir);
    const store = await open(dir);
    await expect(
      store.transact('x', async (tx) => {
        (await tx.draft<Core>('core')).items.push('new');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await expect(
      store.transact('x', async (tx) => {
        (await tx.draft<Core>('core')).items.push('new');
        (await tx.draft<{ entries: unknown[] }>('year/2026')).entries.push('not a number');
      }),
    ).rejects.toThrow();
    expect(await stateOf(dir)).toEqual(BEFORE);
    expect((await store.read<Core>('core')).items).toEqual(['old']);
    expect(await exists(join(dir, PENDING_CHANGE_FILE))).toBe(false);
    await store.close();
  });

  it('writes nothing and tells nobody when nothing changed', async () => {
    const dir = await tempDir();
    await seeded(dir);
    const store = await open(dir);
    const commits: string[][] = [];
    store.onCommit((keys) => commits.push(keys));
    const before = (await fsp.stat(partitionFile(dir, 'core'))).mtimeMs;
    await store.transact('x', async (tx) => {
      await tx.draft<Core>('core');
      tx.remove('year/2099');
    });
    expect(commits).toEqual([]);
    expect((await fsp.stat(partitionFile(dir, 'core'))).mtimeMs).toBe(before);
    await store.close();
  });

  // Stopped at every step: before the record is durable nothing changed; from then on a start
  // finishes the change. Never a mix.
  const steps = [
    { name: 'the record itself', match: (t: string) => t.endsWith(PENDING_CHANGE_FILE), failAt: 1, expected: BEFORE, completed: false },
    { name: 'the first partition', match: (t: string) => !t.endsWith(PENDING_CHANGE_FILE) && t.endsWith('.json') && !t.includes('backups'), failAt: 1, expected: AFTER, completed: true },
    { name: 'the second partition', match: (t: string) => !t.endsWith(PENDING_CHANGE_FILE) && t.endsWith('.json') && !t.includes('backups'), failAt: 2, expected: AFTER, completed: true },
    { name: 'the third partition', match: (t: string) => !t.endsWith(PENDING_CHANGE_FILE) && t.endsWith('.json') && !t.includes('backups'), failAt: 3, expected: AFTER, completed: true },
  ];
  for (const step of steps) {
    it(`after a stop while writing ${step.name}, the next start holds the change whole or not at all`, async () => {
      const dir = await tempDir();
      await seeded(dir);
      const fs = failingRenames(step.match, step.failAt);
      const crashed = await open(dir, { fs });
      if (step.completed) await change(crashed);
      else await expect(change(crashed)).rejects.toThrow('injected failure');
      // The process dies here: no close, the lock stays behind.
      const log = memoryLog();
      const store = await open(dir, { log });
      expect(await stateOf(dir)).toEqual(step.expected);
      expect((await store.read<Core>('core')).items).toEqual(step.expected.core);
      expect(await exists(join(dir, PENDING_CHANGE_FILE))).toBe(false);
      const notice = store.notices().find((n) => n.kind === 'change-completed');
      if (step.completed) {
        expect(notice?.message).toContain('导入测试');
        expect(notice?.message).toContain('已补全（涉及 4 个数据文件）');
        expect(log.entries.some((e) => e.message.includes('interrupted change of several partitions was completed'))).toBe(true);
      } else expect(notice).toBeUndefined();
      await store.close();
    });
  }

  it('after a disk error half-way, the change stands in memory and the next write puts it wholly in the files', async () => {
    const dir = await tempDir();
    await seeded(dir);
    let failing = true;
    const fs: StoreFs = {
      ...nodeStoreFs,
      async rename(from, to) {
        if (failing && to.endsWith(join('year', '2027.json'))) throw Object.assign(new Error('no space (injected)'), { code: 'ENOSPC' });
        return nodeStoreFs.rename(from, to);
      },
    };
    const store = await open(dir, { fs });
    expect(await change(store)).toBe('done');
    expect((await store.read<Year>('year/2027')).entries).toEqual([27]);
    expect(await exists(join(dir, PENDING_CHANGE_FILE))).toBe(true);
    // Still failing: the next write is refused (its error), and nothing is lost.
    await expect(store.update<Year, void>('year/2026', (d) => void d.entries.push(99))).rejects.toThrow('no space');
    failing = false;
    await store.update<Year, void>('year/2026', (d) => void d.entries.push(2));
    expect(await exists(join(dir, PENDING_CHANGE_FILE))).toBe(false);
    expect(await stateOf(dir)).toEqual({ ...AFTER, y2026: [1, 26, 2] });
    await store.close();
  });

  it('moves a damaged record aside, applies none of it, and says so', async () => {
    const dir = await tempDir();
    await seeded(dir);
    const bytes = encodePendingChange({ schemaVersion: 1, savedAt: '2026-10-28T09:30:15.123Z', label: 'x', writes: [{ key: 'core', bytes: Buffer.from('{}') }], removes: [] });
    const edited = Buffer.from(bytes.toString('utf8').replace('"label":"x"', '"label":"y"').replace(/"sha256":"[0-9a-f]{4}/, '"sha256":"0000'));
    await fsp.writeFile(join(dir, PENDING_CHANGE_FILE), edited);
    const store = await open(dir);
    expect(await stateOf(dir)).toEqual(BEFORE);
    const notice = store.notices().find((n) => n.kind === 'change-damaged');
    expect(notice?.severity).toBe('error');
    expect(notice?.message).toContain(PENDING_CHANGE_FILE);
    expect(notice?.message).toContain('已原样移至');
    expect(await exists(join(dir, PENDING_CHANGE_FILE))).toBe(false);
    const quarantined = await fsp.readdir(join(dir, 'quarantine'));
    expect(quarantined.some((n) => n.startsWith('pending-change.'))).toBe(true);
    await store.close();
  });

  it('refuses to start on a record written by a newer version, leaving it untouched', async () => {
    const dir = await tempDir();
    await seeded(dir);
    const bytes = encodePendingChange({ schemaVersion: 9, savedAt: '2026-10-28T09:30:15.123Z', label: 'x', writes: [{ key: 'core', bytes: Buffer.from('{}') }], removes: [] });
    await fsp.writeFile(join(dir, PENDING_CHANGE_FILE), bytes);
    await expect(open(dir)).rejects.toBeInstanceOf(PartitionVersionError);
    expect(await fsp.readFile(join(dir, PENDING_CHANGE_FILE))).toEqual(bytes);
    expect(await stateOf(dir)).toEqual(BEFORE);
  });
});
