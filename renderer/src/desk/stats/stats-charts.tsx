import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Title, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { StatsView } from '../../../../shared/api/calls/stats';
import { statsChartSpecs, type StatsChartSpec } from '../../../../shared/stats/charts';

ChartJS.register(BarElement, CategoryScale, LinearScale, Legend, Title, Tooltip);

/**
 * The statistics charts on the desk: coverage over the term, grades by year, 整改率 and 满意率 by year — the same
 * specs (shared/stats/charts.ts) the annual report draws in Node, so the screen and the paper agree.
 */
export function StatsCharts({ view, lastYear }: { view: StatsView; lastYear: number }) {
  const specs = statsChartSpecs(view.series, lastYear);
  return (
    <section className="panel stats-charts" aria-label="统计图表">
      <h2>统计图表</h2>
      <div className="stats-chart-grid">
        {specs.map((spec) => (
          <figure key={spec.key} className="stats-chart" aria-label={spec.title}>
            <Bar data={dataOf(spec)} options={optionsOf(spec)} />
            <figcaption className="muted">{spec.title}</figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}

function dataOf(spec: StatsChartSpec) {
  return {
    labels: spec.labels,
    datasets: spec.datasets.map((d) => ({ label: d.label, data: d.data, backgroundColor: d.colour, borderColor: '#555555', borderWidth: 0.75 })),
  };
}

function optionsOf(spec: StatsChartSpec) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    scales: {
      x: { stacked: spec.stacked },
      y: { stacked: spec.stacked, beginAtZero: true, ...(spec.max !== undefined ? { max: spec.max } : {}), ticks: { precision: 0 }, title: { display: true, text: spec.unit } },
    },
    plugins: { legend: { position: 'top' as const }, title: { display: false } },
  };
}
