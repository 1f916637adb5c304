import { describe, expect, it } from 'vitest';
import {
  buildOpinionDocument,
  defaultDocumentSettings,
  renderOfficialDocument,
  type OfficialDocInput,
} from '../../../electron/services/documents';
import { planDocument, type ImprintPlacement } from '../../../electron/services/documents/render';
import { layoutFlow, placeImprint, type FlowBox } from '../../../shared/documents/page-flow';
import { breakLines, countLines, textWidth } from '../../../shared/documents/line-break';
import { breakTitle } from '../../../shared/documents/title-lines';
import { opinionTitle } from '../../../electron/services/documents/builders/opinion';
import { sampleOpinion } from './fixtures';
import { element, footerOf, paragraphs, readDocx, sectionProperties, textOf } from './docx-xml';

const HAN = '县';
const settings = defaultDocumentSettings();

describe('line estimate on the 22 × 28 grid', () => {
  it('fits 28 Han characters on a line and 26 on an indented first line', () => {
    expect(countLines(HAN.repeat(28))).toBe(1);
    expect(countLines(HAN.repeat(29))).toBe(2);
    expect(countLines(HAN.repeat(26), { firstLine: 640 })).toBe(1);
    expect(countLines(HAN.repeat(27), { firstLine: 640 })).toBe(2);
    expect(countLines(HAN.repeat(26 + 28 * 3), { firstLine: 640 })).toBe(4);
  });

  it('lets 。，、 hang past the margin but pulls a character down before other closing marks', () => {
    expect(countLines(`${HAN.repeat(28)}，`)).toBe(1);
    expect(countLines(`${HAN.repeat(28)}。`)).toBe(1);
    expect(countLines(`${HAN.repeat(28)}”${HAN}`)).toBe(2);
    // “ may not end a line: it goes down with the character it opens.
    expect(countLines(`${HAN.repeat(27)}“${HAN}”`)).toBe(2);
  });

  it('counts digits and Latin letters as about half a cell and never splits a number', () => {
    expect(countLines('1'.repeat(50))).toBe(1);
    expect(countLines(`${HAN.repeat(27)}2024`)).toBe(2);
    expect(countLines('')).toBe(1);
    expect(countLines(`${HAN}\n${HAN}`)).toBe(2);
  });

  it('breaks lines as LibreOffice does (the preview prints these lines)', () => {
    const full = '评议意见反馈整改落实情况书面报告常委会组成人员认为该同志';
    expect([...full].length).toBe(28);
    // 。，、；：？！ hang past the margin; the next character starts the line.
    for (const mark of '，。、；：？！') expect(breakLines(`${full}${mark}下文`)).toEqual([`${full}${mark}`, '下文']);
    // A closing bracket or quote brings the character before it down; an opening one goes down to what it opens.
    expect(breakLines(`${full}》下文`)).toEqual([full.slice(0, 27), `${full.slice(27)}》下文`]);
    expect(breakLines(`${full.slice(0, 27)}《监督法》`)).toEqual([full.slice(0, 27), '《监督法》']);
    // … and ％ may start a line.
    expect(breakLines(`${full}…下文`)).toEqual([full, '…下文']);
    // 26 characters after the two-character indent; a digit is about half a cell, with about 0.22 em between it and a
    // Han character.
    expect(breakLines(full + full, { firstLine: 640 })).toEqual([full.slice(0, 26), full.slice(26) + full.slice(0, 26), full.slice(26)]);
    expect(textWidth('2024年')).toBe(4 * 155 + 69 + 315);
  });
});

function item(lines: number, keepNext = false): FlowBox {
  return { lines, ...(keepNext ? { keepNext } : {}) };
}

function estimatePages(boxes: FlowBox[]): { pages: number; lastPageLines: number } {
  const { pages, lastPageLines } = layoutFlow(boxes);
  return { pages, lastPageLines };
}

