import { describe, expect, it } from 'vitest';
import { gradeResult, meetsShare, presetRule, type GradeRule } from '../../../shared/vote';
import { context, counts, filled } from './fixtures';

const halfThree = presetRule('half-three-level');
const twoLevel = presetRule('majority-two-level');
const twoThirds = presetRule('two-thirds-pass');

describe('半数三级 (the default), the examples of the spec with 应到 28', () => {
  const ctx = context(28, 28);

  it('满意 14 → 满意: reaching half (≥) is enough', () => {
    const r = gradeResult(filled(28, { satisfied: 14 }), ctx, halfThree, 'invalid', 'satisfied-basic');
    expect(r.outcome).toBe('满意');
    expect(r.failing).toBe(false);
    expect(r.decidedBy).toBe(0);
    expect(r.arithmetic).toEqual(['满意 14 票 ≥ 应到 28 人 × 1/2 = 14 → 满意']);
  });

  it('满意 9 + 基本满意 5 = 14 → 不满意: exactly half is not more than half', () => {
    const r = gradeResult(filled(28, { satisfied: 9, basic: 5 }), ctx, halfThree, 'invalid', 'satisfied-basic');
    expect(r.outcome).toBe('不满意');
    expect(r.failing).toBe(true);
    expect(r.outcomeRank).toBe(2);
    expect(r.decidedBy).toBeNull();
    expect(r.arithmetic).toEqual([
      '满意 9 票 < 应到 28 人 × 1/2 = 14 → 不满足',
      '满意 9 票 + 基本满意 5 票 = 14 票 ≤ 应到 28 人 × 1/2 = 14 → 不满足',
      '以上条件均不满足 → 不满意',
    ]);
  });

  it('满意 9 + 基本满意 6 = 15 → 基本满意', () => {
    const r = gradeResult(filled(28, { satisfied: 9, basic: 6 }), ctx, halfThree, 'invalid', 'satisfied-basic');
    expect(r.outcome).toBe('基本满意');
    expect(r.failing).toBe(false);
    expect(r.arithmetic[1]).toBe('满意 9 票 + 基本满意 6 票 = 15 票 > 应到 28 人 × 1/2 = 14 → 基本满意');
  });

  it('满意 13 (one short of half) falls through to the second threshold', () => {
    const r = gradeResult(filled(28, { satisfied: 13, basic: 2 }), ctx, halfThree, 'invalid', 'satisfied-basic');
    expect(r.outcome).toBe('基本满意');
    expect(r.checks.map((c) => c.met)).toEqual([false, true]);
  });

  it('the base is 应到, not 实到: absent members count against the evaluatee', () => {
    // 20 present out of 28: 满意 13 is most of those present but less than half of 应到.
    const r = gradeResult(filled(20, { satisfied: 13 }), context(28, 20), halfThree, 'invalid', 'satisfied-basic');
    expect(r.outcome).toBe('不满意');
  });
});

describe('the published case (2022): 实到 29, 满意 28, 基本满意 1, 不满意 0', () => {
  const c = counts({ satisfied: 28, basic: 1 });

  it('with 应到 35 → 满意, rate 100.0%, and the hall line', () => {
    const r = gradeResult(c, context(35, 29), halfThree, 'invalid', 'satisfied-basic');
    expect(r.outcome).toBe('满意');
    expect(r.rate).toBe(100);
    expect(r.rateText).toBe('100.0%');
    expect(r.summary).toBe('满意 28 票，基本满意 1 票，不满意 0 票，满意率 100.0%，等次：满意');
    expect(r.arithmetic).toEqual(['满意 28 票 ≥ 应到 35 人 × 1/2 = 17.5 → 满意']);
  });

  it('any 应到 from 29 to 56 gives 满意; 57 does not', () => {
    for (let entitled = 29; entitled <= 56; entitled++) {
      expect(gradeResult(c, context(entitled, 29), halfThree, 'invalid', 'satisfied-basic').outcome, `应到 ${entitled}`).toBe('满意');
    }
    // 28 < 28.5, and 满意 + 基本满意 = 29 > 28.5: the second threshold decides.
    const r57 = gradeResult(c, context(57, 29), halfThree, 'invalid', 'satisfied-basic');
    expect(r57.outcome).toBe('基本满意');
    expect(r57.arithmetic[0]).toBe('满意 28 票 < 应到 57 人 × 1/2 = 28.5 → 不满足');
    expect(gradeResult(c, context(58, 29), halfThree, 'invalid', 'satisfied-basic').outcome).toBe('不满意');
  });
});

