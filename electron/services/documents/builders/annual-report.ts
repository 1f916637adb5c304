import type { BodyBlock, OfficialDocInput } from '../model';
import type { ChartImageInput } from './announcement';
import { chineseNumber, itemHeading } from './follow-up-report';

/**
 * 年度工作评议情况报告: the year's evaluation work in figures, computed from the records (shared/stats) — a meeting
 * paper: 一、基本情况 (the year's figures and the running totals of the term), 二、评议对象和测评结果 (the year's
 * evaluations in a table), 三、意见建议及整改情况 (整改率, reports on time, the key items delivered quoted from the
 * issued opinions), 四、统计图表 (the charts), 五、指标口径 (every figure's definition, as computed). Signed by the
 * office with the date. Builders take plain data; the caller formats the figures.
 */

export interface AnnualFigureInput {
  label: string;
  /** As shown: 15人, 100.0%, —. */
  text: string;
  definition: string;
  /** Why a figure is — (printed beside it). */
  reason?: string | null;
}

export interface AnnualEvaluationInput {
  name: string;
  post: string;
  /** 到会汇报 / 书面报告 */
  mode: string;
  /** 满意 … or '' when no result was announced. */
  outcome: string;
  rateText: string;
}

export interface AnnualKeyItemInput {
  name: string;
  /** The opinion's document number. */
  docNumber: string;
  /** The item as issued. */
  text: string;
}

export interface AnnualReportInput {
  year: number;
  /** 青岚县人大常委会 */
  organShort: string;
  /** The figures of the year, in the order to print. */
  figures: AnnualFigureInput[];
  /** The figures 截至 the year (the term's first year up to it). */
  upTo: { label: string; figures: AnnualFigureInput[] };
  evaluations: AnnualEvaluationInput[];
  keyItems: AnnualKeyItemInput[];
  /** Reports heard in person against the target, when outside it. */
  targetNote: string | null;
  charts: ChartImageInput[];
  /** Who signs: the office. */
  signedBy: string;
  /** 'YYYY-MM-DD'. */
  date: string;
}

export const ANNUAL_REPORT_SECTIONS = ['一、基本情况', '二、评议对象和测评结果', '三、意见建议及整改情况', '四、统计图表', '五、指标口径'] as const;

export function annualReportTitle(year: number): string {
  return `关于${year}年度工作评议情况的报告`;
}

const figureText = (f: AnnualFigureInput) => (f.text === '—' ? `—（${f.reason ?? '无数据'}）` : f.text);

export function buildAnnualReportDocument(input: AnnualReportInput): OfficialDocInput {
  if (!Number.isInteger(input.year) || input.year < 1000 || input.year > 9999) throw new RangeError(`年度工作评议情况报告的年度无效：${String(input.year)}`);
  if (input.figures.length === 0) throw new RangeError('年度工作评议情况报告没有统计指标');
  const find = (list: readonly AnnualFigureInput[], label: string) => list.find((f) => f.label === label);
  const line = (list: readonly AnnualFigureInput[]) => list.map((f) => `${f.label}${figureText(f)}`).join('，');
  const body: BodyBlock[] = [
    {
      text: `${input.year}年，${input.organShort}按照年度工作评议计划，对政府组成部门负责人和员额法官、员额检察官开展了工作评议。本报告所列数字均由评议记录计算得出，各项指标的口径见第五部分。现将有关情况报告如下。`,
    },
    { level: 1, text: ANNUAL_REPORT_SECTIONS[0] },
    { text: `${input.year}年度：${line(input.figures)}。` },
    { text: `${input.upTo.label}：${line(input.upTo.figures)}。` },
  ];
  if (input.targetNote) body.push({ text: `${input.targetNote}。` });

  body.push({ level: 1, text: ANNUAL_REPORT_SECTIONS[1] });
  if (input.evaluations.length === 0) body.push({ text: '本年度没有评议记录。' });
  else
    body.push({
      type: 'table',
      table: {
        columns: [1, 2, 4, 2, 2, 2],
        header: [['序号', '姓名', '单位及职务', '汇报方式', '测评等次', '满意率']],
        rows: input.evaluations.map((e, i) => [String(i + 1), e.name, e.post, e.mode, e.outcome || '—', e.rateText || '—']),
        small: true,
        align: 'center',
      },
    });

  body.push({ level: 1, text: ANNUAL_REPORT_SECTIONS[2] });
  const rect = find(input.figures, '整改率');
  const items = find(input.figures, '送达意见建议条目');
  body.push({ text: `本年度送达意见建议${items ? figureText(items) : '—'}，整改率${rect ? figureText(rect) : '—'}。主要意见建议摘录如下（引自印发的评议意见）：` });
  if (input.keyItems.length === 0) body.push({ text: '（本年度没有已送达的意见建议。）' });
  input.keyItems.forEach((k, i) => {
    const heading = itemHeading(k.text) || k.text.trim();
    body.push({ level: 2, text: `（${chineseNumber(i + 1)}）${k.name}（${k.docNumber}）：`, runIn: `“${heading}。”` });
  });

  body.push({ level: 1, text: ANNUAL_REPORT_SECTIONS[3] });
  if (input.charts.length === 0) body.push({ text: '（本年度没有可绘制的数据。）' });
  for (const chart of input.charts) {
    body.push({ type: 'image', png: chart.png, widthMm: chart.widthMm, heightMm: chart.heightMm, description: chart.caption ?? '统计图' });
    if (chart.caption) body.push({ text: chart.caption, align: 'center', flush: true });
  }

  body.push({ level: 1, text: ANNUAL_REPORT_SECTIONS[4] });
  input.figures.forEach((f, i) => body.push({ level: 3, text: `${i + 1}. ${f.label}：`, runIn: f.definition }));

  const title = annualReportTitle(input.year);
  return {
    kind: 'meeting-paper',
    title,
    body,
    signature: { organ: input.signedBy, date: input.date, sealed: false },
    properties: { title, subject: '年度工作评议情况报告' },
  };
}
