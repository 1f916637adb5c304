/** The figures of a period and of the whole term, with the charts' series, from the records `indexRecords` read. */
import type { EvaluateeCategory } from '../domain/evaluatees';
import { REPORT_MODE_LABELS, type ReportMode } from '../domain/evaluations';
import { isFrozen, type OpinionRecord } from '../domain/opinions';
import { formatRate } from '../format/numbers';
import { reportDue } from '../loop/deadlines';
import { firstDelivery } from '../loop/facts';
import { issuedItems } from '../loop/items';
import { LOOP_LABELS } from '../loop/labels';
import { describeRateFormula, rateGrades, resolveRule } from '../vote/rules';
import { DEFINITIONS, FIGURE_LABELS, NO_RECORDS, type FigureKey } from './definitions';
import { indexRecords, type EvaluationFacts, type StatsInput } from './records';

/**
 * The statistics of a period (one year, or a run of years of the term), computed from the records
 * only: nothing is typed in. Every figure carries its definition and the references of the records
 * it was computed from, so a screen or a paper can show where it came from. A figure with nothing
 * to count is null with the reason, never 0% or NaN.
 */

export interface Period {
  from: number;
  to: number;
}

/** One record a figure was computed from. */
export interface RecordRef {
  kind: 'evaluation' | 'item' | 'opinion' | 'report' | 'escalation';
  year: number;
  evaluationId: string;
  /** Who: 姓名（单位及职务）. */
  name: string;
  /** What about this record counted, in Chinese. */
  detail: string;
  /** Whether it counts in the numerator (rates) — false for a record only in the denominator. */
  counted: boolean;
}

export interface Figure {
  key: FigureKey;
  label: string;
  /** The number (a rate in percent, one decimal), or null when the period has nothing to count. */
  value: number | null;
  /** As shown: "15人", "100.0%", or "—". */
  text: string;
  numerator: number | null;
  denominator: number | null;
  definition: string;
  /** Why the value is null; null when there is a value. */
  reason: string | null;
  /** How many records it was computed from (refs.length, kept when a view leaves the refs out). */
  refCount: number;
  refs: RecordRef[];
}

export interface GradeCount {
  outcome: string;
  count: number;
}

export interface YearTarget {
  year: number;
  heard: number;
  min: number;
  max: number;
  /** 低于 / 高于 the target, or null within it. */
  problem: string | null;
}

export interface PeriodStats {
  period: Period;
  /** 2024年, 2022—2024年 */
  label: string;
  figures: Record<FigureKey, Figure>;
  grades: GradeCount[];
  /** Department heads heard in person against the target, per year of the period. */
  targets: YearTarget[];
}


export function periodLabel(p: Period): string {
  return p.from === p.to ? `${p.from}年` : `${p.from}—${p.to}年`;
}

function countFigure(key: FigureKey, refs: RecordRef[], unit: string): Figure {
  return {
    key,
    label: FIGURE_LABELS[key],
    value: refs.length,
    text: `${refs.length}${unit}`,
    numerator: refs.length,
    denominator: null,
    definition: DEFINITIONS[key],
    reason: null,
    refCount: refs.length,
    refs,
  };
}

function rateFigure(key: FigureKey, num: number, den: number, refs: RecordRef[], definition: string, reason: string): Figure {
  const value = den === 0 ? null : Math.round((num * 1000) / den) / 10;
  return {
    key,
    label: FIGURE_LABELS[key],
    value,
    text: den === 0 ? '—' : formatRate(num, den),
    numerator: den === 0 ? null : num,
    denominator: den === 0 ? null : den,
    definition,
    reason: den === 0 ? reason : null,
    refCount: refs.length,
    refs,
  };
}

const ref = (f: EvaluationFacts, kind: RecordRef['kind'], detail: string, counted = true): RecordRef => ({
  kind,
  year: f.year,
  evaluationId: f.ev.id,
  name: f.name,
  detail,
  counted,
});

