import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store/store-fs';
import type { Store, StoreOptions } from '../../../electron/services/store/types';
import { durableData, gate, open, readJson, removeTempDirs, tempDir, testPartitions, TestClock } from './helpers';

// While a meeting is held its change is acknowledged once its journal line is durable; the meeting
// file follows right after, beside the write queue: the next draw or sheet never waits behind it,
// and an older follow-up write never lands after a newer write of the same file.

afterEach(removeTempDirs);

const meetingSchema = z.object({ title: z.string(), running: z.boolean(), sheets: z.array(z.number()) });
type Meeting = z.infer<typeof meetingSchema>;
const partitions: StoreOptions['partitions'] = {
  ...testPartitions,
  meeting: { schema: meetingSchema, empty: () => ({ title: '', running: false, sheets: [] }), journal: (d: Meeting) => (d.running ? { label: d.title } : null) },
};
const KEY = 'meeting/m_1';

/** A disk whose renames onto the meeting file wait for the test while `held` is set. */
function holdingMeetingFile(): { fs: StoreFs; hold(): { released: () => void; reached: Promise<void> }; renames: number } {
  let held: { gate: ReturnType<typeof gate>; reached: () => void } | null = null;
  const state = {
    renames: 0,
    fs: {
      ...nodeStoreFs,
      async rename(from: string, to: string) {
        if (to.endsWith(join('meeting', 'm_1.json')) && held) {
          const h = held;
          held = null;
          h.reached();
          await h.gate.promise;
        }
        if (to.endsWith(join('meeting', 'm_1.json'))) state.renames++;
        return nodeStoreFs.rename(from, to);
      },
    } as StoreFs,
    hold() {
      const g = gate();
      let reached!: () => void;
      const r = new Promise<void>((resolve) => (reached = resolve));
      held = { gate: g, reached };
      return { released: g.open, reached: r };
    },
  };
  return state;
}

async function running(store: Store): Promise<void> {
  await store.update<Meeting, void>(KEY, (d) => void Object.assign(d, { title: '第十次常委会会议', running: true, sheets: [] }));
}

describe('the meeting file follows its journal beside the write queue', () => {
  it('a sheet keyed while the file is being written is acknowledged without waiting for that write', async () => {
    const dir = await tempDir();
    const disk = holdingMeetingFile();
    const store = await open(dir, { clock: new TestClock(), partitions, fs: disk.fs });
    await running(store);
    await store.update<Meeting, void>(KEY, (d) => void d.sheets.push(1));
    // The next follow-up write of the file is held on its rename.
    const held = disk.hold();
    await store.update<Meeting, void>(KEY, (d) => void d.sheets.push(2));
    await held.reached;
    // Two more sheets are acknowledged (durable in the journal) while that write is still held.
    await store.update<Meeting, void>(KEY, (d) => void d.sheets.push(3));
    await store.update<Meeting, void>(KEY, (d) => void d.sheets.push(4));
    expect(await durableData(join(dir, 'meeting', 'm_1.json'))).toMatchObject({ sheets: [1, 2, 3, 4] });
    held.released();
    // A copy of the folder (like a backup) waits for the file to hold the newest state.
    await store.exclusive(async () => undefined);
    expect((await readJson(join(dir, 'meeting', 'm_1.json'))).data.sheets).toEqual([1, 2, 3, 4]);
    await store.close();
  });

  it('a write of the whole file queued meanwhile lands after the held follow-up write, never before it', async () => {
    const dir = await tempDir();
    const disk = holdingMeetingFile();
    const store = await open(dir, { clock: new TestClock(), partitions, fs: disk.fs });
    await running(store);
    const held = disk.hold();
    await store.update<Meeting, void>(KEY, (d) => void d.sheets.push(1));
    await held.reached;
    // The meeting ends: its file is written whole (the journal is folded in) — it waits for the held write.
    const ended = store.update<Meeting, void>(KEY, (d) => void Object.assign(d, { running: false, sheets: [1, 9] }));
    held.released();
    await ended;
    expect((await readJson(join(dir, 'meeting', 'm_1.json'))).data).toMatchObject({ running: false, sheets: [1, 9] });
    expect(await fsp.stat(join(dir, 'meeting', 'm_1.journal')).catch(() => null)).toBeNull();
    await store.close();
    const again = await open(dir, { clock: new TestClock(), partitions });
    expect((await again.read<Meeting>(KEY)).sheets).toEqual([1, 9]);
    await again.close();
  });

  it('closing waits for the file to hold every acknowledged change', async () => {
    const dir = await tempDir();
    const store = await open(dir, { clock: new TestClock(), partitions });
    await running(store);
    for (let n = 1; n <= 20; n++) await store.update<Meeting, void>(KEY, (d) => void d.sheets.push(n));
    await store.close();
    expect((await readJson(join(dir, 'meeting', 'm_1.json'))).data.sheets).toHaveLength(20);
  });
});
