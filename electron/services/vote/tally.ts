import type { RoundGroup, VoteRound } from '../../../shared/domain/vote-round';
import {
  checkRound,
  compareDoubleCount,
  countsTotal,
  gradeGroups,
  groupsProblem,
  MARKS,
  tallySheets,
  voterGroupLabel,
  type CheckFailure,
  type Counts,
  type GradingSettings,
  type GroupTally,
  type RoundResults,
  type RuleSnapshot,
} from '../../../shared/vote';

/**
 * Counting a round: the counts each group stands at, the hard checks with their Chinese
 * messages, and the grading under the rule the round froze. Pure; the services and the
 * projections share it so the console, the stored result and the hall never disagree.
 */

/** The counts a group stands at now, or null while they are not entered (or not agreed). */
export function groupCounts(g: Readonly<RoundGroup>, evaluateeCount: number): Counts[] | null {
  if (g.amended) return g.amended;
  switch (g.mode) {
    case 'sheets':
      return tallySheets(g.sheets, evaluateeCount);
    case 'totals':
      return g.totals;
    case 'double': {
      const { first, second } = g.double;
      if (!first || !second) return null;
      return compareDoubleCount(Array.from({ length: evaluateeCount }, (_, i) => String(i)), first, second).length === 0 ? first : null;
    }
  }
}

/** Sheets counted so far: keyed sheets, or all returned sheets once a manual count is in. */
export function countedSheets(g: Readonly<RoundGroup>, evaluateeCount: number): number {
  if (g.mode === 'sheets' && !g.amended) return g.sheets.length;
  const counts = groupCounts(g, evaluateeCount);
  return counts ? (counts[0] ? countsTotal(counts[0]) : 0) : 0;
}

export function hasEntries(g: Readonly<RoundGroup>): boolean {
  return g.sheets.length > 0 || g.totals !== null || g.double.first !== null || g.double.second !== null;
}

export function gradingOf(snapshot: RuleSnapshot): GradingSettings {
  return { rule: snapshot.rule, gradeLabels: snapshot.gradeLabels, blankPolicy: snapshot.blankPolicy, rateFormula: snapshot.rateFormula };
}

export function groupLabelOf(g: Readonly<RoundGroup>): string {
  return voterGroupLabel(g.group);
}

/** Double count: every differing cell, named with both tellers' numbers. */
export function doubleMismatches(g: Readonly<RoundGroup>, names: readonly string[], snapshot: RuleSnapshot): CheckFailure[] {
  const { first, second } = g.double;
  if (!first || !second) return [];
  return compareDoubleCount([...names], first, second, snapshot.gradeLabels);
}

/** One group's hard-check failures now (vote-rules.md "Hard checks"), each naming its numbers. */
export function groupFailures(g: Readonly<RoundGroup>, names: readonly string[], snapshot: RuleSnapshot): string[] {
  if (g.issued === null) return ['尚未登记发出票数'];
  if (g.returned === null) return ['尚未登记收回票数'];
  const out: string[] = [];
  if (g.mode === 'double' && !g.amended) {
    if (!g.double.first) return ['尚未录入第一次计票结果'];
    if (!g.double.second) return ['尚未录入第二次计票结果'];
  }
  if (g.mode === 'totals' && !g.amended && !g.totals) return ['尚未录入汇总计票结果'];
  if (g.mode === 'sheets' && !g.amended && g.sheets.length !== g.returned) {
    out.push(`已录入 ${g.sheets.length} 张测评票，收回 ${g.returned} 张，两者不符`);
  }
  const counts = groupCounts(g, names.length);
  const failures = checkRound({
    issued: g.issued,
    returned: g.returned,
    presentInGroup: g.present ?? 0,
    perEvaluatee: names.map((name, i) => ({ name, counts: counts?.[i] ?? g.double.first?.[i] ?? emptyRow() })),
    ...(g.mode === 'double' && !g.amended && g.double.first && g.double.second ? { doubleCount: { first: g.double.first, second: g.double.second } } : {}),
    labels: snapshot.gradeLabels,
  });
  for (const f of failures) {
    // The sheet-count line above already says it; per-person sums would repeat it N times.
    if (f.code === 'total-mismatch' && out.length > 0) continue;
    out.push(f.message);
  }
  return out;
}

function emptyRow(): Counts {
  return Object.fromEntries(MARKS.map((m) => [m, 0])) as Counts;
}

/** Every hard check of the round, group by group; a group's messages carry its name when there are several. */
export function roundFailures(round: Readonly<VoteRound>, names: readonly string[]): string[] {
  const several = round.groups.length > 1;
  const out: string[] = [];
  for (const g of round.groups) {
    for (const f of groupFailures(g, names, round.rule)) out.push(several ? `${groupLabelOf(g)}：${f}` : f);
  }
  return out;
}

/** Why a round's counts cannot be checked beyond the hard checks: people, double count, tellers. */
export function checkExtras(round: Readonly<VoteRound>): string[] {
  const out: string[] = [];
  if (round.tellers.length === 0) out.push('尚未登记计票人');
  if (round.scrutineers.length === 0) out.push('尚未登记监票人');
  for (const g of round.groups) {
    if (g.mode === 'double' && !g.amended && g.double.confirmedBy === null) {
      out.push(`${round.groups.length > 1 ? `${groupLabelOf(g)}：` : ''}两次计票尚未经监票人确认`);
    }
  }
  return out;
}

export function tallies(round: Readonly<VoteRound>): GroupTally[] | null {
  const n = round.evaluateeIds.length;
  const out: GroupTally[] = [];
  for (const g of round.groups) {
    const counts = groupCounts(g, n);
    if (!counts || g.issued === null || g.returned === null) return null;
    out.push({ group: g.group, context: { entitled: g.entitled ?? 0, present: g.present ?? 0, issued: g.issued, returned: g.returned }, counts });
  }
  return out;
}

/** The round graded under its own rule, or null while counts are missing or a check fails. */
export function gradeRound(round: Readonly<VoteRound>, names: readonly string[]): RoundResults | null {
  const t = tallies(round);
  if (!t || groupsProblem(t, names.length) !== null || roundFailures(round, names).length > 0) return null;
  return gradeGroups(t, names.length, gradingOf(round.rule));
}
