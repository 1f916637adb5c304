import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { envelope001 } from '../../../electron/services/store/migrations/001-envelope';
import { applyMigrations, MapMigrationTx, migrationsBetween } from '../../../electron/services/store/migration-runner';
import { StoreVersionError } from '../../../electron/services/store/store';
import type { Migration } from '../../../electron/services/store/types';
import { backupBytes, exists, listFiles, open, readJson, removeTempDirs, tempDir, testPartitions, TestClock, type Core } from './helpers';

afterEach(removeTempDirs);

/** A second migration used only here: core items become objects. */
const itemsToObjects002: Migration = {
  version: 2,
  name: 'items-to-objects',
  up(tx) {
    for (const key of tx.keys()) {
      if (key !== 'core') continue;
      const core = tx.get(key) as { items: string[] };
      tx.set(key, { items: core.items.map((name) => ({ name })) });
    }
  },
};
const partitionsV2 = { ...testPartitions, core: { schema: z.object({ items: z.array(z.object({ name: z.string() })) }), empty: () => ({ items: [] }) } };

/** Version 2 renames the kind `archive` (which it no longer registers) to `year`. */
const renameArchive002: Migration = {
  version: 2,
  name: 'archive-to-year',
  extraKinds: ['archive'],
  up(tx) {
    for (const key of tx.keys().filter((k) => k.startsWith('archive/'))) {
      tx.set(key.replace('archive/', 'year/'), tx.get(key));
      tx.remove(key);
    }
  },
};

/** A folder of version 1 holding `archive/2019`. */
async function folderWithArchive(): Promise<string> {
  const dir = await tempDir();
  const v1 = await open(dir, { partitions: { ...testPartitions, archive: { schema: z.object({ entries: z.array(z.number()) }), empty: () => ({ entries: [] }) } } });
  await v1.update('archive/2019', (d: { entries: number[] }) => void d.entries.push(19));
  await v1.close();
  return dir;
}

