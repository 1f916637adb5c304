import { describe, expect, it } from 'vitest';
import { defaultRetention, selectBackupsToDelete, type RetentionCandidate } from '../../../electron/services/store/retention';
import type { RetentionPolicy } from '../../../electron/services/store/types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Wednesday 2026-10-28 12:00 UTC
const NOW = Date.UTC(2026, 9, 28, 12, 0, 0);
const UTC = { utcOffsetMinutes: 0 };
const none: RetentionPolicy = { keepLast: 1, daily: 0, weekly: 0, monthly: 0 };

let seq = 0;
function b(t: number, reason = 'startup'): RetentionCandidate {
  seq++;
  return { id: `b${String(seq).padStart(4, '0')}-${reason}`, createdAt: new Date(t).toISOString(), reason };
}
const ids = (list: RetentionCandidate[]) => list.map((x) => x.id);

describe('selectBackupsToDelete', () => {
  it('deletes nothing when there is nothing, or only one backup', () => {
    expect(selectBackupsToDelete([], NOW, none, UTC)).toEqual([]);
    expect(selectBackupsToDelete([b(NOW - 400 * DAY)], NOW, none, UTC)).toEqual([]);
  });

  it('keeps the keepLast newest, whatever order they come in', () => {
    const list = [b(NOW - 5 * HOUR), b(NOW - 1 * HOUR), b(NOW - 3 * HOUR), b(NOW - 2 * HOUR), b(NOW - 4 * HOUR)];
    const doomed = selectBackupsToDelete(list, NOW, { ...none, keepLast: 2 }, UTC);
    expect(doomed).toEqual([list[0]!.id, list[4]!.id, list[2]!.id]); // oldest first
  });

  it('always keeps at least the newest even with keepLast 0', () => {
    const list = [b(NOW - 2 * HOUR), b(NOW - HOUR)];
    expect(selectBackupsToDelete(list, NOW, { ...none, keepLast: 0 }, UTC)).toEqual([list[0]!.id]);
  });

  it('keeps the newest of each of the last N days, today included', () => {
    const list = [
      b(NOW - 1 * HOUR), // today, newest
      b(NOW - 2 * HOUR), // today, older → goes
      b(NOW - 1 * DAY), // yesterday
      b(NOW - 1 * DAY - HOUR), // yesterday, older → goes
      b(NOW - 2 * DAY), // 2 days ago: kept with daily 3
      b(NOW - 3 * DAY), // 3 days ago: outside daily 3 → goes
    ];
    const doomed = selectBackupsToDelete(list, NOW, { ...none, daily: 3 }, UTC);
    expect(doomed.sort()).toEqual([list[1]!.id, list[3]!.id, list[5]!.id].sort());
  });

  it('puts day boundaries at local midnight (China, UTC+8)', () => {
    // 2026-10-27 23:30 and 2026-10-28 00:30 in Beijing are different days there, the same day in UTC.
    const late = b(Date.UTC(2026, 9, 27, 15, 30));
    const early = b(Date.UTC(2026, 9, 27, 16, 30));
    const now = Date.UTC(2026, 9, 28, 4, 0);
    expect(selectBackupsToDelete([late, early], now, { ...none, daily: 2 }, { utcOffsetMinutes: 480 })).toEqual([]);
    expect(selectBackupsToDelete([late, early], now, { ...none, daily: 2 }, { utcOffsetMinutes: 0 })).toEqual([late.id]);
  });

  it('keeps the newest of each ISO week (Monday to Sunday)', () => {
    // NOW is Wednesday 28 Oct; this week began Monday 26 Oct.
    const monday = b(Date.UTC(2026, 9, 26, 8));
    const sunday = b(Date.UTC(2026, 9, 25, 20)); // last week
    const saturday = b(Date.UTC(2026, 9, 24, 20)); // last week, older → goes
    const twoWeeksAgo = b(Date.UTC(2026, 9, 14, 9)); // outside weekly 2 → goes
    const doomed = selectBackupsToDelete([monday, sunday, saturday, twoWeeksAgo], NOW, { ...none, weekly: 2 }, UTC);
    expect(doomed).toEqual([twoWeeksAgo.id, saturday.id]);
  });

  it('keeps the newest of each of the last N months', () => {
    const oct = b(Date.UTC(2026, 9, 1));
    const sepLate = b(Date.UTC(2026, 8, 30));
    const sepEarly = b(Date.UTC(2026, 8, 2));
    const aug = b(Date.UTC(2026, 7, 15));
    const lastYear = b(Date.UTC(2025, 9, 15));
    const doomed = selectBackupsToDelete([oct, sepLate, sepEarly, aug, lastYear], NOW, { ...none, monthly: 3 }, UTC);
    expect(doomed).toEqual([lastYear.id, sepEarly.id]);
  });

  it('counts months across a year boundary', () => {
    const now = Date.UTC(2027, 0, 10);
    const dec = b(Date.UTC(2026, 11, 31));
    const nov = b(Date.UTC(2026, 10, 5));
    const jan = b(Date.UTC(2027, 0, 2));
    expect(selectBackupsToDelete([dec, nov, jan], now, { ...none, monthly: 2 }, UTC)).toEqual([nov.id]);
  });

  it('never deletes migration or before-restore backups younger than 30 days, but lets them go later', () => {
    const migration = b(NOW - 29 * DAY, 'migration');
    const beforeRestore = b(NOW - 10 * DAY, 'before-restore');
    const oldMigration = b(NOW - 31 * DAY, 'migration');
    const startup = b(NOW - 20 * DAY, 'startup');
    const newest = b(NOW - HOUR, 'startup');
    const doomed = selectBackupsToDelete([migration, beforeRestore, oldMigration, startup, newest], NOW, none, UTC);
    expect(doomed).toEqual([oldMigration.id, startup.id]);
  });

  it('protects the other before-… safety backups the same way', () => {
    const move = b(NOW - 5 * DAY, 'before-move');
    const clear = b(NOW - 5 * DAY, 'before-clear');
    const manual = b(NOW - 5 * DAY, 'manual');
    const newest = b(NOW);
    expect(selectBackupsToDelete([move, clear, manual, newest], NOW, none, UTC)).toEqual([manual.id]);
  });

  it('keeps backups dated in the future or with an unreadable date', () => {
    const future = b(NOW + 3 * DAY);
    const garbled: RetentionCandidate = { id: 'garbled', createdAt: 'not a date', reason: 'manual' };
    const old = b(NOW - 100 * DAY);
    const newest = b(NOW - HOUR);
    expect(selectBackupsToDelete([future, garbled, old, newest], NOW, none, UTC)).toEqual([old.id]);
  });

  it('a backup kept by several rules is kept once; rules add up', () => {
    const list = Array.from({ length: 60 }, (_, i) => b(NOW - i * DAY - HOUR));
    const policy: RetentionPolicy = { keepLast: 3, daily: 7, weekly: 4, monthly: 2 };
    const doomed = new Set(selectBackupsToDelete(list, NOW, policy, UTC));
    const kept = ids(list).filter((id) => !doomed.has(id));
    // 7 daily (covering the 3 newest), + one per earlier ISO week within 4 weeks, + one per month within 2
    expect(kept.slice(0, 7)).toEqual(ids(list.slice(0, 7)));
    expect(kept.length).toBeGreaterThanOrEqual(7);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 2);
    // nothing older than the start of last month survives
    const lastMonthStart = Date.UTC(2026, 8, 1);
    for (const id of kept) expect(Date.parse(list.find((x) => x.id === id)!.createdAt)).toBeGreaterThanOrEqual(lastMonthStart);
  });

  it('with the default policy, a year of daily backups thins out to a bounded number', () => {
    const list = Array.from({ length: 365 }, (_, i) => b(NOW - i * DAY));
    const doomed = selectBackupsToDelete(list, NOW, defaultRetention, UTC);
    const kept = list.length - doomed.length;
    expect(kept).toBeGreaterThanOrEqual(14);
    expect(kept).toBeLessThanOrEqual(defaultRetention.keepLast + defaultRetention.daily + defaultRetention.weekly + defaultRetention.monthly);
    expect(doomed).not.toContain(list[0]!.id);
  });

  it('is pure: same input, same output, input untouched', () => {
    const list = [b(NOW - 3 * DAY), b(NOW - 2 * DAY), b(NOW - DAY)];
    const copy = structuredClone(list);
    const a = selectBackupsToDelete(list, NOW, none, UTC);
    expect(selectBackupsToDelete(list, NOW, none, UTC)).toEqual(a);
    expect(list).toEqual(copy);
  });
});

