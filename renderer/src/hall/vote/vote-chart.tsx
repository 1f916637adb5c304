import { BarElement, CategoryScale, Chart, LinearScale, type ChartData, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { HallVoteRow } from '../../../../shared/api/vote-types';

// Only what a bar chart needs: chart.js tree-shakes the rest.
Chart.register(CategoryScale, LinearScale, BarElement);

/** Gold for the best grade, paler for the second, white for the third, translucent for blank/invalid. */
export const VOTE_COLOURS = {
  satisfied: '#f2cf6b',
  basic: '#f8e6b0',
  unsatisfied: '#ffffff',
  other: 'rgba(255, 255, 255, 0.35)',
} as const;

/** The count columns in their order, in the chart and in the table beside it. */
export const VOTE_COLUMNS = ['satisfied', 'basic', 'unsatisfied', 'other'] as const;
export type VoteColumn = (typeof VOTE_COLUMNS)[number];

const options: ChartOptions<'bar'> = {
  indexAxis: 'y',
  // A result appears at once: no growing bars while the hall reads the numbers.
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  events: [],
  layout: { padding: 0 },
  plugins: { legend: { display: false }, tooltip: { enabled: false } },
  scales: {
    // No axes: the bars line up with the rows of the table, which carry the names and numbers.
    x: { stacked: true, display: false, min: 0 },
    y: { stacked: true, display: false, offset: true },
  },
};

/**
 * One horizontal bar per evaluatee, split into the grades' counts; it spans the table's rows so
 * each bar sits beside its person's numbers. Every bar has the same total (the sheets returned).
 */
export function VoteChart({ rows }: { rows: HallVoteRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.satisfied + r.basic + r.unsatisfied + r.other));
  const data: ChartData<'bar'> = {
    labels: rows.map((r) => r.name),
    datasets: VOTE_COLUMNS.map((key) => ({
      data: rows.map((r) => r[key]),
      backgroundColor: VOTE_COLOURS[key],
      borderWidth: 0,
      barPercentage: 0.62,
      categoryPercentage: 1,
    })),
  };
  return (
    <div className="hall-vote-chart" data-testid="hall-vote-chart">
      <Bar data={data} options={{ ...options, scales: { ...options.scales, x: { ...options.scales!.x, max } } }} />
    </div>
  );
}
