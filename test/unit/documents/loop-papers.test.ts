import { describe, expect, it } from 'vitest';
import {
  buildFollowUpReportDocument,
  buildInterpellationDocument,
  buildLedgerDocument,
  buildResultUseRegisterDocument,
  buildSupervisionLetterDocument,
  chineseNumber,
  documentSettingsSchema,
  itemHeading,
  letterheadMetrics,
  planDocument,
  renderOfficialDocument,
  type DocumentSettings,
  type OfficialDocInput,
} from '../../../electron/services/documents';
import { element, elements, footerOf, inner, paragraphs, paragraphWithText, readDocx, runPropertiesOf, sectionProperties, textOf, type DocxParts } from './docx-xml';
import { allText, expectGrid, expectPageA4, expectPageNumbers } from './paper-checks';
import { ORGAN, sampleFollowUp, sampleInterpellation, sampleLedger, sampleLetter, sampleResultUses } from './loop-paper-fixtures';

/*
 * Structure of the closed loop's papers against the layout section of electron/services/documents/README.md: the
 * 督办函 in 信函格式 (organ name 30 mm below the top edge over a red double line 170 mm long, number flush right, a
 * red double line 20 mm above the bottom edge, no page number on the first page, grid), the 回头看调研报告 and the
 * 质询案 as meeting papers (grid, page numbers, no red header), the two registers as forms. Numbers are copied from
 * the specification, never imported from the generator.
 */

const settings: DocumentSettings = documentSettingsSchema.parse({ organHeader: { text: '青岚县人民代表大会常务委员会文件' } });
const MM = 1440 / 25.4;

async function render(doc: OfficialDocInput): Promise<DocxParts> {
  return readDocx(await renderOfficialDocument(doc, settings));
}

function expectPageAndGrid(docx: DocxParts): void {
  expectPageA4(docx);
  expectGrid(docx);
}

/** A word of two or more characters written twice in a row (满意度测评测评, 的的 is one character and not looked for). */
function doubled(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(\p{Script=Han}{2,6})\1/gu)) found.push(m[0]);
  return found;
}

