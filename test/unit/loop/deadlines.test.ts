import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../shared/format/dates';
import { announcementDay, daysUntil, dueState, planDue, reportDue, reReportEarliest, suggestReReportMeeting } from '../../../shared/loop';

const six = { rectificationReportMonths: 6 };

describe('reportDue: delivery + N months on the calendar', () => {
  it.each([
    ['2024-11-08', '2025-05-08'],
    ['2024-08-31', '2025-02-28'],
    ['2023-08-31', '2024-02-29'],
    ['2027-08-31', '2028-02-29'],
    ['2099-08-31', '2100-02-28'],
    ['2024-12-31', '2025-06-30'],
    ['2024-07-15', '2025-01-15'],
    ['2025-03-31', '2025-09-30'],
  ])('delivered %s → due %s', (delivered, due) => {
    expect(reportDue(delivered, six)).toBe(due);
  });

  it('follows the configured months', () => {
    expect(reportDue('2024-10-31', { rectificationReportMonths: 4 })).toBe('2025-02-28');
    expect(reportDue('2024-10-31', { rectificationReportMonths: 12 })).toBe('2025-10-31');
    expect(reportDue('2024-01-31', { rectificationReportMonths: 1 })).toBe('2024-02-29');
  });

  it('refuses a date that does not exist', () => {
    expect(() => reportDue('2023-02-29', six)).toThrow(RangeError);
  });
});

describe('addMonths clamps month ends (what reportDue builds on)', () => {
  it('keeps the day where the month has it and clamps where it has not', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-05-31', 1)).toBe('2024-06-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2024-03-15', -3)).toBe('2023-12-15');
  });
});

describe('planDue', () => {
  it('is null while the county asks for no plan', () => {
    expect(planDue('2024-11-08', { rectificationPlanDays: null })).toBeNull();
  });
  it('is delivery + days when set, across month and year ends', () => {
    expect(planDue('2024-11-08', { rectificationPlanDays: 15 })).toBe('2024-11-23');
    expect(planDue('2024-12-20', { rectificationPlanDays: 15 })).toBe('2025-01-04');
    expect(planDue('2024-02-20', { rectificationPlanDays: 10 })).toBe('2024-03-01');
  });
});

describe('re-report after a failing result', () => {
  const meetings = [
    { id: 'mt_b', name: '第二十六次会议', date: '2025-02-26' },
    { id: 'mt_a', name: '第二十五次会议', date: '2024-12-20' },
    { id: 'mt_c', name: '第二十七次会议', date: '2025-04-24' },
  ];

  it('is due at announcement + 3 months (configurable)', () => {
    expect(reReportEarliest('2024-10-28', { reReportMonths: 3 })).toBe('2025-01-28');
    expect(reReportEarliest('2024-11-30', { reReportMonths: 3 })).toBe('2025-02-28');
    expect(reReportEarliest('2024-10-28', { reReportMonths: 4 })).toBe('2025-02-28');
  });

  it('suggests the first meeting on or after that day, never an earlier one', () => {
    const s = suggestReReportMeeting('2024-10-28', { reReportMonths: 3 }, meetings);
    expect(s.earliest).toBe('2025-01-28');
    expect(s.meeting?.id).toBe('mt_b');
    expect(s.message).toContain('第二十六次会议（2025年2月26日）');
    expect(s.message).toContain('2024年10月28日');
    expect(s.message).toContain('3个月');
  });

  it('takes a meeting on the due day itself', () => {
    expect(suggestReReportMeeting('2024-11-26', { reReportMonths: 3 }, meetings).meeting?.id).toBe('mt_b');
    expect(suggestReReportMeeting('2024-11-27', { reReportMonths: 3 }, meetings).meeting?.id).toBe('mt_c');
  });

  it('says when no meeting is scheduled yet', () => {
    const s = suggestReReportMeeting('2025-03-01', { reReportMonths: 3 }, meetings);
    expect(s.meeting).toBeNull();
    expect(s.message).toBe('测评结果公布之日（2025年3月1日）起3个月后再次向常委会会议报告，2025年6月1日以后尚未安排常委会会议，请先安排会议。');
    expect(suggestReReportMeeting('2024-10-28', { reReportMonths: 3 }, []).meeting).toBeNull();
  });

  it('reads the day of an announcement stamp on the local calendar', () => {
    expect(announcementDay('2024-10-28')).toBe('2024-10-28');
    const stamp = new Date(2024, 9, 28, 23, 30).toISOString();
    expect(announcementDay(stamp)).toBe('2024-10-28');
    expect(() => announcementDay('昨天')).toThrow(RangeError);
  });
});

describe('dueState: nothing drops off by age', () => {
  it('counts whole days', () => {
    expect(daysUntil('2025-05-08', '2025-05-08')).toBe(0);
    expect(daysUntil('2025-03-01', '2025-02-28')).toBe(1);
    expect(daysUntil('2024-03-01', '2024-02-28')).toBe(2);
    expect(daysUntil('2024-01-01', '2025-01-01')).toBe(-366);
  });
  it('is soon within 30 days, overdue after the day, and stays overdue', () => {
    expect(dueState('2025-05-08', '2025-04-07')).toBe('later');
    expect(dueState('2025-05-08', '2025-04-08')).toBe('soon');
    expect(dueState('2025-05-08', '2025-05-08')).toBe('soon');
    expect(dueState('2025-05-08', '2025-05-09')).toBe('overdue');
    expect(dueState('2025-05-08', '2030-05-09')).toBe('overdue');
  });
});
