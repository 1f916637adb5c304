import { REPORT_MODE_LABELS } from '../../../shared/domain/evaluations';
import { isFrozen } from '../../../shared/domain/opinions';
import type { CoreData } from '../../../shared/domain/partitions';
import { formatRate } from '../../../shared/format/numbers';
import { firstDelivery } from '../../../shared/loop/facts';
import { issuedItems } from '../../../shared/loop/items';
import { indexRecords, periodStats, type Figure, type FigureKey, type StatsInput } from '../../../shared/stats';
import { rateGrades } from '../../../shared/vote/rules';
import type { AnnualFigureInput, AnnualReportInput } from '../documents';
import type { ChartImageInput } from '../documents/builders/announcement';

/** The figures the annual report prints, in order. */
export const REPORT_FIGURES: readonly FigureKey[] = [
  'heardHeads',
  'heardJudicial',
  'written',
  'opinionsIssued',
  'itemsDelivered',
  'rectificationRate',
  'satisfactionRate',
  'onTimeReports',
  'failing',
  'escalations',
  'coverage',
];
/** Items quoted in the report: the first item of each delivered opinion, at most this many. */
const KEY_ITEMS_MAX = 30;

const printed = (f: Figure): AnnualFigureInput => ({ label: f.label, text: f.text, definition: f.definition, reason: f.reason });

export function annualReportInput(core: Readonly<CoreData>, input: StatsInput, year: number, charts: ChartImageInput[]): AnnualReportInput {
  const records = indexRecords(input);
  const start = core.settings.term.startYear;
  const y = periodStats(input, records, { from: year, to: year });
  const upTo = periodStats(input, records, { from: Math.min(start, year), to: year });
  const units = new Map(core.units.map((u) => [u.id, u.name]));
  const grades = rateGrades(core.settings.votes.rateFormula);
  const ofYear = records.filter((r) => r.year === year);
  const evaluations = ofYear.map((r) => {
    const e = core.evaluatees.find((x) => x.id === r.ev.evaluateeId);
    const num = r.result ? grades.reduce((s, g) => s + r.result!.counts[g], 0) : 0;
    return {
      name: e?.name ?? '（已删除）',
      post: e ? `${units.get(e.unitId) ?? ''}${e.position}` : '',
      mode: REPORT_MODE_LABELS[r.heard ?? r.ev.mode],
      outcome: r.result?.outcome ?? '',
      rateText: r.result ? formatRate(num, r.result.valid) : '',
    };
  });
  const keyItems = ofYear.flatMap((r) => {
    if (!r.opinion || firstDelivery(r.opinion) === null) return [];
    const first = issuedItems(r.opinion).items[0];
    const docNumber = r.opinion.versions.filter(isFrozen).at(-1)?.issue?.docNumber ?? '';
    const e = core.evaluatees.find((x) => x.id === r.ev.evaluateeId);
    return first ? [{ name: e?.name ?? '（已删除）', docNumber, text: first.text }] : [];
  });
  const target = y.targets[0];
  return {
    year,
    organShort: core.settings.organisation.shortName,
    figures: REPORT_FIGURES.map((k) => printed(y.figures[k])),
    upTo: { label: `截至${year}年（本届${upTo.label}）`, figures: REPORT_FIGURES.map((k) => printed(upTo.figures[k])) },
    evaluations,
    keyItems: keyItems.slice(0, KEY_ITEMS_MAX),
    targetNote: target?.problem ?? null,
    charts,
    signedBy: core.settings.organisation.issuingOffice,
    date: input.today,
  };
}
