import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store/store-fs';
import { envelope001 } from '../../../electron/services/store/migrations/001-envelope';
import { journalLine } from '../../../electron/services/store/journal';
import { PartitionVersionError } from '../../../electron/services/store/store';
import type { Migration, Store, StoreOptions } from '../../../electron/services/store/types';
import { backupBytes, fsWithHandles, gate, open, removeTempDirs, tempDir, testPartitions, TestClock, wrapHandle } from './helpers';

afterEach(removeTempDirs);

/** A meeting that journals while it runs; `sheets` stands for the acknowledged sheets of a count. */
const meetingSchema = z.object({ title: z.string(), running: z.boolean(), sheets: z.array(z.number()) });
type Meeting = z.infer<typeof meetingSchema>;
const partitions: StoreOptions['partitions'] = {
  ...testPartitions,
  meeting: {
    schema: meetingSchema,
    empty: () => ({ title: '', running: false, sheets: [] }),
    journal: (d: Meeting) => (d.running ? { label: d.title } : null),
  },
};
const KEY = 'meeting/m_1';

function paths(dir: string) {
  return { file: join(dir, 'meeting', 'm_1.json'), journal: join(dir, 'meeting', 'm_1.journal') };
}

async function openMeeting(dir: string, clock: TestClock, overrides: Partial<StoreOptions> = {}): Promise<Store> {
  return open(dir, { clock, partitions, ...overrides });
}

async function startMeeting(store: Store): Promise<void> {
  await store.update<Meeting, void>(KEY, (d) => void Object.assign(d, { title: '第十次常委会会议', running: false, sheets: [] }));
  await store.update<Meeting, void>(KEY, (d) => void (d.running = true));
}

/**
 * Keys sheets like an operator, with a pause after each: the meeting file catches up with the
 * journal before the next sheet (as it does once changes pause).
 */
async function key(store: Store, from: number, to: number): Promise<void> {
  for (let n = from; n <= to; n++) {
    await store.update<Meeting, void>(KEY, (d) => void d.sheets.push(n));
    await settle(store);
  }
}

/** Resolves once the write queue is idle and the partition file has caught up with its journal (`exclusive` does that first). */
function settle(store: Store): Promise<void> {
  return store.exclusive(async () => undefined);
}

/** Version 2 of the data: `sheets` renamed to `ballots`. */
function v2Options(clock: TestClock): Partial<StoreOptions> {
  const renameSheets: Migration = {
    version: 2,
    name: 'sheets-to-ballots',
    up(tx) {
      for (const k of tx.keys()) {
        if (!k.startsWith('meeting/')) continue;
        const { sheets, ...rest } = tx.get(k) as Meeting;
        tx.set(k, { ...rest, ballots: sheets });
      }
    },
  };
  const v2Schema = z.object({ title: z.string(), running: z.boolean(), ballots: z.array(z.number()) });
  return {
    clock,
    schemaVersion: 2,
    migrations: [envelope001, renameSheets],
    partitions: { ...partitions, meeting: { schema: v2Schema, empty: () => ({ title: '', running: false, ballots: [] }), journal: (d: z.infer<typeof v2Schema>) => (d.running ? { label: d.title } : null) } },
  };
}

/** A file system whose next append to a journal fails (EIO). */
function failingAppendFs(): { fs: StoreFs; failNextAppend: () => void } {
  let failNext = false;
  const fs: StoreFs = {
    ...nodeStoreFs,
    open: (async (p: string, flags?: string) => {
      if (failNext && String(p).endsWith('.journal') && flags === 'a') {
        failNext = false;
        throw Object.assign(new Error('injected'), { code: 'EIO' });
      }
      return nodeStoreFs.open(p, flags);
    }) as StoreFs['open'],
  };
  return { fs, failNextAppend: () => (failNext = true) };
}

