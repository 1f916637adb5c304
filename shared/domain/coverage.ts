import { formatDateCn, yearOfIsoDate } from '../format/dates';
import { EVALUATEE_CATEGORIES, type Evaluatee, type EvaluateeCategory } from './evaluatees';
import { stageHeld, type Evaluation, type ReportMode, type Stage } from './evaluations';
import { termYears, type Term } from './settings';

/**
 * Plan coverage (全覆盖): every person who holds an appointed post during the term is evaluated
 * once in it. Pure and cheap, so the 五年计划 screen recomputes it on every change. A successor on
 * a post is a person of their own and needs their own evaluation.
 */

export interface CoverageInput {
  evaluatees: readonly Evaluatee[];
  /** Evaluations of any years; those outside the term are ignored. */
  evaluations: readonly Evaluation[];
  term: Pick<Term, 'startYear' | 'endYear'>;
  /**
   * Each evaluation's stage as derived from its records (the services pass deriveStage's); without
   * it, the legacy stored stage.
   */
  stageOf?: (ev: Evaluation) => Stage | 'escalated';
}

/**
 * covered: an evaluation in a year of the term; uncovered: none yet and still in post;
 * left: none, and the post ended, so nobody can cover it any more (not counted as outstanding).
 */
export type CoverageStatus = 'covered' | 'uncovered' | 'left';

export const COVERAGE_STATUS_LABELS: Record<CoverageStatus, string> = {
  covered: '已覆盖',
  uncovered: '未覆盖',
  left: '已离任未评议',
};

export interface CoverageCell {
  year: number;
  evaluationId: string;
  stage: Stage | 'escalated';
  mode: ReportMode;
  /** The meeting has heard this evaluation (stage vote or later). */
  held: boolean;
  /** Part of a conflict: show it marked. */
  conflict: boolean;
}

export interface CoverageRow {
  evaluatee: Evaluatee;
  status: CoverageStatus;
  /** Aligned with CoverageResult.years; null where the person is not planned. */
  cells: (CoverageCell | null)[];
  /** Years of the term with a valid evaluation of this person. */
  coveredYears: number[];
  /** Years of the term in which this person can be planned (in post for at least part of it). */
  plannableYears: number[];
}

export type ConflictKind = 'planned-twice' | 'planned-after-end' | 'planned-before-appointment' | 'successor-uncovered' | 'unknown-evaluatee';

export interface CoverageConflict {
  kind: ConflictKind;
  /** error: the plan is wrong; warning: something to plan (a new holder of a post). */
  severity: 'error' | 'warning';
  evaluateeId: string;
  /** The years concerned (the repeated years, the misplaced year …). */
  years: number[];
  /** For successor-uncovered: the previous holder. */
  predecessorId?: string;
  message: string;
}

export interface CategoryCounts {
  total: number;
  covered: number;
  uncovered: number;
  left: number;
}

export interface CoverageCounts extends CategoryCounts {
  errors: number;
  warnings: number;
  byCategory: Record<EvaluateeCategory, CategoryCounts>;
  /** Evaluations per year of the term (aligned with years), conflicting ones included. */
  plannedPerYear: number[];
}

export interface CoverageResult {
  years: number[];
  rows: CoverageRow[];
  conflicts: CoverageConflict[];
  counts: CoverageCounts;
}

/** Held the post during at least part of the term, so the term's plan must cover them. */
function inTerm(e: Evaluatee, startYear: number, endYear: number): boolean {
  return yearOfIsoDate(e.appointmentDate) <= endYear && (!e.endedDate || yearOfIsoDate(e.endedDate) >= startYear);
}

const yearsText = (years: readonly number[]) => years.map((y) => `${y}年`).join('、');

