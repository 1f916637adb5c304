import { existsSync } from 'node:fs';
import type * as Canvas from '@napi-rs/canvas';
import { crc32 } from 'node:zlib';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Title, type ChartConfiguration, type Plugin } from 'chart.js';
import { DEFAULT_GRADE_LABELS_INPUT, type AnnouncementInput, type ChartImageInput, type GradeLabelsInput } from './builders/announcement';
import { LINE_PITCH } from './geometry';
import { ROW_PADDING } from './image';

/**
 * The results chart of a 测评结果通报: horizontal stacked bars 满意 / 基本满意 / 不满意 per evaluatee, drawn by
 * Chart.js on a @napi-rs/canvas canvas in plain Node (no browser, no Electron) and encoded as a PNG with its print
 * resolution in the pHYs chunk. White background; three calm colours of clearly different lightness, so the bars
 * stay apart when the office prints in black and white.
 */

/** One evaluatee's bar in the results chart. */
export interface ChartRowInput {
  name: string;
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

export interface ResultsChartOptions {
  /** Title drawn above the bars, e.g. 常委会组成人员民主测评结果. */
  title?: string;
  gradeLabels?: GradeLabelsInput;
  /** Printed width; the 156 mm type area at most (default). */
  widthMm?: number;
  /** Printed height; grows with the number of evaluatees when absent. */
  heightMm?: number;
  /** Print resolution; 300 by default, at least 200. */
  dpi?: number;
  /** Caption carried into the document under the chart. */
  caption?: string;
}

/** A PNG ready for the document (a ChartImageInput) with its pixel size and resolution. */
export interface ResultsChart extends ChartImageInput {
  png: Buffer;
  widthPx: number;
  heightPx: number;
  /** Pixels per inch at the printed size (also written into the PNG). */
  dpi: number;
}

/** Width of the GB/T 9704 type area. */
export const TYPE_AREA_MM = 156;
const MIN_DPI = 200;
const DEFAULT_DPI = 300;
/** CSS pixels per inch: Chart.js lays out in CSS pixels and scales by devicePixelRatio. */
export const CSS_DPI = 96;

/** Dark slate blue, mid grey-blue, pale sand: about 30 %, 62 % and 88 % lightness in greyscale. */
export const CHART_COLOURS = { satisfied: '#2f4b7c', basic: '#8da4c4', unsatisfied: '#eadcc0' } as const;
export const TEXT_COLOUR = '#222222';
export const GRID_COLOUR = '#d0d0d0';

/** Chinese sans-serif faces in order of preference: Windows first, then the Noto/Source Han faces of Linux. */
const CJK_FAMILIES = ['Microsoft YaHei', 'SimHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans CJK JP', 'Source Han Sans', 'WenQuanYi Micro Hei', 'PingFang SC'];
/** Font files tried when none of the families is known to the canvas (it loads the system fonts itself). */
const CJK_FILES = [
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/System/Library/Fonts/PingFang.ttc',
];

type CanvasModule = typeof Canvas;
let canvasModule: Promise<CanvasModule> | null = null;
let fontFamily: string | null = null;

/** The native canvas is loaded on first use, so the rest of the app starts even where it cannot load. */
export async function loadCanvas(): Promise<CanvasModule> {
  canvasModule ??= import('@napi-rs/canvas').catch((error: unknown) => {
    canvasModule = null;
    throw new Error(`无法生成测评结果图表：图形组件未能加载（${error instanceof Error ? error.message : String(error)}）`);
  });
  return canvasModule;
}

/** A CSS font-family list headed by a CJK face the canvas knows; plain sans-serif when there is none. */
export function chartFontFamily(canvas: CanvasModule): string {
  if (fontFamily !== null) return fontFamily;
  const known = () => CJK_FAMILIES.filter((f) => canvas.GlobalFonts.has(f));
  let found = known();
  if (found.length === 0) {
    for (const file of CJK_FILES) {
      if (existsSync(file) && canvas.GlobalFonts.registerFromPath(file, 'PingyiChartCJK')) {
        found = ['PingyiChartCJK'];
        break;
      }
    }
  }
  fontFamily = [...found.map((f) => `"${f}"`), 'sans-serif'].join(', ');
  return fontFamily;
}

let registered = false;
export function registerChartParts(): void {
  if (registered) return;
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Title);
  registered = true;
}

