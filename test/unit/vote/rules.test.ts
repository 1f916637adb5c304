import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DEFAULT_PRESET,
  PRESET_IDS,
  RULE_KIND_LABELS,
  describeRateFormula,
  describeRule,
  gradeLabelsSchema,
  gradeRuleSchema,
  presetRule,
  resolveRule,
  ruleSummary,
  shareWords,
  voteRulesSchema,
  type GradeRuleInput,
} from '../../../shared/vote';

function messages(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return result.success ? '' : result.error.issues.map((i) => i.message).join(' | ');
}

const custom: GradeRuleInput = {
  kind: 'custom',
  name: '实到五分之三',
  thresholds: [{ outcome: '满意', numerator: ['satisfied', 'basic'], base: 'present', fraction: { num: 3, den: 5 }, comparator: '>' }],
  fallback: '不满意',
  outcomes: ['满意', '不满意'],
  failing: '不满意',
};

describe('presets', () => {
  it('are exactly the spec’s rules', () => {
    expect(presetRule('half-three-level')).toEqual({
      kind: 'half-three-level',
      name: '半数三级',
      thresholds: [
        { outcome: '满意', numerator: ['satisfied'], base: 'entitled', fraction: { num: 1, den: 2 }, comparator: '>=' },
        { outcome: '基本满意', numerator: ['satisfied', 'basic'], base: 'entitled', fraction: { num: 1, den: 2 }, comparator: '>' },
      ],
      fallback: '不满意',
      outcomes: ['满意', '基本满意', '不满意'],
      failing: '不满意',
    });
    expect(presetRule('majority-two-level')).toMatchObject({
      thresholds: [{ outcome: '满意', numerator: ['satisfied'], base: 'entitled', fraction: { num: 1, den: 2 }, comparator: '>' }],
      fallback: '不满意',
      failing: '不满意',
    });
    expect(presetRule('two-thirds-pass')).toMatchObject({
      thresholds: [{ outcome: '通过', numerator: ['satisfied', 'basic'], base: 'returned', fraction: { num: 2, den: 3 }, comparator: '>' }],
      fallback: '不通过',
      outcomes: ['通过', '不通过'],
      failing: '不通过',
    });
  });

  it('carry names that describe the arithmetic, never a place', () => {
    expect(PRESET_IDS.map((id) => RULE_KIND_LABELS[id])).toEqual(['半数三级', '过半两级', '三分之二通过']);
    expect(DEFAULT_PRESET).toBe('half-three-level');
  });

  it('pass their own schema', () => {
    for (const id of PRESET_IDS) expect(gradeRuleSchema.safeParse(presetRule(id)).success, id).toBe(true);
  });

  it('a rule that calls itself a preset but differs is refused', () => {
    const tampered = presetRule('half-three-level');
    tampered.thresholds[1] = { ...tampered.thresholds[1]!, comparator: '>=' };
    expect(messages(gradeRuleSchema, tampered)).toContain('与该预设不一致');
  });
});

describe('custom rules are validated with Chinese messages', () => {
  it('accepts a well-formed custom rule', () => {
    expect(gradeRuleSchema.parse(custom)).toMatchObject({ kind: 'custom', name: '实到五分之三' });
  });

  it('at least one threshold', () => {
    expect(messages(gradeRuleSchema, { ...custom, thresholds: [] })).toContain('规则至少应有1个判定条件');
  });

  it('fractions 0 < num ≤ den', () => {
    const withFraction = (num: number, den: number) => ({ ...custom, thresholds: [{ ...custom.thresholds[0]!, fraction: { num, den } }] });
    expect(messages(gradeRuleSchema, withFraction(0, 2))).toContain('比例的分子不能小于1');
    expect(messages(gradeRuleSchema, withFraction(3, 2))).toContain('比例的分子不能大于分母');
    expect(messages(gradeRuleSchema, withFraction(1, 0))).toContain('比例的分母不能小于1');
    expect(messages(gradeRuleSchema, withFraction(1.5, 2))).toContain('比例的分子应为整数');
  });

  it('labels non-empty', () => {
    expect(messages(gradeRuleSchema, { ...custom, name: ' ' })).toContain('规则名称不能为空');
    expect(messages(gradeRuleSchema, { ...custom, outcomes: ['满意', ''] })).toContain('等次名称不能为空');
    expect(messages(gradeRuleSchema, { ...custom, thresholds: [{ ...custom.thresholds[0]!, outcome: '' }] })).toContain('判定等次不能为空');
  });

  it('the failing outcome and every threshold outcome are among the outcomes', () => {
    expect(messages(gradeRuleSchema, { ...custom, failing: '不合格' })).toContain('不合格等次“不合格”不在等次列表中');
    expect(messages(gradeRuleSchema, { ...custom, thresholds: [{ ...custom.thresholds[0]!, outcome: '优秀' }] })).toContain(
      '第1个判定条件的等次“优秀”不在等次列表中',
    );
    expect(messages(gradeRuleSchema, { ...custom, fallback: '其他' })).toContain('其余情形的等次“其他”不在等次列表中');
  });

  it('outcomes distinct and reachable; numerator non-empty, no repeats; no impossible condition', () => {
    expect(messages(gradeRuleSchema, { ...custom, outcomes: ['满意', '满意', '不满意'] })).toContain('等次“满意”重复');
    expect(messages(gradeRuleSchema, { ...custom, outcomes: ['满意', '基本满意', '不满意'] })).toContain('等次“基本满意”既没有判定条件');
    const t = custom.thresholds[0]!;
    expect(messages(gradeRuleSchema, { ...custom, thresholds: [{ ...t, numerator: [] }] })).toContain('至少应计入一个等次');
    expect(messages(gradeRuleSchema, { ...custom, thresholds: [{ ...t, numerator: ['basic', 'basic'] }] })).toContain('不能重复');
    expect(messages(gradeRuleSchema, { ...custom, thresholds: [{ ...t, base: 'issued' }] })).toContain('判定基数应为');
    expect(messages(gradeRuleSchema, { ...custom, thresholds: [{ ...t, fraction: { num: 1, den: 1 } }] })).toContain('永远不能满足');
  });
});

