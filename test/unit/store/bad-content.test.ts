import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PartitionVersionError, StoreVersionError } from '../../../electron/services/store/store';
import { formatLocalTime } from '../../../electron/services/store/notices';
import { memoryLog, open, readJson, removeTempDirs, tempDir, TestClock } from './helpers';

afterEach(removeTempDirs);

/** One partition of each kind the test store registers, with a valid content and a mutation. */
const KINDS = [
  { key: 'core', file: 'core.json', good: { items: ['甲'] }, wrongShape: { items: 'not a list' } },
  { key: 'year/2025', file: join('year', '2025.json'), good: { entries: [2025] }, wrongShape: { entries: [{}] } },
  { key: 'meeting/m_1', file: join('meeting', 'm_1.json'), good: { title: '第十次常委会会议' }, wrongShape: { title: 42 } },
] as const;

/** Present but bad: every one is quarantined, never read as "no data". */
const BAD_CONTENTS: { name: string; bytes: (kind: (typeof KINDS)[number]) => string }[] = [
  { name: 'JSON null', bytes: () => 'null' },
  { name: 'an array', bytes: (k) => JSON.stringify([k.good]) },
  { name: 'a number', bytes: () => '2025' },
  { name: 'a string', bytes: () => '"core"' },
  { name: 'an object failing the schema', bytes: (k) => JSON.stringify({ schemaVersion: 1, savedAt: '2026-10-28T09:30:15.123Z', data: k.wrongShape }) },
  { name: 'an object without the envelope', bytes: (k) => JSON.stringify(k.good) },
  { name: 'an envelope holding null', bytes: () => JSON.stringify({ schemaVersion: 1, savedAt: '2026-10-28T09:30:15.123Z', data: null }) },
  { name: 'cut in the middle', bytes: (k) => JSON.stringify({ schemaVersion: 1, savedAt: 'x', data: k.good }).slice(0, 20) },
];

describe('present but bad is never missing', () => {
  for (const kind of KINDS) {
    for (const bad of BAD_CONTENTS) {
      it(`${kind.key} holding ${bad.name}: quarantined byte for byte, newest good backup restored, notice names the file and the backup's time`, async () => {
        const dir = await tempDir();
        const clock = new TestClock();
        const s1 = await open(dir, { clock });
        await s1.update(kind.key, (d: Record<string, unknown>) => void Object.assign(d, kind.good));
        const backup = await s1.backup('manual');
        await s1.close();
        const bytes = bad.bytes(kind);
        await fsp.writeFile(join(dir, kind.file), bytes);

        clock.advance(2 * 3600_000);
        const log = memoryLog();
        const s2 = await open(dir, { clock, log });
        expect(await s2.read(kind.key)).toEqual(kind.good);
        expect(s2.has(kind.key)).toBe(true);
        const notice = s2.notices().find((n) => n.kind === 'recovered');
        expect(notice).toMatchObject({ kind: 'recovered', key: kind.key, backupId: backup.id, file: join(dir, kind.file) });
        const quarantinedAs = (notice as { quarantinedAs: string }).quarantinedAs;
        expect((await fsp.readFile(quarantinedAs)).toString()).toBe(bytes);
        expect(notice!.message).toContain(join(dir, kind.file));
        expect(notice!.message).toContain(`已恢复到 ${formatLocalTime(Date.parse(backup.createdAt))} 的备份（约 2 小时前）`);
        expect((await readJson(join(dir, kind.file))).data).toEqual(kind.good);
        expect(log.entries.some((e) => e.level === 'warn' && e.details?.key === kind.key)).toBe(true);
        await s2.close();
      });
    }

    it(`${kind.key} bad with no good backup: stays quarantined, the notice says so and what is missing`, async () => {
      const dir = await tempDir();
      const s1 = await open(dir);
      await s1.update(kind.key, (d: Record<string, unknown>) => void Object.assign(d, kind.good));
      await s1.close();
      await fsp.writeFile(join(dir, kind.file), 'null');
      // its backups are lost too (the folder deleted by hand)
      await fsp.rm(join(dir, 'backups'), { recursive: true });
      const log = memoryLog();
      const s2 = await open(dir, { log });
      await s2.read(kind.key);
      const notice = s2.notices().find((n) => n.kind === 'started-empty');
      expect(notice).toMatchObject({ key: kind.key, severity: 'error' });
      expect(notice!.message).toMatch(/没有可用的备份/);
      expect(notice!.message).toContain('现在缺失');
      expect(notice!.message).toContain(join(dir, kind.file));
      expect(await fsp.readFile((notice as { quarantinedAs: string }).quarantinedAs, 'utf8')).toBe('null');
      // not listed: it is not there any more, and nothing was written in its place
      expect(s2.has(kind.key)).toBe(false);
      expect(await fsp.stat(join(dir, kind.file)).catch(() => null)).toBeNull();
      expect(log.entries.some((e) => e.level === 'error' && e.details?.key === kind.key)).toBe(true);
      await s2.close();
    });

    it(`${kind.key} written by a newer version: the store refuses to open, naming the file and version, and touches nothing`, async () => {
      const dir = await tempDir();
      const s1 = await open(dir);
      await s1.update(kind.key, (d: Record<string, unknown>) => void Object.assign(d, kind.good));
      await s1.close();
      const newer = JSON.stringify({ schemaVersion: 7, savedAt: '2030-01-01T00:00:00.000Z', data: { future: true } });
      await fsp.writeFile(join(dir, kind.file), newer);
      const err = await open(dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PartitionVersionError);
      expect(err).toBeInstanceOf(StoreVersionError);
      expect((err as Error).message).toContain(join(dir, kind.file));
      expect((err as Error).message).toContain('数据版本 7');
      expect(await fsp.readFile(join(dir, kind.file), 'utf8')).toBe(newer);
      expect(await fsp.stat(join(dir, 'quarantine')).catch(() => null)).toBeNull();
      expect(await fsp.stat(join(dir, '.lock')).catch(() => null)).toBeNull();
    });
  }

  it('only an absent file is absent: a meeting never written reads as empty without any notice', async () => {
    const dir = await tempDir();
    const s = await open(dir);
    expect(await s.read('meeting/m_9')).toEqual({ title: '' });
    expect(s.notices()).toEqual([]);
    await s.close();
  });

  it('a meta.json holding null is quarantined and rebuilt, never taken for a folder without meta', async () => {
    const dir = await tempDir();
    const s1 = await open(dir);
    await s1.update('core', (d: { items: string[] }) => void d.items.push('甲'));
    await s1.backup('manual');
    await s1.close();
    await fsp.writeFile(join(dir, 'meta.json'), 'null');
    const s2 = await open(dir);
    expect(s2.notices()).toEqual([expect.objectContaining({ kind: 'recovered', key: 'meta' })]);
    expect((await readJson(join(dir, 'meta.json'))).schemaVersion).toBe(1);
    expect(await s2.read('core')).toEqual({ items: ['甲'] });
    await s2.close();
  });
});
