import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoCounty, demoCountyPartitions } from '../../../electron/services/demo/demo-county';
import { partitionTypes } from '../../../electron/services/partitions';
import type { StoreFs } from '../../../electron/services/store/store-fs';
import type { Store } from '../../../electron/services/store/types';
import { ApiError } from '../../../shared/api/errors';
import type { CoreData, MeetingData } from '../../../shared/domain/partitions';
import { halfWriteFs, open, readJson, removeTempDirs, T0, TestClock, tempDir } from './helpers';

afterEach(removeTempDirs);

/** A data folder holding the demo county, written through the store with the real partition types. */
async function demoFolder(fs?: StoreFs): Promise<{ dir: string; store: Store; reopen: (fs?: StoreFs) => Promise<Store> }> {
  const dir = await tempDir();
  const clock = new TestClock();
  const partitions = partitionTypes(clock);
  const reopen = (withFs?: StoreFs) => open(dir, { partitions, clock, ...(withFs ? { fs: withFs } : {}) });
  const seed = await reopen();
  for (const p of demoCountyPartitions(buildDemoCounty({ currentYear: 2026 }))) {
    await seed.update(p.key, (d: Record<string, unknown>) => void Object.assign(d, structuredClone(p.data)));
  }
  await seed.close();
  // Partitions read from disk are the ones update() checks change by change.
  return { dir, store: await reopen(fs), reopen };
}

async function fileData(dir: string, key: string): Promise<unknown> {
  return (await readJson(join(dir, ...`${key}.json`.split('/')))).data;
}

describe('the store checks and writes only what changed, with the same guarantees', () => {
  it('keeps disk and memory identical, change after change, and across a restart', async () => {
    const { dir, store, reopen } = await demoFolder();
    const core = await store.read<CoreData>('core');
    const first = core.members[0]!;
    const edits: ((d: CoreData) => void)[] = [
      (d) => void (d.members[0] = { ...first, note: '备注一' }),
      (d) => void (d.members[1]!.active = false),
      (d) => void d.members.splice(2, 1),
      (d) => void d.members.reverse(),
      (d) => void d.units.push({ id: 'un_zz01', name: '新设单位', kind: 'government', note: '' }),
      (d) => void (d.settings.reportMinutes = 25),
      (d) => void (d.settings.organisation.shortName = '青岚人大'),
      (d) => void (d.criteria = d.criteria.map((c) => ({ ...c, description: `${c.description}。` }))),
      () => undefined,
      (d) => void d.units.pop(),
    ];
    for (const edit of edits) {
      await store.update<CoreData, void>('core', edit);
      expect(await fileData(dir, 'core')).toEqual(await store.read('core'));
    }
    const meetingKey = store.list('meeting')[0]!;
    await store.update<MeetingData, void>(meetingKey, (d) => void (d.meeting.place = '常委会会议室'));
    expect(await fileData(dir, meetingKey)).toEqual(await store.read(meetingKey));

    const inMemory = { core: await store.read('core'), meeting: await store.read(meetingKey) };
    await store.close();
    const again = await reopen();
    expect(await again.read('core')).toEqual(inMemory.core);
    expect(await again.read(meetingKey)).toEqual(inMemory.meeting);
    expect(again.notices()).toEqual([]);
    await again.close();
  });

  it('refuses a handler bug deep inside a partition, naming the field, and changes nothing', async () => {
    const { dir, store } = await demoFolder();
    const before = await fsp.readFile(join(dir, 'core.json'));
    const snapshot = await store.read<CoreData>('core');
    const bad = store.update<CoreData, void>('core', (d) => void (d.evaluatees[40]!.appointmentDate = '2026-02-30'));
    await expect(bad).rejects.toBeInstanceOf(ApiError);
    await expect(bad).rejects.toThrow(/基础数据.*无效/);
    const unknownRole = store.update<CoreData, void>('core', (d) => void Object.assign(d.members[3]!, { role: '秘书长' }));
    await expect(unknownRole).rejects.toMatchObject({ code: 'invalid_args' });
    expect(await fsp.readFile(join(dir, 'core.json'))).toEqual(before);
    expect(await store.read('core')).toBe(snapshot);
    await store.close();
  });

  it('checks a partition that was never validated (a new meeting) whole on its first write', async () => {
    const { dir, store } = await demoFolder();
    const key = 'meeting/mt_new0001';
    await expect(store.update<Partial<MeetingData>, void>(key, (d) => void (d.attendance = { members: {}, deputies: [] } as never))).rejects.toThrow(/无效/);
    expect(store.has(key)).toBe(false);
    await expect(fsp.stat(join(dir, 'meeting', 'mt_new0001.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    await store.close();
  });

  it('refuses a draft made cyclic where data belongs, and strips a cycle under an unknown key as zod does', async () => {
    const { dir, store } = await demoFolder();
    const before = await fsp.readFile(join(dir, 'core.json'));
    await expect(store.update<CoreData, void>('core', (d) => void (d.members[0]!.note = d as never))).rejects.toThrow();
    await expect(store.update<CoreData, void>('core', (d) => void d.units.push(d.units as never))).rejects.toThrow();
    expect(await fsp.readFile(join(dir, 'core.json'))).toEqual(before);
    await store.update<CoreData, void>('core', (d) => void Object.assign(d.members[0]!, { self: d }));
    expect(await fileData(dir, 'core')).toEqual(await store.read('core'));
    expect(Object.keys((await store.read<CoreData>('core')).members[0]!)).not.toContain('self');
    await store.close();
  });

  it('after a write that failed half-way, the next write still puts on disk exactly what is in memory', async () => {
    let failing = false;
    const half = halfWriteFs((p) => failing && p.includes('.core.json.') && p.endsWith('.tmp'));
    const { dir, store } = await demoFolder(half);
    const before = await fsp.readFile(join(dir, 'core.json'));
    const snapshot = await store.read<CoreData>('core');
    failing = true;
    await expect(store.update<CoreData, void>('core', (d) => void (d.members[0]!.note = '未能保存'))).rejects.toThrow(/no space left/);
    failing = false;
    expect(await fsp.readFile(join(dir, 'core.json'))).toEqual(before);
    expect(await store.read('core')).toBe(snapshot);
    await store.update<CoreData, void>('core', (d) => void (d.members[1]!.note = '已保存'));
    const now = await store.read<CoreData>('core');
    expect(now.members[0]!.note).toBe(snapshot.members[0]!.note);
    expect(now.members[1]!.note).toBe('已保存');
    expect(await fileData(dir, 'core')).toEqual(now);
    expect((await readJson(join(dir, 'core.json'))).savedAt).toBe(new Date(T0).toISOString());
    await store.close();
  });
});
