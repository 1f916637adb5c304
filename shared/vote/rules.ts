import { z } from 'zod';
import { enumField, intField, objectError, requiredText } from '../domain/fields';
import { DEFAULT_GRADE_LABELS, GRADES, blankPolicySchema, gradeLabelsSchema, type Grade, type GradeLabels } from './terms';

/**
 * Grade rules as data. Satisfaction votes are local practice, so a rule is a setting: an ordered
 * list of thresholds, each with its own numerator, base, fraction and comparator (the boundary at
 * exactly one half is decided per threshold), then a fallback outcome. The stored result keeps the
 * whole rule, so a grade can always be traced to the rule that produced it.
 */

/** 应到 (all members), 实到 (present), sheets returned, valid sheets for the evaluatee. */
export const BASES = ['entitled', 'present', 'returned', 'valid'] as const;
export type Base = (typeof BASES)[number];
/** As a noun in rule text: 满意票达到「应到人数」的半数以上. */
export const BASE_LABELS: Readonly<Record<Base, string>> = {
  entitled: '应到人数',
  present: '实到人数',
  returned: '收回票数',
  valid: '有效票数',
};

/** '>=' reaches the share (半数以上, 含本数); '>' must exceed it (过半数, 超过). */
export const COMPARATORS = ['>=', '>'] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const COMPARATOR_LABELS: Readonly<Record<Comparator, string>> = {
  '>=': '达到（含本数）',
  '>': '超过（不含本数）',
};

export const fractionSchema = z
  .object(
    {
      num: intField('比例的分子', 1, 100),
      den: intField('比例的分母', 1, 100),
    },
    objectError('比例'),
  )
  .refine((f) => f.num <= f.den, { message: '比例的分子不能大于分母（比例应在0到1之间）', path: ['num'] });
export type Fraction = z.infer<typeof fractionSchema>;

const gradeSchema = enumField('计票等次', GRADES);

export const thresholdSchema = z.object(
  {
    outcome: requiredText('判定等次', 10),
    /** Which grade counts are added up, e.g. [satisfied] or [satisfied, basic]. */
    numerator: z
      .array(gradeSchema, { error: '计入的等次应为列表' })
      .min(1, '判定条件至少应计入一个等次的票数')
      .refine((g) => new Set(g).size === g.length, { message: '判定条件中计入的等次不能重复' }),
    base: enumField('判定基数', BASES),
    fraction: fractionSchema,
    comparator: enumField('比较方式', COMPARATORS),
  },
  objectError('判定条件'),
);
export type Threshold = z.infer<typeof thresholdSchema>;

/**
 * Preset keys and labels describe the arithmetic only (half of 应到, three grades; more than half,
 * two grades; more than two thirds passes). They are for the settings screen: no document and no
 * hall view ever prints a rule's name — rule-text.ts words the rule from its numbers.
 */
