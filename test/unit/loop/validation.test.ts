import { describe, expect, it } from 'vitest';
import { evidenceFileProblem, FILE_MAX_BYTES, reportDateProblem, secondVoteCheck, verdictItemProblem } from '../../../shared/loop';

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
    expect(evidenceFileProblem('a.pdf', FILE_MAX_BYTES + 1)).toBe('文件“a.pdf”超过50 MB，不能作为佐证材料');
    expect(evidenceFileProblem('a.pdf', null)).toBe('无法读取文件“a.pdf”，请确认文件存在且未被其他程序占用');
  });
});
