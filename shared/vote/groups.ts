import { z } from 'zod';
import { gradeResult, type GradeResult } from './grade';
import { describePolicies, describeRule, ruleSummary } from './rule-text';
import { gradeRuleSchema, rateFormulaSchema, resolveRule, type GradeRule, type RateFormula, type VoteRules } from './rules';
import {
  blankPolicySchema,
  countsSchema,
  gradeLabelsSchema,
  isBindingGroup,
  roundContextSchema,
  voterGroupLabel,
  voterGroupSchema,
  type BlankPolicy,
  type Counts,
  type GradeLabels,
  type RoundContext,
  type VoterGroup,
} from './terms';

/**
 * A round's results per voter group. Each group is graded on its own counts and its own 应到/实到;
 * nothing is ever added across groups, and only the members' group (the binding one) decides the
 * evaluation's grade.
 */

/** What a result keeps of the settings: the rule's parameters and its words, frozen at grading. */
export const ruleSnapshotSchema = z.object({
  rule: gradeRuleSchema,
  gradeLabels: gradeLabelsSchema,
  blankPolicy: blankPolicySchema,
  rateFormula: rateFormulaSchema,
  /** describeRule */
  text: z.string(),
  /** ruleSummary */
  summary: z.string(),
  /** describePolicies */
  policyText: z.string(),
});
export type RuleSnapshot = z.infer<typeof ruleSnapshotSchema>;

export interface GradingSettings {
  rule: GradeRule;
  gradeLabels: GradeLabels;
  blankPolicy: BlankPolicy;
  rateFormula: RateFormula;
}

/** The settings a round is graded under, from settings.votes. */
export function gradingSettings(votes: VoteRules): GradingSettings {
  return { rule: resolveRule(votes), gradeLabels: votes.gradeLabels, blankPolicy: votes.blankPolicy, rateFormula: votes.rateFormula };
}

export function ruleSnapshot(s: GradingSettings): RuleSnapshot {
  return {
    rule: s.rule,
    gradeLabels: s.gradeLabels,
    blankPolicy: s.blankPolicy,
    rateFormula: s.rateFormula,
    text: describeRule(s.rule, s.gradeLabels),
    summary: ruleSummary(s.rule, s.gradeLabels),
    policyText: describePolicies(s.blankPolicy, s.rateFormula, s.gradeLabels),
  };
}

/** The stored form of one GradeResult. */
export const gradeResultSchema = z.object({
  outcome: z.string(),
  outcomeRank: z.number().int(),
  failing: z.boolean(),
  decidedBy: z.number().int().nullable(),
  checks: z.array(
    z.object({ index: z.number().int(), outcome: z.string(), votes: z.number().int(), baseValue: z.number().int(), met: z.boolean() }),
  ),
  counts: countsSchema,
  valid: z.number().int(),
  rate: z.number().nullable(),
  rateNumerator: z.number().int(),
  rateText: z.string(),
  arithmetic: z.array(z.string()),
  ruleText: z.string(),
  policyText: z.string(),
  summary: z.string(),
}) satisfies z.ZodType<GradeResult>;

export interface GroupTally {
  group: VoterGroup;
  context: RoundContext;
  /** One entry per evaluatee, in sheet order. */
  counts: Counts[];
}

export interface GroupResult {
  group: VoterGroup;
  label: string;
  binding: boolean;
  context: RoundContext;
  results: GradeResult[];
}

export interface RoundResults {
  /** The members' group: the one that decides. */
  binding: GroupResult;
  /** Deputies, citizens…: shown beside the binding result, never mixed into it. */
  apart: GroupResult[];
}

/** The stored form of one group's results (counts, 应到/实到, issued/returned, grades). */
export const groupResultSchema = z.object({
  group: voterGroupSchema,
  label: z.string(),
  binding: z.boolean(),
  context: roundContextSchema,
  results: z.array(gradeResultSchema),
}) satisfies z.ZodType<GroupResult>;

/** Why a set of group tallies cannot be graded, or null. */
export function groupsProblem(tallies: readonly GroupTally[], evaluateeCount: number): string | null {
  const binding = tallies.filter((t) => isBindingGroup(t.group.kind));
  if (binding.length !== 1) return `应有且只有一组常委会组成人员的计票结果，现有 ${binding.length} 组`;
  const labels = tallies.map((t) => voterGroupLabel(t.group));
  const twice = labels.find((l, i) => labels.indexOf(l) !== i);
  if (twice !== undefined) return `投票人员类别“${twice}”重复`;
  const short = tallies.find((t) => t.counts.length !== evaluateeCount);
  if (short) return `${voterGroupLabel(short.group)}的计票结果有 ${short.counts.length} 人，本票有 ${evaluateeCount} 名被测评对象`;
  return null;
}

function gradeGroup(t: GroupTally, s: GradingSettings): GroupResult {
  return {
    group: t.group,
    label: voterGroupLabel(t.group),
    binding: isBindingGroup(t.group.kind),
    context: { ...t.context },
    results: t.counts.map((c) => gradeResult(c, t.context, s.rule, s.blankPolicy, s.rateFormula, s.gradeLabels)),
  };
}

/** Grades every group on its own numbers; throws (Chinese message) on tallies that cannot be graded. */
export function gradeGroups(tallies: readonly GroupTally[], evaluateeCount: number, settings: GradingSettings): RoundResults {
  const problem = groupsProblem(tallies, evaluateeCount);
  if (problem !== null) throw new RangeError(problem);
  const graded = tallies.map((t) => gradeGroup(t, settings));
  const binding = graded.find((g) => g.binding);
  if (!binding) throw new RangeError('缺少常委会组成人员的计票结果');
  return { binding, apart: graded.filter((g) => !g.binding) };
}
