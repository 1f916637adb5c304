import { describe, expect, it } from 'vitest';
import {
  checkedVerdicts,
  escalationStepSchema,
  evidenceFileProblem,
  FILE_MAX_BYTES,
  interpellationProblems,
  investigationProblems,
  reportDateProblem,
  secondVoteCheck,
  verdictItemProblem,
  type InterpellationStep,
  type InvestigationStep,
} from '../../../shared/loop';

describe('reportDateProblem', () => {
  it('accepts a report dated and received on or after delivery', () => {
    expect(reportDateProblem({ reportDate: '2024-11-08', receivedOn: '2024-11-08' }, '2024-11-08')).toBeNull();
    expect(reportDateProblem({ reportDate: null, receivedOn: '2025-05-06' }, '2024-11-08')).toBeNull();
  });

  it('refuses a report dated or received before delivery, naming the dates', () => {
    expect(reportDateProblem({ reportDate: '2024-11-07', receivedOn: '2025-05-06' }, '2024-11-08')).toBe(
      '报告成文日期（2024年11月7日）早于评议意见送达日期（2024年11月8日），整改情况报告应在送达之后',
    );
    expect(reportDateProblem({ reportDate: null, receivedOn: '2024-11-01' }, '2024-11-08')).toBe(
      '收到日期（2024年11月1日）早于评议意见送达日期（2024年11月8日），整改情况报告应在送达之后',
    );
    expect(reportDateProblem({ reportDate: '2025-05-07', receivedOn: '2025-05-06' }, '2024-11-08')).toBe('报告成文日期（2025年5月7日）晚于收到日期（2025年5月6日）');
    expect(reportDateProblem({ reportDate: null, receivedOn: '2025-05-06' }, null)).toBe('评议意见尚未送达，不能登记整改情况报告');
  });
});

describe('verdictItemProblem', () => {
  const opinion = { id: 'op_abcd1234', items: [{ no: 1 }, { no: 2 }] };
  it('accepts an item of this opinion', () => {
    expect(verdictItemProblem({ opinionId: 'op_abcd1234', itemNo: 2 }, opinion)).toBeNull();
  });
  it('refuses an item of another opinion or a number it does not have', () => {
    expect(verdictItemProblem({ opinionId: 'op_other999', itemNo: 1 }, opinion)).toBe('第1项不是本评议的评议意见中的条目，不能在此评价');
    expect(verdictItemProblem({ opinionId: 'op_abcd1234', itemNo: 3 }, opinion)).toBe('评议意见中没有第3项（共2项）');
  });
});

describe('secondVoteCheck', () => {
  it('lets the 满意度测评 go once the report arrived', () => {
    expect(secondVoteCheck({ kind: 'followUp', reportReceived: true, confirmed: false, reason: '' })).toEqual({ kind: 'ok' });
  });
  it('asks for a confirmation and a reason before the report arrived', () => {
    const ask = secondVoteCheck({ kind: 'followUp', reportReceived: false, confirmed: false, reason: '' });
    expect(ask).toEqual({ kind: 'confirm', message: '尚未收到整改情况报告。满意度测评应在收到整改情况报告之后进行，确需提前测评的，请确认并说明理由。' });
    expect(secondVoteCheck({ kind: 'followUp', reportReceived: false, confirmed: true, reason: ' ' })).toEqual({
      kind: 'refused',
      message: '尚未收到整改情况报告，提前测评应说明理由（满意度测评应在收到整改情况报告之后进行）',
    });
    expect(secondVoteCheck({ kind: 'followUp', reportReceived: false, confirmed: true, reason: '换届前完成测评' })).toEqual({ kind: 'ok' });
  });
  it('needs no written report for the re-report vote', () => {
    expect(secondVoteCheck({ kind: 'reReport', reportReceived: false, confirmed: false, reason: '' })).toEqual({ kind: 'ok' });
  });
});

describe('evidenceFileProblem', () => {
  it('names the file when too large or unreadable', () => {
    expect(evidenceFileProblem('a.pdf', FILE_MAX_BYTES)).toBeNull();
    expect(evidenceFileProblem('a.pdf', FILE_MAX_BYTES + 1)).toBe('文件“a.pdf”超过50 MB，无法上传');
    expect(evidenceFileProblem('a.pdf', null)).toBe('无法读取文件“a.pdf”，请确认文件存在且未被其他程序占用');
  });
});

