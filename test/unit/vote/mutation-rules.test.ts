import { describe, expect, it } from 'vitest';
import {
  COMPARATORS,
  COMPARATOR_LABELS,
  PRESET_IDS,
  describeRule,
  fractionWords,
  fractionSchema,
  gradeRuleSchema,
  numeratorWords,
  presetRule,
  resolveRule,
  shareWords,
  voteRulesSchema,
  type GradeRule,
  type GradeRuleInput,
  type PresetId,
} from '../../../shared/vote';

/**
 * Rules a weaker check would let through, and rule words a sloppier generator would get wrong
 * (found by mutation testing, `npm run mutation`). Presets are picked by what they are (number of
 * thresholds, base), never by their key or display name.
 */

function presetWhere(test: (r: GradeRule) => boolean): PresetId {
  const id = PRESET_IDS.find((p) => test(presetRule(p)));
  if (id === undefined) throw new Error('no such preset');
  return id;
}
const THREE_LEVEL = presetWhere((r) => r.thresholds.length === 2);
const TWO_LEVEL = presetWhere((r) => r.thresholds.length === 1 && r.thresholds[0]!.base === 'entitled');

/** Every issue as `path: message`. */
function issues(value: unknown): string[] {
  const r = gradeRuleSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const custom: GradeRuleInput = {
  kind: 'custom',
  name: '两个条件',
  thresholds: [
    { outcome: '优', numerator: ['satisfied'], base: 'present', fraction: { num: 2, den: 3 }, comparator: '>=' },
    { outcome: '良', numerator: ['satisfied', 'basic'], base: 'present', fraction: { num: 1, den: 2 }, comparator: '>' },
  ],
  fallback: '差',
  outcomes: ['优', '良', '差'],
  failing: '差',
};

describe('a rule that calls itself a preset must be that preset', () => {
  it('every preset is accepted as itself', () => {
    for (const id of PRESET_IDS) expect(issues(presetRule(id)), id).toEqual([]);
  });

  it('an extra threshold is refused', () => {
    for (const id of PRESET_IDS) {
      const r = presetRule(id);
      const extra = { ...r.thresholds[0]!, fraction: { num: 1, den: 3 } };
      expect(issues({ ...r, thresholds: [...r.thresholds, extra] }), id).toEqual([
        expect.stringMatching(/^kind: 规则标为“.+”，但判定条件与该预设不一致，请改为自定义规则$/),
      ]);
    }
  });

  it('a threshold counting other grades is refused', () => {
    for (const id of PRESET_IDS) {
      const r = presetRule(id);
      const first = r.thresholds[0]!;
      const other = first.numerator.includes('basic') ? (['satisfied'] as const) : (['satisfied', 'basic'] as const);
      expect(issues({ ...r, thresholds: [{ ...first, numerator: [...other] }, ...r.thresholds.slice(1)] }), id).toHaveLength(1);
    }
  });

  it('a threshold missing is refused', () => {
    const r = presetRule(THREE_LEVEL);
    expect(issues({ ...r, thresholds: r.thresholds.slice(0, 1), outcomes: [r.outcomes[0], r.outcomes[2]] })).toHaveLength(1);
  });

  it('the same thresholds under a custom kind are fine', () => {
    const r = presetRule(TWO_LEVEL);
    expect(issues({ ...r, kind: 'custom', thresholds: [...r.thresholds, { ...r.thresholds[0]!, fraction: { num: 1, den: 3 } }] })).toEqual([]);
  });
});

describe('rule checks name the field at fault', () => {
  it('each check points at its own path', () => {
    expect(issues({ ...custom, outcomes: ['优', '良', '良', '差'] })).toEqual(['outcomes.2: 等次“良”重复']);
    expect(issues({ ...custom, thresholds: [custom.thresholds[0], { ...custom.thresholds[1]!, outcome: '中' }] })).toEqual([
      'thresholds.1.outcome: 第2个判定条件的等次“中”不在等次列表中',
      'outcomes.1: 等次“良”既没有判定条件，也不是其余情形的等次',
    ]);
    expect(issues({ ...custom, fallback: '劣', outcomes: ['优', '良', '差', '劣'] })).toEqual(['outcomes.2: 等次“差”既没有判定条件，也不是其余情形的等次']);
    expect(issues({ ...custom, fallback: '劣' })).toEqual([
      'fallback: 其余情形的等次“劣”不在等次列表中',
      'outcomes.2: 等次“差”既没有判定条件，也不是其余情形的等次',
    ]);
    expect(issues({ ...custom, failing: '劣' })).toEqual(['failing: 不合格等次“劣”不在等次列表中']);
  });

  it('only “exceeding all” is impossible; reaching all is a rule (unanimity)', () => {
    const all = (comparator: '>=' | '>') => ({ ...custom, thresholds: [custom.thresholds[0], { ...custom.thresholds[1]!, fraction: { num: 3, den: 3 }, comparator }] });
    expect(issues(all('>'))).toEqual(['thresholds.1.comparator: 第2个判定条件要求超过全数，永远不能满足，请改为“达到”']);
    expect(issues(all('>='))).toEqual([]);
    expect(fractionSchema.safeParse({ num: 5, den: 5 }).success).toBe(true);
    expect(fractionSchema.safeParse({ num: 6, den: 5 }).success).toBe(false);
  });

  it('a custom rule kind without a rule is refused by the settings and by resolveRule', () => {
    const r = voteRulesSchema.safeParse({ ruleKind: 'custom' });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['customRule']);
    expect(() => resolveRule({ ...voteRulesSchema.parse({}), ruleKind: 'custom', customRule: null })).toThrow('custom rule kind without a custom rule');
  });
});

