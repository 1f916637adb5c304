import type { GradeResult } from './grade';
import { fractionWords } from './rule-text';
import type { Base, GradeRule } from './rules';
import { DEFAULT_GRADE_LABELS, GRADES, type GradeLabels } from './terms';

/**
 * Why a row's grade is not the best one, as one line of the hall's result page: the condition of
 * the grade just above it, with this row's numbers — "满意 14 票，未达应到 30 人的半数". A rate of
 * 93% graded 基本满意 reads as a mistake to the room until it sees that 满意 alone fell short.
 * Built from the stored checks (the numbers the grading compared) and the rule's thresholds.
 */

const BASE_WORDS: Readonly<Record<Base, { name: string; unit: string }>> = {
  entitled: { name: '应到', unit: '人' },
  present: { name: '实到', unit: '人' },
  returned: { name: '收回', unit: '张' },
  valid: { name: '有效票', unit: '张' },
};

export type ExplainInput = Pick<GradeResult, 'checks' | 'decidedBy' | 'outcomeRank'>;

/** The line for one row, or null for the best outcome (nothing to explain). */
export function explainGrade(result: ExplainInput, rule: Pick<GradeRule, 'thresholds'>, labels: GradeLabels = DEFAULT_GRADE_LABELS): string | null {
  if (result.outcomeRank <= 0) return null;
  // The threshold just above the outcome: the last one checked and missed.
  const missed = result.decidedBy === null ? result.checks.at(-1) : result.checks[result.decidedBy - 1];
  const t = missed ? rule.thresholds[missed.index] : undefined;
  if (!missed || !t || missed.met) return null;
  const grades = GRADES.filter((g) => t.numerator.includes(g)).map((g) => labels[g]);
  const votes = grades.length === 1 ? `${grades[0]} ${missed.votes} 票` : `${grades.join('与')}共 ${missed.votes} 票`;
  const base = BASE_WORDS[t.base];
  if (missed.baseValue <= 0) return `${votes}，${base.name} ${missed.baseValue} ${base.unit}，不作判定`;
  const verb = t.comparator === '>=' ? '未达' : '未超过';
  return `${votes}，${verb}${base.name} ${missed.baseValue} ${base.unit}的${fractionWords(t.fraction)}`;
}
