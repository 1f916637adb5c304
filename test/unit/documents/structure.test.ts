import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildMinutesDocument,
  buildOpinionDocument,
  documentSettingsSchema,
  renderOfficialDocument,
  type DocumentSettings,
  type OpinionInput,
} from '../../../electron/services/documents';
import { sampleMinutes, sampleOpinion } from './fixtures';
import {
  element,
  elements,
  footerOf,
  inner,
  paragraphs,
  paragraphWithText,
  readDocx,
  runPropertiesOf,
  sectionProperties,
  textOf,
  type DocxParts,
} from './docx-xml';

/*
 * Structure of the generated files against the layout section of electron/services/documents/README.md. Every number here is copied from
 * the specification, never imported from the generator.
 */

const settings: DocumentSettings = documentSettingsSchema.parse({ organHeader: { text: '青岚县人民代表大会常务委员会文件' } });

function opinionInput(): OpinionInput {
  const input = sampleOpinion(2, 3);
  input.basicEvaluation = [
    { level: 2, text: '（一）履职尽责情况' },
    { level: 3, text: '1.依法履职。', runIn: '该同志认真履行法定职责。' },
    { level: 4, text: '（4）注重调查研究。', runIn: '围绕全县中心工作谋划推进本部门各项任务。' },
    '坚持以人民为中心的发展思想，主动接受人大监督和社会监督。',
  ];
  return input;
}

/** Font of a run: rFonts with eastAsia, the eastAsia hint and zh-CN language. */
function expectChineseRun(rPr: string, eastAsia: string): void {
  expect(element(rPr, 'w:rFonts')).toMatchObject({ 'w:eastAsia': eastAsia, 'w:hint': 'eastAsia' });
  expect(element(rPr, 'w:lang')).toMatchObject({ 'w:eastAsia': 'zh-CN' });
}

/** Run size in half-points: its own, or Normal's when it leaves it to the style. */
function sizeOf(rPr: string, docx: DocxParts): string | undefined {
  return element(rPr, 'w:sz')?.['w:val'] ?? element(normalStyle(docx), 'w:sz')?.['w:val'];
}

function normalStyle(docx: DocxParts): string {
  const style = /<w:style [^>]*w:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/.exec(docx.styles)?.[0];
  if (!style) throw new Error('no Normal style');
  return style;
}

let opinion: DocxParts;
let windows: DocxParts;
let minutes: DocxParts;

beforeAll(async () => {
  opinion = readDocx(await renderOfficialDocument(buildOpinionDocument(opinionInput()), settings));
  windows = readDocx(await renderOfficialDocument(buildOpinionDocument(opinionInput()), { ...settings, fontProfile: 'windows' }));
  minutes = readDocx(await renderOfficialDocument(buildMinutesDocument(sampleMinutes(2, 2)), settings));
});