describe('rule words', () => {
  it('only one half is 半数; every other share is said as it is', () => {
    expect(fractionWords({ num: 1, den: 2 })).toBe('半数');
    expect(fractionWords({ num: 3, den: 6 })).toBe('半数');
    expect(fractionWords({ num: 1, den: 3 })).toBe('三分之一');
    expect(fractionWords({ num: 2, den: 3 })).toBe('三分之二');
    expect(fractionWords({ num: 1, den: 4 })).toBe('四分之一');
    expect(fractionWords({ num: 4, den: 4 })).toBe('全部');
    expect(shareWords('present', { num: 1, den: 3 }, '>')).toBe('超过实到人数的三分之一（不含三分之一）');
    expect(shareWords('present', { num: 1, den: 3 }, '>=')).toBe('达到实到人数的三分之一以上（含三分之一）');
  });

  it('the whole base reads 全数', () => {
    expect(shareWords('returned', { num: 2, den: 2 }, '>=')).toBe('达到收回票数全数');
    expect(shareWords('returned', { num: 2, den: 2 }, '>')).toBe('超过收回票数全数');
  });

  it('three grades added up are listed in full', () => {
    expect(numeratorWords(['unsatisfied', 'satisfied', 'basic'])).toBe('满意票、基本满意票与不满意票之和');
    expect(numeratorWords(['basic', 'satisfied'])).toBe('满意票与基本满意票之和');
    expect(numeratorWords(['basic'])).toBe('基本满意票');
  });

  it('“依次判定” only when there is more than one threshold', () => {
    const one = presetRule(TWO_LEVEL);
    expect(describeRule(one)).toBe(`满意票超过应到人数的半数（即过半数）的，为“满意”；其余为“不满意”。等次由好到差依次为满意、不满意；“不满意”为不合格等次。`);
    expect(describeRule(presetRule(THREE_LEVEL))).toMatch(/^依次判定，/);
  });
});

describe('rule schemas say what is wrong, and where', () => {
  it('lists that are not lists', () => {
    const t = custom.thresholds[0]!;
    expect(issues({ ...custom, thresholds: 'x' })).toEqual(['thresholds: 判定条件应为列表']);
    expect(issues({ ...custom, outcomes: 'x' })).toContain('outcomes: 等次应为列表');
    expect(issues({ ...custom, thresholds: [{ ...t, numerator: 'satisfied' }] })).toEqual(['thresholds.0.numerator: 计入的等次应为列表']);
  });

  it('a fraction above one is reported on its numerator', () => {
    const r = fractionSchema.safeParse({ num: 3, den: 2 });
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['num: 比例的分子不能大于分母（比例应在0到1之间）']);
  });

  it('both comparators have words for the settings screen', () => {
    expect(Object.keys(COMPARATOR_LABELS)).toEqual([...COMPARATORS]);
  });
});