/** The figures of one period, from records indexed once by indexRecords. */
export function periodStats(input: StatsInput, records: readonly EvaluationFacts[], period: Period): PeriodStats {
  const inPeriod = records.filter((r) => r.year >= period.from && r.year <= period.to);
  const heard = (cats: readonly (EvaluateeCategory | null)[], mode: ReportMode) =>
    inPeriod.filter((r) => r.heard === mode && cats.includes(r.category)).map((r) => ref(r, 'evaluation', `${r.year}年 ${REPORT_MODE_LABELS[mode]}`));

  const opinions = inPeriod.filter((r) => r.opinion && r.opinion.versions.some(isFrozen));
  const delivered = opinions.filter((r) => r.opinion && firstDelivery(r.opinion) !== null);

  // Items of delivered opinions; the rate's base: those whose report date has passed.
  const itemRefs: RecordRef[] = [];
  const rectRefs: RecordRef[] = [];
  let rectNum = 0;
  for (const r of delivered) {
    const opinion = r.opinion as OpinionRecord;
    const items = issuedItems(opinion).items;
    const deliveredOn = firstDelivery(opinion) as string;
    const due = reportDue(deliveredOn, input.settings.deadlines);
    for (const item of items) {
      const entry = r.ledger.find((l) => l.opinionId === opinion.id && l.itemNo === item.no);
      const status = entry ? LOOP_LABELS.itemStatus[entry.status] : '无台账';
      const verdict = entry?.verdict ? `，回头看${LOOP_LABELS.itemVerdict[entry.verdict]}` : '';
      itemRefs.push(ref(r, 'item', `第${item.no}项：${item.text}`));
      if (due >= input.today) continue;
      const done = entry !== undefined && (entry.status === 'done' || (entry.status === 'ongoing' && (entry.verdict === 'fullyRectified' || entry.verdict === 'mostlyRectified')));
      if (done) rectNum += 1;
      rectRefs.push(ref(r, 'item', `第${item.no}项（${status}${verdict}，报告期限${due}）：${item.text}`, done));
    }
  }

  // 满意率: the members' group of each evaluation's 民主测评 result round, summed.
  const formula = input.settings.votes.rateFormula;
  const grades = rateGrades(formula);
  let satNum = 0;
  let satDen = 0;
  const satRefs: RecordRef[] = [];
  const outcomes = new Map<string, number>();
  const gradeRefs: RecordRef[] = [];
  for (const r of inPeriod) {
    if (!r.result) continue;
    const num = grades.reduce((s, g) => s + r.result!.counts[g], 0);
    satNum += num;
    satDen += r.result.valid;
    satRefs.push(ref(r, 'evaluation', `第${r.result.roundNo}轮${r.result.amended ? '（已更正）' : ''}：计入${num}票，有效票${r.result.valid}票，等次${r.result.outcome}`));
    outcomes.set(r.result.outcome, (outcomes.get(r.result.outcome) ?? 0) + 1);
    gradeRefs.push(ref(r, 'evaluation', `${r.year}年 ${r.result.outcome}`));
  }
  const order = resolveRule(input.settings.votes).outcomes;
  const gradeList: GradeCount[] = [
    ...order.map((o) => ({ outcome: o, count: outcomes.get(o) ?? 0 })),
    ...[...outcomes].filter(([o]) => !order.includes(o)).map(([outcome, count]) => ({ outcome, count })),
  ];

  // On-time reports: reports whose deadline has passed or that arrived, received by the deadline.
  let onTime = 0;
  let dueReports = 0;
  const reportRefs: RecordRef[] = [];
  for (const r of delivered) {
    // On the 不满意 path the re-report replaces the written report.
    if (r.result?.failing) continue;
    const due = reportDue(firstDelivery(r.opinion as OpinionRecord) as string, input.settings.deadlines);
    const report = r.yearData.loop?.reports.find((x) => x.evaluationId === r.ev.id);
    if (!report && due >= input.today) continue;
    dueReports += 1;
    const ok = report !== undefined && report.receivedOn <= due;
    if (ok) onTime += 1;
    reportRefs.push(ref(r, 'report', report ? `${report.receivedOn}收到，期限${due}${ok ? '' : '，逾期'}` : `期限${due}，未收到`, ok));
  }

  const escalationRefs: RecordRef[] = [];
  for (const r of inPeriod) {
    for (const step of r.yearData.loop?.escalation ?? []) {
      if (step.evaluationId === r.ev.id) escalationRefs.push(ref(r, 'escalation', LOOP_LABELS.escalationKind[step.kind]));
    }
  }
  const failingRefs = inPeriod.flatMap((r) => (r.result?.failing ? [ref(r, 'evaluation', `${r.year}年 ${r.result.outcome}`)] : []));

  const target = input.settings.reportsTarget;
  const targets: YearTarget[] = [];
  for (let y = period.from; y <= period.to; y++) {
    const n = records.filter((r) => r.year === y && r.heard === 'report' && r.category === '政府组成部门负责人').length;
    const goal = `每年${target.min}—${target.max}人的目标`;
    const problem = n < target.min ? `${y}年听取政府组成部门负责人到会汇报${n}人，低于${goal}` : n > target.max ? `${y}年听取政府组成部门负责人到会汇报${n}人，高于${goal}` : null;
    targets.push({ year: y, heard: n, min: target.min, max: target.max, problem });
  }

  const coverage = coverageFigure(input, records, period);
  const heardAll = inPeriod.filter((r) => r.heard === 'report').map((r) => ref(r, 'evaluation', `${r.year}年 到会汇报`));

  const figures: Record<FigureKey, Figure> = {
    heardHeads: countFigure('heardHeads', heard(['政府组成部门负责人'], 'report'), '人'),
    heardJudicial: countFigure('heardJudicial', heard(['员额法官', '员额检察官'], 'report'), '人'),
    heardJudges: countFigure('heardJudges', heard(['员额法官'], 'report'), '人'),
    heardProsecutors: countFigure('heardProsecutors', heard(['员额检察官'], 'report'), '人'),
    heardTotal: countFigure('heardTotal', heardAll, '人'),
    written: countFigure('written', heard(['政府组成部门负责人', '员额法官', '员额检察官', '其他', null], 'written'), '人'),
    opinionsIssued: countFigure('opinionsIssued', opinions.map((r) => ref(r, 'opinion', `${r.opinion?.versions.filter(isFrozen).at(-1)?.issue?.docNumber ?? ''}`)), '份'),
    itemsDelivered: countFigure('itemsDelivered', itemRefs, '条'),
    rectificationRate: rateFigure('rectificationRate', rectNum, rectRefs.length, rectRefs, DEFINITIONS.rectificationRate, delivered.length === 0 ? NO_RECORDS.noDelivered : NO_RECORDS.noDue),
    satisfactionRate: rateFigure(
      'satisfactionRate',
      satNum,
      satDen,
      satRefs,
      `${DEFINITIONS.satisfactionRate}满意率＝${describeRateFormula(formula, input.settings.votes.gradeLabels)}（按设置）。`,
      NO_RECORDS.noRound,
    ),
    onTimeReports: rateFigure('onTimeReports', onTime, dueReports, reportRefs, DEFINITIONS.onTimeReports, NO_RECORDS.noReportDue),
    failing: countFigure('failing', failingRefs, '人'),
    escalations: countFigure('escalations', escalationRefs, '项'),
    coverage,
    // Its refs are every graded result; its value the number of results.
    grades: countFigure('grades', gradeRefs, '人'),
  };
  return { period, label: periodLabel(period), figures, grades: gradeList, targets };
}