describe('selectBackupsToDelete: one whole copy of every file', () => {
  const withFiles = (t: number, files: string[], good: string[] = files): RetentionCandidate => ({ ...b(t), files, goodFiles: good });

  it('keeps the newest backup holding a whole copy of a file the recent backups hold only damaged', () => {
    const wholeOld = withFiles(NOW - 40 * DAY, ['core.json', 'year/2025.json']);
    const older = withFiles(NOW - 30 * DAY, ['core.json', 'year/2025.json']);
    const damaged1 = withFiles(NOW - 2 * HOUR, ['core.json', 'year/2025.json'], ['core.json']);
    const damaged2 = withFiles(NOW - HOUR, ['core.json', 'year/2025.json'], ['core.json']);
    const doomed = selectBackupsToDelete([wholeOld, older, damaged1, damaged2], NOW, none, UTC);
    // `older` holds the newest whole year/2025.json; `wholeOld` holds nothing no one else does
    expect(doomed).toEqual([wholeOld.id, damaged1.id]);
  });

  it('does not keep a backup for a file the newest backup no longer holds (a removed partition)', () => {
    const old = withFiles(NOW - 30 * DAY, ['core.json', 'meeting/m_1.json']);
    const newest = withFiles(NOW - HOUR, ['core.json']);
    expect(selectBackupsToDelete([old, newest], NOW, none, UTC)).toEqual([old.id]);
  });

  it('keeps nothing extra for a file no backup holds whole', () => {
    const old = withFiles(NOW - 30 * DAY, ['core.json'], []);
    const newest = withFiles(NOW - HOUR, ['core.json'], []);
    expect(selectBackupsToDelete([old, newest], NOW, none, UTC)).toEqual([old.id]);
  });
});
