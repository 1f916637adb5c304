import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import type { EvaluateeRow, MeetingDetail, MeetingSummary } from '../../../shared/api/desk-types';
import type { ApiErrorData } from '../../../shared/api/errors';
import type { Member } from '../../../shared/domain/people';
import type { Settings } from '../../../shared/domain/settings';

let s: AppServices | undefined;
afterEach(async () => {
  await s?.close();
});

async function services() {
  s = await createAppServices({ homeDir: await mkdtemp(join(tmpdir(), 'pingyi-checks-')), mode: 'browser', version: 't', log: silentLogger, backupOnStart: false });
  const reply = (name: string, args: unknown) => s!.dispatch('desk', name, args);
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await reply(name, args);
    if (!r.ok) throw new Error(r.error.message);
    return r.result as T;
  };
  const refusal = async (name: string, args: unknown): Promise<ApiErrorData> => {
    const r = await reply(name, args);
    if (r.ok) throw new Error(`${name} was not refused`);
    return r.error;
  };
  return { call, refusal };
}

it('a member named like an active member is asked about, saved only with confirm: true', async () => {
  const { call, refusal } = await services();
  const before = await call<Member[]>('members.list', {});
  const namesake = before.find((m) => m.active)!;
  const draft = { name: namesake.name, role: '委员', rosterOrder: 99, active: true, note: '' };

  const asked = await refusal('members.create', { member: draft });
  expect(asked.code).toBe('needs_confirmation');
  expect(asked.message).toContain(`名单中已有同名的在任组成人员：${namesake.name}（${namesake.role}，名单第${namesake.rosterOrder}位）`);
  expect(await call<Member[]>('members.list', {})).toHaveLength(before.length);

  const twin = await call<Member>('members.create', { member: draft, confirm: true });
  expect(await call<Member[]>('members.list', {})).toHaveLength(before.length + 1);
  // Confirmed once: a later edit of the note does not ask again.
  await expect(call('members.update', { member: { ...twin, note: '补选' } })).resolves.toMatchObject({ note: '补选' });
  // Not in office: nothing to ask.
  await expect(call('members.create', { member: { ...draft, active: false, rosterOrder: 100 } })).resolves.toMatchObject({ active: false });
});

it('an evaluatee on a post held by someone in office, or appointed after today, is asked about', async () => {
  const { call, refusal } = await services();
  const rows = await call<EvaluateeRow[]>('evaluatees.list', {});
  const holder = rows.find((r) => !r.endedDate && r.category === '政府组成部门负责人')!;
  const draft = { name: '新任者', category: holder.category, unitId: holder.unitId, position: holder.position, postKey: holder.postKey, appointmentDate: '2020-01-02', note: '' };

  const asked = await refusal('evaluatees.create', { evaluatee: draft });
  expect(asked.code).toBe('needs_confirmation');
  expect(asked.message).toContain(`${holder.unitName}的“${holder.position}”岗位已有在任的被评议对象：${holder.name}`);
  expect(await call<EvaluateeRow[]>('evaluatees.list', {})).toHaveLength(rows.length);

  const future = await refusal('evaluatees.create', { evaluatee: { ...draft, postKey: `${holder.unitId}/新岗位`, position: '新岗位', appointmentDate: '2098-01-01' } });
  expect(future).toMatchObject({ code: 'needs_confirmation' });
  expect(future.message).toMatch(/^任职日期2098年1月1日晚于今天/);

  await call('evaluatees.create', { evaluatee: draft, confirm: true });
  expect(await call<EvaluateeRow[]>('evaluatees.list', {})).toHaveLength(rows.length + 1);
});

it('a meeting dated outside the term is refused by its date field, on create and on a changed date', async () => {
  const { call, refusal } = await services();
  const { term } = await call<Settings>('settings.get', {});
  const year = term.endYear + 1;
  const count = (await call<MeetingSummary[]>('meetings.list', {})).length;
  const meeting = { name: '县人大常委会会议', session: term.session, sitting: 40, date: `${year}-03-01`, place: '', year, agenda: [], status: 'planned' };

  const refused = await refusal('meetings.create', { meeting });
  expect(refused.code).toBe('invalid_args');
  expect(refused.issues).toEqual([{ path: 'meeting.date', message: refused.message }]);
  expect(refused.message).toBe(`会议日期${year}年3月1日不在本届任期内：第十九届的评议安排在${term.startYear}—${term.endYear}年，会议日期应在这些年度之内（本届起止年份在“设置”中修改）。`);
  expect(await call<MeetingSummary[]>('meetings.list', {})).toHaveLength(count);

  const [summary] = await call<MeetingSummary[]>('meetings.list', {});
  const { meeting: stored } = await call<MeetingDetail>('meetings.get', { id: summary!.id });
  await expect(call('meetings.update', { meeting: { ...stored, place: '第二会议室' } })).resolves.toMatchObject({ place: '第二会议室' });
  const moved = await refusal('meetings.update', { meeting: { ...stored, date: `${term.startYear - 1}-10-28`, year: term.startYear - 1, agenda: [] } });
  expect(moved.issues?.[0]?.path).toBe('meeting.date');
});

it('a term whose years leave planned evaluations out is refused by its end year; a new 届次 and a longer term are saved', async () => {
  const { call, refusal } = await services();
  const settings = await call<Settings>('settings.get', {});
  const { term } = settings;
  const shorter = { ...settings, term: { ...term, endYear: term.startYear } };
  const refused = await refusal('settings.update', { settings: shorter });
  expect(refused.code).toBe('conflict');
  expect(refused.issues?.[0]?.path).toBe('settings.term.endYear');
  expect(refused.message).toMatch(new RegExp(`不在新的起止年份${term.startYear}—${term.startYear}年之内：届次不变时，起止年份须包含计划中已列入评议的全部年度`));
  expect((await call<Settings>('settings.get', {})).term).toEqual(term);

  const longer = await call<Settings>('settings.update', { settings: { ...settings, term: { ...term, endYear: term.startYear + 5 } } });
  expect(longer.term.endYear).toBe(term.startYear + 5);
  const next = await call<Settings>('settings.update', { settings: { ...settings, term: { session: term.session + 1, startYear: term.endYear + 2, endYear: term.endYear + 6 } } });
  expect(next.term.session).toBe(term.session + 1);
});

it('clearing the demo leaves a folder marked for the guided start; saving the names and term ends it', async () => {
  const { call } = await services();
  expect((await call<Settings>('settings.get', {})).setupPending).toBe(false);
  await call('demo.clear', { confirm: '清除演示数据' });
  const cleared = await call<Settings>('settings.get', {});
  expect(cleared.setupPending).toBe(true);
  const saved = await call<Settings>('settings.update', {
    settings: { ...cleared, organisation: { ...cleared.organisation, fullName: '东河县人民代表大会常务委员会', shortName: '县人大常委会', docPrefix: '东人常' }, setupPending: false },
  });
  expect(saved).toMatchObject({ setupPending: false, demo: false, organisation: { fullName: '东河县人民代表大会常务委员会' } });
});