describe('exactly one half under ≥ and >', () => {
  it('meetsShare compares on integers', () => {
    expect(meetsShare(14, 28, { num: 1, den: 2 }, '>=')).toBe(true);
    expect(meetsShare(14, 28, { num: 1, den: 2 }, '>')).toBe(false);
    expect(meetsShare(15, 28, { num: 1, den: 2 }, '>')).toBe(true);
    // 2/3 of 30 is exactly 20.
    expect(meetsShare(20, 30, { num: 2, den: 3 }, '>=')).toBe(true);
    expect(meetsShare(20, 30, { num: 2, den: 3 }, '>')).toBe(false);
    // Floating point would say 0.1 × 3 > 0.3; integers say 1 × 10 = 3 × … exactly.
    expect(meetsShare(3, 30, { num: 1, den: 10 }, '>=')).toBe(true);
    expect(meetsShare(3, 30, { num: 1, den: 10 }, '>')).toBe(false);
    // A fraction that is not reduced decides the same.
    expect(meetsShare(14, 28, { num: 2, den: 4 }, '>')).toBe(false);
  });

  it('两级 (过半数): 满意 14 of 应到 28 is not enough, 15 is', () => {
    expect(gradeResult(filled(28, { satisfied: 14 }), context(28, 28), twoLevel, 'invalid', 'satisfied-basic').outcome).toBe('不满意');
    const r = gradeResult(filled(28, { satisfied: 15 }), context(28, 28), twoLevel, 'invalid', 'satisfied-basic');
    expect(r.outcome).toBe('满意');
    expect(r.arithmetic).toEqual(['满意 15 票 > 应到 28 人 × 1/2 = 14 → 满意']);
  });

  it('两级 with an odd 应到: 15 of 29 is more than 14.5', () => {
    expect(gradeResult(filled(29, { satisfied: 15 }), context(29, 29), twoLevel, 'invalid', 'satisfied').outcome).toBe('满意');
    expect(gradeResult(filled(29, { satisfied: 14 }), context(29, 29), twoLevel, 'invalid', 'satisfied').failing).toBe(true);
  });
});

describe('三分之二 (base returned)', () => {
  it('满意 + 基本满意 must exceed ⅔ of the sheets returned', () => {
    // 30 returned: ⅔ is exactly 20, so 20 fails and 21 passes.
    const at = gradeResult(filled(30, { satisfied: 15, basic: 5 }), context(35, 30), twoThirds, 'invalid', 'satisfied-basic');
    expect(at.outcome).toBe('不通过');
    expect(at.failing).toBe(true);
    expect(at.arithmetic[0]).toBe('满意 15 票 + 基本满意 5 票 = 20 票 ≤ 收回 30 张 × 2/3 = 20 → 不满足');
    const above = gradeResult(filled(30, { satisfied: 15, basic: 6 }), context(35, 30), twoThirds, 'invalid', 'satisfied-basic');
    expect(above.outcome).toBe('通过');
    expect(above.failing).toBe(false);
  });

  it('shows a product that is not whole as rounded', () => {
    const r = gradeResult(filled(29, { satisfied: 18, basic: 2 }), context(35, 29), twoThirds, 'invalid', 'satisfied-basic');
    expect(r.arithmetic[0]).toBe('满意 18 票 + 基本满意 2 票 = 20 票 > 收回 29 张 × 2/3 ≈ 19.33 → 通过');
  });
});

describe('blanks under both policies', () => {
  // 30 returned: 满意 20, 基本满意 4, 不满意 2, blank 3, invalid 1.
  const c = counts({ satisfied: 20, basic: 4, unsatisfied: 2, blank: 3, invalid: 1 });
  const validRule: GradeRule = {
    kind: 'custom',
    name: '有效票过半',
    thresholds: [{ outcome: '满意', numerator: ['satisfied'], base: 'valid', fraction: { num: 3, den: 4 }, comparator: '>=' }],
    fallback: '不满意',
    outcomes: ['满意', '不满意'],
    failing: '不满意',
  };

  it('blank = invalid (default): valid 26, rate 24/26', () => {
    const r = gradeResult(c, context(35, 30), validRule, 'invalid', 'satisfied-basic');
    expect(r.valid).toBe(26);
    expect(r.rateText).toBe('92.3%');
    expect(r.rate).toBe(92.3);
    // 20 × 4 = 80 ≥ 3 × 26 = 78.
    expect(r.outcome).toBe('满意');
    expect(r.arithmetic[0]).toBe('满意 20 票 ≥ 有效 26 票 × 3/4 = 19.5 → 满意');
    expect(r.summary).toBe('满意 20 票，基本满意 4 票，不满意 2 票，空白 3 票，无效 1 票，满意率 92.3%，等次：满意');
  });

  it('blank = abstention: blanks enter the valid denominator but no grade', () => {
    const r = gradeResult(c, context(35, 30), validRule, 'abstain', 'satisfied-basic');
    expect(r.valid).toBe(29);
    expect(r.rateText).toBe('82.8%');
    // 20 × 4 = 80 < 3 × 29 = 87: the same sheets now fail the threshold.
    expect(r.outcome).toBe('不满意');
    expect(r.arithmetic[0]).toBe('满意 20 票 < 有效 29 票 × 3/4 = 21.75 → 不满足');
    expect(r.summary).toContain('弃权 3 票');
    expect(r.policyText).toContain('弃权');
  });

  it('the policy changes nothing under a base of 应到', () => {
    const a = gradeResult(c, context(35, 30), halfThree, 'invalid', 'satisfied-basic');
    const b = gradeResult(c, context(35, 30), halfThree, 'abstain', 'satisfied-basic');
    expect(a.outcome).toBe(b.outcome);
    expect(a.rateText).not.toBe(b.rateText);
  });
});

