import type { Page } from '@playwright/test';
import { addDays } from '../../../shared/format/dates';
import { finishedContent } from '../../unit/opinions/fixtures';
import { api, expect, host } from './fixtures';

/**
 * 跟踪整改 cases for the desk's loop specs: this year's demo vote announced through the console's API,
 * an opinion issued (three items) and delivered through the desk's, a case's screen opened.
 */

/**
 * The host's "today" for the loop specs (`test.use({ hostToday: LOOP_DAY })`): their set-up counts
 * from this year's demo meeting (28 October, seeded in the host's year), so the dates they type —
 * up to 35 days after it — and the deadlines they expect overdue lie before this day. Whatever the
 * real date, the specs see the same calendar; any year they type or expect comes from the host.
 */
export const LOOP_DAY = '2026-12-07';

/** The host's today ('YYYY-MM-DD', from the desk's overview); the page must hold the desk's cookie. */
export async function hostToday(page: Page): Promise<string> {
  return (await api(page, 'desk.overview', {}, 'desk')).today;
}

export const SUGGESTIONS = ['进一步加强干部队伍作风建设。', '完善重大事项决策程序。', '提高群众来信来访办理质量。'];

export interface Delivered {
  year: number;
  evaluationId: string;
  name: string;
  meetingDate: string;
  deliveredOn: string;
}

/**
 * The meeting's 民主测评 of this year's demo meeting counted and announced through the console's
 * API (all 满意), as the console spec does it on screen. Answers who was on that vote.
 */
export async function announceThisYearsVote(page: Page): Promise<string[]> {
  await page.goto(host.urls.desk);
  const year = (await hostToday(page)).slice(0, 4);
  // This year's demo meeting: the year's meeting still to be held (one held earlier in the year for later votes is closed).
  await page.goto(host.urls.console);
  const meeting = (await api(page, 'live.state', {}, 'console')).meetings.find((m) => m.date.startsWith(year) && m.status !== 'closed')!;
  const item = (await api(page, 'vote.state', { meetingId: meeting.id }, 'console')).items[0]!;
  await api(page, 'vote.prepare', { meetingId: meeting.id, agendaItemId: item.agendaItemId }, 'console');
  const members = (await api(page, 'members.list', {}, 'console')).filter((m) => m.active).length;
  await api(page, 'live.open', { meetingId: meeting.id, rehearsal: false }, 'console');
  await api(page, 'live.attendanceAll', { status: 'present' }, 'console');
  const live = await api(page, 'live.start', {}, 'console');
  await api(page, 'live.goto', { itemIndex: live.agenda.findIndex((a) => a.kind === 'vote'), stage: 'vote' }, 'console');
  const roundId = (await api(page, 'vote.state', {}, 'console')).items[0]!.rounds.at(-1)!.id;
  await api(page, 'vote.setTellers', { roundId, meetingId: meeting.id, tellers: ['赵计票'], scrutineers: ['孙监票'] }, 'console');
  await api(page, 'vote.open', { roundId, groups: [{ groupId: 'members', issued: members }] }, 'console');
  await api(page, 'vote.close', { roundId, groups: [{ groupId: 'members', returned: members }] }, 'console');
  await api(page, 'vote.mode', { roundId, groupId: 'members', mode: 'totals' }, 'console');
  const counts = item.evaluatees.map(() => ({ satisfied: members, basic: 0, unsatisfied: 0, blank: 0, invalid: 0 }));
  await api(page, 'vote.totals', { roundId, groupId: 'members', counts }, 'console');
  await api(page, 'vote.check', { roundId }, 'console');
  await api(page, 'vote.announce', { roundId }, 'console');
  return item.evaluatees.map((e) => e.name);
}

/** An opinion drafted, approved and issued with the three SUGGESTIONS as its items (the opinion screens have their own specs). */
export async function issueOpinion(page: Page, c: { year: number; evaluationId: string; name: string; meetingDate: string }): Promise<void> {
  const which = { year: c.year, evaluationId: c.evaluationId };
  const content = finishedContent(c.name);
  content.sections.suggestions = SUGGESTIONS.map((text) => ({ level: 2 as const, text }));
  await api(page, 'opinions.create', which);
  await api(page, 'opinions.saveDraft', { ...which, versionNo: 1, content });
  const approved = await api(page, 'opinions.approve', { ...which, versionNo: 1, council: { date: addDays(c.meetingDate, 2), sitting: 30 } });
  await api(page, 'opinions.issue', { ...which, versionNo: 1, issue: { docNumber: approved.suggestedNumber, issueDate: addDays(c.meetingDate, 3) } });
}