/** Fills the canvas white before anything is drawn (a PNG is transparent otherwise). */
export const whiteBackground: Plugin<'bar'> = {
  id: 'pingyiWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Writes each segment's count inside it when it is wide enough (a printed chart is read without hovering). */
function segmentLabels(fontSize: number, family: string): Plugin<'bar'> {
  return {
    id: 'pingyiSegmentLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `${fontSize}px ${family}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach((dataset, d) => {
        const meta = chart.getDatasetMeta(d);
        if (meta.hidden) return;
        meta.data.forEach((bar, i) => {
          const value = Number(dataset.data[i] ?? 0);
          if (!(value > 0)) return;
          const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
          const text = String(value);
          if (Math.abs(x - base) < ctx.measureText(text).width + 6) return;
          ctx.fillStyle = d === 0 ? '#ffffff' : TEXT_COLOUR;
          ctx.fillText(text, (x + base) / 2, y);
        });
      });
      ctx.restore();
    },
  };
}

/** The document's grid line (28.95 pt) and the room image.ts keeps around a picture (2 × 60 twips), in mm. */
const GRID_LINE_MM = (LINE_PITCH * 25.4) / 1440;
const IMAGE_PADDING_MM = (2 * ROW_PADDING * 25.4) / 1440;

/**
 * Printed height: room for the title, the legend and the axis plus about 9 mm a bar, 50–190 mm, trimmed so that
 * the picture fills whole lines of the document's grid (no gap under it in the document).
 */
export function defaultChartHeightMm(bars: number, withTitle: boolean): number {
  const wanted = Math.min(190, Math.max(50, 22 + (withTitle ? 8 : 0) + 9 * Math.max(1, bars)));
  const lines = Math.floor((wanted + IMAGE_PADDING_MM) / GRID_LINE_MM);
  return Math.floor((lines * GRID_LINE_MM - IMAGE_PADDING_MM - 0.2) * 10) / 10;
}

/** PNG chunk pHYs: pixels per metre in x and y, unit metre. */
export function withResolution(png: Buffer, dpi: number): Buffer {
  const perMetre = Math.round(dpi / 0.0254);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(perMetre, 0);
  data.writeUInt32BE(perMetre, 4);
  data.writeUInt8(1, 8);
  const type = Buffer.from('pHYs', 'ascii');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])) >>> 0, 8 + data.length);
  // After IHDR (8-byte signature + 25-byte IHDR chunk); an existing pHYs is dropped.
  const chunks: Buffer[] = [png.subarray(0, 33), chunk];
  let at = 33;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (png.toString('ascii', at + 4, at + 8) !== 'pHYs') chunks.push(png.subarray(at, end));
    at = end;
  }
  return Buffer.concat(chunks);
}

/**
 * Renders the results as a PNG for a Word document: `widthMm` × `heightMm` at `dpi` (≥ 200), white background.
 * Throws a Chinese message when there is nothing to draw or the size is out of range.
 */