describe('satisfaction rate', () => {
  const c = counts({ satisfied: 25, basic: 6, unsatisfied: 1 });

  it('(满意 + 基本满意) ÷ valid by default, 满意 ÷ valid as the alternative, one decimal', () => {
    expect(gradeResult(c, context(35, 32), halfThree, 'invalid', 'satisfied-basic').rateText).toBe('96.9%');
    expect(gradeResult(c, context(35, 32), halfThree, 'invalid', 'satisfied').rateText).toBe('78.1%');
    expect(gradeResult(c, context(35, 32), halfThree, 'invalid', 'satisfied').rate).toBe(78.1);
  });

  it('rounds an exact half up, as the office writes it', () => {
    // 31/32 = 96.875% → 96.9%; 1/16 = 6.25% → 6.3%.
    expect(gradeResult(counts({ satisfied: 31, unsatisfied: 1 }), context(35, 32), halfThree, 'invalid', 'satisfied').rateText).toBe('96.9%');
    const r = gradeResult(counts({ satisfied: 1, unsatisfied: 15 }), context(35, 16), halfThree, 'invalid', 'satisfied');
    expect(r.rateText).toBe('6.3%');
    expect(r.rate).toBe(6.3);
  });

  it('no valid sheet: no rate (—), and a base of 0 meets no threshold', () => {
    const allInvalid = counts({ invalid: 20 });
    const r = gradeResult(allInvalid, context(28, 20), halfThree, 'invalid', 'satisfied-basic');
    expect(r.valid).toBe(0);
    expect(r.rate).toBeNull();
    expect(r.rateText).toBe('—');
    expect(r.summary).toContain('满意率 —');
    const onValid: GradeRule = { ...twoLevel, kind: 'custom', thresholds: [{ ...twoLevel.thresholds[0]!, base: 'valid', comparator: '>=' }] };
    const v = gradeResult(allInvalid, context(28, 20), onValid, 'invalid', 'satisfied-basic');
    expect(v.outcome).toBe('不满意');
    expect(v.arithmetic[0]).toBe('满意 0 票，有效 0 票，基数为 0，不作判定 → 不满足');
  });
});

describe('a custom rule: base 实到, 3/5, >', () => {
  const rule: GradeRule = {
    kind: 'custom',
    name: '实到五分之三',
    thresholds: [{ outcome: '满意', numerator: ['satisfied', 'basic'], base: 'present', fraction: { num: 3, den: 5 }, comparator: '>' }],
    fallback: '不满意',
    outcomes: ['满意', '不满意'],
    failing: '不满意',
  };

  it('exactly 3/5 of 实到 is not enough; one more is', () => {
    // 实到 25: 3/5 is exactly 15.
    const at = gradeResult(filled(25, { satisfied: 10, basic: 5 }), context(30, 25), rule, 'invalid', 'satisfied-basic');
    expect(at.outcome).toBe('不满意');
    expect(at.arithmetic[0]).toBe('满意 10 票 + 基本满意 5 票 = 15 票 ≤ 实到 25 人 × 3/5 = 15 → 不满足');
    expect(gradeResult(filled(25, { satisfied: 10, basic: 6 }), context(30, 25), rule, 'invalid', 'satisfied-basic').outcome).toBe('满意');
  });

  it('a rule that looks at 不满意 first (不满意票超过实到三分之一的为不满意)', () => {
    const worstFirst: GradeRule = {
      kind: 'custom',
      name: '不满意三分之一',
      thresholds: [{ outcome: '不满意', numerator: ['unsatisfied'], base: 'present', fraction: { num: 1, den: 3 }, comparator: '>' }],
      fallback: '满意',
      outcomes: ['满意', '不满意'],
      failing: '不满意',
    };
    expect(gradeResult(filled(30, { satisfied: 20 }), context(30, 30), worstFirst, 'invalid', 'satisfied').outcome).toBe('满意');
    const r = gradeResult(filled(30, { satisfied: 19 }), context(30, 30), worstFirst, 'invalid', 'satisfied');
    expect(r.outcome).toBe('不满意');
    expect(r.failing).toBe(true);
    expect(r.arithmetic).toEqual(['不满意 11 票 > 实到 30 人 × 1/3 = 10 → 不满意']);
  });
});

describe('edited grade labels', () => {
  it('presets and texts use the office’s own words', () => {
    const labels = { satisfied: '满意', basic: '比较满意', unsatisfied: '不满意' };
    const rule = presetRule('half-three-level', labels);
    const r = gradeResult(filled(28, { satisfied: 9, basic: 6 }), context(28, 28), rule, 'invalid', 'satisfied-basic', labels);
    expect(r.outcome).toBe('比较满意');
    expect(r.arithmetic[1]).toContain('比较满意 6 票');
    expect(r.summary).toContain('比较满意 6 票');
    expect(r.ruleText).toContain('满意票与比较满意票之和');
  });
});
