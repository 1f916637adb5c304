import { formatRate } from '../format/numbers';
import { describePolicies, describeRule, reduceFraction } from './rule-text';
import { rateGrades, type Base, type Comparator, type Fraction, type GradeRule, type RateFormula, type Threshold } from './rules';
import { DEFAULT_GRADE_LABELS, GRADES, markLabels, validCount, type BlankPolicy, type Counts, type GradeLabels, type RoundContext } from './terms';

/**
 * Grading one evaluatee's counts in one voter group. Every comparison is done on integers
 * (count × den against num × base), never on floating point, so exactly-one-half is decided by the
 * comparator and nothing else.
 */

export interface ThresholdCheck {
  /** Position in rule.thresholds. */
  index: number;
  outcome: string;
  /** The numerator: the grade counts added up. */
  votes: number;
  /** The base's value: 应到, 实到, returned or valid. */
  baseValue: number;
  met: boolean;
}

export interface GradeResult {
  outcome: string;
  /** Position of the outcome in rule.outcomes (0 = best). */
  outcomeRank: number;
  /** The outcome is the rule's failing one: the evaluation enters the re-report path. */
  failing: boolean;
  /** Index of the threshold that decided, or null when the fallback did. */
  decidedBy: number | null;
  /** Thresholds in the order they were checked (those after the deciding one are not checked). */
  checks: ThresholdCheck[];
  counts: Counts;
  valid: number;
  /** Percentage with one decimal (96.9), as shown; null when there is no valid sheet. */
  rate: number | null;
  /** The rate's numerator; rateNumerator ÷ valid is the exact figure. */
  rateNumerator: number;
  /** 96.9% or — */
  rateText: string;
  /** One line per threshold checked, with the numbers, then the outcome. */
  arithmetic: string[];
  ruleText: string;
  /** Blank policy and rate formula in words. */
  policyText: string;
  /** One line for the hall. */
  summary: string;
}

/** The value of a base for one evaluatee. */
export function baseValue(base: Base, counts: Counts, context: RoundContext, blankPolicy: BlankPolicy): number {
  switch (base) {
    case 'entitled':
      return context.entitled;
    case 'present':
      return context.present;
    case 'returned':
      return context.returned;
    case 'valid':
      return validCount(counts, blankPolicy);
  }
}

/**
 * votes ≥ (or >) fraction × base, exactly. A base of 0 never meets a threshold: "half of nobody"
 * would otherwise grade a round without a single valid sheet as the best outcome.
 */
export function meetsShare(votes: number, base: number, fraction: Fraction, comparator: Comparator): boolean {
  if (base <= 0) return false;
  const left = votes * fraction.den;
  const right = fraction.num * base;
  return comparator === '>=' ? left >= right : left > right;
}

export function thresholdVotes(t: Pick<Threshold, 'numerator'>, counts: Counts): number {
  return GRADES.filter((g) => t.numerator.includes(g)).reduce((sum, g) => sum + counts[g], 0);
}

const BASE_WORDS: Readonly<Record<Base, { name: string; unit: string }>> = {
  entitled: { name: '应到', unit: '人' },
  present: { name: '实到', unit: '人' },
  returned: { name: '收回', unit: '张' },
  valid: { name: '有效', unit: '票' },
};

/** 28 × 1/2 = 14 · 29 × 1/2 = 14.5 · 29 × 2/3 ≈ 19.33 */
function productText(base: number, f: Fraction): string {
  const r = reduceFraction(f);
  const numerator = base * r.num;
  if (numerator % r.den === 0) return `= ${numerator / r.den}`;
  // Two decimals are exact when den divides numerator × 100; otherwise say it is rounded.
  const exact = (numerator * 100) % r.den === 0;
  const shown = (Math.round((numerator * 100) / r.den) / 100).toString();
  return `${exact ? '=' : '≈'} ${shown}`;
}

function arithmeticLine(t: Threshold, check: ThresholdCheck, counts: Counts, labels: GradeLabels): string {
  const grades = GRADES.filter((g) => t.numerator.includes(g));
  const terms = grades.map((g) => `${labels[g]} ${counts[g]} 票`);
  const left = terms.length === 1 ? terms[0] : `${terms.join(' + ')} = ${check.votes} 票`;
  const b = BASE_WORDS[t.base];
  const r = reduceFraction(t.fraction);
  const right = `${b.name} ${check.baseValue} ${b.unit} × ${r.num}/${r.den}`;
  if (check.baseValue <= 0) return `${left}，${b.name} ${check.baseValue} ${b.unit}，基数为 0，不作判定 → 不满足`;
  const sign = check.met ? (t.comparator === '>=' ? '≥' : '>') : t.comparator === '>=' ? '<' : '≤';
  return `${left} ${sign} ${right} ${productText(check.baseValue, t.fraction)} → ${check.met ? t.outcome : '不满足'}`;
}

export function gradeResult(
  counts: Counts,
  context: RoundContext,
  rule: GradeRule,
  blankPolicy: BlankPolicy,
  rateFormula: RateFormula,
  labels: GradeLabels = DEFAULT_GRADE_LABELS,
): GradeResult {
  const checks: ThresholdCheck[] = [];
  const arithmetic: string[] = [];
  let decidedBy: number | null = null;
  for (const [index, t] of rule.thresholds.entries()) {
    const votes = thresholdVotes(t, counts);
    const value = baseValue(t.base, counts, context, blankPolicy);
    const check: ThresholdCheck = { index, outcome: t.outcome, votes, baseValue: value, met: meetsShare(votes, value, t.fraction, t.comparator) };
    checks.push(check);
    arithmetic.push(arithmeticLine(t, check, counts, labels));
    if (check.met) {
      decidedBy = index;
      break;
    }
  }
  const outcome = decidedBy === null ? rule.fallback : (rule.thresholds[decidedBy]?.outcome ?? rule.fallback);
  if (decidedBy === null) arithmetic.push(`以上条件均不满足 → ${outcome}`);

  const valid = validCount(counts, blankPolicy);
  const rateNumerator = rateGrades(rateFormula).reduce((sum, g) => sum + counts[g], 0);
  // The same integer division formatRate rounds, so the number and the text always agree.
  const rate = valid === 0 ? null : Math.round((rateNumerator * 1000) / valid) / 10;
  const rateText = formatRate(rateNumerator, valid);

  const names = markLabels(labels, blankPolicy);
  const shown = [
    ...GRADES.map((g) => `${names[g]} ${counts[g]} 票`),
    // Blank and invalid only when there are any: the hall line stays short in the usual case.
    ...(counts.blank > 0 ? [`${names.blank} ${counts.blank} 票`] : []),
    ...(counts.invalid > 0 ? [`${names.invalid} ${counts.invalid} 票`] : []),
  ];
  const summary = `${shown.join('，')}，满意率 ${rateText}，等次：${outcome}`;

  return {
    outcome,
    outcomeRank: rule.outcomes.indexOf(outcome),
    failing: outcome === rule.failing,
    decidedBy,
    checks,
    counts: { ...counts },
    valid,
    rate,
    rateNumerator,
    rateText,
    arithmetic,
    ruleText: describeRule(rule, labels),
    policyText: describePolicies(blankPolicy, rateFormula, labels),
    summary,
  };
}
