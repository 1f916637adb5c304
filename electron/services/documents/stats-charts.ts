import type { ChartConfiguration } from 'chart.js';
import { Chart } from 'chart.js';
import type { StatsSeries } from '../../../shared/stats';
import { statsChartSpecs, type StatsChartSpec } from '../../../shared/stats/charts';
import type { ChartImageInput } from './builders/announcement';
import { chartFontFamily, CSS_DPI, defaultChartHeightMm, GRID_COLOUR, loadCanvas, registerChartParts, TEXT_COLOUR, TYPE_AREA_MM, whiteBackground, withResolution } from './chart-image';

/**
 * The statistics charts for Word (the annual report): the same three charts the desk's 统计 screen draws
 * (shared/stats/charts.ts gives both the data and the labels), drawn by Chart.js on @napi-rs/canvas in plain Node,
 * white, 300 dpi, sized to whole lines of the document's grid — as the 通报's results chart.
 */

const DPI = 300;

async function renderOne(spec: StatsChartSpec, caption: string): Promise<ChartImageInput> {
  const canvas = await loadCanvas();
  registerChartParts();
  const family = chartFontFamily(canvas);
  const widthMm = TYPE_AREA_MM;
  const heightMm = defaultChartHeightMm(6, true);
  const surface = canvas.createCanvas(Math.round((widthMm / 25.4) * CSS_DPI), Math.round((heightMm / 25.4) * CSS_DPI));
  const font = { family, size: 15 };
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((d) => ({ label: d.label, data: d.data, backgroundColor: d.colour, borderColor: '#555555', borderWidth: 0.75, barPercentage: 0.7, categoryPercentage: 0.8 })),
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: DPI / CSS_DPI,
      events: [],
      layout: { padding: { top: 4, right: 16, bottom: 4, left: 4 } },
      font,
      color: TEXT_COLOUR,
      scales: {
        x: { stacked: spec.stacked, ticks: { color: TEXT_COLOUR, font }, grid: { display: false } },
        y: {
          stacked: spec.stacked,
          beginAtZero: true,
          ...(spec.max !== undefined ? { max: spec.max } : {}),
          ticks: { precision: 0, color: TEXT_COLOUR, font },
          grid: { color: GRID_COLOUR },
          title: { display: true, text: spec.unit, color: TEXT_COLOUR, font },
        },
      },
      plugins: {
        legend: { position: 'top', labels: { color: TEXT_COLOUR, font, boxWidth: 28, boxHeight: 12 } },
        title: { display: true, text: spec.title, color: TEXT_COLOUR, font: { ...font, size: 17, weight: 'bold' } },
        tooltip: { enabled: false },
      },
    },
    plugins: [whiteBackground],
  };
  const chart = new Chart(surface as unknown as HTMLCanvasElement, config);
  try {
    chart.draw();
    const png = await surface.encode('png');
    const dpi = surface.width / (widthMm / 25.4);
    return { png: withResolution(png, dpi), widthMm, heightMm: (surface.height / surface.width) * widthMm, caption };
  } finally {
    chart.destroy();
  }
}

/** 图1 coverage over the term, 图2 grades by year, 图3 整改率 and 满意率 by year (up to `lastYear`). */
export async function renderStatsCharts(series: StatsSeries, lastYear: number): Promise<ChartImageInput[]> {
  const specs = statsChartSpecs(series, lastYear);
  const out: ChartImageInput[] = [];
  for (const [i, spec] of specs.entries()) out.push(await renderOne(spec, `图${i + 1}　${spec.title}`));
  return out;
}