/** A meeting being held with sheets 1…n keyed, in a new folder. */
async function runningMeeting(n: number): Promise<{ dir: string; clock: TestClock; file: string; journal: string; store: Store }> {
  const dir = await tempDir();
  const clock = new TestClock();
  const store = await openMeeting(dir, clock);
  await startMeeting(store);
  await key(store, 1, n);
  return { dir, clock, ...paths(dir), store };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Damage to a file, done to the file where it lies (same inode) or by putting another in its place. */
const DAMAGE: { name: string; apply: (bytes: Buffer) => Buffer }[] = [
  { name: 'emptied', apply: () => Buffer.alloc(0) },
  { name: 'one byte', apply: (b) => b.subarray(0, 1) },
  { name: 'cut in the middle', apply: (b) => b.subarray(0, Math.floor(b.length / 2)) },
  { name: 'last byte missing', apply: (b) => b.subarray(0, b.length - 1) },
  { name: 'garbage', apply: (b) => Buffer.alloc(b.length, 0x5a) },
  { name: 'null', apply: () => Buffer.from('null') },
  { name: 'valid JSON of the wrong shape', apply: () => Buffer.from(JSON.stringify({ schemaVersion: 1, savedAt: 'x', data: { title: 1 } })) },
];

async function damage(file: string, apply: (b: Buffer) => Buffer, inPlace: boolean): Promise<Buffer> {
  const bad = apply(await fsp.readFile(file));
  if (inPlace) {
    const handle = await fsp.open(file, 'r+');
    await handle.truncate(0);
    await handle.write(bad, 0, bad.length, 0);
    await handle.close();
  } else {
    await fsp.writeFile(`${file}.new`, bad);
    await fsp.rename(`${file}.new`, file);
  }
  return bad;
}

describe('the meeting journal', () => {
  it('starts with the meeting (after a backup), gets one line per acknowledged change, and is folded in when it ends', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const store = await openMeeting(dir, clock);
    await store.update<Meeting, void>(KEY, (d) => void Object.assign(d, { title: '会议', running: false, sheets: [] }));
    // changed since its first write was backed up: the start takes a backup of its own
    await store.update<Meeting, void>(KEY, (d) => void (d.title = '第十次常委会会议'));
    await store.update<Meeting, void>(KEY, (d) => void (d.running = true));
    const { journal, file } = paths(dir);
    const started = (await store.listBackups())[0]!;
    expect(started).toMatchObject({ reason: 'meeting-start', label: '第十次常委会会议' });
    // the backup holds the meeting as it was just before it started
    expect(JSON.parse((await backupBytes(dir, started.id, 'meeting/m_1.json')).toString()).data.running).toBe(false);
    await key(store, 1, 3);
    const lines = (await fsp.readFile(journal, 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).seq)).toEqual([0, 1, 2, 3]);
    expect(JSON.parse(lines[3]!).data.sheets).toEqual([1, 2, 3]);

    await store.update<Meeting, void>(KEY, (d) => void (d.running = false));
    expect(await fsp.stat(journal).catch(() => null)).toBeNull();
    const ended = (await store.listBackups())[0]!;
    expect(ended.reason).toBe('meeting-end');
    expect(await backupBytes(dir, ended.id, 'meeting/m_1.json')).toEqual(await fsp.readFile(file));
    await store.close();
  });

  it('damage to the partition, then to the journal, in the middle of a count: every acknowledged sheet comes back', async () => {
    const { dir, clock, file, journal } = await runningMeeting(20);
    // the app is killed (no close) and the partition is damaged where it lies
    const bad = await damage(file, (b) => b.subarray(0, b.length - 7), true);

    const s2 = await openMeeting(dir, clock);
    expect((await s2.read<Meeting>(KEY)).sheets).toEqual(range(1, 20));
    const replayed = s2.notices().find((n) => n.kind === 'journal-replayed');
    expect(replayed).toMatchObject({ key: KEY, file, journal });
    expect(replayed!.message).toContain(file);
    expect(replayed!.message).toContain('已保存的修改没有丢失');
    expect(await fsp.readFile((replayed as { quarantinedAs: string }).quarantinedAs)).toEqual(bad);
    // the count goes on, journaled again
    await key(s2, 21, 30);
    await damage(journal, (b) => Buffer.concat([b.subarray(0, 100), Buffer.from('xx'), b.subarray(102)]), true);

    const s3 = await openMeeting(dir, clock);
    expect((await s3.read<Meeting>(KEY)).sheets).toEqual(range(1, 30));
    const damaged = s3.notices().find((n) => n.kind === 'journal-damaged');
    expect(damaged).toMatchObject({ key: KEY, journal });
    expect(damaged!.message).toContain('没有丢失数据');
    // and still journaled: one more sheet, then the partition is lost entirely
    await key(s3, 31, 31);
    await fsp.rm(file);
    const s4 = await openMeeting(dir, clock);
    expect((await s4.read<Meeting>(KEY)).sheets).toEqual(range(1, 31));
    await s4.close();
  });

  for (const d of DAMAGE) {
    for (const inPlace of [true, false]) {
      it(`partition ${d.name} (${inPlace ? 'rewritten in place' : 'replaced by rename'}): the journal gives back the last acknowledged state`, async () => {
        const dir = await tempDir();
        const clock = new TestClock();
        const s1 = await openMeeting(dir, clock);
        await startMeeting(s1);
        await key(s1, 1, 5);
        await damage(paths(dir).file, d.apply, inPlace);
        const s2 = await openMeeting(dir, clock);
        expect((await s2.read<Meeting>(KEY)).sheets).toEqual(range(1, 5));
        expect(s2.notices().map((n) => n.kind)).toContain('journal-replayed');
        await s2.close();
      });

      it(`journal ${d.name} (${inPlace ? 'rewritten in place' : 'replaced by rename'}): the partition holds everything, the journal is quarantined and starts again`, async () => {
        const dir = await tempDir();
        const clock = new TestClock();
        const s1 = await openMeeting(dir, clock);
        await startMeeting(s1);
        await key(s1, 1, 5);
        const bad = await damage(paths(dir).journal, d.apply, inPlace);
        const s2 = await openMeeting(dir, clock);
        expect((await s2.read<Meeting>(KEY)).sheets).toEqual(range(1, 5));
        const notice = s2.notices().find((n) => n.kind === 'journal-damaged');
        // a journal cut short looks like what a crash while appending leaves: its tail is ignored, not damage
        if (notice) expect(await fsp.readFile((notice as { quarantinedAs: string }).quarantinedAs)).toEqual(bad);
        else expect(['last byte missing', 'cut in the middle']).toContain(d.name);
        const lines = (await fsp.readFile(paths(dir).journal, 'utf8')).trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(JSON.parse(lines[0]!).data.sheets).toEqual(range(1, 5));
        await s2.close();
      });
    }
  }

  it('ignores a torn last line (a crash while appending) when it replays', async () => {
    const { dir, clock, file, journal } = await runningMeeting(4);
    await fsp.appendFile(journal, '{"seq":5,"v":1,"savedAt":"2026-10-28T09:30:15.123Z","sum":"00","data":{"title":"第十次');
    await fsp.writeFile(file, 'garbage');
    const s2 = await openMeeting(dir, clock);
    expect((await s2.read<Meeting>(KEY)).sheets).toEqual(range(1, 4));
    expect(s2.notices().map((n) => n.kind).filter((k) => k !== 'lock-taken-over')).toEqual(['journal-replayed']);
    await s2.close();
  });

  it('a failed append does not undo a saved change: the office is told, and the next change writes the journal afresh', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const { fs, failNextAppend } = failingAppendFs();
    const store = await openMeeting(dir, clock, { fs });
    await startMeeting(store);
    await key(store, 1, 2);
    failNextAppend();
    await key(store, 3, 3);
    expect(store.notices()).toEqual([expect.objectContaining({ kind: 'journal-failed', severity: 'error', message: expect.stringContaining('m_1.journal') })]);
    await key(store, 4, 4);
    const lines = (await fsp.readFile(paths(dir).journal, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).data.sheets).toEqual([1, 2, 3, 4]);
    await store.close();
  });

  it('each backup starts the journal again from the state it holds', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const store = await openMeeting(dir, clock);
    await startMeeting(store);
    await key(store, 1, 6);
    await store.backup('after-vote', '第1轮测评结果公布后');
    expect((await fsp.readFile(paths(dir).journal, 'utf8')).trim().split('\n')).toHaveLength(1);
    await key(store, 7, 7);
    expect((await fsp.readFile(paths(dir).journal, 'utf8')).trim().split('\n')).toHaveLength(2);
    await store.close();
  });

  it('removing a journaled partition removes its journal first, so it never comes back', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const store = await openMeeting(dir, clock);
    await startMeeting(store);
    await store.remove(KEY);
    await store.close();
    expect(await fsp.stat(paths(dir).journal).catch(() => null)).toBeNull();
    const again = await openMeeting(dir, clock);
    expect(again.has(KEY)).toBe(false);
    await again.close();
  });

  it('a journal left by a meeting that had ended is folded in at the next start', async () => {
    const { dir, clock, store: s1 } = await runningMeeting(2);
    const journalBytes = await fsp.readFile(paths(dir).journal);
    await s1.update<Meeting, void>(KEY, (d) => void (d.running = false));
    await s1.close();
    // as if the app stopped between writing the last change and removing the journal
    await fsp.writeFile(paths(dir).journal, journalBytes);
    const s2 = await openMeeting(dir, clock);
    expect(await fsp.stat(paths(dir).journal).catch(() => null)).toBeNull();
    expect((await s2.read<Meeting>(KEY)).running).toBe(false);
    expect((await s2.listBackups())[0]!.reason).toBe('meeting-end');
    await s2.close();
  });

  it('acknowledges a change only once its journal line is on disk (fsync)', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    let holding = false;
    const held = gate();
    const reached = gate();
    const fs = fsWithHandles(
      (p) => p.endsWith('m_1.journal'),
      (handle) =>
        wrapHandle(handle, {
          async datasync() {
            if (holding) {
              reached.open();
              await held.promise;
            }
            return handle.datasync();
          },
        }),
    );
    const store = await openMeeting(dir, clock, { fs });
    await startMeeting(store);
    await key(store, 1, 1);
    const commits: string[][] = [];
    store.onCommit((keys) => commits.push(keys));
    holding = true;
    let resolved = false;
    const pending = key(store, 2, 2).then(() => (resolved = true));
    await reached.promise;
    await new Promise((r) => setImmediate(r));
    expect(resolved).toBe(false);
    expect(commits).toEqual([]);
    held.open();
    await pending;
    expect(commits).toEqual([[KEY]]);
    await store.close();
  });

  it('a journal written by a newer version of the app is never quarantined: the app refuses to start, naming it', async () => {
    // the app stops during the meeting; a newer version wrote the journal since
    const { dir, file, journal } = await runningMeeting(2);
    const data = Buffer.from(JSON.stringify({ title: '第十次常委会会议', running: true, sheets: [1, 2, 3], future: true }));
    await fsp.writeFile(journal, journalLine(0, 7, '2030-01-01T00:00:00.000Z', data));
    await fsp.writeFile(file, 'garbage');
    const err = await openMeeting(dir, new TestClock()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartitionVersionError);
    expect((err as Error).message).toContain(journal);
    expect((err as Error).message).toContain('7');
    // nothing set aside: both files are where they were
    expect(await fsp.readFile(journal)).toEqual(journalLine(0, 7, '2030-01-01T00:00:00.000Z', data));
    expect(await fsp.readFile(file, 'utf8')).toBe('garbage');
  });

  it('an app upgrade finding the meeting file older than its journal replays the journal (upgraded)', async () => {
    const { dir, clock, file, store: s1 } = await runningMeeting(3);
    const older = await fsp.readFile(file);
    clock.advance(1000);
    await key(s1, 4, 6);
    await fsp.writeFile(file, older);
    clock.advance(1000);
    const s2 = await open(dir, v2Options(clock));
    expect(await s2.read(KEY)).toEqual({ title: '第十次常委会会议', running: true, ballots: range(1, 6) });
    expect(s2.notices().map((n) => n.kind)).toContain('journal-replayed');
    await s2.close();
  });

  it('an app upgrade finding the meeting file damaged replays the journal (upgraded), not an older backup', async () => {
    const { dir, clock } = await runningMeeting(9);
    await fsp.writeFile(paths(dir).file, 'garbage');
    const s2 = await open(dir, v2Options(clock));
    expect(await s2.read(KEY)).toEqual({ title: '第十次常委会会议', running: true, ballots: range(1, 9) });
    const replayed = s2.notices().find((n) => n.kind === 'journal-replayed') as { quarantinedAs: string } | undefined;
    expect(replayed).toBeDefined();
    expect(await fsp.readFile(replayed!.quarantinedAs, 'utf8')).toBe('garbage');
    await s2.close();
  });
});