/** The issued opinion delivered five days after the meeting; answers the delivery date. */
export async function deliverOpinion(page: Page, c: { year: number; evaluationId: string; meetingDate: string }): Promise<string> {
  const deliveredOn = addDays(c.meetingDate, 5);
  await api(page, 'opinions.deliver', { year: c.year, evaluationId: c.evaluationId, versionNo: 1, delivery: { date: deliveredOn, receivedBy: '王伟' } });
  return deliveredOn;
}

/** An evaluation of this year's demo meeting with its opinion issued (three items) and delivered. */
export async function deliveredCase(page: Page, index: number, among?: readonly string[]): Promise<Delivered> {
  await page.goto(host.urls.desk);
  const rows = (await api(page, 'opinions.list', {})).rows.filter((r) => !among || among.includes(r.name));
  const row = rows[index]!;
  const c = { year: row.year, evaluationId: row.evaluationId, name: row.name, meetingDate: row.meetingDate! };
  await issueOpinion(page, c);
  return { ...c, deliveredOn: await deliverOpinion(page, c) };
}

const zero = { satisfied: 0, basic: 0, unsatisfied: 0, blank: 0, invalid: 0 };
/** A ballot of this year's five-person demo vote where the first passes (满意) and the third fails (不满意). */
export const MIXED_VOTE = [
  { ...zero, satisfied: 15, basic: 10, unsatisfied: 5 },
  { ...zero, satisfied: 14, basic: 14, unsatisfied: 2 },
  { ...zero, satisfied: 9, basic: 6, unsatisfied: 15 },
  { ...zero, satisfied: 28, basic: 1, blank: 1 },
  { ...zero, satisfied: 14, basic: 16 },
];

/**
 * This year's demo meeting (host day LOOP_DAY) held through the console's API with its five-person
 * 民主测评 counted as MIXED_VOTE and announced, then ended. Answers the year and who was on that
 * ballot, in ballot order. The page must be on the console.
 */
export async function announceMixedVote(page: Page): Promise<{ year: number; evaluatees: { id: string; name: string }[] }> {
  const year = Number(LOOP_DAY.slice(0, 4));
  const meeting = (await api(page, 'live.state', {}, 'console')).meetings.find((m) => m.date.startsWith(String(year)) && m.status !== 'closed')!;
  await api(page, 'live.open', { meetingId: meeting.id, rehearsal: false }, 'console');
  await api(page, 'live.attendanceAll', { status: 'present' }, 'console');
  let live = await api(page, 'live.start', {}, 'console');
  const index = live.agenda.findIndex((a) => a.kind === 'vote' && a.evaluatees.length === MIXED_VOTE.length);
  live = await api(page, 'live.goto', { itemIndex: index, stage: 'vote' }, 'console');
  const agendaItemId = live.meeting!.agenda[index]!.id;
  const round = (await api(page, 'vote.prepare', { agendaItemId }, 'console')).items.find((i) => i.agendaItemId === agendaItemId)!.rounds.at(-1)!;
  await api(page, 'vote.setTellers', { roundId: round.id, tellers: ['计票人甲'], scrutineers: ['监票人乙'] }, 'console');
  await api(page, 'vote.open', { roundId: round.id, groups: [{ groupId: 'members', issued: 30 }] }, 'console');
  await api(page, 'vote.close', { roundId: round.id, groups: [{ groupId: 'members', returned: 30 }] }, 'console');
  await api(page, 'vote.mode', { roundId: round.id, groupId: 'members', mode: 'totals' }, 'console');
  await api(page, 'vote.totals', { roundId: round.id, groupId: 'members', counts: MIXED_VOTE }, 'console');
  await api(page, 'vote.check', { roundId: round.id }, 'console');
  await api(page, 'vote.announce', { roundId: round.id }, 'console');
  await api(page, 'live.end', { confirm: '结束会议' }, 'console');
  await api(page, 'live.leave', {}, 'console');
  return { year, evaluatees: live.agenda[index]!.evaluatees.map((e) => ({ id: e.id, name: e.name })) };
}

/**
 * A later meeting of the same year and term, dated the host's day (never before the first result's
 * announcement, made that day): named with its sitting's ordinal, `step` sittings after the first.
 */
export async function laterMeeting(desk: Page, year: number, ordinal: string, step: number) {
  const meetings = await api(desk, 'meetings.list', {});
  const first = meetings.find((m) => m.date.startsWith(String(year)))!;
  const detail = await api(desk, 'meetings.get', { id: first.id });
  return api(desk, 'meetings.create', {
    meeting: { name: first.name.replace(/第[^第]+次会议$/u, `第${ordinal}次会议`), session: detail.meeting.session, sitting: detail.meeting.sitting + step, year, date: LOOP_DAY },
  });
}

export async function openCase(page: Page, c: Delivered) {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${host.urls.desk}#/loop/${c.year}/${c.evaluationId}`);
  await expect(page.getByRole('heading', { name: `${c.name} · 跟踪整改`, level: 1 })).toBeVisible();
}