describe('the migration runner', () => {
  it('runs steps in order and refuses gaps and duplicates', () => {
    expect(migrationsBetween([itemsToObjects002, envelope001], 0, 2).map((m) => m.version)).toEqual([1, 2]);
    expect(migrationsBetween([itemsToObjects002, envelope001], 1, 2).map((m) => m.version)).toEqual([2]);
    expect(() => migrationsBetween([itemsToObjects002], 0, 2)).toThrow(/版本 1/);
    expect(() => migrationsBetween([envelope001, envelope001], 0, 1)).toThrow(/two migrations/);
    const tx = new MapMigrationTx([['core', { items: ['a'] }]]);
    applyMigrations(tx, [envelope001, itemsToObjects002], 0, 2);
    expect(tx.get('core')).toEqual({ items: [{ name: 'a' }] });
  });

  it('takes a backup first, migrates every partition, validates, writes, then records the version', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const v1 = await open(dir, { clock });
    await v1.update<Core, void>('core', (d) => void d.items.push('x', 'y'));
    await v1.close();
    const beforeBytes = await fsp.readFile(join(dir, 'core.json'));

    clock.advance(60_000);
    const v2 = await open(dir, { clock, schemaVersion: 2, migrations: [envelope001, itemsToObjects002], partitions: partitionsV2 });
    const notice = v2.notices()[0] as { kind: string; backupId: string; from: number; to: number };
    expect(notice).toMatchObject({ kind: 'migrated', from: 1, to: 2 });
    expect(await backupBytes(dir, notice.backupId, 'core.json')).toEqual(beforeBytes);
    expect(await v2.read('core')).toEqual({ items: [{ name: 'x' }, { name: 'y' }] });
    expect((await readJson(join(dir, 'core.json'))).schemaVersion).toBe(2);
    expect((await readJson(join(dir, 'meta.json'))).schemaVersion).toBe(2);
    await v2.close();
  });

  it('stops with the folder untouched when a migrated partition fails validation', async () => {
    const dir = await tempDir();
    const v1 = await open(dir);
    await v1.update<Core, void>('core', (d) => void d.items.push('x'));
    await v1.close();
    const before = await fsp.readFile(join(dir, 'core.json'));
    const meta = await fsp.readFile(join(dir, 'meta.json'));
    const broken: Migration = { version: 2, name: 'broken', up: (tx) => tx.set('core', { items: 'oops' }) };

    await expect(open(dir, { schemaVersion: 2, migrations: [envelope001, broken], partitions: partitionsV2 })).rejects.toThrow(
      /数据升级（版本 1 → 2）失败.*基础数据.*数据未作改动/,
    );
    expect(await fsp.readFile(join(dir, 'core.json'))).toEqual(before);
    expect(await fsp.readFile(join(dir, 'meta.json'))).toEqual(meta);
    expect(await exists(join(dir, '.lock'))).toBe(false);
  });

  it('refuses a folder written by a newer version, touching nothing', async () => {
    const dir = await tempDir();
    await fsp.writeFile(join(dir, 'meta.json'), JSON.stringify({ schemaVersion: 7, everHeldData: true, createdAt: '2030-01-01T00:00:00.000Z' }));
    await fsp.writeFile(join(dir, 'core.json'), JSON.stringify({ schemaVersion: 7, savedAt: 'x', data: { whatever: true } }));
    const before = await listFiles(dir);
    const error = await open(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreVersionError);
    expect((error as Error).message).toMatch(/^数据由较新版本的程序写入（数据版本 7，本程序只支持到版本 1）/);
    expect(await listFiles(dir)).toEqual(before);
  });

  it('completes an interrupted migration from its backup at the next open', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const v1 = await open(dir, { clock });
    await v1.update<Core, void>('core', (d) => void d.items.push('x'));
    const backup = await v1.backup('migration', 'simulated');
    await v1.close();
    // The state a crash half-way through a migration leaves: a pending marker, one file rewritten.
    const meta = await readJson(join(dir, 'meta.json'));
    await fsp.writeFile(join(dir, 'meta.json'), JSON.stringify({ ...meta, pendingRestore: { backupId: backup.id, reason: 'migration' } }));
    await fsp.unlink(join(dir, 'core.json'));
    await fsp.writeFile(join(dir, 'core.json'), JSON.stringify({ schemaVersion: 2, savedAt: 'x', data: { items: [{ name: 'x' }] } }));

    clock.advance(1000);
    const v2 = await open(dir, { clock, schemaVersion: 2, migrations: [envelope001, itemsToObjects002], partitions: partitionsV2 });
    expect(await v2.read('core')).toEqual({ items: [{ name: 'x' }] });
    expect(v2.notices()).toEqual([expect.objectContaining({ kind: 'migrated', from: 1, to: 2 })]);
    expect((await readJson(join(dir, 'meta.json'))).pendingRestore).toBeUndefined();
    await v2.close();
  });

  it('upgrades a partition recovered from a backup older than the folder on its own', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const v1 = await open(dir, { clock });
    await v1.update<Core, void>('core', (d) => void d.items.push('from v1'));
    await v1.close();
    clock.advance(1000);
    const v2 = await open(dir, { clock, schemaVersion: 2, migrations: [envelope001, itemsToObjects002], partitions: partitionsV2 });
    const migrationBackup = (v2.notices()[0] as { backupId: string }).backupId;
    await v2.close();
    await fsp.unlink(join(dir, 'core.json'));
    await fsp.writeFile(join(dir, 'core.json'), '{');

    clock.advance(1000);
    const again = await open(dir, { clock, schemaVersion: 2, migrations: [envelope001, itemsToObjects002], partitions: partitionsV2 });
    expect(again.notices()).toEqual([expect.objectContaining({ kind: 'recovered', key: 'core', backupId: migrationBackup })]);
    expect(await again.read('core')).toEqual({ items: [{ name: 'from v1' }] });
    await again.close();
  });

  it('lets a step see and remove a kind the app no longer registers (extraKinds)', async () => {
    const dir = await folderWithArchive();
    const v2 = await open(dir, { schemaVersion: 2, migrations: [envelope001, renameArchive002] });
    expect(v2.list('year')).toEqual(['year/2019']);
    expect(await v2.read('year/2019')).toEqual({ entries: [19] });
    expect(await exists(join(dir, 'archive', '2019.json'))).toBe(false);
    await v2.close();
  });

  it('a damaged file of a kind the app no longer registers is quarantined with a notice, never silently', async () => {
    const dir = await folderWithArchive();
    await fsp.writeFile(join(dir, 'archive', '2019.json'), '{"schemaVersion":1,"sav');
    const v2 = await open(dir, { schemaVersion: 2, migrations: [envelope001, renameArchive002] });
    const notice = v2.notices().find((n) => n.kind === 'started-empty') as { key: string; quarantinedAs: string; message: string } | undefined;
    expect(notice).toMatchObject({ key: 'archive/2019', severity: 'error' });
    expect(notice!.message).toContain(join(dir, 'archive', '2019.json'));
    expect(await fsp.readFile(notice!.quarantinedAs, 'utf8')).toBe('{"schemaVersion":1,"sav');
    await v2.close();
  });
});