describe('page estimate', () => {
  it('fills pages of 22 lines; widow control is off so paragraphs split anywhere', () => {
    expect(estimatePages([item(22)])).toEqual({ pages: 1, lastPageLines: 22 });
    expect(estimatePages([item(10), item(13)])).toEqual({ pages: 2, lastPageLines: 1 });
    expect(estimatePages([item(44), item(3)])).toEqual({ pages: 3, lastPageLines: 3 });
  });

  it('moves a heading that would end a page to the next page', () => {
    expect(estimatePages([item(21), item(1, true), item(3)])).toEqual({ pages: 2, lastPageLines: 4 });
    expect(estimatePages([item(20), item(1, true), item(1, true), item(3)])).toEqual({ pages: 2, lastPageLines: 5 });
    expect(estimatePages([item(20), item(1, true), item(3)])).toEqual({ pages: 2, lastPageLines: 2 });
    // 一、 on the last line and （一） on the next page: both go to the next page with their paragraph.
    expect(estimatePages([item(21), item(1, true), item(1, true), item(3)])).toEqual({ pages: 2, lastPageLines: 5 });
  });

  it('puts the 版记 on the last page when that page is even and has room, else on the next even page', () => {
    const block = 2;
    expect(placeImprint({ pages: 2, lastPageLines: 10 }, block)).toBe('same-page');
    expect(placeImprint({ pages: 2, lastPageLines: 19 }, block)).toBe('same-page');
    expect(placeImprint({ pages: 2, lastPageLines: 20 }, block)).toBe('after-blank-page');
    expect(placeImprint({ pages: 4, lastPageLines: 1 }, block)).toBe('after-blank-page');
    expect(placeImprint({ pages: 3, lastPageLines: 5 }, block)).toBe('next-even-page');
    expect(placeImprint({ pages: 1, lastPageLines: 22 }, block)).toBe('next-even-page');
  });
});

describe('sections for each placement of the 版记', () => {
  async function findCase(placement: ImprintPlacement): Promise<{ doc: OfficialDocInput; xml: ReturnType<typeof readDocx> }> {
    for (let a = 1; a <= 5; a++) {
      for (let b = 2; b <= 7; b++) {
        const doc = buildOpinionDocument(sampleOpinion(a, b));
        if (planDocument(doc, settings).imprint === placement) return { doc, xml: readDocx(await renderOfficialDocument(doc, settings)) };
      }
    }
    throw new Error(`no sample places the 版记 ${placement}`);
  }

  it('same page: one section, the table after the signature', async () => {
    const { xml } = await findCase('same-page');
    expect(sectionProperties(xml.document)).toHaveLength(1);
    expect(xml.document.indexOf('<w:tbl>')).toBeGreaterThan(xml.document.indexOf('2024年10月28日'));
  });

  it('next even page: a section starting on an even page that keeps the page numbers', async () => {
    const { xml } = await findCase('next-even-page');
    const sections = sectionProperties(xml.document);
    expect(sections).toHaveLength(2);
    expect(element(sections[1] ?? '', 'w:type')).toMatchObject({ 'w:val': 'evenPage' });
    // No footers of its own: it inherits the numbered ones.
    expect(footerOf(xml, sections[1] ?? '', 'default')).toBeUndefined();
  });

  it('after a blank page: a blank page of its own, then the 版记 section on an even page, neither numbered', async () => {
    const { xml } = await findCase('after-blank-page');
    const sections = sectionProperties(xml.document);
    expect(sections).toHaveLength(3);
    expect(element(sections[1] ?? '', 'w:type')?.['w:val'] ?? 'nextPage').toBe('nextPage');
    expect(element(sections[2] ?? '', 'w:type')).toMatchObject({ 'w:val': 'evenPage' });
    for (const sect of sections.slice(1)) {
      for (const type of ['default', 'even'] as const) {
        const footer = footerOf(xml, sect, type);
        expect(footer).toBeDefined();
        expect(footer).not.toMatch(/PAGE/);
      }
    }
  });
});