function coverageFigure(input: StatsInput, records: readonly EvaluationFacts[], period: Period): Figure {
  const { startYear, endYear } = input.settings.term;
  // Everyone who holds an appointed post during the term; a successor is a person of their own.
  const inTerm = input.evaluatees.filter(
    (e) => Number(e.appointmentDate.slice(0, 4)) <= endYear && (!e.endedDate || Number(e.endedDate.slice(0, 4)) >= startYear),
  );
  const ids = new Set(inTerm.map((e) => e.id));
  const heardIds = new Map<string, EvaluationFacts>();
  for (const r of records) {
    if (r.year < startYear || r.year > period.to || r.heard === null || !ids.has(r.ev.evaluateeId)) continue;
    if (!heardIds.has(r.ev.evaluateeId)) heardIds.set(r.ev.evaluateeId, r);
  }
  const refs = [...heardIds.values()].map((r) => ref(r, 'evaluation', `${r.year}年 ${REPORT_MODE_LABELS[r.heard as ReportMode]}`));
  return rateFigure('coverage', heardIds.size, ids.size, refs, DEFINITIONS.coverage, NO_RECORDS.noEvaluatees);
}

export interface CoveragePoint {
  year: number;
  covered: number;
  total: number;
  rate: number | null;
}

export interface StatsSeries {
  years: number[];
  /** Cumulative coverage at the end of each year of the term. */
  coverage: CoveragePoint[];
  /** Grades per year, in the rule's order. */
  grades: { outcomes: string[]; byYear: number[][] };
  rectificationRate: (number | null)[];
  satisfactionRate: (number | null)[];
}

export interface StatsReport {
  term: { startYear: number; endYear: number };
  byYear: PeriodStats[];
  /** 截至 each year: the term's first year up to it. */
  upTo: PeriodStats[];
  whole: PeriodStats;
  series: StatsSeries;
}

/** Every year of the term, the running totals and the whole term, with the charts' series. */
export function computeStats(input: StatsInput): StatsReport {
  const records = indexRecords(input);
  const { startYear, endYear } = input.settings.term;
  const years: number[] = [];
  for (let y = startYear; y <= endYear; y++) years.push(y);
  const byYear = years.map((y) => periodStats(input, records, { from: y, to: y }));
  const upTo = years.map((y) => periodStats(input, records, { from: startYear, to: y }));
  const term = upTo.at(-1) ?? periodStats(input, records, { from: startYear, to: endYear });
  const outcomes = byYear[0]?.grades.map((g) => g.outcome) ?? [];
  const allOutcomes = [...new Set([...outcomes, ...byYear.flatMap((p) => p.grades.map((g) => g.outcome))])];
  const series: StatsSeries = {
    years,
    coverage: upTo.map((p) => ({
      year: p.period.to,
      covered: p.figures.coverage.numerator ?? 0,
      total: p.figures.coverage.denominator ?? 0,
      rate: p.figures.coverage.value,
    })),
    grades: { outcomes: allOutcomes, byYear: byYear.map((p) => allOutcomes.map((o) => p.grades.find((g) => g.outcome === o)?.count ?? 0)) },
    rectificationRate: byYear.map((p) => p.figures.rectificationRate.value),
    satisfactionRate: byYear.map((p) => p.figures.satisfactionRate.value),
  };
  return { term: { startYear, endYear }, byYear, upTo, whole: term, series };
}

/** The same statistics without the records' references (the screen asks for them per figure: `stats.records`). */
export function withoutRefs(p: PeriodStats): PeriodStats {
  const figures = { ...p.figures };
  for (const key of Object.keys(figures) as FigureKey[]) figures[key] = { ...figures[key], refs: [] };
  return { ...p, figures };
}