describe('督办函 (信函格式)', () => {
  it('has the organ name in red over a thick-thin double line 170 mm long, 30 mm below the top edge, and the foot line 20 mm above the bottom edge', async () => {
    const docx = await render(buildSupervisionLetterDocument(sampleLetter()));
    expectPageAndGrid(docx);
    const header = paragraphWithText(docx.document, ORGAN);
    expect(textOf(header)).toBe(ORGAN);
    expect(element(runPropertiesOf(header, '青岚县'), 'w:color')).toMatchObject({ 'w:val': 'FF0000' });
    expect(element(runPropertiesOf(header, '青岚县'), 'w:rFonts')).toMatchObject({ 'w:eastAsia': '方正小标宋简体' });
    // Not the 文件 header of a 公文.
    expect(docx.document).not.toContain('常务委员会文件');
    const frames = elements(docx.document, 'w:framePr');
    expect(frames).toHaveLength(2);
    for (const frame of frames) {
      expect(frame).toMatchObject({ 'w:hAnchor': 'page', 'w:vAnchor': 'page', 'w:w': String(Math.round(170 * MM)) });
      // Centred on the page: 20 mm from the left edge.
      expect(Math.abs(Number(frame['w:x']) - 20 * MM)).toBeLessThan(2);
    }
    const [head, foot] = frames;
    // The name's glyph starts 30 mm down (its paragraph a little above, by the glyph's top space), and the frame ends
    // inside the first grid line of the type area (37 mm + 28.95 pt).
    expect(Number(head?.['w:y'])).toBeGreaterThan(27 * MM);
    expect(Number(head?.['w:y'])).toBeLessThan(30 * MM);
    expect(Number(head?.['w:y']) + Number(head?.['w:h'])).toBeLessThan(2098 + 579);
    expect(element(inner(header, 'w:pBdr') ?? '', 'w:bottom')).toMatchObject({ 'w:val': 'thickThinSmallGap', 'w:color': 'FF0000' });
    const footParagraph = paragraphs(docx.document).find((p) => p.includes('thinThickSmallGap')) ?? '';
    expect(element(inner(footParagraph, 'w:pBdr') ?? '', 'w:bottom')).toMatchObject({ 'w:val': 'thinThickSmallGap', 'w:color': 'FF0000' });
    const footBottom = Number(foot?.['w:y']) + Number(foot?.['w:h']);
    expect(Math.abs(16838 - footBottom - 20 * MM)).toBeLessThan(2 * MM);
  });

  it('puts the number flush right under the line, the title two lines below, and no page number on the first page', async () => {
    const docx = await render(buildSupervisionLetterDocument(sampleLetter()));
    const number = paragraphWithText(docx.document, '函〔');
    expect(textOf(number)).toBe('青人常函〔2026〕3号');
    expect(element(number, 'w:jc')).toMatchObject({ 'w:val': 'right' });
    const list = paragraphs(docx.document);
    const at = list.indexOf(number);
    expect(list.slice(at + 1, at + 3).map(textOf)).toEqual(['', '']);
    expect(textOf(list[at + 3] ?? '').replaceAll('\u2060', '')).toContain('关于督促报送张明同志');
    const sect = sectionProperties(docx.document)[0] ?? '';
    expect(sect).toMatch(/<w:titlePg\/>|<w:titlePg w:val="(true|1)"\/>/);
    expect(textOf(footerOf(docx, sect, 'first') ?? '<none/>')).toBe('');
    expect(footerOf(docx, sect, 'first')).toBeDefined();
    expectPageNumbers(docx);
    // No 版记 in a letter.
    expect(docx.document).not.toMatch(/抄送|印发|<w:tblpPr/);
  });

  it('states the opinion by title, number and delivery day, the deadline with its period, the days overdue and the day asked', async () => {
    const docx = await render(buildSupervisionLetterDocument(sampleLetter()));
    const text = allText(docx);
    expect(text).toContain('县教育局：');
    expect(text).toContain('2025年11月8日，县人大常委会将《关于对张明同志履职情况的评议意见》（青人常〔2025〕21号）送达张明同志（县教育局局长）。');
    expect(text).toContain('应于收到评议意见之日起6个月内（即2026年5月8日前）报送整改情况报告');
    expect(text).toContain('截至2026年5月20日，县人大常委会尚未收到整改情况报告，已逾期12日。');
    expect(text).toContain('请你单位认真落实评议意见提出的整改要求，于2026年6月5日前将整改情况报告书面报送县人大常委会。');
    // Signed by the organ with its seal: the organ and the date right of centre.
    expect(paragraphs(docx.document).filter((p) => textOf(p) === ORGAN)).toHaveLength(2);
    expect(text).toContain('2026年5月20日');
    expect(doubled(text)).toEqual([]);
  });

  it('names only the county it is given and the organ names of the input', async () => {
    const other = sampleLetter('松溪县人民代表大会常务委员会');
    const text = allText(await render(buildSupervisionLetterDocument({ ...other, docNumber: '松人常函〔2026〕3号', opinion: { ...other.opinion, docNumber: '松人常〔2025〕21号' } })));
    expect(text).toContain('松溪县人民代表大会常务委员会');
    expect(text).not.toMatch(/青岚|某某|XX|X人常/);
  });

  it('is refused with a Chinese message when nothing is overdue, the reply day is before the letter, or the number is not a number', async () => {
    expect(() => buildSupervisionLetterDocument({ ...sampleLetter(), overdue: [] })).toThrow('没有逾期未报的整改材料');
    expect(() => buildSupervisionLetterDocument({ ...sampleLetter(), replyBy: '2026-05-01' })).toThrow('报送期限（2026年5月1日）不能早于');
    expect(() => buildSupervisionLetterDocument({ ...sampleLetter(), date: '2026-05-08' })).toThrow('尚未届满');
    await expect(renderOfficialDocument(buildSupervisionLetterDocument({ ...sampleLetter(), docNumber: '青人常函[2026]3号' }), settings)).rejects.toThrow('六角括号');
  });

  it('states both papers when the plan is overdue too', async () => {
    const input = { ...sampleLetter(), overdue: [{ what: '整改方案', period: '15日', due: '2025-11-23' }, ...sampleLetter().overdue] };
    const text = allText(await render(buildSupervisionLetterDocument(input)));
    expect(text).toContain('整改方案和整改情况报告的函');
    expect(text).toContain('应于收到评议意见之日起15日内（即2025年11月23日前）报送整改方案，收到评议意见之日起6个月内（即2026年5月8日前）报送整改情况报告。');
    expect(text).toContain('尚未收到整改方案和整改情况报告，分别已逾期178日和12日。');
  });

  it('sizes a long organ name to stay within the first grid line', () => {
    expect(letterheadMetrics(ORGAN)).toEqual({ size: 52, scale: 100 });
    const long = letterheadMetrics('青岚自治县人民代表大会常务委员会办公室秘书科');
    expect(long.size).toBe(44);
    expect(long.scale).toBeLessThan(100);
  });
});

