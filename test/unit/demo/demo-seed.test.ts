import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoCounty, demoCountyPartitions } from '../../../electron/services/demo/demo-county';
import { createAppServices } from '../../../electron/services/app-services';
import type { Store, StoreFs } from '../../../electron/services/store';
import { nodeStoreFs } from '../../../electron/services/store/store-fs';
import type { Logger } from '../../../electron/services/deps';

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await fsp.rm(dir, { recursive: true, force: true });
});

const at = (year: number) => ({ now: () => Date.UTC(year, 5, 1, 8, 0, 0) });
/** The county as the app builds it on that clock's day. */
const county = (year: number) => buildDemoCounty({ currentYear: year, today: `${year}-06-01` });

function memoryLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
}

/**
 * The app killed at the n-th durable rename of the first start: renames of meta.json and of the
 * partition files are counted (the first is the meta.json carrying the seeding marker, then one per
 * demo partition, then the meta.json that clears the marker).
 */
function killedAt(dir: string, n: number): StoreFs {
  let count = 0;
  return {
    ...nodeStoreFs,
    rename: async (from, to) => {
      const rel = relative(join(dir, 'data'), to);
      if (rel.endsWith('.json') && !rel.startsWith('backups') && !rel.startsWith('..')) {
        if (count++ === n) throw Object.assign(new Error('killed (injected)'), { code: 'EKILLED' });
      }
      return nodeStoreFs.rename(from, to);
    },
  };
}

/** The app's own start (createAppServices), so the seed is the one the app passes to the store. */
async function openDemo(dir: string, year: number, fs: StoreFs = nodeStoreFs, log: Logger = memoryLog()): Promise<Store> {
  const services = await createAppServices({ homeDir: join(dir, 'home'), dataDir: join(dir, 'data'), mode: 'browser', version: 'test', clock: at(year), log, fs, backupOnStart: false });
  return services.store;
}

async function expectWholeDemo(store: Store, year: number): Promise<void> {
  const demo = demoCountyPartitions(county(year));
  const keys = [...store.list('core'), ...store.list('year'), ...store.list('meeting')].sort();
  expect(keys).toEqual(demo.map((p) => p.key).sort());
  for (const { key, data } of demo) expect(await store.read(key)).toEqual(data);
}

/** Exactly one backup, holding every demo partition as written (no backup per partition). */
async function expectOneBackupOfTheDemo(dir: string, year: number): Promise<void> {
  const backups = join(dir, 'data', 'backups');
  const ids = (await fsp.readdir(backups)).filter((n) => n !== 'blobs');
  expect(ids).toHaveLength(1);
  const manifest = JSON.parse(await fsp.readFile(join(backups, ids[0]!, 'manifest.json'), 'utf8')) as { entries: { path: string; sha256: string; ok: boolean }[] };
  for (const { key } of demoCountyPartitions(county(year))) {
    const entry = manifest.entries.find((e) => e.path === `${key}.json`);
    expect(entry?.ok).toBe(true);
    expect(await fsp.readFile(join(backups, 'blobs', entry!.sha256))).toEqual(await fsp.readFile(join(dir, 'data', `${key}.json`)));
  }
}

const STEPS = demoCountyPartitions(county(2026)).length;

// Each test starts the app two or three times on the whole county with its history (15 partitions,
// about 700 kB, each written durably and backed up): generous on a loaded machine.
describe('the demo county seeded at the first start', { timeout: 60_000 }, () => {
  it('is written whole, with no marker left, and the next start is not a first start', async () => {
    const dir = await fsp.mkdtemp(join(tmpdir(), 'pingyi-seed-'));
    made.push(dir);
    const store = await openDemo(dir, 2026);
    expect(store.firstStart).toBe(true);
    await expectWholeDemo(store, 2026);
    await store.close();
    expect(JSON.parse(await fsp.readFile(join(dir, 'data', 'meta.json'), 'utf8')).seeding).toBeUndefined();
    await expectOneBackupOfTheDemo(dir, 2026);
    const again = await openDemo(dir, 2026);
    expect(again.firstStart).toBe(false);
    expect(again.notices()).toEqual([]);
    await again.close();
  });

  // Step 0: killed before meta.json exists; 1: with the marker only; 2…: after k partitions; last: before the marker is cleared.
  for (let step = 0; step <= STEPS + 1; step++) {
    it(`killed at step ${step} of ${STEPS + 1}: the next start completes it (logged, and said when something had been written)`, async () => {
      const dir = await fsp.mkdtemp(join(tmpdir(), 'pingyi-seed-'));
      made.push(dir);
      await expect(openDemo(dir, 2026, killedAt(dir, step))).rejects.toThrow('killed');
      const log = memoryLog();
      const store = await openDemo(dir, 2026, nodeStoreFs, log);
      expect(store.firstStart).toBe(true);
      await expectWholeDemo(store, 2026);
      const resumed = step >= 1;
      expect(store.notices().map((n) => n.kind)).toEqual(resumed ? ['first-start-resumed'] : []);
      expect(log.lines.some((l) => l.includes('writing it again'))).toBe(resumed);
      await store.close();
      const third = await openDemo(dir, 2026);
      expect(third.firstStart).toBe(false);
      await expectWholeDemo(third, 2026);
      await third.close();
    });
  }

  it('killed while its backup is written (after every partition, before the marker is cleared): the next start completes both', async () => {
    const dir = await fsp.mkdtemp(join(tmpdir(), 'pingyi-seed-'));
    made.push(dir);
    const killManifest: StoreFs = {
      ...nodeStoreFs,
      rename: async (from, to) => {
        if (to.endsWith('manifest.json')) throw Object.assign(new Error('killed (injected)'), { code: 'EKILLED' });
        return nodeStoreFs.rename(from, to);
      },
    };
    await expect(openDemo(dir, 2026, killManifest)).rejects.toThrow('killed');
    expect(JSON.parse(await fsp.readFile(join(dir, 'data', 'meta.json'), 'utf8')).seeding).toBe(true);
    const store = await openDemo(dir, 2026);
    expect(store.notices().map((n) => n.kind)).toEqual(['first-start-resumed']);
    await expectWholeDemo(store, 2026);
    await store.close();
    await expectOneBackupOfTheDemo(dir, 2026);
  });

  it('completed in a new year, it is that year’s county, with no partition of the old attempt left', async () => {
    const dir = await fsp.mkdtemp(join(tmpdir(), 'pingyi-seed-'));
    made.push(dir);
    await expect(openDemo(dir, 2025, killedAt(dir, 4))).rejects.toThrow('killed');
    const store = await openDemo(dir, 2026);
    await expectWholeDemo(store, 2026);
    await store.close();
  });
});
