import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCounty } from '../../../electron/services/demo/demo-county';
import {
  ANNUAL_REPORT_SECTIONS,
  buildAnnualReportDocument,
  documentSettingsSchema,
  planDocument,
  renderOfficialDocument,
  renderStatsCharts,
  type DocumentSettings,
  type OfficialDocInput,
} from '../../../electron/services/documents';
import { annualReportInput } from '../../../electron/services/stats/annual-report-input';
import { meetingKey } from '../../../shared/domain/partitions';
import { computeStats, type StatsInput } from '../../../shared/stats';
import { element, readDocx, sectionProperties, textOf } from './docx-xml';
import { convertToPdf, findExecutable, pdfWords, renderingUnavailable, writeFontConfig, type Word } from './libreoffice';
import { pdfPageLines, planPageEnds, sameEnd } from './page-ends';

/*
 * 年度工作评议情况报告 from the demo county's records (2024, term 2022–2026): a meeting paper on the 22 × 28 grid with
 * its five sections, the figures with their definitions, three charts and the items quoted; LibreOffice ends its pages
 * where the estimate does. Set PINGYI_KEEP_PAPER=dir to keep the .docx and .pdf for a look.
 */

const settings: DocumentSettings = documentSettingsSchema.parse({ organHeader: { text: '青岚县人民代表大会常务委员会文件' } });
const TODAY = '2026-12-07';
const demo = buildDemoCounty({ currentYear: 2026, today: TODAY });
const input: StatsInput = {
  settings: demo.core.settings,
  evaluatees: demo.core.evaluatees,
  years: Object.values(demo.years),
  meetings: demo.meetings.map((m) => ({ key: meetingKey(m.meeting.id), data: m })),
  today: TODAY,
};

let doc: OfficialDocInput;
beforeAll(async () => {
  const charts = await renderStatsCharts(computeStats(input).series, 2024);
  doc = buildAnnualReportDocument(annualReportInput(demo.core, input, 2024, charts));
}, 120_000);

describe('年度工作评议情况报告', () => {
  it('is a meeting paper on the grid with its five sections, the figures, three charts and the quoted items', async () => {
    expect(doc.kind).toBe('meeting-paper');
    expect(doc.title).toBe('关于2024年度工作评议情况的报告');
    const docx = readDocx(await renderOfficialDocument(doc, settings));
    for (const sect of sectionProperties(docx.document)) expect(element(sect, 'w:docGrid')).toMatchObject({ 'w:type': 'lines', 'w:linePitch': '579' });
    const text = textOf(docx.document).replaceAll('\u2060', '');
    let at = 0;
    for (const s of ANNUAL_REPORT_SECTIONS) {
      const i = text.indexOf(s);
      expect(i, s).toBeGreaterThan(at);
      at = i;
    }
    expect(text).toContain('2024年度：听取政府组成部门负责人到会汇报5人');
    expect(text).toContain('截至2024年（本届2022—2024年）：听取政府组成部门负责人到会汇报15人，听取员额法官、员额检察官到会汇报5人');
    expect(text).toContain('送达意见建议条目32条，整改率100.0%，满意率97.0%');
    expect(text).toContain('满意率＝（满意票＋基本满意票）÷有效票（按设置）');
    expect(doc.body.filter((b) => b.type === 'image')).toHaveLength(3);
    // Every item quoted is the first of an opinion issued in 2024, with its number.
    expect(text).toMatch(/（一）[^（]+（青人常〔2024〕\d+号）：“/);
    expect(doc.signature).toMatchObject({ organ: demo.core.settings.organisation.issuingOffice, date: TODAY });
  });

  it('refuses a year that is not one and a report without figures', () => {
    const base = annualReportInput(demo.core, input, 2024, []);
    expect(() => buildAnnualReportDocument({ ...base, year: 24 })).toThrow('年度工作评议情况报告的年度无效：24');
    expect(() => buildAnnualReportDocument({ ...base, figures: [] })).toThrow('年度工作评议情况报告没有统计指标');
  });

  it('a year with nothing yet prints — with the reason, never 0% or NaN', () => {
    const text = buildAnnualReportDocument(annualReportInput(demo.core, input, 2026, []))
      .body.map((b) => ('text' in b ? `${b.text}${b.runIn ?? ''}` : ''))
      .join('');
    expect(text).toContain('满意率—（所选期间没有已公布的民主测评结果）');
    expect(text).not.toContain('NaN');
  });
});

const unavailable = renderingUnavailable() ?? (findExecutable('pdftoppm') ? null : 'pdftoppm (poppler-utils) is not installed');
if (unavailable) console.log(`[documents] rendered annual report test skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)('年度工作评议情况报告 as LibreOffice lays it out', () => {
  let dir = '';
  let pages: Word[][] = [];
  beforeAll(async () => {
    dir = process.env.PINGYI_KEEP_PAPER ?? (await fsp.mkdtemp(join(tmpdir(), 'pingyi-annual-')));
    await fsp.mkdir(dir, { recursive: true });
    const file = join(dir, 'annual-report.docx');
    await fsp.writeFile(file, await renderOfficialDocument(doc, settings));
    pages = await pdfWords(await convertToPdf(file, await writeFontConfig(dir)));
  }, 300_000);
  afterAll(async () => {
    if (dir && !process.env.PINGYI_KEEP_PAPER) await fsp.rm(dir, { recursive: true, force: true });
  });

  it('ends every page where the estimate does, numbered — N —', () => {
    const estimated = planPageEnds(planDocument(doc, settings));
    const rendered = pdfPageLines(pages);
    expect(rendered.length).toBe(estimated.length);
    const differ = estimated.flatMap((end, i) => (sameEnd(end, rendered[i] ?? []) ? [] : [`page ${i + 1}: estimated ${end}, rendered ${rendered[i]?.at(-1)}`]));
    expect(differ).toEqual([]);
  });
});