describe('vote settings', () => {
  it('default: 半数三级, blank = invalid, (满意 + 基本满意) ÷ valid, grades 满意/基本满意/不满意', () => {
    const v = voteRulesSchema.parse({});
    expect(v).toEqual({
      gradeLabels: { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' },
      ruleKind: 'half-three-level',
      customRule: null,
      blankPolicy: 'invalid',
      rateFormula: 'satisfied-basic',
    });
    expect(resolveRule(v)).toEqual(presetRule('half-three-level'));
  });

  it('slots into the settings as a defaulted sub-object, so older files still load', () => {
    const settings = z.object({ votes: voteRulesSchema.prefault({}) });
    expect(settings.parse({}).votes.ruleKind).toBe('half-three-level');
  });

  it('a preset follows renamed grade labels', () => {
    const v = voteRulesSchema.parse({ gradeLabels: { basic: '比较满意' }, ruleKind: 'majority-two-level' });
    expect(resolveRule(v).outcomes).toEqual(['满意', '不满意']);
    expect(resolveRule(voteRulesSchema.parse({ gradeLabels: { basic: '比较满意' } })).outcomes).toEqual(['满意', '比较满意', '不满意']);
  });

  it('custom needs a rule; labels must differ', () => {
    expect(messages(voteRulesSchema, { ruleKind: 'custom' })).toContain('选择自定义规则时，应设置判定条件');
    expect(resolveRule(voteRulesSchema.parse({ ruleKind: 'custom', customRule: custom })).name).toBe('实到五分之三');
    expect(messages(gradeLabelsSchema, { basic: '满意' })).toContain('三个测评等次的名称不能相同');
    expect(messages(gradeLabelsSchema, { basic: '无效' })).toContain('测评等次名称不能为');
    expect(messages(voteRulesSchema, { blankPolicy: 'ignore' })).toContain('空白票处理方式应为');
  });
});

describe('rule text: 过半数 strictly more, 半数以上 includes half', () => {
  it('≥ ½ reads 半数以上 (含半数); > ½ reads 过半数', () => {
    const reach = shareWords('entitled', { num: 1, den: 2 }, '>=');
    const exceed = shareWords('entitled', { num: 1, den: 2 }, '>');
    expect(reach).toBe('达到应到人数的半数以上（含半数）');
    expect(reach).not.toContain('过半数');
    expect(exceed).toBe('超过应到人数的半数（即过半数）');
    expect(exceed).not.toContain('以上');
    // 2/4 is one half and is worded so.
    expect(shareWords('present', { num: 2, den: 4 }, '>')).toBe('超过实到人数的半数（即过半数）');
  });

  it('other fractions: 以上 includes the share, 超过 does not', () => {
    expect(shareWords('returned', { num: 2, den: 3 }, '>')).toBe('超过收回票数的三分之二（不含三分之二）');
    expect(shareWords('valid', { num: 3, den: 5 }, '>=')).toBe('达到有效票数的五分之三以上（含五分之三）');
  });

  it('半数三级 in full', () => {
    const text = describeRule(presetRule('half-three-level'));
    expect(text).toBe(
      '依次判定，满意票达到应到人数的半数以上（含半数）的，为“满意”；否则，满意票与基本满意票之和超过应到人数的半数（即过半数）的，为“基本满意”；其余为“不满意”。' +
        '等次由好到差依次为满意、基本满意、不满意；“不满意”为不合格等次。',
    );
  });

  it('过半两级 says 过半数 and never 半数以上', () => {
    const text = describeRule(presetRule('majority-two-level'));
    expect(text).toContain('满意票超过应到人数的半数（即过半数）的，为“满意”');
    expect(text).not.toContain('半数以上');
  });

  it('三分之二通过 and the one-line summaries', () => {
    expect(describeRule(presetRule('two-thirds-pass'))).toContain('满意票与基本满意票之和超过收回票数的三分之二（不含三分之二）的，为“通过”；其余为“不通过”');
    expect(ruleSummary(presetRule('half-three-level'))).toBe('满意≥应到×1/2为满意；满意+基本满意>应到×1/2为基本满意；否则不满意');
    expect(ruleSummary(presetRule('two-thirds-pass'))).toBe('满意+基本满意>收回×2/3为通过；否则不通过');
  });

  it('never carry the rule’s name, a preset’s or the office’s own', () => {
    for (const rule of [...PRESET_IDS.map((id) => presetRule(id)), gradeRuleSchema.parse(custom)]) {
      expect(describeRule(rule)).not.toContain(rule.name);
      expect(ruleSummary(rule)).not.toContain(rule.name);
    }
  });

  it('rate formulas in words', () => {
    expect(describeRateFormula('satisfied-basic')).toBe('（满意票＋基本满意票）÷有效票');
    expect(describeRateFormula('satisfied')).toBe('满意票÷有效票');
  });
});
