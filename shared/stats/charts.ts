import type { StatsSeries } from './compute';

/**
 * The statistics charts as data, one description for the desk (react-chartjs-2) and for Word (Chart.js in Node):
 * labels, datasets, colours and titles, so the screen and the paper draw the same thing. Bar charts only;
 * colours of clearly different lightness, so a black-and-white print keeps them apart.
 */

export const STATS_CHART_COLOURS = ['#2f4b7c', '#8da4c4', '#eadcc0', '#6b6b6b'] as const;

export interface StatsChartSpec {
  key: 'coverage' | 'grades' | 'rates';
  title: string;
  /** Y axis title. */
  unit: string;
  labels: string[];
  datasets: { label: string; data: (number | null)[]; colour: string }[];
  stacked: boolean;
  max?: number;
}

/** The term's years up to `lastYear` (all of them when it is past the term). */
export function statsChartSpecs(series: StatsSeries, lastYear: number): StatsChartSpec[] {
  const upTo = series.years.map((y, i) => ({ y, i })).filter((x) => x.y <= lastYear);
  const labels = upTo.map((x) => `${x.y}年`);
  const pick = <T,>(list: readonly T[]) => upTo.map((x) => list[x.i] as T);
  return [
    {
      key: 'coverage',
      title: '本届评议覆盖情况（累计）',
      unit: '%',
      labels,
      datasets: [{ label: '覆盖率', data: pick(series.coverage).map((c) => c.rate), colour: STATS_CHART_COLOURS[0] }],
      stacked: false,
      max: 100,
    },
    {
      key: 'grades',
      title: '民主测评等次分布（按年度）',
      unit: '人',
      labels,
      datasets: series.grades.outcomes.map((o, k) => ({
        label: o,
        data: pick(series.grades.byYear).map((row) => row[k] ?? 0),
        colour: STATS_CHART_COLOURS[k % STATS_CHART_COLOURS.length] as string,
      })),
      stacked: true,
    },
    {
      key: 'rates',
      title: '整改率和满意率（按年度）',
      unit: '%',
      labels,
      datasets: [
        { label: '整改率', data: pick(series.rectificationRate), colour: STATS_CHART_COLOURS[0] },
        { label: '满意率', data: pick(series.satisfactionRate), colour: STATS_CHART_COLOURS[1] },
      ],
      stacked: false,
      max: 100,
    },
  ];
}