export function computeCoverage(input: CoverageInput): CoverageResult {
  const { startYear, endYear } = input.term;
  const years = termYears(input.term);
  const byId = new Map(input.evaluatees.map((e) => [e.id, e]));
  const stageOf = input.stageOf ?? ((ev: Evaluation) => ev.stage);
  const conflicts: CoverageConflict[] = [];

  const evaluationsOf = new Map<string, Evaluation[]>();
  for (const ev of input.evaluations) {
    if (ev.year < startYear || ev.year > endYear) continue;
    if (!byId.has(ev.evaluateeId)) {
      conflicts.push({ kind: 'unknown-evaluatee', severity: 'error', evaluateeId: ev.evaluateeId, years: [ev.year], message: `${ev.year}年计划中有一条评议的被评议对象已不存在` });
      continue;
    }
    evaluationsOf.set(ev.evaluateeId, [...(evaluationsOf.get(ev.evaluateeId) ?? []), ev]);
  }

  const rows: CoverageRow[] = [];
  for (const e of input.evaluatees) {
    const evs = (evaluationsOf.get(e.id) ?? []).sort((a, b) => a.year - b.year);
    if (!inTerm(e, startYear, endYear) && evs.length === 0) continue;

    const appointedYear = yearOfIsoDate(e.appointmentDate);
    const endedYear = e.endedDate ? yearOfIsoDate(e.endedDate) : undefined;
    const misplaced = new Set<string>();
    for (const ev of evs) {
      if (ev.year < appointedYear) {
        misplaced.add(ev.id);
        conflicts.push({
          kind: 'planned-before-appointment',
          severity: 'error',
          evaluateeId: e.id,
          years: [ev.year],
          message: `${e.name}于${formatDateCn(e.appointmentDate)}任职，不应列入${ev.year}年评议计划`,
        });
      } else if (e.endedDate && endedYear !== undefined && (ev.year > endedYear || (ev.year === endedYear && !stageHeld(stageOf(ev))))) {
        // In the year of leaving only an evaluation already heard stands; a pending one cannot take place.
        misplaced.add(ev.id);
        conflicts.push({
          kind: 'planned-after-end',
          severity: 'error',
          evaluateeId: e.id,
          years: [ev.year],
          message: `${e.name}已于${formatDateCn(e.endedDate)}${e.endReason ?? '离任'}，不应列入${ev.year}年评议计划`,
        });
      }
    }
    const valid = evs.filter((ev) => !misplaced.has(ev.id));
    const repeated = valid.length > 1;
    if (repeated) {
      conflicts.push({
        kind: 'planned-twice',
        severity: 'error',
        evaluateeId: e.id,
        years: valid.map((ev) => ev.year),
        message: `${e.name}在本届内列入评议计划${valid.length}次（${yearsText(valid.map((ev) => ev.year))}），每人只需评议一次`,
      });
    }

    const status: CoverageStatus = valid.length > 0 ? 'covered' : e.endedDate ? 'left' : 'uncovered';
    if (status === 'uncovered' && e.successorOf !== undefined) {
      const predecessor = byId.get(e.successorOf);
      conflicts.push({
        kind: 'successor-uncovered',
        severity: 'warning',
        evaluateeId: e.id,
        years: [],
        predecessorId: e.successorOf,
        message: `${e.position}岗位已于${formatDateCn(e.appointmentDate)}由${e.name}接任${predecessor ? `（前任${predecessor.name}）` : ''}，${e.name}尚未列入评议计划`,
      });
    }

    const cells = years.map((year): CoverageCell | null => {
      const ev = evs.find((x) => x.year === year);
      if (!ev) return null;
      const stage = stageOf(ev);
      return { year, evaluationId: ev.id, stage, mode: ev.mode, held: stageHeld(stage), conflict: misplaced.has(ev.id) || repeated };
    });
    const lastYear = Math.min(endYear, endedYear ?? endYear);
    const plannableYears = years.filter((y) => y >= appointedYear && y <= lastYear);
    rows.push({ evaluatee: e, status, cells, coveredYears: valid.map((ev) => ev.year), plannableYears });
  }

  // Grouped by category in the fixed category order; input order (the unit list) within a group.
  const rank = (c: EvaluateeCategory) => EVALUATEE_CATEGORIES.indexOf(c);
  rows.sort((a, b) => rank(a.evaluatee.category) - rank(b.evaluatee.category));

  return { years, rows, conflicts, counts: countCoverage(rows, conflicts, years, input.evaluations) };
}

function emptyCounts(): CategoryCounts {
  return { total: 0, covered: 0, uncovered: 0, left: 0 };
}

function countCoverage(rows: readonly CoverageRow[], conflicts: readonly CoverageConflict[], years: readonly number[], evaluations: readonly Evaluation[]): CoverageCounts {
  const total = emptyCounts();
  const byCategory = Object.fromEntries(EVALUATEE_CATEGORIES.map((c) => [c, emptyCounts()])) as Record<EvaluateeCategory, CategoryCounts>;
  for (const row of rows) {
    for (const c of [total, byCategory[row.evaluatee.category]]) {
      c.total++;
      c[row.status]++;
    }
  }
  return {
    ...total,
    errors: conflicts.filter((c) => c.severity === 'error').length,
    warnings: conflicts.filter((c) => c.severity === 'warning').length,
    byCategory,
    plannedPerYear: years.map((y) => evaluations.filter((ev) => ev.year === y).length),
  };
}
