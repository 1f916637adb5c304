import { describe, expect, it } from 'vitest';
import { gradeResult, type GradeRule } from '../../../shared/vote';
import { explainGrade } from '../../../shared/vote/grade-explain';
import { context, filled } from './fixtures';

// Written out rather than taken from a preset: the explanation reads the thresholds, whatever the rule is called.
const threeGrades: GradeRule = {
  kind: 'custom',
  name: '三级',
  thresholds: [
    { outcome: '满意', numerator: ['satisfied'], base: 'entitled', fraction: { num: 1, den: 2 }, comparator: '>=' },
    { outcome: '基本满意', numerator: ['satisfied', 'basic'], base: 'entitled', fraction: { num: 1, den: 2 }, comparator: '>' },
  ],
  fallback: '不满意',
  outcomes: ['满意', '基本满意', '不满意'],
  failing: '不满意',
};
const twoThirds: GradeRule = {
  kind: 'custom',
  name: '三分之二',
  thresholds: [{ outcome: '通过', numerator: ['satisfied', 'basic'], base: 'returned', fraction: { num: 2, den: 3 }, comparator: '>' }],
  fallback: '不通过',
  outcomes: ['通过', '不通过'],
  failing: '不通过',
};

const explain = (rule: GradeRule, marks: Parameters<typeof filled>[1], entitled = 30, present = 28) => {
  const r = gradeResult(filled(present, marks), context(entitled, present), rule, 'invalid', 'satisfied-basic');
  return { outcome: r.outcome, rate: r.rateText, line: explainGrade(r, rule) };
};

describe('the hall explains a grade its rate does not suggest', () => {
  it('a high rate graded 基本满意: 满意 alone fell short of half of 应到', () => {
    expect(explain(threeGrades, { satisfied: 14, basic: 12 })).toEqual({ outcome: '基本满意', rate: '92.9%', line: '满意 14 票，未达应到 30 人的半数' });
  });

  it('a failing grade names the sum that did not exceed half', () => {
    expect(explain(threeGrades, { satisfied: 9, basic: 6 })).toEqual({ outcome: '不满意', rate: '53.6%', line: '满意与基本满意共 15 票，未超过应到 30 人的半数' });
  });

  it('the best grade needs no line', () => {
    expect(explain(threeGrades, { satisfied: 15 }).line).toBeNull();
  });

  it('other fractions and bases read from the rule', () => {
    expect(explain(twoThirds, { satisfied: 10, basic: 8 })).toMatchObject({ outcome: '不通过', line: '满意与基本满意共 18 票，未超过收回 28 张的三分之二' });
  });

  it('a base of nobody is said, not divided', () => {
    const r = gradeResult(filled(0, {}), context(0, 0), threeGrades, 'invalid', 'satisfied-basic');
    expect(explainGrade(r, threeGrades)).toBe('满意与基本满意共 0 票，应到 0 人，不作判定');
  });
});