/** Records, in order, each fsync of the meeting's journal ('line') and of a temp file of its partition ('file'). */
function orderFs(): { fs: StoreFs; events: string[]; failFile: (on: boolean) => void } {
  const events: string[] = [];
  let failing = false;
  const isTemp = (p: string) => /\.m_1\.json\..*\.tmp$/.test(p);
  const base: StoreFs = {
    ...nodeStoreFs,
    open: (async (p: string, flags?: string, mode?: number) => {
      if (failing && isTemp(String(p))) throw Object.assign(new Error('injected'), { code: 'EIO' });
      return nodeStoreFs.open(p, flags, mode);
    }) as StoreFs['open'],
  };
  const fs = fsWithHandles(
    (p) => p.endsWith('m_1.journal') || isTemp(p),
    (handle) =>
      wrapHandle(handle, {
        async datasync() {
          events.push('line');
          return handle.datasync();
        },
        async sync() {
          await handle.sync();
          events.push('file');
        },
      }),
    base,
  );
  return { fs, events, failFile: (on) => (failing = on) };
}

describe('the meeting file follows its journal while the meeting runs', () => {
  it('a change is acknowledged once its line is durable; the meeting file is written after the answer, and catches up with every line', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const { fs, events } = orderFs();
    const store = await openMeeting(dir, clock, { fs });
    await startMeeting(store);
    await key(store, 1, 2);
    events.length = 0;
    const order: string[] = [];
    const acked = store.update<Meeting, void>(KEY, (d) => void d.sheets.push(3)).then(() => order.push(`ack after ${events.join(',')}`));
    await acked;
    // the answer came after the line's fsync, before any write of the meeting file
    expect(order).toEqual(['ack after line']);
    await settle(store);
    expect(events).toEqual(['line', 'file']);
    const { file, journal } = paths(dir);
    expect(JSON.parse(await fsp.readFile(file, 'utf8')).data.sheets).toEqual([1, 2, 3]);
    const last = JSON.parse((await fsp.readFile(journal, 'utf8')).trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ seq: 3, file: 2 });
    // a backup copies a meeting file that holds every acknowledged change
    await store.backup('after-vote', '第1轮');
    expect(JSON.parse((await backupBytes(dir, (await store.listBackups())[0]!.id, 'meeting/m_1.json')).toString()).data.sheets).toEqual([1, 2, 3]);
    await store.close();
  });

  it('the app stopped before the meeting file caught up: the journal brings it up to date at the next start, quietly', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const { fs, failFile } = orderFs();
    const s1 = await openMeeting(dir, clock, { fs });
    await startMeeting(s1);
    await key(s1, 1, 2);
    // the meeting file cannot be written from now on (as if the app were killed each time before it was)
    failFile(true);
    await key(s1, 3, 5);
    const { file } = paths(dir);
    expect(JSON.parse(await fsp.readFile(file, 'utf8')).data.sheets).toEqual([1, 2]);
    expect(s1.notices()).toEqual([]);

    const s2 = await openMeeting(dir, clock);
    expect((await s2.read<Meeting>(KEY)).sheets).toEqual(range(1, 5));
    // nothing was wrong: no notice but the lock of the app that stopped, nothing set aside
    expect(s2.notices().map((n) => n.kind)).toEqual(['lock-taken-over']);
    expect(await fsp.readdir(join(dir, 'quarantine')).catch(() => [])).toEqual([]);
    expect(JSON.parse(await fsp.readFile(file, 'utf8')).data.sheets).toEqual(range(1, 5));
    await key(s2, 6, 6);
    await s2.close();
    expect(JSON.parse(await fsp.readFile(file, 'utf8')).data.sheets).toEqual(range(1, 6));
  });

  it('a meeting file put back to a state before the one it had reached still gives way to the journal, with a notice', async () => {
    const { dir, clock, file, store: s1 } = await runningMeeting(3);
    const older = await fsp.readFile(file);
    await key(s1, 4, 4);
    // the file had reached sheet 4 (line 4 says so after sheet 5 was keyed); it is put back to sheet 3
    await key(s1, 5, 5);
    await fsp.writeFile(file, older);
    const s2 = await openMeeting(dir, clock);
    expect((await s2.read<Meeting>(KEY)).sheets).toEqual(range(1, 5));
    const replayed = s2.notices().find((n) => n.kind === 'journal-replayed') as { quarantinedAs: string } | undefined;
    expect(replayed).toBeDefined();
    expect(await fsp.readFile(replayed!.quarantinedAs)).toEqual(older);
    await s2.close();
  });
});

