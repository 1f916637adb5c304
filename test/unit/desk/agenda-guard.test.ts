import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import type { MeetingDetail, MeetingSummary } from '../../../shared/api/desk-types';

let s: AppServices | undefined;
afterEach(async () => {
  await s?.close();
});

it('a vote item with a prepared round cannot be removed from the agenda', async () => {
  s = await createAppServices({ homeDir: await mkdtemp(join(tmpdir(), 'pingyi-guard-')), mode: 'browser', version: 't', log: silentLogger, backupOnStart: false });
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await s!.dispatch('desk', name, args);
    if (!r.ok) throw new Error(r.error.message);
    return r.result as T;
  };
  const [meeting] = await call<MeetingSummary[]>('meetings.list', {});
  const detail = await call<MeetingDetail>('meetings.get', { id: meeting!.id });
  const vote = detail.meeting.agenda.find((a) => a.kind === 'vote')!;
  await call('vote.prepare', { meetingId: meeting!.id, agendaItemId: vote.id });
  const without = detail.meeting.agenda.filter((a) => a.id !== vote.id);
  await expect(call('meetings.setAgenda', { id: meeting!.id, agenda: without })).rejects.toThrow(/已准备第一轮测评，不能从议程中删除/);
  const after = await call<MeetingDetail>('meetings.get', { id: meeting!.id });
  expect(after.meeting.agenda.some((a) => a.id === vote.id)).toBe(true);
});
