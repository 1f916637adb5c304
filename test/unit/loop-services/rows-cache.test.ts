import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/services/api/service-context';
import { allRows, allRowsUncached, dueList, stageCounts } from '../../../electron/services/loop/loop-read';
import { meetingKey, type CoreData, type MeetingData } from '../../../shared/domain/partitions';
import { announceVote, issueOpinion, openHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The figures the workbench shows, from the cached rows and from rows computed afresh. */
async function both(ctx: ServiceContext) {
  const cached = await allRows(ctx);
  const fresh = await allRowsUncached(ctx);
  return {
    cached,
    fresh,
    same: () => {
      expect(cached.rows).toEqual(fresh.rows);
      expect(dueList(cached.rows)).toEqual(dueList(fresh.rows));
      expect(stageCounts(cached.rows)).toEqual(stageCounts(fresh.rows));
    },
  };
}

describe('the loop rows cache', () => {
  it('answers as rows computed afresh, and computes again after a change to a year, a meeting, core or the date', async () => {
    h = await openHarness('2026-11-28');
    let today = '2026-11-28';
    const ctx = { store: h.services.store, clock: { now: () => Date.parse(`${today}T10:00:00`) } } as unknown as ServiceContext;

    const first = await both(ctx);
    first.same();
    expect(first.cached.rows.length).toBeGreaterThan(0);
    // Nothing changed: the very same answer (so the due list and counts are kept too).
    expect((await allRows(ctx)).rows).toBe(first.cached.rows);
    expect(dueList(first.cached.rows)).toEqual(dueList(first.cached.rows));

    // A change to this year's partition: a failing vote and the opinion delivered → a re-report with no meeting yet.
    const row = (await h.call('opinions.list', { year: 2026 })).rows[0]!;
    const which = { year: 2026, evaluationId: row.evaluationId };
    await announceVote(h, 2026, which.evaluationId, { failing: true, announcedAt: '2026-10-28T08:00:00.000Z' });
    await issueOpinion(h, which, ['一']);
    const afterYear = await both(ctx);
    afterYear.same();
    expect(afterYear.cached.rows).not.toBe(first.cached.rows);
    const mine = (rows: typeof first.cached.rows) => rows.find((r) => r.evaluationId === which.evaluationId)!;
    expect(mine(first.cached.rows).state.stage).not.toBe('rectification');
    expect(mine(afterYear.cached.rows).state.stage).toBe('rectification');
    const dueOf = (rows: typeof first.cached.rows) => dueList(rows).filter((d) => d.evaluationId === which.evaluationId);
    expect(dueOf(afterYear.cached.rows)).toEqual([expect.objectContaining({ kind: 'reReport', state: 'unscheduled', meeting: null })]);

    // A change to a meeting partition: a meeting moved after the re-report's due date is now the one suggested.
    const meetings = await h.call('meetings.list', {});
    const moved = meetings.find((m) => m.status !== 'closed') ?? meetings[0]!;
    await h.services.store.update<MeetingData, void>(meetingKey(moved.id), (d) => {
      d.meeting.date = '2027-02-10';
      d.meeting.year = 2027;
    });
    const afterMeeting = await both(ctx);
    afterMeeting.same();
    expect(afterMeeting.cached.rows).not.toBe(afterYear.cached.rows);
    // The re-report now has a meeting: it leaves the due list (listed while unscheduled), the row names the meeting.
    expect(dueOf(afterMeeting.cached.rows)).toEqual([]);
    expect(mine(afterMeeting.cached.rows).deadlines).toEqual([expect.objectContaining({ kind: 'reReport', meeting: expect.objectContaining({ id: moved.id }) })]);

    // A change to core: the evaluatee renamed.
    await h.services.store.update<CoreData, void>('core', (d) => {
      d.evaluatees.find((e) => e.id === row.evaluateeId)!.name = '改名测试';
    });
    const afterCore = await both(ctx);
    afterCore.same();
    expect(mine(afterCore.cached.rows).name).toBe('改名测试');

    // Another day: the same partitions, other deadlines.
    today = '2027-03-01';
    const later = await both(ctx);
    later.same();
    expect(later.cached.rows).not.toBe(afterCore.cached.rows);
    expect(dueOf(later.cached.rows)).toEqual([expect.objectContaining({ kind: 'reReport', state: 'overdue' })]);
  });

  it('computes again only the year whose meetings changed when a meeting commits something off the calendar (a sheet, a draw)', async () => {
    h = await openHarness('2026-11-28');
    const ctx = { store: h.services.store, clock: { now: () => Date.parse('2026-11-28T10:00:00') } } as unknown as ServiceContext;
    const before = await both(ctx);
    before.same();
    const meetings = await h.call('meetings.list', {});
    const thisYear = meetings.find((m) => m.year === 2026)!;
    // Something a running meeting commits many times (its live record), nothing of the calendar.
    await h.services.store.update<MeetingData, void>(meetingKey(thisYear.id), (d) => {
      d.meeting.place = `${d.meeting.place}（第二会议室）`;
    });
    const after = await both(ctx);
    after.same();
    expect(after.cached.rows).not.toBe(before.cached.rows);
    const earlier = (rows: typeof before.cached.rows) => rows.filter((r) => r.year < 2026);
    expect(earlier(after.cached.rows).length).toBeGreaterThan(0);
    // Every row of the earlier years is the very object computed before; this year's are computed again.
    earlier(after.cached.rows).forEach((row, i) => expect(row).toBe(earlier(before.cached.rows)[i]));
    const current = (rows: typeof before.cached.rows) => rows.filter((r) => r.year === 2026);
    expect(current(after.cached.rows)[0]).not.toBe(current(before.cached.rows)[0]);
  });
});
