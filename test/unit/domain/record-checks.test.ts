import { describe, expect, it } from 'vitest';
import type { Member } from '../../../shared/domain/people';
import {
  duplicateMember,
  duplicateMemberMessage,
  evaluateeConfirmations,
  futureAppointment,
  meetingOutsideTerm,
  postHolder,
  termPlanMismatch,
} from '../../../shared/domain/record-checks';
import { COURT, EDU, evaluatee } from './fixtures';

const member = (id: string, name: string, over: Partial<Member> = {}): Member => ({ id: `mb_${id}`, name, role: '委员', rosterOrder: 5, active: true, note: '', ...over });

describe('duplicateMember', () => {
  const roster = [member('a1', '王建国', { role: '副主任', rosterOrder: 3 }), member('a2', '李　明'), member('a3', '赵离任', { active: false })];

  it('finds an active member of the same name, spaces (also the ideographic one) aside', () => {
    expect(duplicateMember({ name: '王建国', active: true }, roster)?.id).toBe('mb_a1');
    expect(duplicateMember({ name: ' 王 建国 ', active: true }, roster)?.id).toBe('mb_a1');
    expect(duplicateMember({ name: '李明', active: true }, roster)?.id).toBe('mb_a2');
  });

  it('names the existing record in the message', () => {
    expect(duplicateMemberMessage(roster[0]!)).toBe(
      '名单中已有同名的在任组成人员：王建国（副主任，名单第3位）。同名的两条记录都会计入法定人数和表决，请核对是否重复录入。',
    );
  });

  it('ignores members no longer in office, a new record not in office, and other names', () => {
    expect(duplicateMember({ name: '赵离任', active: true }, roster)).toBeUndefined();
    expect(duplicateMember({ name: '王建国', active: false }, roster)).toBeUndefined();
    expect(duplicateMember({ name: '王建民', active: true }, roster)).toBeUndefined();
  });

  it('on an edit: not the record itself, and only a new name or a return to office is judged', () => {
    const self = roster[0]!;
    expect(duplicateMember({ ...self }, roster, self)).toBeUndefined();
    const twin = member('a4', '王建国');
    const withTwin = [...roster, twin];
    // Confirmed once: editing the twin's note does not ask again.
    const noted: Member = { ...twin, note: '补选' };
    expect(duplicateMember(noted, withTwin, twin)).toBeUndefined();
    // Renamed into a duplicate, or back in office beside a namesake: asked.
    expect(duplicateMember({ ...roster[1]!, name: '王建国' }, roster, roster[1])?.id).toBe('mb_a1');
    const gone = member('a5', '王建国', { active: false });
    expect(duplicateMember({ ...gone, active: true }, [...roster, gone], gone)?.id).toBe('mb_a1');
  });
});