describe('评议意见 (公文): page', () => {
  it('is A4 with the GB/T 9704 margins, footer distance and a line grid of 579 without character pitch', () => {
    const sections = sectionProperties(opinion.document);
    expect(sections.length).toBeGreaterThanOrEqual(1);
    for (const sect of sections) {
      expect(element(sect, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
      expect(element(sect, 'w:pgMar')).toMatchObject({ 'w:top': '2098', 'w:left': '1588', 'w:bottom': '1984', 'w:right': '1474', 'w:footer': '1432' });
      const grid = element(sect, 'w:docGrid');
      expect(grid).toMatchObject({ 'w:type': 'lines', 'w:linePitch': '579' });
      expect(grid?.['w:charSpace']).toBeUndefined();
    }
  });

  it('sets the body in the document defaults and overrides Normal: exact 579, −5 spacing, indent 640, no widow control', () => {
    const defaults = inner(opinion.styles, 'w:docDefaults') ?? '';
    const normal = normalStyle(opinion);
    for (const xml of [defaults, normal]) {
      const lineSpacing = elements(xml, 'w:spacing').find((sp) => 'w:line' in sp);
      expect(lineSpacing).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact', 'w:before': '0', 'w:after': '0' });
      expect(elements(xml, 'w:spacing').some((s) => s['w:val'] === '-5')).toBe(true);
      expect(element(xml, 'w:ind')).toMatchObject({ 'w:firstLine': '640' });
      expect(element(xml, 'w:widowControl')).toMatchObject({ 'w:val': 'false' });
      expect(element(xml, 'w:sz')).toMatchObject({ 'w:val': '32' });
      expect(element(xml, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '仿宋_GB2312', 'w:hint': 'eastAsia', 'w:ascii': 'Times New Roman' });
      expect(element(xml, 'w:lang')).toMatchObject({ 'w:eastAsia': 'zh-CN' });
    }
  });

  it('turns on odd and even footers with "— PAGE —" in 宋体 14 pt: odd right with right indent 280, even left with left indent 280', () => {
    expect(opinion.settings).toMatch(/<w:evenAndOddHeaders\/>/);
    const first = sectionProperties(opinion.document)[0] ?? '';
    const odd = footerOf(opinion, first, 'default') ?? '';
    const even = footerOf(opinion, first, 'even') ?? '';
    for (const footer of [odd, even]) {
      // "— " PAGE " —" with em dashes (U+2014).
      expect(textOf(footer)).toBe('\u2014  \u2014');
      expect(footer).toMatch(/<w:t[^>]*>— <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:t[^>]*> —<\/w:t>/);
      const rPr = inner(footer, 'w:rPr') ?? '';
      expect(element(rPr, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '宋体' });
      expect(element(rPr, 'w:sz')).toMatchObject({ 'w:val': '28' });
    }
    expect(element(odd, 'w:jc')).toMatchObject({ 'w:val': 'right' });
    expect(element(odd, 'w:ind')).toMatchObject({ 'w:right': '280' });
    expect(element(even, 'w:jc')).toMatchObject({ 'w:val': 'left' });
    expect(element(even, 'w:ind')).toMatchObject({ 'w:left': '280' });
  });
});

describe('评议意见 (公文): elements', () => {
  it('has the red organ header centred in 方正小标宋简体, in its own size and scale, about 150 mm wide', () => {
    const p = paragraphWithText(opinion.document, '青岚县人民代表大会常务委员会文件');
    expect(element(p, 'w:jc')).toMatchObject({ 'w:val': 'center' });
    const rPr = runPropertiesOf(p, '青岚县');
    expectChineseRun(rPr, '方正小标宋简体');
    expect(element(rPr, 'w:color')).toMatchObject({ 'w:val': 'FF0000' });
    const size = Number(element(rPr, 'w:sz')?.['w:val']);
    const scale = Number(element(rPr, 'w:w')?.['w:val'] ?? 100);
    expect(size).not.toBe(44);
    const widthMm = (16 * (size / 2) * (scale / 100) * 25.4) / 72;
    expect(widthMm).toBeGreaterThan(140);
    expect(widthMm).toBeLessThan(156);
  });

  it('puts the number below it, centred, X人常〔2024〕5号, with a red 1.5 pt line under it as wide as the type area', () => {
    const p = paragraphWithText(opinion.document, '人常〔');
    expect(textOf(p)).toMatch(/^X人常〔\d{4}〕[1-9]\d*号$/);
    expect(textOf(p)).toBe('X人常〔2024〕5号');
    expect(element(p, 'w:jc')).toMatchObject({ 'w:val': 'center' });
    const border = element(inner(p, 'w:pBdr') ?? '', 'w:bottom');
    expect(border).toMatchObject({ 'w:val': 'single', 'w:sz': '12', 'w:color': 'FF0000' });
    // As wide as the type area: no indents left or right.
    const ind = element(p, 'w:ind') ?? {};
    expect(Number(ind['w:left'] ?? 0)).toBe(0);
    expect(Number(ind['w:right'] ?? 0)).toBe(0);
    expectChineseRun(runPropertiesOf(p, 'X人常'), '仿宋_GB2312');
  });

  it('sets the title in 22 pt 方正小标宋简体, centred, and the addressee flush left ending with "："', () => {
    const title = paragraphWithText(opinion.document, '关于对张明同志履职情况的评议意见');
    expect(element(title, 'w:jc')).toMatchObject({ 'w:val': 'center' });
    const rPr = runPropertiesOf(title, '关于对');
    expectChineseRun(rPr, '方正小标宋简体');
    expect(element(rPr, 'w:sz')).toMatchObject({ 'w:val': '44' });
    const addressee = paragraphWithText(opinion.document, '张明同志：');
    expect(textOf(addressee)).toBe('张明同志：');
    expect(element(addressee, 'w:ind')).toMatchObject({ 'w:firstLine': '0' });
  });

  it('styles the heading levels: 一、黑体, （一）楷体, 1. and （1）仿宋, all 16 pt; body 仿宋 16 pt indented by Normal', () => {
    const cases: [string, string][] = [
      ['一、基本评价', '黑体'],
      ['（一）履职尽责情况', '楷体_GB2312'],
      ['1.依法履职', '仿宋_GB2312'],
      ['（4）注重调查研究', '仿宋_GB2312'],
      ['坚持以人民为中心的发展思想，主动接受', '仿宋_GB2312'],
    ];
    for (const [text, font] of cases) {
      const p = paragraphWithText(opinion.document, text);
      const rPr = runPropertiesOf(p, text);
      expectChineseRun(rPr, font);
      expect(sizeOf(rPr, opinion)).toBe('32');
      // Indented two characters by the Normal style (no override of the first-line indent).
      expect(element(p, 'w:ind')?.['w:firstLine']).toBeUndefined();
    }
    // The run-in text after a heading is body text.
    expectChineseRun(runPropertiesOf(paragraphWithText(opinion.document, '1.依法履职'), '该同志认真履行'), '仿宋_GB2312');
  });

  it('signs with the organ and a date like 2024年10月28日; sealed: date 4 characters in from the right', () => {
    const date = paragraphs(opinion.document).find((p) => textOf(p) === '2024年10月28日') ?? '';
    expect(date).not.toBe('');
    expect(element(date, 'w:jc')).toMatchObject({ 'w:val': 'right' });
    expect(element(date, 'w:ind')).toMatchObject({ 'w:right': '1280' });
    const organ = paragraphs(opinion.document).find((p) => textOf(p) === '青岚县人民代表大会常务委员会') ?? '';
    expect(element(organ, 'w:jc')).toMatchObject({ 'w:val': 'right' });
  });

  it('ends with the 版记 anchored to the bottom of the type area: lines 8/6/8 and the copy-to list ending with 。', () => {
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(opinion.document)?.[0] ?? '';
    expect(table).not.toBe('');
    expect(element(table, 'w:tblpPr')).toMatchObject({ 'w:vertAnchor': 'margin', 'w:tblpYSpec': 'bottom' });
    expect(element(table, 'w:tblW')).toMatchObject({ 'w:w': '8844' });
    const copyTo = paragraphWithText(table, '抄送：');
    expect(textOf(copyTo)).toBe('抄送：县委，县人民政府，县委组织部，县教育局。');
    expect(sizeOf(runPropertiesOf(copyTo, '抄送'), opinion)).toBe('28');
    expect(element(copyTo, 'w:ind')).toMatchObject({ 'w:right': '280' });
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(2);
    const borders = (row: string) => inner(row, 'w:tcBorders') ?? '';
    expect(element(borders(rows[0] ?? ''), 'w:top')).toMatchObject({ 'w:val': 'single', 'w:sz': '8' });
    expect(element(borders(rows[0] ?? ''), 'w:bottom')).toMatchObject({ 'w:val': 'single', 'w:sz': '6' });
    expect(element(borders(rows[1] ?? ''), 'w:bottom')).toMatchObject({ 'w:val': 'single', 'w:sz': '8' });
    expect(textOf(rows[1] ?? '')).toBe('县人大常委会办公室2024年10月30日印发');
    const issued = paragraphWithText(table, '印发');
    expect(element(issued, 'w:jc')).toMatchObject({ 'w:val': 'right' });
    expect(element(issued, 'w:ind')).toMatchObject({ 'w:right': '280' });
  });

  it('notes attachments one blank line below the body, indented 2 characters, later names aligned under the first', async () => {
    const input = { ...opinionInput(), attachments: ['评议调查报告', '满意度测评结果'] };
    const { document } = readDocx(await renderOfficialDocument(buildOpinionDocument(input), settings));
    const first = paragraphWithText(document, '附件：');
    expect(textOf(first)).toBe('附件：1. 评议调查报告');
    const second = paragraphWithText(document, '2. 满意度测评结果');
    const left = (p: string) => Number(element(p, 'w:ind')?.['w:left']);
    const hanging = (p: string) => Number(element(p, 'w:ind')?.['w:hanging']);
    // "附件：" starts 2 characters (640) in; the names line up.
    expect(left(first) - hanging(first)).toBe(640);
    expect(left(first)).toBe(left(second));
    const all = paragraphs(document);
    expect(textOf(all[all.indexOf(first) - 1] ?? 'x')).toBe('');
  });

  it('rejects document numbers GB/T 9704 does not allow', async () => {
    for (const bad of ['X人常[2024]5号', 'X人常(2024)5号', 'X人常【2024】5号', 'X人常〔2024〕05号', 'X人常〔2024〕第5号', 'X人常〔24〕5号']) {
      const input = { ...opinionInput(), docNumber: bad };
      await expect(renderOfficialDocument(buildOpinionDocument(input), settings), bad).rejects.toThrow(/发文字号/);
    }
  });
});

describe('font profiles', () => {
  it('the windows profile swaps the names: 仿宋, 宋体, 楷体, 黑体 and nothing of the standard names', () => {
    const all = windows.document + windows.styles + Object.values(windows.parts).join('');
    expect(all).not.toMatch(/_GB2312|方正/);
    expectChineseRun(runPropertiesOf(paragraphWithText(windows.document, '关于对张明'), '关于对'), '宋体');
    expectChineseRun(runPropertiesOf(paragraphWithText(windows.document, '（一）履职'), '（一）'), '楷体');
    expectChineseRun(runPropertiesOf(paragraphWithText(windows.document, '一、基本评价'), '一、'), '黑体');
    expect(element(inner(windows.styles, 'w:docDefaults') ?? '', 'w:rFonts')).toMatchObject({ 'w:eastAsia': '仿宋' });
  });
});

describe('会议记录 (meeting paper)', () => {
  it('has no red header, number or 版记, but the grid, the page numbers and the title', () => {
    expect(minutes.document).not.toMatch(/FF0000/);
    expect(minutes.document).not.toMatch(/抄送|印发|<w:tblpPr/);
    const sect = sectionProperties(minutes.document)[0] ?? '';
    expect(element(sect, 'w:docGrid')).toMatchObject({ 'w:type': 'lines', 'w:linePitch': '579' });
    expect(element(sect, 'w:pgMar')).toMatchObject({ 'w:top': '2098', 'w:left': '1588', 'w:bottom': '1984', 'w:right': '1474' });
    expect(minutes.settings).toMatch(/<w:evenAndOddHeaders\/>/);
    expect(footerOf(minutes, sect, 'default')).toMatch(/PAGE/);
    expect(footerOf(minutes, sect, 'even')).toMatch(/PAGE/);
    const title = paragraphWithText(minutes.document, '询问记录');
    expect(element(runPropertiesOf(title, '询问记录'), 'w:sz')).toMatchObject({ 'w:val': '44' });
    expect(textOf(paragraphWithText(minutes.document, '周委员提问'))).toBe('（一）周委员提问');
    expect(textOf(paragraphWithText(minutes.document, '时间：'))).toBe('时间：2024年10月28日');
  });
});
