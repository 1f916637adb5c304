import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAnnouncementDocument,
  buildBallotDocument,
  buildCountReportDocument,
  buildDeliveryReceiptDocument,
  buildMinutesDocument,
  buildResearchReportDocument,
  buildSignInDocument,
  defaultBallotSheets,
  documentSettingsSchema,
  renderAnnouncementCharts,
  renderOfficialDocument,
  renderResultsChartPng,
  type AnnouncementInput,
  type DocumentSettings,
  type OfficialDocInput,
} from '../../../electron/services/documents';
import { CHART_COLOURS } from '../../../electron/services/documents/chart-image';
import { sampleMinutes } from './fixtures';
import { MEETING, sampleAnnouncement, sampleBallot, sampleCountReport, sampleReceipt, sampleResearch, sampleSignIn } from './paper-fixtures';
import { expectGrid, expectPageA4, expectPageNumbers } from './paper-checks';
import { element, elements, inner, paragraphs, paragraphWithText, readDocx, runPropertiesOf, sectionProperties, textOf, type DocxParts } from './docx-xml';

/*
 * Structure of the meeting papers against the layout section of electron/services/documents/README.md, "Which checks apply to which type":
 * 公文 → red header, number, red line, 版记, grid, page numbers; meeting papers → grid and page numbers, no header;
 * forms → A4, margins and fonts. Every number is copied from the specification, never imported from the generator.
 */

const settings: DocumentSettings = documentSettingsSchema.parse({ organHeader: { text: '青岚县人民代表大会常务委员会文件' } });

async function render(doc: OfficialDocInput): Promise<{ docx: DocxParts; files: Record<string, Uint8Array> }> {
  const bytes = await renderOfficialDocument(doc, settings);
  return { docx: readDocx(bytes), files: unzipSync(bytes) };
}

/** Rows of every table, each as its cells' text (a cell's paragraphs joined). */
function tables(xml: string): string[][][] {
  return (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((table) =>
    (table.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g) ?? []).map((row) => (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cell) => textOf(cell))),
  );
}

function tableWithHeader(xml: string, first: string): string[][][] {
  return tables(xml).filter((t) => t[0]?.[0] === first);
}

/** No red header or red line, no 版记 (a 送达回证 quotes the number of the document it delivers, so that may appear). */
function expectNoOfficialHead(docx: DocxParts): void {
  expect(docx.document).not.toMatch(/FF0000|<w:pBdr>/);
  expect(docx.document).not.toMatch(/抄送|<w:tblpPr/);
}

function expectNoNumber(docx: DocxParts): void {
  expect(textOf(docx.document)).not.toMatch(/〔\d{4}〕\d+号|印发/);
}

/** A form: no grid and no page number anywhere (on a ballot a number would tell one sheet from another). */
function expectForm(docx: DocxParts): void {
  expectPageA4(docx);
  expectNoOfficialHead(docx);
  for (const sect of sectionProperties(docx.document)) expect(element(sect, 'w:docGrid')?.['w:type']).toBeUndefined();
  expect(docx.document).not.toMatch(/footerReference/);
  for (const part of Object.values(docx.parts)) expect(part).not.toMatch(/PAGE/);
  // Body text 仿宋_GB2312 from the defaults, tables 四号 or 小四 仿宋, header rows 黑体.
  expect(element(inner(docx.styles, 'w:docDefaults') ?? '', 'w:rFonts')).toMatchObject({ 'w:eastAsia': '仿宋_GB2312' });
  const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(docx.document)?.[0] ?? '';
  const header = (table.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g) ?? []).find((row) => row.includes('<w:tblHeader/>'));
  if (header) expect(element(inner(header, 'w:rPr') ?? '', 'w:rFonts')).toMatchObject({ 'w:eastAsia': '黑体', 'w:hint': 'eastAsia' });
  for (const fonts of elements(table, 'w:rFonts')) expect(['仿宋_GB2312', '黑体']).toContain(fonts['w:eastAsia']);
  for (const size of elements(table, 'w:sz')) expect(['28', '24']).toContain(size['w:val']);
}

