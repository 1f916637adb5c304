import { describe, expect, it } from 'vitest';
import { openDeadlines, type DueFacts } from '../../../shared/loop';

const deadlines = { rectificationPlanDays: null, rectificationReportMonths: 6, reReportMonths: 3 };
const meetings = [{ id: 'mt_abcd0002', name: '第二十六次会议', date: '2025-02-26' }];
const normal: DueFacts = { state: { stage: 'rectification', reReport: null }, deliveredOn: '2024-11-08', planReceivedOn: null, reportReceivedOn: null };

describe('openDeadlines', () => {
  it('lists the report due 6 months after delivery, and keeps it once overdue', () => {
    expect(openDeadlines(normal, deadlines, meetings, '2025-01-01')).toEqual([
      { kind: 'report', label: '整改情况报告', due: '2025-05-08', state: 'later', meeting: null, message: '' },
    ]);
    expect(openDeadlines(normal, deadlines, meetings, '2025-04-10')[0]?.state).toBe('soon');
    expect(openDeadlines(normal, deadlines, meetings, '2027-01-01')[0]?.state).toBe('overdue');
  });

  it('drops the report once received, and everything once closed or before delivery', () => {
    expect(openDeadlines({ ...normal, state: { stage: 'follow-up', reReport: null }, reportReceivedOn: '2025-05-06' }, deadlines, meetings, '2025-06-01')).toEqual([]);
    expect(openDeadlines({ ...normal, state: { stage: 'closed', reReport: null } }, deadlines, meetings, '2025-06-01')).toEqual([]);
    expect(openDeadlines({ ...normal, state: { stage: 'opinion', reReport: null }, deliveredOn: null }, deadlines, meetings, '2025-06-01')).toEqual([]);
  });

  it('adds the plan only when the county sets its days, until the plan arrives', () => {
    const withPlan = { ...deadlines, rectificationPlanDays: 15 };
    expect(openDeadlines(normal, withPlan, meetings, '2024-11-20').map((d) => [d.kind, d.due, d.state])).toEqual([
      ['plan', '2024-11-23', 'soon'],
      ['report', '2025-05-08', 'later'],
    ]);
    expect(openDeadlines({ ...normal, planReceivedOn: '2024-11-20' }, withPlan, meetings, '2024-11-21').map((d) => d.kind)).toEqual(['report']);
  });

  it('on the failing path lists the re-report at the suggested meeting instead of the written report', () => {
    const failing: DueFacts = { ...normal, state: { stage: 'rectification', reReport: { from: 'meeting', announcedOn: '2024-10-28' } } };
    const [d] = openDeadlines(failing, deadlines, meetings, '2025-02-01');
    expect(d).toMatchObject({ kind: 'reReport', label: '不满意再次报告', due: '2025-02-26', state: 'soon', meeting: meetings[0] });
    expect(d?.message).toContain('建议安排在第二十六次会议');
    const none = openDeadlines(failing, deadlines, [], '2025-02-01');
    expect(none).toMatchObject([{ kind: 'reReport', due: '2025-01-28', state: 'unscheduled', meeting: null }]);
    expect(openDeadlines({ ...failing, state: { stage: 'escalated', reReport: failing.state.reReport } }, deadlines, meetings, '2025-03-01')).toEqual([]);
  });
});