describe('postHolder and futureAppointment', () => {
  const today = '2024-10-28';
  const head = evaluatee('h1', { name: '钱局长' });
  const former = evaluatee('h0', { name: '孙前任', endedDate: '2020-01-01', endReason: '调任' });
  const judge = evaluatee('j1', { unitId: COURT.id, category: '员额法官', position: '审判员', postKey: `${COURT.id}/员额1` });
  const list = [former, head, judge];
  const draft = { name: '周新任', unitId: EDU.id, position: '局长', postKey: `${EDU.id}/局长`, appointmentDate: '2024-09-01' };

  it('finds who holds the post in office today, not a former holder', () => {
    expect(postHolder(draft, list, today)?.id).toBe(head.id);
    expect(postHolder(draft, [former], today)).toBeUndefined();
    // A holder whose end date is still to come holds the post today.
    expect(postHolder(draft, [{ ...head, endedDate: '2024-12-31' }], today)?.id).toBe(head.id);
  });

  it('a judge\'s seat is a post of its own: another judge of the court is no duplicate', () => {
    const otherJudge = { ...draft, unitId: COURT.id, position: '审判员', postKey: `${COURT.id}/员额2` };
    expect(postHolder(otherJudge, list, today)).toBeUndefined();
    expect(postHolder({ ...otherJudge, postKey: `${COURT.id}/员额1` }, list, today)?.id).toBe(judge.id);
  });

  it('an ended record, the record itself, and an edit keeping its post are not judged', () => {
    expect(postHolder({ ...draft, endedDate: '2024-01-01' }, list, today)).toBeUndefined();
    expect(postHolder({ ...head }, list, today, head)).toBeUndefined();
    const twin = evaluatee('h2', { name: '周新任' });
    const noted = { ...twin, note: '改' };
    expect(postHolder(noted, [...list, twin], today, twin)).toBeUndefined();
    // Moved onto a held post by an edit: asked.
    const deputy = evaluatee('d1', { position: '副局长', postKey: `${EDU.id}/副局长` });
    expect(postHolder({ ...deputy, position: '局长', postKey: `${EDU.id}/局长` }, [...list, deputy], today, deputy)?.id).toBe(head.id);
  });

  it('an appointment after today is asked about; today and earlier are not; on an edit only a changed date', () => {
    expect(futureAppointment({ appointmentDate: '2024-10-29' }, today)).toBe('任职日期2024年10月29日晚于今天（2024年10月28日）：任职日期应是已经任职的日期，请核对年份。');
    expect(futureAppointment({ appointmentDate: '2024-10-28' }, today)).toBeUndefined();
    expect(futureAppointment({ appointmentDate: '2014-10-28' }, today)).toBeUndefined();
    expect(futureAppointment({ appointmentDate: '2042-10-29' }, today, { appointmentDate: '2042-10-29' })).toBeUndefined();
  });

  it('evaluateeConfirmations lists the held post (naming unit, post and holder) and the future date together', () => {
    expect(evaluateeConfirmations({ ...draft, appointmentDate: '2025-09-01' }, list, EDU.name, today)).toEqual([
      '县教育局的“局长”岗位已有在任的被评议对象：钱局长（2018年3月1日任职）。同一岗位两人在任，计划覆盖会重复计算；如是新任接替原任，请对原任使用“岗位交接”。',
      '任职日期2025年9月1日晚于今天（2024年10月28日）：任职日期应是已经任职的日期，请核对年份。',
    ]);
    expect(evaluateeConfirmations({ ...draft, position: '副局长', postKey: `${EDU.id}/副局长` }, list, EDU.name, today)).toEqual([]);
  });
});

describe('meetingOutsideTerm', () => {
  const term = { session: 19, startYear: 2022, endYear: 2026 };

  it('accepts the term\'s first and last year', () => {
    expect(meetingOutsideTerm('2022-01-01', term)).toBeUndefined();
    expect(meetingOutsideTerm('2026-12-31', term)).toBeUndefined();
  });

  it('refuses a date before or after the term, naming the rule', () => {
    expect(meetingOutsideTerm('2027-10-28', term)).toBe(
      '会议日期2027年10月28日不在本届任期内：第十九届的评议安排在2022—2026年，会议日期应在这些年度之内（本届起止年份在“设置”中修改）。',
    );
    expect(meetingOutsideTerm('2021-12-31', term)).toMatch(/^会议日期2021年12月31日不在本届任期内/);
  });

  it('an edit keeping the date is not judged (a past term\'s meeting can still be corrected); what is not a date is left to its field', () => {
    expect(meetingOutsideTerm('2019-10-28', term, { date: '2019-10-28' })).toBeUndefined();
    expect(meetingOutsideTerm('2019-10-28', term, { date: '2019-10-27' })).toMatch(/不在本届任期内/);
    expect(meetingOutsideTerm('2027-13-01', term)).toBeUndefined();
  });
});

describe('termPlanMismatch', () => {
  const term = { session: 19, startYear: 2022, endYear: 2026 };

  it('refuses new years of the same term that leave planned years out, naming the years, counts and the rule', () => {
    expect(termPlanMismatch(term, { ...term, startYear: 2023, endYear: 2027 }, [2022, 2022, 2024, 2026])).toBe(
      '第十九届的计划中已列入2022年2项评议，不在新的起止年份2023—2027年之内：届次不变时，起止年份须包含计划中已列入评议的全部年度。请先在计划中移出这些评议，或核对起止年份；换届请同时修改届次。',
    );
    expect(termPlanMismatch(term, { ...term, endYear: 2024 }, [2025, 2026, 2026])).toMatch(/已列入2025年1项、2026年2项评议/);
  });

  it('accepts a longer term holding every planned year, unchanged years, and a new 届次 (the old plan is history)', () => {
    expect(termPlanMismatch(term, { ...term, endYear: 2027 }, [2022, 2026])).toBeUndefined();
    expect(termPlanMismatch(term, term, [2019])).toBeUndefined();
    expect(termPlanMismatch(term, { session: 20, startYear: 2027, endYear: 2031 }, [2022, 2026])).toBeUndefined();
  });

  it('does not count evaluations of years outside the old term (an earlier term\'s records)', () => {
    expect(termPlanMismatch(term, { ...term, startYear: 2023 }, [2019, 2021])).toBeUndefined();
  });
});