describe('title lines', () => {
  const metrics = { size: 44, spacing: -5, width: 8844 };

  it('keeps a title that fits on one line', () => {
    expect(breakTitle(opinionTitle('张明'), metrics)).toEqual(['关于对张明同志履职情况的评议意见']);
  });

  it('breaks a long title between words into lines of similar length, never inside the name', () => {
    for (const name of ['县人民检察院检察长王五', '县人民法院院长李四']) {
      const lines = breakTitle(opinionTitle(name), metrics);
      expect(lines.join('')).toBe(`关于对${name}同志履职情况的评议意见`);
      expect(lines.length).toBe(2);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(20);
      expect(lines.some((l) => l.endsWith(name.slice(-1)) && !l.endsWith(name))).toBe(false);
      expect(lines[1]?.startsWith('的')).toBe(false);
    }
  });

  it('breaks after the name of an institution rather than inside it', () => {
    const note = '（2024年10月28日县第十九届人大常委会第二十三次主任会议通过）';
    expect(breakTitle(note, { size: 32, spacing: -5, width: 8844 })).toEqual(['（2024年10月28日县第十九届人大常委会', '第二十三次主任会议通过）']);
  });

  it('follows explicit line breaks', () => {
    expect(breakTitle('县人大常委会\n关于工作评议的报告', metrics)).toEqual(['县人大常委会', '关于工作评议的报告']);
  });
});

describe('signature and date (GB/T 9704 7.3.5)', () => {
  const body = (signature: OfficialDocInput['signature']): OfficialDocInput => ({
    kind: 'meeting-paper',
    title: '测试',
    body: [{ text: '正文。' }],
    ...(signature ? { signature } : {}),
  });
  const lineOf = (xml: string, text: string) => paragraphs(xml).find((p) => textOf(p) === text) ?? '';
  /** Approximate widths in twips: 16 pt per Han character, 8 pt per digit. */
  const widthOf = (text: string) => [...text].reduce((w, c) => w + (/\d/.test(c) ? 160 : 320), 0);

  it('without a seal: organ 2 characters in from the right, date starting 2 characters right of the organ', async () => {
    const { document } = readDocx(await renderOfficialDocument(body({ organ: '青岚县人民代表大会常务委员会', date: '2024-10-28', sealed: false }), settings));
    const organ = lineOf(document, '青岚县人民代表大会常务委员会');
    expect(element(organ, 'w:jc')).toMatchObject({ 'w:val': 'right' });
    expect(element(organ, 'w:ind')).toMatchObject({ 'w:right': '640' });
    const date = lineOf(document, '2024年10月28日');
    expect(element(date, 'w:jc')).toMatchObject({ 'w:val': 'left' });
    const organStart = 8844 - 640 - widthOf('青岚县人民代表大会常务委员会');
    expect(Math.abs(Number(element(date, 'w:ind')?.['w:left']) - (organStart + 640))).toBeLessThan(320);
  });

  it('without a seal and a short organ name: the date takes the 2-character indent and the organ moves left', async () => {
    const { document } = readDocx(await renderOfficialDocument(body({ organ: '县人大', date: '2024-10-28', sealed: false }), settings));
    const date = lineOf(document, '2024年10月28日');
    expect(element(date, 'w:jc')).toMatchObject({ 'w:val': 'right' });
    expect(element(date, 'w:ind')).toMatchObject({ 'w:right': '640' });
    const organ = lineOf(document, '县人大');
    const expected = 8844 - 640 - widthOf('2024年10月28日') - 640;
    expect(Math.abs(Number(element(organ, 'w:ind')?.['w:left']) - expected)).toBeLessThan(480);
  });

  it('with a seal: the date 4 characters in from the right and the organ centred over it', async () => {
    const { document } = readDocx(await renderOfficialDocument(body({ organ: '县人大常委会', date: '2024-10-28', sealed: true }), settings));
    const date = lineOf(document, '2024年10月28日');
    expect(element(date, 'w:ind')).toMatchObject({ 'w:right': '1280' });
    const organ = lineOf(document, '县人大常委会');
    const organRight = Number(element(organ, 'w:ind')?.['w:right']);
    const organCentre = organRight + widthOf('县人大常委会') / 2;
    const dateCentre = 1280 + widthOf('2024年10月28日') / 2;
    expect(Math.abs(organCentre - dateCentre)).toBeLessThan(320);
  });
});
