import { expect, it } from 'vitest';
import type { ArgsOf, CallName, ResultOf } from '../../../shared/api/contract';
import { meetingSchema, type MeetingData } from '../../../shared/domain/partitions';
import { paragraphs, readDocx, textOf } from '../documents/docx-xml';
import { takeDelivered } from '../exports/delivered';
import { tablesOf } from './docx-tables';
import { announcedRound } from './support';

it('列席人员 are named from the 人员库 per meeting, printed in their own section of the 签到表; an older meeting file loads without them', async () => {
  const r = await announcedRound({ announce: false });
  const call = async <N extends CallName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> => {
    const reply = await r.s.dispatch('desk', name, args);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.result as ResultOf<N>;
  };
  // Older meeting files have no attendees: they load, and the detail says none.
  const stored = await r.s.store.read<MeetingData>(`meeting/${r.meetingId}`);
  expect(stored.attendees).toBeUndefined();
  expect(meetingSchema.parse(stored).attendees).toBeUndefined();
  expect((await call('meetings.get', { id: r.meetingId })).attendees).toEqual([]);

  const deputy = await call('registry.create', { person: { name: '陈代表', kind: '人大代表', organisation: '县第一中学', field: '教师' } });
  const expert = await call('registry.create', { person: { name: '刘专家', kind: '专家', organisation: '县律师协会', field: '律师' } });
  await expect(call('meetings.setAttendees', { id: r.meetingId, attendees: [deputy.id, 'ps_zzzzzzzzzz'] })).rejects.toThrow('所选列席人员已不在人员库中');
  expect((await r.s.store.read<MeetingData>(`meeting/${r.meetingId}`)).attendees).toBeUndefined();
  await call('meetings.setAttendees', { id: r.meetingId, attendees: [deputy.id, expert.id, deputy.id] });
  expect((await call('meetings.get', { id: r.meetingId })).attendees).toEqual([deputy.id, expert.id]);

  const file = takeDelivered(r.s, 'desk', await call('documents.signIn', { meetingId: r.meetingId }));
  const doc = readDocx(file.bytes).document;
  const texts = paragraphs(doc).map((p) => textOf(p));
  expect(texts).toContain('列席人员');
  const last = tablesOf(doc).at(-1)!;
  expect(last[0]).toEqual(['序号', '姓名', '单位及职务', '签名']);
  expect(last.slice(1).map((row) => row.slice(0, 3))).toEqual([
    ['1', '陈代表', '县第一中学教师（人大代表）'],
    ['2', '刘专家', '县律师协会律师（专家）'],
  ]);
  // The members' count line still counts only the members.
  const members = r.core.members.filter((m) => m.active).length;
  expect(texts.some((t) => t.startsWith(`应到${members}人`))).toBe(true);

  // A person deleted from the registry drops out of the meeting's detail and its sheet.
  await call('registry.delete', { id: expert.id });
  expect((await call('meetings.get', { id: r.meetingId })).attendees).toEqual([deputy.id]);
});
