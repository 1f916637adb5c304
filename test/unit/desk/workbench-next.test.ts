import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import type { DeskOverview, MeetingSummary } from '../../../shared/api/desk-types';

let s: AppServices | undefined;
afterEach(async () => {
  await s?.close();
});

it('下次会议 is the next to come; a past meeting never ended is shown only when none is to come', async () => {
  // November: the demo's October meeting passed without being ended.
  const clock = { now: () => Date.UTC(2026, 10, 7, 2, 0, 0) };
  s = await createAppServices({ homeDir: await mkdtemp(join(tmpdir(), 'pingyi-wb-')), mode: 'browser', version: 't', clock, log: silentLogger, backupOnStart: false });
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await s!.dispatch('desk', name, args);
    if (!r.ok) throw new Error(r.error.message);
    return r.result as T;
  };
  const [october] = await call<MeetingSummary[]>('meetings.list', {});
  expect(october!.date < '2026-11-07' && october!.status !== 'closed').toBe(true);
  expect((await call<DeskOverview>('desk.overview', {})).nextMeeting?.id).toBe(october!.id);

  const december = await call<{ id: string }>('meetings.create', { meeting: { name: '县第十九届人大常委会第三十次会议', session: 19, sitting: 30, date: '2026-12-22', year: 2026 } });
  expect((await call<DeskOverview>('desk.overview', {})).nextMeeting?.id).toBe(december.id);
});
