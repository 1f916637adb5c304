import { describe, expect, it } from 'vitest';
import {
  checkRound,
  compareDoubleCount,
  gradeGroups,
  gradingSettings,
  parseKeys,
  sheetProblem,
  sheetsProblems,
  voidsRound,
  voteRulesSchema,
  type GroupTally,
} from '../../../shared/vote';
import { context, counts } from './fixtures';

/**
 * Counting cases a weaker check would let through (found by mutation testing, `npm run mutation`):
 * each one a wrong number that must not reach a result.
 */

const a = counts({ satisfied: 20, basic: 5, unsatisfied: 3 });
const b = counts({ satisfied: 25, basic: 2, unsatisfied: 1 });

describe('double count', () => {
  it('a first count that misses an evaluatee is refused, like a second one', () => {
    const failures = compareDoubleCount(['张三', '李四'], [a], [a, b]);
    expect(failures).toEqual([
      { code: 'double-count-shape', message: '两次计票的被测评对象人数不一致：应为 2 人，第一次 1 人，第二次 2 人' },
    ]);
  });

  it('the cells both counts have are still compared', () => {
    const failures = compareDoubleCount(['张三', '李四'], [a, b], [{ ...a, basic: 6 }]);
    expect(failures.map((f) => f.code)).toEqual(['double-count-shape', 'double-count-mismatch']);
    expect(failures[1]).toMatchObject({ evaluateeIndex: 0, mark: 'basic', first: 5, second: 6 });
  });
});

describe('round checks', () => {
  it('a void failure voids the round even among other failures', () => {
    const failures = checkRound({ issued: 27, returned: 28, presentInGroup: 28, perEvaluatee: [{ name: '张三', counts: counts({ satisfied: 27 }) }] });
    expect(failures.map((f) => f.code)).toEqual(['returned-exceeds-issued', 'total-mismatch']);
    expect(voidsRound(failures)).toBe(true);
    expect(voidsRound([])).toBe(false);
  });

  it('the messages use the office’s own grade names', () => {
    const labels = { satisfied: '好', basic: '较好', unsatisfied: '差' };
    const failures = checkRound({
      issued: 28,
      returned: 28,
      presentInGroup: 28,
      perEvaluatee: [{ name: '张三', counts: { ...counts({}), basic: -2 } }],
      labels,
    });
    expect(failures.map((f) => f.message)).toEqual(['张三：较好票数“-2”不是有效的数目（应为0或正整数）']);
    const sums = checkRound({ issued: 28, returned: 28, presentInGroup: 28, perEvaluatee: [{ name: '李四', counts: counts({ basic: 27 }) }], labels });
    expect(sums[0]!.message).toBe('李四：好 0 + 较好 27 + 差 0 + 空白 0 + 无效 0 = 27，与收回 28 张不符');
  });
});

describe('sheets', () => {
  it('an invalid mark on the first evaluatee is found like any other', () => {
    expect(sheetProblem({ no: 3, marks: ['maybe', 'satisfied'] }, 2)).toBe('第3号票第1名被测评对象的意见无效');
  });

  it('a set of sheets lists each sheet’s own problem', () => {
    expect(sheetsProblems([{ no: 1, marks: ['satisfied'] }, { no: 2, marks: ['satisfied', 'basic'] }, { no: 3, marks: [9] }], 1)).toEqual([
      '第2号票有 2 个意见，本票有 1 名被测评对象，每人应有且只有1个意见',
      '第3号票第1名被测评对象的意见无效',
    ]);
  });

  it('without an evaluatee count, any number of keys is read', () => {
    expect(parseKeys('1 2 3')).toEqual({ ok: true, marks: ['satisfied', 'basic', 'unsatisfied'] });
    expect(parseKeys('1', 1)).toEqual({ ok: true, marks: ['satisfied'] });
  });
});

describe('grading groups refuses tallies it cannot grade', () => {
  const settings = gradingSettings(voteRulesSchema.parse({}));
  const members: GroupTally = { group: { kind: 'members' }, context: context(28, 28), counts: [a, b] };
  const deputies: GroupTally = { group: { kind: 'deputies' }, context: context(30, 28), counts: [a, b] };

  it('a group named twice, or counts for the wrong number of evaluatees, throw with the reason', () => {
    expect(() => gradeGroups([members, deputies, deputies], 2, settings)).toThrow('投票人员类别“人大代表”重复');
    expect(() => gradeGroups([members, { ...deputies, counts: [a] }], 2, settings)).toThrow('人大代表的计票结果有 1 人，本票有 2 名被测评对象');
    expect(() => gradeGroups([{ ...members, counts: [a, b, a] }], 2, settings)).toThrow('常委会组成人员的计票结果有 3 人');
    expect(() => gradeGroups([members, members], 2, settings)).toThrow('现有 2 组');
  });
});