function titleParagraph(docx: DocxParts, text: string): string {
  const p = paragraphWithText(docx.document, text);
  expect(element(p, 'w:jc')).toMatchObject({ 'w:val': 'center' });
  const rPr = runPropertiesOf(p, text.slice(0, 2));
  expect(element(rPr, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '方正小标宋简体' });
  expect(element(rPr, 'w:sz')).toMatchObject({ 'w:val': '44' });
  return p;
}

describe('测评结果通报 (公文)', () => {
  let input: AnnouncementInput;
  let docx: DocxParts;
  let files: Record<string, Uint8Array>;

  beforeAll(async () => {
    input = sampleAnnouncement();
    const charts = await renderAnnouncementCharts(input);
    ({ docx, files } = await render(buildAnnouncementDocument({ ...input, charts })));
  }, 30_000);

  it('has the red header, the number with the red 1.5 pt line, the grid, page numbers and the 版记', () => {
    expectPageA4(docx);
    expectGrid(docx);
    expectPageNumbers(docx);
    const header = paragraphWithText(docx.document, '青岚县人民代表大会常务委员会文件');
    expect(element(runPropertiesOf(header, '青岚县'), 'w:color')).toMatchObject({ 'w:val': 'FF0000' });
    const number = paragraphWithText(docx.document, '人常〔');
    expect(textOf(number)).toBe('X人常〔2026〕12号');
    expect(element(inner(number, 'w:pBdr') ?? '', 'w:bottom')).toMatchObject({ 'w:val': 'single', 'w:sz': '12', 'w:color': 'FF0000' });
    titleParagraph(docx, '民主测评结果的通报');
    const imprint = /<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*?<w:tblpPr[\s\S]*?<\/w:tbl>/.exec(docx.document)?.[0] ?? '';
    expect(element(imprint, 'w:tblpPr')).toMatchObject({ 'w:vertAnchor': 'margin', 'w:tblpYSpec': 'bottom' });
    expect(textOf(paragraphWithText(imprint, '抄送：'))).toBe('抄送：县委，县人民政府，县委组织部。');
    expect(textOf(paragraphs(docx.document).find((p) => textOf(p) === '2026年10月30日') ?? '')).toBe('2026年10月30日');
  });

  it('states 应到/实到 and the quorum, the secret ballot, tellers and scrutineers and quotes the rule', () => {
    const text = textOf(docx.document);
    expect(text).toContain('无记名投票');
    expect(text).toContain('第一轮测评，常委会组成人员应到29人，实到27人，超过应到人数的半数');
    expect(text).toContain('发出测评票27张，收回27张');
    expect(text).toContain('第二轮测评，常委会组成人员应到29人，实到26人');
    expect(text).toContain('发出测评票26张，收回25张');
    expect(text).toContain('列席代表实到11人，发出测评票11张，收回11张，单独计票');
    expect(text).toContain('陈静、周伟同志为计票人，吴刚同志为监票人');
    expect(text).toContain(`测评等次按照以下规则确定：${input.ruleText}。`);
    expect(text).toContain('满意率＝（满意票＋基本满意票）÷有效票');
    expect(text).toContain('一、测评基本情况');
    expect(text).toContain('二、测评结果');
  });

  it('calls the vote by its title and never doubles 测评 after a round labelled with it', async () => {
    const rounds = input.rounds.map((r, i) => ({ ...r, label: `政府组成部门负责人民主测评（第${['一', '二'][i]}轮）` }));
    const { docx } = await render(buildAnnouncementDocument({ ...input, voteTitle: '民主测评', rounds }));
    const text = textOf(docx.document);
    expect(text).toContain('政府组成部门负责人民主测评（第一轮），常委会组成人员应到29人');
    expect(text).not.toMatch(/轮）测评|测评测评/u);
    expect(text).toContain('进行了民主测评。现将测评结果通报如下。');
    expect(text).toContain('表1　常委会组成人员民主测评结果');
  });

  it('has a results table per voter group whose figures equal the rounds’ figures, every round’s evaluatees numbered through', () => {
    const results = tableWithHeader(docx.document, '序号').filter((t) => t[0]?.includes('满意率'));
    expect(results).toHaveLength(2);
    for (const table of results) expect(table[0]).toEqual(['序号', '姓名', '单位及职务', '有效票', '满意', '基本满意', '不满意', '满意率', '等次']);
    const members = [...(input.rounds[0]?.groups[0]?.rows ?? []), ...(input.rounds[1]?.groups[0]?.rows ?? [])];
    const deputies = input.rounds[0]?.groups[1]?.rows ?? [];
    const expected = (rows: typeof members) =>
      rows.map((r, i) => [String(i + 1), r.name, r.position, String(r.valid), String(r.satisfied), String(r.basic), String(r.unsatisfied), r.rateText, r.outcome]);
    expect(results[0]?.slice(1)).toEqual(expected(members));
    expect(results[1]?.slice(1)).toEqual(expected(deputies));
    // Hard-coded from the fixture: 张明 24 满意 + 2 基本满意 of 26 valid (1 blank).
    expect(results[0]?.[1]).toEqual(['1', '张明', '县教育局局长', '26', '24', '2', '0', '100.0%', '满意']);
    expect(results[0]?.[5]?.slice(3)).toEqual(['22', '9', '4', '9', '59.1%', '不满意']);
    const text = textOf(docx.document);
    expect(text).toContain('表1　常委会组成人员民主测评结果');
    expect(text).toContain('表2　列席代表民主测评结果');
  });

  it('notes the blank and invalid sheets under each table', () => {
    const text = textOf(docx.document);
    expect(text).toContain('注：空白票和无效票情况为张明空白票1张；李华无效票1张；赵强空白票2张、无效票1张；其余被测评对象无空白票和无效票。');
    expect(text).toContain('注：各被测评对象均无空白票和无效票。');
  });

  it('embeds one chart per group: a PNG in the type area (≤ 156 mm), ≥ 200 dpi at its printed size, white corners', async () => {
    const media = Object.keys(files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    const extents = elements(docx.document, 'wp:extent');
    expect(extents).toHaveLength(2);
    const { loadImage, createCanvas } = await import('@napi-rs/canvas');
    for (const [i, name] of media.entries()) {
      const png = Buffer.from(files[name] ?? new Uint8Array());
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      const width = png.readUInt32BE(16);
      const height = png.readUInt32BE(20);
      // Printed size from the drawing (EMU: 914400 an inch, 36000 a millimetre).
      const cx = Number(extents[i]?.cx);
      const cy = Number(extents[i]?.cy);
      expect(cx / 36000).toBeLessThanOrEqual(156.01);
      expect(width / (cx / 914400)).toBeGreaterThanOrEqual(200);
      expect(height / (cy / 914400)).toBeGreaterThanOrEqual(200);
      // pHYs: the same resolution, in pixels per metre.
      const at = png.indexOf('pHYs');
      expect(at).toBeGreaterThan(0);
      const perMetre = png.readUInt32BE(at + 4);
      expect(png.readUInt8(at + 12)).toBe(1);
      expect(Math.abs(perMetre * 0.0254 - width / (cx / 914400))).toBeLessThan(3);
      const image = await loadImage(png);
      const canvas = createCanvas(width, height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(image, 0, 0);
      for (const [x, y] of [
        [0, 0],
        [width - 1, 0],
        [0, height - 1],
        [width - 1, height - 1],
      ] as const) {
        expect([...ctx.getImageData(x, y, 1, 1).data]).toEqual([255, 255, 255, 255]);
      }
    }
    const text = textOf(docx.document);
    expect(text).toContain('图1　常委会组成人员民主测评结果');
    expect(text).toContain('图2　列席代表民主测评结果');
  });

  it('rejects figures that are not counts and an empty rule, naming the field', () => {
    const bad = sampleAnnouncement();
    const row = bad.rounds[0]?.groups[0]?.rows[0];
    if (row) row.satisfied = -1;
    expect(() => buildAnnouncementDocument(bad)).toThrow(/张明的满意票数应为不小于0的整数/);
    expect(() => buildAnnouncementDocument({ ...sampleAnnouncement(), ruleText: ' ' })).toThrow(/测评等次规则/);
    expect(() => buildAnnouncementDocument({ ...sampleAnnouncement(), rounds: [] })).toThrow(/至少要有一轮/);
  });
});

describe('调研报告 (meeting paper)', () => {
  let docx: DocxParts;
  beforeAll(async () => {
    ({ docx } = await render(buildResearchReportDocument(sampleResearch())));
  });

  it('has the grid and page numbers, no header, number or 版记', () => {
    expectPageA4(docx);
    expectGrid(docx);
    expectPageNumbers(docx);
    expectNoOfficialHead(docx);
    expectNoNumber(docx);
    expect(textOf(titleParagraph(docx, '关于对张明同志履职情况的调研报告'))).toBe('关于对张明同志履职情况的调研报告');
  });

  it('names the group with its posts, the methods with their counts and the four sections in 黑体', () => {
    const text = textOf(docx.document);
    expect(text).toContain(
      '调研组由县人大常委会副主任刘建国同志任组长，县人大常委会教科文卫工委主任陈静同志任副组长，县人大常委会委员周伟、县人大代表吴刚同志为成员。',
    );
    expect(text).toContain('个别谈话32人次，实地走访6处，发放调查问卷120份、回收115份，查阅资料46份');
    expect(text).toContain('2026年8月10日至2026年9月5日');
    for (const heading of ['一、基本情况', '二、主要成效', '三、存在问题', '四、意见建议']) {
      const p = paragraphWithText(docx.document, heading);
      expect(textOf(p)).toBe(heading);
      expect(element(runPropertiesOf(p, heading), 'w:rFonts')).toMatchObject({ 'w:eastAsia': '黑体' });
    }
    expect(textOf(paragraphWithText(docx.document, '（一）教育资源布局'))).toMatch(/^（一）教育资源布局持续优化。/);
    expect(paragraphs(docx.document).some((p) => textOf(p) === '县人大常委会调研组')).toBe(true);
    expect(paragraphs(docx.document).some((p) => textOf(p) === '2026年9月20日')).toBe(true);
  });

  it('counts case files and hearings for judges and prosecutors, and checks the questionnaire figures', () => {
    const doc = buildResearchReportDocument({ ...sampleResearch(), methods: { talks: 12, caseFilesReviewed: 30, hearingsAttended: 4 } });
    const text = doc.body.map((b) => ('text' in b ? b.text : '')).join('');
    expect(text).toContain('个别谈话12人次，评查案卷30件，旁听庭审4次');
    expect(() => buildResearchReportDocument({ ...sampleResearch(), methods: { questionnairesIssued: 10, questionnairesReturned: 11 } })).toThrow(/问卷回收份数/);
    expect(() => buildResearchReportDocument({ ...sampleResearch(), members: [] })).toThrow(/调研组组成人员/);
  });
});

describe('会议记录 (meeting paper)', () => {
  it('prints 主持人 and 记录人 given, and a 问：/答： typed in the notes only once', async () => {
    const input = { ...sampleMinutes(1, 1), chair: '王某主任', recorder: '李某' };
    const q = input.evaluatees[0]!.questions[0]!;
    q.question = '问：师资如何补齐？';
    q.answer = '答: 年内完成轮岗。';
    q.followUps = [{ question: '问：何时完成？', answer: '答：年底。' }];
    const text = textOf((await render(buildMinutesDocument(input))).docx.document);
    expect(text).toContain('主持人：王某主任');
    expect(text).toContain('记录人：李某');
    expect(text).toContain('问：师资如何补齐？答：年内完成轮岗。追问：何时完成？答：年底。');
    expect(text).not.toMatch(/问：问|答：答/u);
  });

  it('has the title, meeting, date, per evaluatee the questions with who asked and the answers and follow-ups', async () => {
    const input = sampleMinutes(2, 2);
    const first = input.evaluatees[0]?.questions[0];
    if (first) first.followUps = [{ askedBy: '吴委员', question: '整改时限是什么时候？', answer: '年底前完成。' }];
    const { docx } = await render(buildMinutesDocument(input));
    expectGrid(docx);
    expectPageNumbers(docx);
    expectNoOfficialHead(docx);
    expectNoNumber(docx);
    const text = textOf(docx.document);
    expect(text).toContain('会议：县第十九届人大常委会第二十三次会议');
    expect(text).toContain('时间：2024年10月28日');
    expect(text).toContain('一、张明（县教育局局长）');
    expect(text).toContain('（一）周委员提问');
    expect(text).toContain('吴委员追问：整改时限是什么时候？');
    expect(text).toContain('答：年底前完成。');
    for (const particular of ['主持人：刘建国', '记录人：陈静']) expect(text).toContain(particular);
    // 主持人 and 记录人 always: a blank to fill by hand when the meeting has none.
    const { chair: _chair, recorder: _recorder, ...without } = input;
    const blank = textOf((await render(buildMinutesDocument(without))).docx.document);
    expect(blank).toMatch(/主持人：　{8}/u);
    expect(blank).toMatch(/记录人：　{8}/u);
    // Body 仿宋 16 pt from Normal.
    expect(element(inner(docx.styles, 'w:docDefaults') ?? '', 'w:sz')).toMatchObject({ 'w:val': '32' });
  });
});

describe('测评票 (form)', () => {
  it('holds N identical sheets, one a page, with no serial number anywhere', async () => {
    const { docx } = await render(buildBallotDocument(sampleBallot(7, 3)));
    expectForm(docx);
    const body = inner(docx.document, 'w:body') ?? '';
    const titles = paragraphs(body).filter((p) => textOf(p).includes('民主测评票'));
    expect(titles).toHaveLength(7);
    for (const title of titles) expect(textOf(title)).toBe(`${MEETING}民主测评票`);
    expect(body.match(/<w:pageBreakBefore\/>/g) ?? []).toHaveLength(6);
    // Split at the page breaks: every sheet is the same XML, so nothing tells one sheet from another.
    const sheets = body
      .replace(/<w:sectPr[\s\S]*<\/w:sectPr>/, '')
      .split(/<w:p>(?=<w:pPr><w:pageBreakBefore\/>)/)
      .map((s) => s.replace('<w:pPr><w:pageBreakBefore/>', '<w:pPr>'));
    expect(sheets).toHaveLength(7);
    expect(new Set(sheets.map((sheet) => sheet.replace(/^<w:p>/, ''))).size).toBe(1);
    const text = textOf(docx.document);
    expect(text).not.toMatch(/编号|No\.|NO\.|第\s*\d+\s*张|\d+\s*\/\s*\d+|票号/);
    // The instructions: one mark per person, blank or several marks invalid, anonymous.
    expect(text).toContain('每人只能划一个“√”');
    expect(text).toContain('不划“√”或者划两个以上“√”的，对该被测评对象的测评无效');
    expect(text).toContain('请勿署名');
    const table = tables(docx.document)[0] ?? [];
    expect(table[0]).toEqual(['序号', '姓名', '单位及职务', '满意', '基本满意', '不满意']);
    expect(table.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['1', '张明', '县教育局局长'],
      ['2', '李华', '县卫生健康局局长'],
      ['3', '王芳', '县自然资源局局长'],
    ]);
    for (const row of table.slice(1)) expect(row.slice(3)).toEqual(['', '', '']);
    titleParagraph(docx, '民主测评票');
  });

  it('has a separately titled version for a group counted apart, and N = members + 2 by default', async () => {
    const { docx } = await render(buildBallotDocument(sampleBallot(2, 1, '列席代表')));
    const titles = paragraphs(docx.document).filter((p) => textOf(p).includes('民主测评票'));
    expect(titles.map(textOf)).toEqual([`${MEETING}民主测评票（列席代表）`, `${MEETING}民主测评票（列席代表）`]);
    expect(defaultBallotSheets(27)).toBe(29);
    expect(defaultBallotSheets(0)).toBe(2);
    expect(() => defaultBallotSheets(-1)).toThrow(/人数/);
    expect(() => buildBallotDocument(sampleBallot(0))).toThrow(/测评票张数/);
    expect(() => buildBallotDocument({ ...sampleBallot(1), evaluatees: [] })).toThrow(/被测评对象/);
  });
});

describe('签到表 (form)', () => {
  it('lists the members in roster order with a tall signature row each and the count lines', async () => {
    const input = sampleSignIn(24);
    const { docx } = await render(buildSignInDocument(input));
    expectForm(docx);
    titleParagraph(docx, '签到表');
    // One table a page under its own header, the 24 rows spread evenly: 12 and 12.
    const pages = tables(docx.document);
    expect(pages.map((t) => t.length - 1)).toEqual([12, 12]);
    for (const table of pages) expect(table[0]).toEqual(['序号', '姓名', '职务', '签名']);
    const rows = pages.flatMap((t) => t.slice(1));
    expect(rows.map((r) => r[1])).toEqual(input.members.map((m) => m.name));
    expect(rows.map((r) => r[3])).toEqual(input.members.map(() => ''));
    // Rows at least 1 cm (567 twips) tall to sign in.
    const heights = elements(docx.document, 'w:trHeight').map((h) => Number(h['w:val']));
    expect(heights.length).toBe(26);
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(567);
    const text = textOf(docx.document);
    expect(text).toContain('时间：2026年10月28日');
    expect(text).toContain('地点：县人大常委会第一会议室');
    expect(text).toContain('应到24人，实到＿＿＿人');
  });
});

describe('计票结果报告单 (form)', () => {
  it('reports issued and returned, the counts per evaluatee with valid/blank/invalid, and tellers and scrutineers by name', async () => {
    const input = sampleCountReport();
    const { docx } = await render(buildCountReportDocument(input));
    expectForm(docx);
    titleParagraph(docx, '计票结果报告单');
    const text = textOf(docx.document);
    expect(text).toContain('测评轮次：第一轮');
    expect(text).toContain('应到29人，实到27人；发出测评票27张，收回27张。');
    expect(text).toContain('核对：每名被测评对象各项票数之和均等于收回票数（27张）。');
    const [counts, signatures] = tables(docx.document);
    expect(counts?.[0]).toEqual(['序号', '姓名', '单位及职务', '满意', '基本满意', '不满意', '空白', '无效', '有效票', '合计']);
    expect(counts?.slice(1)).toEqual(
      input.rows.map((r, i) => [
        String(i + 1),
        r.name,
        r.position,
        String(r.satisfied),
        String(r.basic),
        String(r.unsatisfied),
        String(r.blank),
        String(r.invalid),
        String(r.valid),
        '27',
      ]),
    );
    expect(counts?.[1]).toEqual(['1', '张明', '县教育局局长', '24', '2', '0', '1', '0', '26', '27']);
    expect(signatures).toEqual([
      ['职责', '姓名', '签名'],
      ['计票人', '陈静', ''],
      ['计票人', '周伟', ''],
      ['监票人', '吴刚', ''],
    ]);
    expect(paragraphs(docx.document).some((p) => textOf(p) === '2026年10月28日')).toBe(true);
  });

  it('says which evaluatee’s counts do not add up to the sheets returned', () => {
    const input = sampleCountReport();
    const first = input.rows[0];
    if (first) first.satisfied -= 1;
    const text = buildCountReportDocument(input)
      .body.map((b) => ('text' in b ? b.text : ''))
      .join('');
    expect(text).toContain('核对：张明各项票数之和为26张，与收回票数27张不符。');
    expect(() => buildCountReportDocument({ ...sampleCountReport(), tellers: [] })).toThrow(/计票人/);
  });
});

describe('送达回证 (form)', () => {
  it('names the document, number and recipient, leaves the date received blank and has a box to sign', async () => {
    const { docx } = await render(buildDeliveryReceiptDocument(sampleReceipt()));
    expectForm(docx);
    titleParagraph(docx, '送达回证');
    const rows = tables(docx.document)[0] ?? [];
    const byLabel = Object.fromEntries(rows.map((r) => [(r[0] ?? '').replace(/[\s　]/g, ''), r[1] ?? '']));
    expect(byLabel['送达文书']).toBe('关于对张明同志履职情况的评议意见');
    expect(byLabel['文号']).toBe('X人常〔2026〕5号（2026年11月2日印发）');
    expect(byLabel['受送达人']).toBe('张明（县教育局局长）');
    expect(byLabel['送达方式']).toBe('直接送达');
    expect(byLabel['送达地点']).toBe('');
    expect(byLabel['送达人']).toBe('');
    expect(byLabel['收到日期']?.replace(/[\s　]/g, '')).toBe('年月日');
    expect(byLabel['签收人（签名）']?.replace(/[\s　]/g, '')).toBe('年月日');
    expect(Object.keys(byLabel)).toContain('备注');
    expect(() => buildDeliveryReceiptDocument({ ...sampleReceipt(), recipient: '' })).toThrow(/受送达人/);
  });
});

describe('results chart', () => {
  it('renders the type area’s 156 mm at 300 dpi by default, white, with the resolution in the PNG', async () => {
    const chart = await renderResultsChartPng([{ name: '张明', satisfied: 20, basic: 3, unsatisfied: 1 }]);
    expect(chart.widthMm).toBe(156);
    // 156 mm at 300 dpi ≈ 1843 pixels.
    expect(Math.abs(chart.widthPx - 1843)).toBeLessThanOrEqual(2);
    expect(chart.png.readUInt32BE(16)).toBe(chart.widthPx);
    expect(chart.dpi).toBeGreaterThanOrEqual(299);
    expect(chart.heightPx / chart.widthPx).toBeCloseTo(chart.heightMm / chart.widthMm, 2);
  });

  it('keeps the three grades apart in greyscale', () => {
    const grey = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      return 0.299 * (r ?? 0) + 0.587 * (g ?? 0) + 0.114 * (b ?? 0);
    };
    const [satisfied, basic, unsatisfied] = [CHART_COLOURS.satisfied, CHART_COLOURS.basic, CHART_COLOURS.unsatisfied].map(grey);
    expect((basic ?? 0) - (satisfied ?? 0)).toBeGreaterThan(50);
    expect((unsatisfied ?? 0) - (basic ?? 0)).toBeGreaterThan(50);
  });

  it('refuses a print resolution under 200 dpi, a width beyond the type area and an empty list', async () => {
    const rows = [{ name: '张明', satisfied: 1, basic: 0, unsatisfied: 0 }];
    await expect(renderResultsChartPng(rows, { dpi: 150 })).rejects.toThrow(/分辨率/);
    await expect(renderResultsChartPng(rows, { widthMm: 170 })).rejects.toThrow(/宽度/);
    await expect(renderResultsChartPng([])).rejects.toThrow(/没有被测评对象/);
  });
});
