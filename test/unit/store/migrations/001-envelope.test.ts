import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { envelope001 } from '../../../../electron/services/store/migrations/001-envelope';
import { storeMigrations, STORE_SCHEMA_VERSION } from '../../../../electron/services/store/migrations';
import { checkMigrations, MapMigrationTx } from '../../../../electron/services/store/migration-runner';
import { backupBytes, open, readJson, removeTempDirs, tempDir, type Core } from '../helpers';

afterEach(removeTempDirs);

async function writeLegacyFolder(dir: string): Promise<void> {
  // Before versioning: bare JSON, no meta.json, no envelope.
  await fsp.writeFile(join(dir, 'core.json'), JSON.stringify({ items: ['甲', '乙'] }));
  await fsp.mkdir(join(dir, 'year'));
  await fsp.writeFile(join(dir, 'year', '2024.json'), JSON.stringify({ entries: [3] }));
}

describe('migration 001-envelope', () => {
  it('leaves bare data as it is (the runner wraps it) and unwraps a stray envelope', () => {
    const tx = new MapMigrationTx([
      ['core', { items: ['a'] }],
      ['year/2024', { schemaVersion: 1, savedAt: '2026-01-01T00:00:00.000Z', data: { entries: [1] } }],
    ]);
    envelope001.up(tx);
    expect(tx.get('core')).toEqual({ items: ['a'] });
    expect(tx.get('year/2024')).toEqual({ entries: [1] });
  });

  it('wraps every file of a pre-versioning folder on open, after a migration backup of the originals', async () => {
    const dir = await tempDir();
    await writeLegacyFolder(dir);
    const originalCore = await fsp.readFile(join(dir, 'core.json'));

    const store = await open(dir);
    expect(store.firstStart).toBe(false);
    const [notice] = store.notices();
    expect(notice).toMatchObject({ kind: 'migrated', from: 0, to: 1 });
    const backupId = (notice as { backupId: string }).backupId;
    expect(backupId).toMatch(/-migration$/);

    const core = await readJson(join(dir, 'core.json'));
    expect(core).toEqual({ schemaVersion: 1, savedAt: expect.any(String), data: { items: ['甲', '乙'] } });
    expect((await readJson(join(dir, 'year', '2024.json'))).data).toEqual({ entries: [3] });
    expect(await readJson(join(dir, 'meta.json'))).toEqual({ schemaVersion: 1, everHeldData: true, createdAt: expect.any(String) });
    // the backup holds the files exactly as they were before
    expect(await backupBytes(dir, backupId, 'core.json')).toEqual(originalCore);
    expect((await store.listBackups())[0]).toMatchObject({ id: backupId, reason: 'migration', schemaVersion: 0 });
    expect((await store.read<Core>('core')).items).toEqual(['甲', '乙']);
    await store.close();
  });

  it('opens the registry, which is numbered without gaps', () => {
    expect(storeMigrations[0]).toBe(envelope001);
    expect(storeMigrations.map((m) => m.version)).toEqual(storeMigrations.map((_, i) => i + 1));
    expect(() => checkMigrations(storeMigrations, STORE_SCHEMA_VERSION)).not.toThrow();
  });
});

