import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupBlobPath, exists, listFiles, memoryLog, open, readJson, removeTempDirs, tempDir, TestClock, type Core, type Year } from './helpers';

afterEach(removeTempDirs);

async function truncate(path: string): Promise<Buffer> {
  const bytes = await fsp.readFile(path);
  // A truncated file written in place: a new inode, so backups hard-linked to the old one stay good.
  await fsp.unlink(path);
  await fsp.writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return bytes;
}

describe('recovery of unreadable partitions', () => {
  it('quarantines a truncated core file at start and restores the newest good backup, with a notice', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const s1 = await open(dir, { clock });
    await s1.update<Core, void>('core', (d) => void d.items.push('old'));
    await s1.backup('manual', 'older');
    clock.advance(1000);
    await s1.update<Core, void>('core', (d) => void d.items.push('kept'));
    const newest = await s1.backup('manual', 'newest');
    clock.advance(1000);
    await s1.update<Core, void>('core', (d) => void d.items.push('lost after backup'));
    await s1.close();
    const original = await truncate(join(dir, 'core.json'));
    const truncated = await fsp.readFile(join(dir, 'core.json'));

    clock.advance(1000);
    const log = memoryLog();
    const s2 = await open(dir, { clock, log });
    expect((await s2.read<Core>('core')).items).toEqual(['old', 'kept']);
    const [notice] = s2.notices();
    expect(notice).toMatchObject({ kind: 'recovered', key: 'core', backupId: newest.id });
    const quarantinedAs = (notice as { quarantinedAs: string }).quarantinedAs;
    expect(quarantinedAs.startsWith(join(dir, 'quarantine', 'core.'))).toBe(true);
    expect(await fsp.readFile(quarantinedAs)).toEqual(truncated);
    expect(original.length).toBeGreaterThan(truncated.length);
    expect(s2.firstStart).toBe(false);
    expect(log.entries.some((e) => e.level === 'warn' && e.message.includes('quarantined'))).toBe(true);
    // the restored copy is on disk, as an envelope
    expect((await readJson(join(dir, 'core.json'))).data.items).toEqual(['old', 'kept']);
    await s2.close();
  });

  it('with no backup, starts the partition empty, says so, and is still not a first start', async () => {
    const dir = await tempDir();
    const s1 = await open(dir);
    expect(s1.firstStart).toBe(true);
    await s1.update<Core, void>('core', (d) => void d.items.push('x'));
    await s1.close();
    await fsp.writeFile(join(dir, 'core.json'), '{"schemaVersion":1,"savedAt":"2026-');
    // and its backup is lost too (deleted by hand)
    await fsp.rm(join(dir, 'backups'), { recursive: true });

    const s2 = await open(dir);
    expect((await s2.read<Core>('core')).items).toEqual([]);
    expect(s2.notices()).toEqual([expect.objectContaining({ kind: 'started-empty', key: 'core' })]);
    expect(s2.firstStart).toBe(false);
    expect((await fsp.readdir(join(dir, 'quarantine'))).length).toBe(1);
    await s2.close();

    // nothing was written for the empty partition; the folder still is not new
    const s3 = await open(dir);
    expect(s3.firstStart).toBe(false);
    await s3.close();
  });

  it('quarantines a file that parses but fails the schema, and recovers a lazily loaded partition on first read', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const s1 = await open(dir, { clock });
    await s1.update<Year, void>('year/2025', (d) => void d.entries.push(1, 2));
    await s1.backup('manual');
    await s1.close();
    await fsp.unlink(join(dir, 'year', '2025.json'));
    await fsp.writeFile(join(dir, 'year', '2025.json'), JSON.stringify({ schemaVersion: 1, savedAt: 'x', data: { entries: ['not a number'] } }));

    clock.advance(5000);
    const s2 = await open(dir, { clock });
    const seen: string[] = [];
    s2.onNotice((n) => seen.push(n.kind));
    expect(s2.notices()).toEqual([]); // not read yet: start-up stays cheap
    expect((await s2.read<Year>('year/2025')).entries).toEqual([1, 2]);
    expect(seen).toEqual(['recovered']);
    expect(s2.notices()[0]).toMatchObject({ kind: 'recovered', key: 'year/2025' });
    expect(await listFiles(join(dir, 'quarantine'))).toEqual([expect.stringMatching(/^year-2025\.20261028-093020-123\.json$/)]);
    await s2.close();
  });

  it('skips backups whose copy is bad too and never overwrites an earlier quarantined file', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const s1 = await open(dir, { clock });
    await s1.update<Core, void>('core', (d) => void d.items.push('good'));
    const good = await s1.backup('manual');
    clock.advance(1000);
    await s1.update<Core, void>('core', (d) => void d.items.push('newer'));
    const newer = await s1.backup('manual');
    await s1.close();
    // the newest backup's copy rots on disk (its checksum no longer matches), and so does the live file
    await fsp.writeFile((await backupBlobPath(dir, newer.id, 'core.json'))!, 'rot');
    await fsp.writeFile(join(dir, 'core.json'), 'garbage');

    const s3 = await open(dir, { clock });
    expect(s3.notices()[0]).toMatchObject({ kind: 'recovered', backupId: good.id });
    expect((await s3.read<Core>('core')).items).toEqual(['good']);
    await s3.close();
    await fsp.writeFile(join(dir, 'core.json'), 'garbage again'); // same clock: same stamp
    const s4 = await open(dir, { clock });
    await s4.close();
    const quarantined = await fsp.readdir(join(dir, 'quarantine'));
    expect(quarantined).toHaveLength(2);
    const contents = await Promise.all(quarantined.map((f) => fsp.readFile(join(dir, 'quarantine', f), 'utf8')));
    expect(contents.sort()).toEqual(['garbage', 'garbage again']);
  });

  it('moves an unreadable meta.json aside and rebuilds it from the partitions and a backup', async () => {
    const dir = await tempDir();
    const s1 = await open(dir);
    await s1.update<Core, void>('core', (d) => void d.items.push('a'));
    const b = await s1.backup('manual');
    await s1.close();
    const createdAt = (await readJson(join(dir, 'meta.json'))).createdAt;
    await fsp.unlink(join(dir, 'meta.json'));
    await fsp.writeFile(join(dir, 'meta.json'), '{"schemaVer');

    const s2 = await open(dir);
    expect(s2.firstStart).toBe(false);
    expect(s2.notices()).toEqual([expect.objectContaining({ kind: 'recovered', key: 'meta', backupId: b.id })]);
    expect(await readJson(join(dir, 'meta.json'))).toEqual({ schemaVersion: 1, everHeldData: true, createdAt });
    expect((await s2.read<Core>('core')).items).toEqual(['a']);
    await s2.close();
    expect(await exists(join(dir, 'quarantine'))).toBe(true);
  });
});
