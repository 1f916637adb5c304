import { chineseNumeral } from '../format/chinese-numerals';
import { BASE_LABELS, describeRateFormula, type Base, type Comparator, type Fraction, type GradeRule, type RateFormula, type Threshold } from './rules';
import { BLANK_POLICY_LABELS, DEFAULT_GRADE_LABELS, GRADES, type BlankPolicy, type GradeLabels } from './terms';

/**
 * The rule in words. Chinese legal usage decides the boundary: "过半数" / "超过" exclude the
 * share itself, "半数以上" / "以上" include it. The words are generated from the comparator, never
 * typed, so the text cannot disagree with the arithmetic.
 */

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** 2/4 reads and computes as 1/2: the words 半数 / 过半数 must apply to it too. */
export function reduceFraction(f: Fraction): Fraction {
  const g = gcd(f.num, f.den);
  return { num: f.num / g, den: f.den / g };
}

/** 1/2 → 半数, 2/3 → 三分之二, 1/1 → 全部. */
export function fractionWords(f: Fraction): string {
  const r = reduceFraction(f);
  if (r.num === r.den) return '全部';
  if (r.num === 1 && r.den === 2) return '半数';
  return `${chineseNumeral(r.den)}分之${chineseNumeral(r.num)}`;
}

/** 满意票 / 满意票与基本满意票之和 / 满意票、基本满意票与不满意票之和 */
export function numeratorWords(numerator: readonly string[], labels: GradeLabels = DEFAULT_GRADE_LABELS): string {
  const names = GRADES.filter((g) => numerator.includes(g)).map((g) => `${labels[g]}票`);
  if (names.length === 1) return names[0] ?? '';
  return `${names.slice(0, -1).join('、')}与${names[names.length - 1]}之和`;
}

/**
 * 达到应到人数的半数以上（含半数） · 超过应到人数的半数（即过半数）
 * 达到收回票数的三分之二以上（含三分之二） · 超过收回票数的三分之二（不含三分之二）
 */
export function shareWords(base: Base, fraction: Fraction, comparator: Comparator): string {
  const words = fractionWords(fraction);
  const of = `${BASE_LABELS[base]}的${words}`;
  // Schema refuses '>' with 1/1 (never met); '>=' 1/1 means every vote.
  if (words === '全部') return `${comparator === '>=' ? '达到' : '超过'}${BASE_LABELS[base]}全数`;
  if (words === '半数') return comparator === '>=' ? `达到${of}以上（含半数）` : `超过${of}（即过半数）`;
  return comparator === '>=' ? `达到${of}以上（含${words}）` : `超过${of}（不含${words}）`;
}

export function describeThreshold(t: Threshold, labels: GradeLabels = DEFAULT_GRADE_LABELS): string {
  return `${numeratorWords(t.numerator, labels)}${shareWords(t.base, t.fraction, t.comparator)}的，为“${t.outcome}”`;
}

/**
 * The rule in full, as the console and the documents quote it, e.g.
 * 依次判定，满意票达到应到人数的半数以上（含半数）的，为“满意”；否则，满意票与基本满意票之和
 * 超过应到人数的半数（即过半数）的，为“基本满意”；其余为“不满意”。等次由好到差依次为满意、基本满意、
 * 不满意；“不满意”为不合格等次。
 * Words only, from the numbers: the rule's name (a preset's or the office's own) is never part of it,
 * so no paper or hall view quotes a label the office did not write into its own rules.
 */
export function describeRule(rule: GradeRule, labels: GradeLabels = DEFAULT_GRADE_LABELS): string {
  const steps = rule.thresholds.map((t, i) => (i === 0 ? '' : '否则，') + describeThreshold(t, labels));
  const order = rule.thresholds.length > 1 ? '依次判定，' : '';
  return (
    `${order}${steps.join('；')}；其余为“${rule.fallback}”。` +
    `等次由好到差依次为${rule.outcomes.join('、')}；“${rule.failing}”为不合格等次。`
  );
}

const COMPARATOR_SIGNS: Readonly<Record<Comparator, string>> = { '>=': '≥', '>': '>' };
export const BASE_SHORT_LABELS: Readonly<Record<Base, string>> = { entitled: '应到', present: '实到', returned: '收回', valid: '有效' };

/** One line, without the rule's name: 满意≥应到×1/2为满意；满意+基本满意>应到×1/2为基本满意；否则不满意 */
export function ruleSummary(rule: GradeRule, labels: GradeLabels = DEFAULT_GRADE_LABELS): string {
  const parts = rule.thresholds.map((t) => {
    const top = GRADES.filter((g) => t.numerator.includes(g))
      .map((g) => labels[g])
      .join('+');
    const f = reduceFraction(t.fraction);
    return `${top}${COMPARATOR_SIGNS[t.comparator]}${BASE_SHORT_LABELS[t.base]}×${f.num}/${f.den}为${t.outcome}`;
  });
  return `${parts.join('；')}；否则${rule.fallback}`;
}

/** 空白视为无效票；满意率＝（满意票＋基本满意票）÷有效票。 */
export function describePolicies(blankPolicy: BlankPolicy, rateFormula: RateFormula, labels: GradeLabels = DEFAULT_GRADE_LABELS): string {
  return `${BLANK_POLICY_LABELS[blankPolicy]}；满意率＝${describeRateFormula(rateFormula, labels)}。`;
}