describe('回头看调研报告 (meeting paper)', () => {
  it('has the grid and page numbers and no red header', async () => {
    const docx = await render(buildFollowUpReportDocument(sampleFollowUp()));
    expectPageAndGrid(docx);
    expectPageNumbers(docx);
    expect(docx.document).not.toMatch(/FF0000|framePr|<w:tblpPr/);
  });

  it('states the group, the dates, each activity, per item what was checked and the verdict, the counts and the summary, signed by the group', async () => {
    const input = sampleFollowUp();
    const docx = await render(buildFollowUpReportDocument(input));
    const text = allText(docx);
    expect(text).toContain('关于张明同志落实评议意见情况的回头看调研报告');
    expect(text).toContain('2026年6月10日至2026年6月12日，县人大常委会回头看调研组对张明同志（县教育局局长）落实《关于对张明同志履职情况的评议意见》（青人常〔2025〕21号）提出的意见和建议的情况进行了回头看调研。');
    expect(text).toContain('调研组由县人大常委会副主任刘建国同志任组长，县人大常委会委员周伟、县人大代表吴刚同志为成员。');
    expect(text).toContain('1. 2026年6月10日（县教育局），听取县教育局整改情况汇报，查阅整改台账和佐证材料。');
    expect(text).toContain('（一）关于“加强师资队伍建设”。');
    expect(text).toContain('（五）关于“提升课后服务质量”。');
    expect(text).toContain('调研组评价：未到位。');
    expect(text).toContain('调研组逐项核查意见和建议5项，其中整改到位2项、基本到位2项、未到位1项。');
    for (const heading of ['一、调研活动', '二、逐项核查情况', '三、总体评价']) {
      expect(element(runPropertiesOf(paragraphWithText(docx.document, heading), heading.slice(0, 2)), 'w:rFonts')).toMatchObject({ 'w:eastAsia': '黑体' });
    }
    const list = paragraphs(docx.document).map(textOf);
    expect(list.slice(-2)).toEqual(['县人大常委会回头看调研组', '2026年6月20日']);
    expect(doubled(text)).toEqual([]);
  });

  it('numbers items in Chinese as the record numbers them and quotes each item by its first sentence', () => {
    expect([1, 9, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
    expect(itemHeading('（三）规范校外培训管理。要加强……')).toBe('规范校外培训管理');
    expect(itemHeading('2. 提升服务质量；并且……')).toBe('提升服务质量');
  });
});

describe('质询案 (meeting paper signed by its proposers)', () => {
  it('has the grid and page numbers, is addressed to the Standing Committee and states object, questions and reasons', async () => {
    const docx = await render(buildInterpellationDocument(sampleInterpellation()));
    expectPageAndGrid(docx);
    expectPageNumbers(docx);
    expect(docx.document).not.toMatch(/FF0000|framePr/);
    const text = allText(docx);
    expect(text).toContain('关于对县教育局的质询案');
    expect(text).toContain(`${ORGAN}：`);
    expect(text).toContain('依照《中华人民共和国各级人民代表大会常务委员会监督法》的有关规定，我们3名县人大常委会组成人员联名，就张明同志（县教育局局长）落实评议意见、整改有关问题，对县教育局提出质询案。');
    for (const heading of ['一、质询对象', '二、质询的问题', '三、质询的内容和理由']) expect(text).toContain(heading);
    expect(doubled(text)).toEqual([]);
  });

  it('prints each proposer on a line of their own with a blank to sign on, aligned, the block kept with the date', async () => {
    const doc = buildInterpellationDocument(sampleInterpellation());
    const docx = await render(doc);
    const list = paragraphs(docx.document);
    const label = list.findIndex((p) => textOf(p) === '提案人（签名）：');
    expect(label).toBeGreaterThan(0);
    const names = list.slice(label + 1, label + 4);
    expect(names.map(textOf)).toEqual(['周伟　　＿＿＿＿＿＿', '吴刚　　＿＿＿＿＿＿', '郑晓燕　＿＿＿＿＿＿']);
    for (const p of names) expect(p).toMatch(/<w:keepNext\/>/);
    expect(textOf(list[label + 4] ?? '')).toBe('2026年11月2日');
    // In the page layout the label, the names and the date are one run kept with the date.
    const plan = planDocument(doc, settings);
    const kept = plan.flow.slice(-5, -1).every((item) => 'keepNext' in item && item.keepNext === true);
    expect(kept).toBe(true);
  });

  it('puts two proposers a line when there are many', async () => {
    const many = Array.from({ length: 12 }, (_, i) => `委员${chineseNumber(i + 1)}`);
    const docx = await render(buildInterpellationDocument(sampleInterpellation(many)));
    const list = paragraphs(docx.document).map(textOf);
    const label = list.indexOf('提案人（签名）：');
    expect(list.slice(label + 1, label + 7)).toHaveLength(6);
    expect(list[label + 7]).toBe('2026年11月2日');
    expect(list[label + 1]).toContain('委员一');
    expect(list[label + 1]).toContain('委员二');
  });
});

describe('结果运用登记表 and 整改台账 (forms)', () => {
  function expectForm(docx: DocxParts): void {
    for (const sect of sectionProperties(docx.document)) {
      expect(element(sect, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
      expect(element(sect, 'w:pgSz')?.['w:orient'] ?? 'portrait').toBe('portrait');
      expect(element(sect, 'w:docGrid')?.['w:type']).toBeUndefined();
    }
    expect(docx.document).not.toMatch(/footerReference|FF0000/);
    const header = (docx.document.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g) ?? []).find((row) => row.includes('<w:tblHeader/>'));
    expect(header).toBeDefined();
  }

  it('lists every sending in date order with material, number, recipient and how', async () => {
    const docx = await render(buildResultUseRegisterDocument(sampleResultUses()));
    expectForm(docx);
    // A wrapped cell is a paragraph per line.
    const text = allText(docx).replaceAll('\n', '');
    expect(text).toContain('张明同志评议结果运用登记表');
    for (const cell of ['序号', '送达日期', '材料及文号', '送达单位及方式', '备注', '县委组织部', '（机要交换）', '建议将评议结果作为干部任用、考核和奖惩的依据']) expect(text).toContain(cell);
    expect(text.indexOf('测评结果通报')).toBeLessThan(text.indexOf('县委组织部'));
  });

  it('adds the evaluatee column to a year register', async () => {
    const input = sampleResultUses();
    input.rows = input.rows.map((r, i) => ({ ...r, about: i === 0 ? '' : '张明' }));
    const text = allText(await render(buildResultUseRegisterDocument(input))).replaceAll('\n', '');
    expect(text).toContain('被评议对象');
  });

  it('prints the ledger one row per item with measures, progress, responsible, status and verdict, portrait', async () => {
    const docx = await render(buildLedgerDocument(sampleLedger()));
    expectForm(docx);
    const text = allText(docx).replaceAll('\n', '');
    for (const cell of ['意见和建议', '整改措施及进展', '责任人', '及时限', '整改', '状态', '回头看', '评价', '加强师资队伍建设', '2026年2月15日：', '李军', '需长期坚持', '整改到位']) expect(text).toContain(cell);
    expect(text).toContain('共6项：已完成2项，整改中2项，需长期坚持2项。');
  });
});

describe('整改台账 with long entries', () => {
  it('lets a row of long measures continue on the next page and cuts a long item heading, while the meeting papers keep rows whole', async () => {
    const input = sampleLedger(2);
    const long = '加'.repeat(120);
    input.rows[0] = { ...input.rows[0]!, itemText: long, measures: '措施。'.repeat(900) };
    const docx = await render(buildLedgerDocument(input));
    const rows = docx.document.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g) ?? [];
    const header = rows.filter((r) => r.includes('<w:tblHeader/>'));
    const body = rows.filter((r) => !r.includes('<w:tblHeader/>'));
    expect(header.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    expect(body.some((r) => r.includes('<w:cantSplit/>'))).toBe(false);
    expect(allText(docx).replaceAll('\n', '')).toContain(`${'加'.repeat(60)}……`);
    const report = await render(buildResultUseRegisterDocument(sampleResultUses()));
    const reportRows = report.document.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g) ?? [];
    expect(reportRows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
  });
});
