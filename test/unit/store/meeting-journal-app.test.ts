import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoreStatus } from '../../../shared/api/platform-types';
import { atVote, closeAll, marks, readyToCount, roundOf, start, type Call } from '../vote-service/support';

/** The demo meeting, held: sheets keyed through the vote calls, as the console does. */
describe('the journal of a meeting being held, through the app', () => {
  it('damage to the meeting file, then to its journal, in the middle of a count: every acknowledged sheet comes back', async () => {
    const first = await start();
    const { live, item } = await atVote(first.call);
    const meetingId = live.session!.meetingId;
    const file = join(first.s.dataDir, 'meeting', `${meetingId}.json`);
    const journal = join(first.s.dataDir, 'meeting', `${meetingId}.journal`);
    const meetingStart = (await first.call<{ reason: string }[]>('store.listBackups', {}, 'desk')).filter((b) => b.reason === 'meeting-start');
    expect(meetingStart).toHaveLength(1); // the journal started on the live service's own backup
    const round = await readyToCount(first.call, item, 30, 20);
    const keyed: string[] = [];
    const key = async (call: Call, n: number) => {
      const k = String((n % 3) + 1).repeat(item.evaluatees.length);
      await call('vote.sheet', { roundId: round.id, groupId: 'members', marks: marks(k), no: n });
      keyed.push(k);
    };
    for (let n = 1; n <= 12; n++) await key(first.call, n);
    expect((await fsp.readFile(journal, 'utf8')).trim().split('\n').length).toBeGreaterThan(1);

    // The meeting file is cut in the middle where it lies.
    await closeAll();
    const bytes = await fsp.readFile(file);
    await fsp.writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const second = await start(first.dir);
    let state = await second.call('vote.state');
    expect(roundOf(state, round.id).groups[0]!.sheets.map((s) => s.keys)).toEqual(keyed);
    const status = await second.call<StoreStatus>('store.status', {}, 'desk');
    expect(status.notices.map((n) => n.kind)).toEqual(['journal-replayed']);
    expect(status.notices[0]!.message).toContain(file);

    // The count goes on; then the journal is damaged in its middle.
    for (let n = 13; n <= 20; n++) await key(second.call, n);
    await closeAll();
    const lines = await fsp.readFile(journal);
    // A byte of the first line's data (its checksum no longer holds).
    const at = lines.indexOf('"data":') + 20;
    await fsp.writeFile(journal, Buffer.concat([lines.subarray(0, at), Buffer.from('#'), lines.subarray(at + 1)]));
    const third = await start(first.dir);
    state = await third.call('vote.state');
    expect(roundOf(state, round.id).groups[0]!.sheets.map((s) => s.keys)).toEqual(keyed);
    expect((await third.call<StoreStatus>('store.status', {}, 'desk')).notices.map((n) => n.kind)).toEqual(['journal-damaged']);

    // Announced: a backup at once, and the journal starts again from it.
    await third.call('vote.check', { roundId: round.id });
    await third.call('vote.announce', { roundId: round.id });
    expect((await third.call<{ reason: string }[]>('store.listBackups', {}, 'desk'))[0]!.reason).toBe('after-vote');
    expect((await fsp.readFile(journal, 'utf8')).trim().split('\n')).toHaveLength(1);

    // The meeting ends: the journal is folded in and removed, after a backup.
    await third.call('live.end', { confirm: '结束会议' });
    expect(await fsp.stat(journal).catch(() => null)).toBeNull();
    const backups = await third.call<{ reason: string }[]>('store.listBackups', {}, 'desk');
    expect(backups[0]!.reason).toBe('meeting-end');
  });
});
