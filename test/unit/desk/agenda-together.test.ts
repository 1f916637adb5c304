import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import { nodeStoreFs, type StoreFs } from '../../../electron/services/store/store-fs';
import type { MeetingDetail, MeetingSummary } from '../../../shared/api/desk-types';
import type { AgendaItem } from '../../../shared/domain/meetings';
import type { YearData } from '../../../shared/domain/partitions';

// The agenda and the plan's link to the meeting hearing each evaluatee live in two partitions
// (the meeting's and the year's): a change of the agenda writes both as one, even across a stop.

const open: AppServices[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => undefined);
});

async function services(homeDir: string, fs?: StoreFs): Promise<AppServices> {
  const s = await createAppServices({ homeDir, mode: 'browser', version: 't', log: silentLogger, backupOnStart: false, ...(fs ? { fs } : {}) });
  open.push(s);
  return s;
}

function caller(s: AppServices) {
  return async <T>(name: string, args: unknown): Promise<T> => {
    const r = await s.dispatch('desk', name, args);
    if (!r.ok) throw new Error(r.error.message);
    return r.result as T;
  };
}

/** This year's meeting of the demo, and its agenda without the first evaluatee's report (nor that person in its 民主测评). */
async function withoutFirstReport(s: AppServices): Promise<{ meetingId: string; year: number; evaluateeId: string; agenda: AgendaItem[] }> {
  const call = caller(s);
  const meetings = await call<MeetingSummary[]>('meetings.list', {});
  for (const summary of meetings) {
    const detail = await call<MeetingDetail>('meetings.get', { id: summary.id });
    if (detail.meeting.status !== 'planned' || Object.keys(detail.started).length > 0) continue;
    const report = detail.meeting.agenda.find((a) => a.kind === 'report');
    if (!report || report.kind !== 'report') continue;
    const agenda = detail.meeting.agenda
      .filter((a) => a.id !== report.id && !(a.kind !== 'vote' && a.evaluateeId === report.evaluateeId))
      .map((a) => (a.kind === 'vote' ? { ...a, evaluateeIds: a.evaluateeIds.filter((id) => id !== report.evaluateeId) } : a))
      .filter((a) => a.kind !== 'vote' || a.evaluateeIds.length > 0) as AgendaItem[];
    return { meetingId: detail.meeting.id, year: detail.meeting.year, evaluateeId: report.evaluateeId, agenda };
  }
  throw new Error('the demo has no planned meeting with a report');
}

async function linkOf(s: AppServices, year: number, evaluateeId: string): Promise<string | undefined> {
  const plan = await s.store.read<YearData>(`year/${year}`);
  return plan.evaluations.find((ev) => ev.evaluateeId === evaluateeId)?.meetingId;
}

async function hasReport(s: AppServices, meetingId: string, evaluateeId: string): Promise<boolean> {
  const detail = await caller(s)<MeetingDetail>('meetings.get', { id: meetingId });
  return detail.meeting.agenda.some((a) => a.kind === 'report' && a.evaluateeId === evaluateeId);
}

describe('meetings.setAgenda writes the agenda and the plan as one change', () => {
  it('in one commit of both partitions', async () => {
    const s = await services(await mkdtemp(join(tmpdir(), 'pingyi-agenda-')));
    const { meetingId, year, evaluateeId, agenda } = await withoutFirstReport(s);
    expect(await linkOf(s, year, evaluateeId)).toBe(meetingId);
    const commits: string[][] = [];
    s.store.onCommit((keys) => commits.push(keys));
    await caller(s)('meetings.setAgenda', { id: meetingId, agenda });
    expect(commits).toEqual([[`meeting/${meetingId}`, `year/${year}`].sort()]);
    expect(await linkOf(s, year, evaluateeId)).toBeUndefined();
    expect(await hasReport(s, meetingId, evaluateeId)).toBe(false);
  });

  it('stopped after the meeting file was written and before the plan: the next start holds both', async () => {
    const home = await mkdtemp(join(tmpdir(), 'pingyi-agenda-'));
    const first = await services(home);
    const { meetingId, year, evaluateeId, agenda } = await withoutFirstReport(first);
    await first.close();
    open.splice(0);
    // A disk that stops taking writes as the year's file is replaced (a power cut at that moment).
    const failing: StoreFs = {
      ...nodeStoreFs,
      async rename(from, to) {
        if (to.endsWith(join('year', `${year}.json`))) throw Object.assign(new Error('I/O error (injected)'), { code: 'EIO' });
        return nodeStoreFs.rename(from, to);
      },
    };
    const crashed = await services(home, failing);
    await caller(crashed)('meetings.setAgenda', { id: meetingId, agenda });
    open.splice(0); // the process dies: nothing is closed
    const again = await services(home);
    expect(await hasReport(again, meetingId, evaluateeId)).toBe(false);
    expect(await linkOf(again, year, evaluateeId)).toBeUndefined();
    expect(again.store.notices().some((n) => n.kind === 'change-completed' && n.message.includes('修改议程'))).toBe(true);
  });

  it('refused when its record cannot be written: neither partition changed', async () => {
    const home = await mkdtemp(join(tmpdir(), 'pingyi-agenda-'));
    const first = await services(home);
    const { meetingId, year, evaluateeId, agenda } = await withoutFirstReport(first);
    await first.close();
    open.splice(0);
    const full: StoreFs = {
      ...nodeStoreFs,
      async rename(from, to) {
        if (to.endsWith('pending-change.json')) throw Object.assign(new Error('no space left on device (injected)'), { code: 'ENOSPC' });
        return nodeStoreFs.rename(from, to);
      },
    };
    const s = await services(home, full);
    await expect(caller(s)('meetings.setAgenda', { id: meetingId, agenda })).rejects.toThrow();
    expect(await hasReport(s, meetingId, evaluateeId)).toBe(true);
    expect(await linkOf(s, year, evaluateeId)).toBe(meetingId);
  });
});
