import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import type { MeetingDetail, MeetingSummary } from '../../../shared/api/desk-types';
import type { Meeting } from '../../../shared/domain/meetings';
import type { Member } from '../../../shared/domain/people';

let s: AppServices | undefined;
afterEach(async () => {
  await s?.close();
});

it('a meeting keeps its presiding member and its recorder; a presiding member not on the roster is refused by its field', async () => {
  s = await createAppServices({ homeDir: await mkdtemp(join(tmpdir(), 'pingyi-meeting-')), mode: 'browser', version: 't', log: silentLogger, backupOnStart: false });
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await s!.dispatch('desk', name, args);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { issues: r.error.issues });
    return r.result as T;
  };
  const [summary] = await call<MeetingSummary[]>('meetings.list', {});
  const { meeting } = await call<MeetingDetail>('meetings.get', { id: summary!.id });
  const members = await call<Member[]>('members.list', {});
  const deputy = members.find((m) => m.role === '副主任')!;

  const saved = await call<Meeting>('meetings.update', { meeting: { ...meeting, presidingMemberId: deputy.id, recorder: ' 张记录 ' } });
  expect(saved).toMatchObject({ presidingMemberId: deputy.id, recorder: '张记录' });
  const error = await call('meetings.update', { meeting: { ...meeting, presidingMemberId: 'mb_zzzzzzzzzz' } }).catch((e: unknown) => e as Error & { issues?: unknown });
  expect(error).toMatchObject({ message: '所选主持人不在组成人员名单中，可能已被删除。', issues: [{ path: 'meeting.presidingMemberId', message: '主持人不在组成人员名单中' }] });
  expect((await call<MeetingDetail>('meetings.get', { id: meeting.id })).meeting.presidingMemberId).toBe(deputy.id);

  // Created without them: none until the office names them.
  const { id: _id, agenda: _agenda, status: _status, presidingMemberId: _p, recorder: _r, ...draft } = meeting;
  const fresh = await call<Meeting>('meetings.create', { meeting: { ...draft, sitting: meeting.sitting + 1, name: `${meeting.name}（另）` } });
  expect(fresh).toMatchObject({ presidingMemberId: null, recorder: '' });
});