export async function renderResultsChartPng(rows: readonly ChartRowInput[], options: ResultsChartOptions = {}): Promise<ResultsChart> {
  if (rows.length === 0) throw new RangeError('测评结果图表没有被测评对象');
  const widthMm = options.widthMm ?? TYPE_AREA_MM;
  if (!(widthMm >= 40 && widthMm <= TYPE_AREA_MM)) throw new RangeError(`测评结果图表宽度应在40至${TYPE_AREA_MM}毫米之间，现为${widthMm}毫米`);
  const heightMm = options.heightMm ?? defaultChartHeightMm(rows.length, Boolean(options.title));
  if (!(heightMm >= 30 && heightMm <= 225)) throw new RangeError(`测评结果图表高度应在30至225毫米之间，现为${heightMm}毫米`);
  const dpi = options.dpi ?? DEFAULT_DPI;
  if (!(dpi >= MIN_DPI && dpi <= 600)) throw new RangeError(`测评结果图表分辨率应在${MIN_DPI}至600dpi之间，现为${dpi}`);

  const canvas = await loadCanvas();
  registerChartParts();
  const family = chartFontFamily(canvas);
  const labels = options.gradeLabels ?? DEFAULT_GRADE_LABELS_INPUT;
  const cssWidth = Math.round((widthMm / 25.4) * CSS_DPI);
  const cssHeight = Math.round((heightMm / 25.4) * CSS_DPI);
  const ratio = dpi / CSS_DPI;
  const surface = canvas.createCanvas(cssWidth, cssHeight);
  // Sizes in CSS pixels (1/96 in): 15 px ≈ 11 pt on paper, near the 小四 of the results table.
  const font = { family, size: 15 };
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.name),
      datasets: [
        { label: labels.satisfied, data: rows.map((r) => r.satisfied), backgroundColor: CHART_COLOURS.satisfied },
        { label: labels.basic, data: rows.map((r) => r.basic), backgroundColor: CHART_COLOURS.basic },
        { label: labels.unsatisfied, data: rows.map((r) => r.unsatisfied), backgroundColor: CHART_COLOURS.unsatisfied },
      ].map((d) => ({ ...d, borderColor: '#555555', borderWidth: 0.75, barPercentage: 0.7, categoryPercentage: 0.9 })),
    },
    options: {
      indexAxis: 'y',
      responsive: false,
      animation: false,
      devicePixelRatio: ratio,
      events: [],
      layout: { padding: { top: 4, right: 16, bottom: 4, left: 4 } },
      font,
      color: TEXT_COLOUR,
      scales: {
        x: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0, color: TEXT_COLOUR, font },
          grid: { color: GRID_COLOUR },
          title: { display: true, text: '票数', color: TEXT_COLOUR, font },
        },
        y: { stacked: true, ticks: { color: TEXT_COLOUR, font: { ...font, size: 16 } }, grid: { display: false } },
      },
      plugins: {
        legend: { position: 'top', labels: { color: TEXT_COLOUR, font, boxWidth: 28, boxHeight: 12 } },
        title: options.title ? { display: true, text: options.title, color: TEXT_COLOUR, font: { ...font, size: 17, weight: 'bold' } } : { display: false },
        tooltip: { enabled: false },
      },
    },
    plugins: [whiteBackground, segmentLabels(13, family)],
  };
  const chart = new Chart(surface as unknown as HTMLCanvasElement, config);
  try {
    chart.draw();
    const encoded = await surface.encode('png');
    const widthPx = surface.width;
    const heightPx = surface.height;
    const actualDpi = widthPx / (widthMm / 25.4);
    return {
      png: withResolution(encoded, actualDpi),
      widthPx,
      heightPx,
      widthMm,
      heightMm: (heightPx / widthPx) * widthMm,
      dpi: actualDpi,
      ...(options.caption ? { caption: options.caption } : {}),
    };
  } finally {
    chart.destroy();
  }
}

/**
 * One chart per voter group of an announcement (the members first, then each group counted apart), every round's
 * evaluatees together, captioned 图1 常委会组成人员民主测评结果 …; pass the result as `input.charts`.
 */
export async function renderAnnouncementCharts(input: Pick<AnnouncementInput, 'rounds' | 'gradeLabels' | 'voteTitle'>, options: Pick<ResultsChartOptions, 'dpi' | 'widthMm'> = {}): Promise<ResultsChart[]> {
  const groups = new Map<string, ChartRowInput[]>();
  const order = (binding: boolean) => (binding ? 0 : 1);
  const all = input.rounds.flatMap((round) => round.groups).sort((a, b) => order(a.binding) - order(b.binding));
  for (const group of all) {
    const list = groups.get(group.label) ?? [];
    list.push(...group.rows.map((r) => ({ name: r.name, satisfied: r.satisfied, basic: r.basic, unsatisfied: r.unsatisfied })));
    groups.set(group.label, list);
  }
  const charts: ResultsChart[] = [];
  let n = 0;
  for (const [label, rows] of groups) {
    if (rows.length === 0) continue;
    n += 1;
    charts.push(
      await renderResultsChartPng(rows, {
        ...options,
        ...(input.gradeLabels ? { gradeLabels: input.gradeLabels } : {}),
        caption: `图${n}　${label}${input.voteTitle.trim()}结果`,
      }),
    );
  }
  return charts;
}
