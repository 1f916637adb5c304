import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupBytes, listFiles, manifestOf, memoryLog, open, removeTempDirs, tempDir, TestClock, type Core } from './helpers';

afterEach(removeTempDirs);

describe('leftovers are cleaned at the next start, and logged', () => {
  it('removes temp files, a backup folder without manifest and copies no backup names', async () => {
    const dir = await tempDir();
    const s1 = await open(dir);
    await s1.update<Core, void>('core', (d) => void d.items.push('a'));
    const kept = await s1.backup('manual');
    await s1.close();
    const blobs = join(dir, 'backups', 'blobs');
    await fsp.writeFile(join(dir, '.core.json.1.2.abcd0123.tmp'), '{"half');
    await fsp.writeFile(join(blobs, `.${'0'.repeat(64)}.1.3.abcd0123.tmp`), 'half');
    await fsp.writeFile(join(blobs, 'f'.repeat(64)), 'a copy whose manifest was never written');
    await fsp.mkdir(join(dir, 'backups', '20261028-093016-000-manual'));
    await fsp.writeFile(join(dir, 'backups', '20261028-093016-000-manual', 'stray'), 'x');

    const log = memoryLog();
    const s2 = await open(dir, { log });
    expect((await s2.listBackups()).map((b) => b.id)).toEqual([kept.id, expect.stringMatching(/-new-partition$/)]);
    const left = await listFiles(dir);
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(left.filter((f) => f.startsWith(join('backups', '20261028-093016-000-manual')))).toEqual([]);
    expect(left).not.toContain(join('backups', 'blobs', 'f'.repeat(64)));
    const said = log.entries.map((e) => e.message);
    expect(said).toContain('temp file left by an interrupted write removed');
    expect(said).toContain('temp file left by an interrupted backup removed');
    expect(said).toContain('unfinished backup (no manifest) removed');
    expect(said).toContain('backup copies no backup names any more removed');
    // what the kept backup holds is still there
    expect(JSON.parse((await backupBytes(dir, kept.id, 'core.json')).toString()).data.items).toEqual(['a']);
    await s2.close();
  });

  it('removes temp files of interrupted writes among the attachments too, and keeps the attachments', async () => {
    const dir = await tempDir();
    const s1 = await open(dir);
    await s1.update<Core, void>('core', (d) => void d.items.push('a'));
    await s1.close();
    const folder = join(dir, 'attachments', '2026', 'o_1');
    await fsp.mkdir(folder, { recursive: true });
    await fsp.writeFile(join(folder, '调研报告.pdf'), 'pdf');
    await fsp.writeFile(join(folder, '.调研报告.pdf.7.1.abcd0123.tmp'), 'half');
    const log = memoryLog();
    const s2 = await open(dir, { log });
    expect(await fsp.readdir(folder)).toEqual(['调研报告.pdf']);
    expect(log.entries.find((e) => e.message === 'temp file left by an interrupted write removed' && String(e.details?.file).includes('attachments'))).toBeDefined();
    await s2.close();
  });

  it('turns a backup of an older version (hard links to the live files) into independent copies', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const s1 = await open(dir, { clock });
    await s1.update<Core, void>('core', (d) => void d.items.push('before'));
    await s1.close();
    // only the backup an older version left
    await fsp.rm(join(dir, 'backups'), { recursive: true });
    // the layout older versions wrote: files hard-linked into backups/<id>/ and a manifest without entries
    const id = '20261028-093000-000-startup';
    const legacy = join(dir, 'backups', id);
    await fsp.mkdir(legacy, { recursive: true });
    await fsp.link(join(dir, 'core.json'), join(legacy, 'core.json'));
    await fsp.link(join(dir, 'meta.json'), join(legacy, 'meta.json'));
    const coreBytes = await fsp.readFile(join(dir, 'core.json'));
    await fsp.writeFile(join(legacy, 'manifest.json'), JSON.stringify({ id, createdAt: '2026-10-28T09:30:00.000Z', reason: 'startup', label: '', files: 2, bytes: 1, schemaVersion: 1 }));

    const log = memoryLog();
    const s2 = await open(dir, { clock, log });
    expect(await fsp.readdir(legacy)).toEqual(['manifest.json']);
    expect((await manifestOf(dir, id)).entries.map((e: { path: string }) => e.path).sort()).toEqual(['core.json', 'meta.json']);
    expect((await fsp.stat(join(dir, 'core.json'))).nlink).toBe(1);
    expect(await backupBytes(dir, id, 'core.json')).toEqual(coreBytes);
    expect(log.entries.some((e) => e.message.includes('converted to independent copies'))).toBe(true);
    // damage written into the live file in place no longer reaches that backup
    await s2.close();
    await fsp.writeFile(join(dir, 'core.json'), 'null');
    const s3 = await open(dir, { clock });
    expect((await s3.read<Core>('core')).items).toEqual(['before']);
    expect(s3.notices()[0]).toMatchObject({ kind: 'recovered', backupId: id });
    await s3.close();
  });

  it('keeps every backup copy while a manifest cannot be read (it may name them)', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const s1 = await open(dir, { clock });
    await s1.update<Core, void>('core', (d) => void d.items.push('a'));
    const a = await s1.backup('manual');
    clock.advance(1000);
    await s1.update<Core, void>('core', (d) => void d.items.push('b'));
    await s1.backup('manual');
    await s1.close();
    const blobsBefore = await fsp.readdir(join(dir, 'backups', 'blobs'));
    await fsp.writeFile(join(dir, 'backups', a.id, 'manifest.json'), '{"id":');
    const log = memoryLog();
    const s2 = await open(dir, { log });
    expect((await fsp.readdir(join(dir, 'backups', 'blobs'))).sort()).toEqual(blobsBefore.sort());
    expect(log.entries.some((e) => e.message.includes('unused backup copies are kept'))).toBe(true);
    await s2.close();
  });
});