export const PRESET_IDS = ['half-three-level', 'majority-two-level', 'two-thirds-pass'] as const;
export type PresetId = (typeof PRESET_IDS)[number];
export const DEFAULT_PRESET: PresetId = 'half-three-level';
export const RULE_KINDS = [...PRESET_IDS, 'custom'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const RULE_KIND_LABELS: Readonly<Record<RuleKind, string>> = {
  'half-three-level': '半数三级',
  'majority-two-level': '过半两级',
  'two-thirds-pass': '三分之二通过',
  custom: '自定义',
};

const half: Fraction = { num: 1, den: 2 };
const twoThirds: Fraction = { num: 2, den: 3 };

/**
 * The presets. 半数三级 (the default): 满意 when 满意 reaches half of 应到, else 基本满意 when 满意 +
 * 基本满意 exceed half of 应到, else 不满意. 过半两级: 满意 when 满意 exceeds half of 应到, else 不满意.
 * 三分之二通过: 通过 when 满意 + 基本满意 exceed two thirds of the sheets returned. The first two name
 * their outcomes after the grade labels (so an office that renamed 基本满意 sees its own word).
 */
export function presetRule(id: PresetId, labels: GradeLabels = DEFAULT_GRADE_LABELS): GradeRule {
  const { satisfied: s, basic: b, unsatisfied: u } = labels;
  switch (id) {
    case 'half-three-level':
      return {
        kind: 'half-three-level',
        name: RULE_KIND_LABELS['half-three-level'],
        thresholds: [
          // The published rule: 满意 needs only to reach half ("达到半数以上")…
          { outcome: s, numerator: ['satisfied'], base: 'entitled', fraction: half, comparator: '>=' },
          // …while 满意 + 基本满意 at exactly half ("不足半数（含半数）") is 不满意.
          { outcome: b, numerator: ['satisfied', 'basic'], base: 'entitled', fraction: half, comparator: '>' },
        ],
        fallback: u,
        outcomes: [s, b, u],
        failing: u,
      };
    case 'majority-two-level':
      return {
        kind: 'majority-two-level',
        name: RULE_KIND_LABELS['majority-two-level'],
        thresholds: [{ outcome: s, numerator: ['satisfied'], base: 'entitled', fraction: half, comparator: '>' }],
        fallback: u,
        outcomes: [s, u],
        failing: u,
      };
    case 'two-thirds-pass':
      return {
        kind: 'two-thirds-pass',
        name: RULE_KIND_LABELS['two-thirds-pass'],
        thresholds: [{ outcome: '通过', numerator: ['satisfied', 'basic'], base: 'returned', fraction: twoThirds, comparator: '>' }],
        fallback: '不通过',
        outcomes: ['通过', '不通过'],
        failing: '不通过',
      };
  }
}

/** The parts of a threshold that make it what it is (labels aside), for comparing with a preset. */
function thresholdShape(t: Threshold): string {
  const grades = GRADES.filter((g) => t.numerator.includes(g)).join('+');
  return `${grades}|${t.base}|${t.fraction.num}/${t.fraction.den}|${t.comparator}`;
}

function ruleChecks(rule: GradeRuleShape, ctx: z.RefinementCtx): void {
  const outcomes = rule.outcomes;
  const seen = new Set<string>();
  outcomes.forEach((o, i) => {
    if (seen.has(o)) ctx.addIssue({ code: 'custom', message: `等次“${o}”重复`, path: ['outcomes', i] });
    seen.add(o);
  });
  const known = new Set(outcomes);
  rule.thresholds.forEach((t, i) => {
    if (!known.has(t.outcome)) {
      ctx.addIssue({ code: 'custom', message: `第${i + 1}个判定条件的等次“${t.outcome}”不在等次列表中`, path: ['thresholds', i, 'outcome'] });
    }
    // Exceeding the whole base can never happen: such a condition would be dead text in the rule.
    if (t.comparator === '>' && t.fraction.num === t.fraction.den) {
      ctx.addIssue({ code: 'custom', message: `第${i + 1}个判定条件要求超过全数，永远不能满足，请改为“达到”`, path: ['thresholds', i, 'comparator'] });
    }
  });
  if (!known.has(rule.fallback)) {
    ctx.addIssue({ code: 'custom', message: `其余情形的等次“${rule.fallback}”不在等次列表中`, path: ['fallback'] });
  }
  if (!known.has(rule.failing)) {
    ctx.addIssue({ code: 'custom', message: `不合格等次“${rule.failing}”不在等次列表中`, path: ['failing'] });
  }
  // An outcome no path can reach would show up as an empty column in every statistic.
  const reachable = new Set([...rule.thresholds.map((t) => t.outcome), rule.fallback]);
  outcomes.forEach((o, i) => {
    if (!reachable.has(o)) ctx.addIssue({ code: 'custom', message: `等次“${o}”既没有判定条件，也不是其余情形的等次`, path: ['outcomes', i] });
  });
  // A rule that calls itself a preset must be that preset, or the settings screen would name a
  // preset that does not match the arithmetic the documents word.
  if (rule.kind !== 'custom') {
    const preset = presetRule(rule.kind);
    const same =
      preset.thresholds.length === rule.thresholds.length &&
      preset.thresholds.every((t, i) => rule.thresholds[i] !== undefined && thresholdShape(t) === thresholdShape(rule.thresholds[i]));
    if (!same) {
      ctx.addIssue({
        code: 'custom',
        message: `规则标为“${RULE_KIND_LABELS[rule.kind]}”，但判定条件与该预设不一致，请改为自定义规则`,
        path: ['kind'],
      });
    }
  }
}

const outcomeLabel = requiredText('等次名称', 10);

export const gradeRuleObject = z.object(
  {
    kind: enumField('规则类型', RULE_KINDS).default('custom'),
    /** For the settings screen only: never printed or projected (the rule is worded from its numbers). */
    name: requiredText('规则名称', 30),
    thresholds: z
      .array(thresholdSchema, { error: '判定条件应为列表' })
      .min(1, '规则至少应有1个判定条件')
      .max(6, '判定条件不能超过6个'),
    /** The outcome when no threshold is met. */
    fallback: outcomeLabel,
    /** Best to worst; statistics count outcomes by these labels. */
    outcomes: z.array(outcomeLabel, { error: '等次应为列表' }).min(2, '规则至少应有2个等次').max(6, '等次不能超过6个'),
    /** The outcome that starts the re-report and re-vote path (不满意, 不通过). */
    failing: requiredText('不合格等次', 10),
  },
  objectError('测评规则'),
);
type GradeRuleShape = z.infer<typeof gradeRuleObject>;

export const gradeRuleSchema = gradeRuleObject.superRefine(ruleChecks);
export type GradeRule = z.infer<typeof gradeRuleSchema>;
export type GradeRuleInput = z.input<typeof gradeRuleSchema>;

/** 满意率: (满意 + 基本满意) ÷ valid by default, or 满意 ÷ valid. */
export const RATE_FORMULAS = ['satisfied-basic', 'satisfied'] as const;
export type RateFormula = (typeof RATE_FORMULAS)[number];
export const rateFormulaSchema = enumField('满意率计算方式', RATE_FORMULAS);

/** Which grades the rate's numerator adds up. */
export function rateGrades(formula: RateFormula): Grade[] {
  return formula === 'satisfied' ? ['satisfied'] : ['satisfied', 'basic'];
}

/** （满意票＋基本满意票）÷有效票 */
export function describeRateFormula(formula: RateFormula, labels: GradeLabels = DEFAULT_GRADE_LABELS): string {
  const top = rateGrades(formula).map((g) => `${labels[g]}票`);
  return `${top.length > 1 ? `（${top.join('＋')}）` : top[0]}÷有效票`;
}

/**
 * The vote settings (settings.votes). Presets are stored by name and built from the grade labels
 * when used (resolveRule), so renaming a grade cannot leave a preset quoting the old word; a custom
 * rule is stored in full.
 */
export const voteRulesSchema = z
  .object(
    {
      gradeLabels: gradeLabelsSchema.prefault({}),
      ruleKind: enumField('测评规则', RULE_KINDS).default(DEFAULT_PRESET),
      customRule: gradeRuleSchema.nullable().default(null),
      blankPolicy: blankPolicySchema.default('invalid'),
      rateFormula: rateFormulaSchema.default('satisfied-basic'),
    },
    objectError('民主测评设置'),
  )
  .superRefine((v, ctx) => {
    if (v.ruleKind === 'custom' && v.customRule === null) {
      ctx.addIssue({ code: 'custom', message: '选择自定义规则时，应设置判定条件', path: ['customRule'] });
    }
  });
export type VoteRules = z.infer<typeof voteRulesSchema>;
export type VoteRulesInput = z.input<typeof voteRulesSchema>;

/** The full rule the settings select. */
export function resolveRule(settings: Pick<VoteRules, 'gradeLabels' | 'ruleKind' | 'customRule'>): GradeRule {
  if (settings.ruleKind !== 'custom') return presetRule(settings.ruleKind, settings.gradeLabels);
  if (settings.customRule === null) throw new Error('resolveRule: custom rule kind without a custom rule');
  return settings.customRule;
}