describe('the meeting journal never replays a stale state', () => {
  it('a valid but older meeting file (a lost rename, a sync tool putting back an older copy) gives way to the journal', async () => {
    const { dir, clock, file, store: s1 } = await runningMeeting(3);
    const older = await fsp.readFile(file);
    await key(s1, 4, 6);
    await fsp.writeFile(`${file}.old`, older);
    await fsp.rename(`${file}.old`, file);

    const s2 = await openMeeting(dir, clock);
    expect((await s2.read<Meeting>(KEY)).sheets).toEqual(range(1, 6));
    const replayed = s2.notices().find((n) => n.kind === 'journal-replayed') as { quarantinedAs: string; message: string } | undefined;
    expect(replayed).toBeDefined();
    expect(replayed!.message).toContain('比会议日志旧');
    expect(replayed!.message).toContain('已保存的修改没有丢失');
    // the older file is kept byte for byte, never overwritten
    expect(await fsp.readFile(replayed!.quarantinedAs)).toEqual(older);
    await s2.close();
  });

  it('a meeting file older than the journal itself (from before the last backup) gives way to the journal', async () => {
    const { dir, clock, file, store: s1 } = await runningMeeting(2);
    const older = await fsp.readFile(file);
    clock.advance(60_000);
    await backupNow(s1);
    await key(s1, 3, 4);
    await fsp.writeFile(`${file}.old`, older);
    await fsp.rename(`${file}.old`, file);

    const s2 = await openMeeting(dir, clock);
    expect((await s2.read<Meeting>(KEY)).sheets).toEqual(range(1, 4));
    expect(s2.notices().map((n) => n.kind)).toContain('journal-replayed');
    await s2.close();
  });

  it('an older meeting file written differently (reformatted by a tool) still gives way to the journal', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const { file } = paths(dir);
    const s1 = await openMeeting(dir, clock);
    await startMeeting(s1);
    const atStart = await fsp.readFile(file, 'utf8');
    for (let n = 1; n <= 3; n++) {
      clock.advance(1000);
      await key(s1, n, n);
    }
    await fsp.writeFile(`${file}.old`, JSON.stringify(JSON.parse(atStart), null, 2));
    await fsp.rename(`${file}.old`, file);

    const s2 = await openMeeting(dir, clock);
    expect((await s2.read<Meeting>(KEY)).sheets).toEqual(range(1, 3));
    expect(s2.notices().map((n) => n.kind)).toContain('journal-replayed');
    await s2.close();
  });

  it('a meeting file holding a change the journal missed (its append failed) is kept', async () => {
    const dir = await tempDir();
    const clock = new TestClock();
    const { fs, failNextAppend } = failingAppendFs();
    const s1 = await openMeeting(dir, clock, { fs });
    await startMeeting(s1);
    await key(s1, 1, 2);
    failNextAppend();
    clock.advance(1000);
    await key(s1, 3, 3);
    const s2 = await openMeeting(dir, clock);
    expect((await s2.read<Meeting>(KEY)).sheets).toEqual(range(1, 3));
    expect(s2.notices().map((n) => n.kind)).not.toContain('journal-replayed');
    await s2.close();
  });

  it('with the meeting file bad and a line in the middle of the journal damaged, the newest good line is replayed', async () => {
    const { dir, clock, file, journal } = await runningMeeting(8);
    const lines = (await fsp.readFile(journal, 'utf8')).split('\n');
    lines[3] = lines[3]!.replace('"sheets":[', '"sheets":[9,');
    await fsp.writeFile(journal, lines.join('\n'));
    await fsp.writeFile(file, 'garbage');

    const s2 = await openMeeting(dir, clock);
    expect((await s2.read<Meeting>(KEY)).sheets).toEqual(range(1, 8));
    expect(s2.notices().map((n) => n.kind)).toContain('journal-replayed');
    await s2.close();
  });
});

function backupNow(store: Store): Promise<unknown> {
  return store.backup('after-vote', '第1轮测评结果公布后');
}