describe('interpellationProblems', () => {
  const roster = [1, 2, 3, 4].map((i) => ({ id: `mb_abcd000${i}`, name: `委员${i}`, active: true }));
  const proposers = [1, 2, 3].map((i) => ({ memberId: `mb_abcd000${i}`, name: `委员${i}` }));
  const answer = (date: string, notSatisfied: string[]) => ({ mode: 'meeting', date, meetingId: 'mt_abcd0005', answeredBy: '局长', notSatisfied, verdictDate: date });
  const step = (over: Record<string, unknown>) =>
    escalationStepSchema.parse({
      kind: 'interpellation',
      id: 'es_abcd0001',
      evaluationId: 'ev_abcd1234',
      proposedOn: '2025-03-10',
      proposers,
      object: '县自然资源局',
      questions: '整改为何不到位',
      reasons: '测评仍不满意',
      decision: { date: '2025-03-15', mode: 'meeting', meetingId: 'mt_abcd0005' },
      ...over,
    }) as InterpellationStep;

  it('accepts a complete record with a second answer after a majority was not satisfied', () => {
    expect(interpellationProblems(step({ answers: [answer('2025-04-20', ['mb_abcd0001', 'mb_abcd0002']), answer('2025-06-20', [])] }), roster)).toEqual([]);
  });

  it('refuses a second answer when at most half were not satisfied', () => {
    expect(interpellationProblems(step({ answers: [answer('2025-04-20', ['mb_abcd0001']), answer('2025-06-20', [])] }), roster)).toEqual([
      '提案人过半数对答复不满意的，才能要求再作答复；第1次答复不满意的提案人未过半数',
    ]);
  });

  it('refuses answers before the decision, verdicts by non-proposers and too few proposers', () => {
    expect(interpellationProblems(step({ decision: null, answers: [answer('2025-04-20', [])] }), roster)).toEqual(['主任会议尚未决定答复方式，不能登记答复']);
    expect(interpellationProblems(step({ answers: [answer('2025-03-14', ['mb_abcd0004'])] }), roster)).toEqual([
      '第1次答复的日期不能早于主任会议决定日期',
      '委员4不是本质询案的提案人，不能对第1次答复表示意见',
    ]);
    expect(interpellationProblems(step({ proposers: proposers.slice(0, 2) }), roster)).toEqual(['质询案应由常委会组成人员3人以上联名书面提出，现有提案人2人']);
  });
});

describe('investigationProblems', () => {
  const roster = Array.from({ length: 27 }, (_, i) => ({ id: `mb_m${String(i + 1).padStart(3, '0')}`, name: `委员${i + 1}`, active: true }));
  const step = (over: Record<string, unknown>) =>
    escalationStepSchema.parse({ kind: 'investigation', id: 'es_abcd0006', evaluationId: 'ev_abcd1234', proposedBy: 'council', proposedOn: '2025-07-01', proposal: '组织调查', ...over }) as InvestigationStep;

  it('keeps proposal → report → resolution in order', () => {
    const resolution = { kind: 'resolution', date: '2025-09-30', meetingId: 'mt_abcd0007', text: '决议' };
    expect(investigationProblems(step({ report: { date: '2025-09-01' }, resolution }), roster)).toEqual([]);
    expect(investigationProblems(step({ resolution }), roster)).toEqual(['调查委员会尚未提出调查报告，不能登记决议或决定']);
    expect(investigationProblems(step({ report: { date: '2025-06-01' } }), roster)).toEqual(['调查报告日期不能早于提议日期']);
    expect(investigationProblems(step({ report: { date: '2025-10-01' }, resolution }), roster)).toEqual(['决议或决定的日期不能早于调查报告日期']);
  });

  it('checks the one-fifth threshold when members propose', () => {
    const five = roster.slice(0, 5).map((m) => ({ memberId: m.id, name: m.name }));
    expect(investigationProblems(step({ proposedBy: 'members', proposers: five }), roster)).toEqual([
      '组织特定问题调查委员会应由主任会议提议，或由常委会组成人员五分之一以上书面联名提议（现有在任组成人员27人，至少6人），现有提议人5人',
    ]);
  });
});

describe('checkedVerdicts', () => {
  const opinion = { id: 'op_abcd1234', items: [{ no: 1 }, { no: 2 }] };
  it('gives each item of this opinion its verdict and refuses the rest', () => {
    const out = checkedVerdicts(
      [
        { opinionId: 'op_abcd1234', itemNo: 1, verdict: 'fullyRectified' },
        { opinionId: 'op_abcd1234', itemNo: 2, verdict: 'notRectified' },
        { opinionId: 'op_other999', itemNo: 1, verdict: 'mostlyRectified' },
        { opinionId: 'op_abcd1234', itemNo: 2, verdict: 'fullyRectified' },
      ],
      opinion,
    );
    expect([...out.verdicts]).toEqual([
      [1, 'fullyRectified'],
      [2, 'notRectified'],
    ]);
    expect(out.problems).toEqual(['第1项不是本评议的评议意见中的条目，不能在此评价', '第2项已有回头看评价，不能重复评价']);
  });
});
