import { describe, expect, it } from 'vitest';
import {
  buildAnnualPlanDocument,
  buildPlanRequestDocument,
  buildPublicNoticeDocument,
  documentSettingsSchema,
  planDocument,
  publicNoticeText,
  renderOfficialDocument,
  type DocumentSettings,
  type OfficialDocInput,
} from '../../../electron/services/documents';
import { planTable } from '../../../electron/services/documents/builders/plan-papers';
import { publicNoticeSchema } from '../../../shared/domain/plan-papers';
import { element, paragraphs, paragraphWithText, readDocx, runPropertiesOf, textOf, type DocxParts } from './docx-xml';
import { PARTY_GROUP, sampleAnnualPlan, sampleNotice, sampleRequest } from './plan-paper-fixtures';

/*
 * The plan's papers: the 请示 (公文, 上行文: number flush left with 签发人 on its line, 主送 the county committee, 附注
 * under the date, the attachment table on a page of its own by year and category, 版记 without 抄送), the 年度计划 and
 * the 评议工作公告 (meeting papers; the notice also as plain text). Numbers are copied from the layout section of
 * electron/services/documents/README.md, never imported from the generator.
 */

const settings: DocumentSettings = documentSettingsSchema.parse({ organHeader: { text: `${PARTY_GROUP}文件` } });

async function render(doc: OfficialDocInput): Promise<DocxParts> {
  return readDocx(await renderOfficialDocument(doc, settings));
}

const texts = (docx: DocxParts) => paragraphs(docx.document).map((p) => textOf(p).replaceAll('\u2060', ''));
/** Table rows as cell texts (a wrapped cell's lines joined). */
const rowsOf = (xml: string) =>
  (xml.match(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g) ?? []).map((tr) =>
    (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((tc) => paragraphs(tc).map(textOf).join('').replaceAll('\u2060', '')),
  );

describe('请示 of the five-year plan', () => {
  it('has the 上行文 head: red header, number flush left one character in, 签发人 on the same line at a right tab', async () => {
    const docx = await render(buildPlanRequestDocument(sampleRequest()));
    const all = texts(docx);
    expect(all).toContain(`${PARTY_GROUP}文件`);
    const numberLine = paragraphWithText(docx.document, '青人常党〔2026〕3号');
    expect(textOf(numberLine)).toBe('青人常党〔2026〕3号签发人：周明远');
    expect(numberLine).toMatch(/<w:tab\/>/);
    expect(element(numberLine, 'w:jc')).toMatchObject({ 'w:val': 'left' });
    expect(element(numberLine, 'w:ind')).toMatchObject({ 'w:left': '320' });
    // The tab stop one character in from the right edge of the 156 mm type area (8844 twips).
    expect(element(numberLine, 'w:tab')).toMatchObject({ 'w:val': 'right', 'w:pos': String(8844 - 320) });
    // 签发人 in 仿宋, the name in 楷体 (GB/T 9704 7.2.4); the red line under the number's line.
    expect(runPropertiesOf(numberLine, '签发人：')).toContain('仿宋_GB2312');
    expect(runPropertiesOf(numberLine, '周明远')).toContain('楷体_GB2312');
    expect(element(numberLine, 'w:bottom')).toMatchObject({ 'w:color': 'FF0000' });
  });

  it('is addressed to the county committee, counts the plan by category and closes with 妥否，请批示', async () => {
    const docx = await render(buildPlanRequestDocument(sampleRequest()));
    const all = texts(docx);
    expect(all).toContain('关于县第十九届人大常委会任期内工作评议五年计划的请示');
    expect(all).toContain('中共青岚县委：');
    expect(all.join('\n')).toContain('本届须评议的人员共7人。已列入年度安排5人，其中政府组成部门负责人3人、员额法官1人、员额检察官1人；尚有2人未列入年度安排。');
    expect(all).toContain('（一）2026年。评议4人，其中政府组成部门负责人2人、员额法官1人、员额检察官1人。');
    expect(all).toContain('（三）2028年。尚未安排评议对象。');
    expect(all).toContain('妥否，请批示。');
    expect(all.join('\n')).toContain('收到评议意见之日起6个月内');
    expect(all.join('\n')).not.toMatch(/某某|XX/);
  });

  it('signs with the sealed organ, the 附注 under the date, and the attachment on a page of its own', async () => {
    const docx = await render(buildPlanRequestDocument(sampleRequest()));
    const all = texts(docx);
    const date = all.indexOf('2026年3月2日');
    expect(all[date - 1]).toBe(PARTY_GROUP);
    expect(all[date + 1]).toBe('（联系人：林晓，电话：0000-1234567）');
    const note = paragraphWithText(docx.document, '（联系人：林晓');
    expect(element(note, 'w:ind')).toMatchObject({ 'w:left': '640' });
    expect(all.join('\n')).toContain('附件：工作评议五年计划安排表（2026—2030年）');
    // 附件 in 黑体 flush left starting a page, the title centred two lines lower.
    const label = paragraphs(docx.document).find((p) => textOf(p) === '附件')!;
    expect(label).toMatch(/<w:pageBreakBefore\/>/);
    expect(runPropertiesOf(label, '附件')).toContain('黑体');
    const at = all.indexOf('附件');
    expect(all[at + 1]).toBe('');
    expect(all[at + 2]).toBe('工作评议五年计划安排表（2026—2030年）');
    // No 抄送 on a 请示: the 版记 holds only the 印发 line.
    expect(all.join('\n')).not.toContain('抄送');
    expect(all.join('\n')).toContain('青岚县人大常委会办公室');
  });

  it('lists the attachment table by year, then category in the fixed order, a year with nobody saying so', async () => {
    const rows = rowsOf((await render(buildPlanRequestDocument(sampleRequest()))).document);
    expect(rows[0]).toEqual(['序号', '年度', '类别', '姓名', '单位及职务']);
    expect(rows.slice(1, 7)).toEqual([
      ['1', '2026年', '政府组成部门负责人', '赵敏', '青岚县教育局局长'],
      ['2', '2026年', '政府组成部门负责人', '孙平', '青岚县财政局局长'],
      ['3', '2026年', '员额法官', '韩立新', '青岚县人民法院审判员'],
      ['4', '2026年', '员额检察官', '钱进', '青岚县人民检察院检察员'],
      ['5', '2027年', '政府组成部门负责人', '李和', '青岚县卫生健康局局长'],
      ['', '2028年', '—', '尚未安排', ''],
    ]);
    expect(planTable(sampleRequest().years).header).toHaveLength(1);
  });

  it('keeps the signature and 附注 with body lines and puts the 版记 on an even page after the attachment', () => {
    const plan = planDocument(buildPlanRequestDocument(sampleRequest()), settings);
    expect(plan.estimate.pages).toBeGreaterThanOrEqual(2);
    expect(['same-page', 'next-even-page', 'after-blank-page']).toContain(plan.imprint);
    const total = plan.estimate.pages + (plan.imprint === 'same-page' ? 0 : plan.imprint === 'next-even-page' ? 1 : 2);
    expect(total % 2).toBe(0);
  });

  it('refuses what a 请示 cannot go without, naming the field', () => {
    expect(() => buildPlanRequestDocument(sampleRequest({ signer: ' ' }))).toThrow('签发人不能为空');
    expect(() => buildPlanRequestDocument(sampleRequest({ contactPhone: '' }))).toThrow('联系电话不能为空');
    expect(() => buildPlanRequestDocument(sampleRequest({ docNumber: '青人常党[2026]3号' }))).toThrow('发文字号');
    expect(() => buildPlanRequestDocument(sampleRequest({ years: sampleRequest().years.map((y) => ({ ...y, persons: [] })), unplanned: 0 }))).toThrow('没有须评议的被评议对象');
  });
});

describe('年度计划', () => {
  it('lists the year’s evaluations, its meetings and the steps with the county’s own periods', async () => {
    const docx = await render(buildAnnualPlanDocument(sampleAnnualPlan()));
    const all = texts(docx).join('\n');
    expect(all).toContain('青岚县人民代表大会常务委员会2026年度工作评议计划');
    expect(all).toContain('2026年对2名县人大常委会任命人员开展工作评议，其中政府组成部门负责人1人、员额法官1人。');
    expect(all).toContain('2026年10月28日召开县第十九届人大常委会第二十三次会议，听取1人到会汇报，并进行民主测评。');
    expect(all).toContain('尚有1人的评议会议未安排');
    expect(all).toContain('6个月内将整改情况书面报告县人大常委会');
    expect(all).not.toContain('整改方案');
    expect(rowsOf(docx.document)[1]).toEqual(['1', '赵敏', '政府组成部门负责人', '青岚县教育局局长', '到会汇报']);
    const withPlan = texts(await render(buildAnnualPlanDocument(sampleAnnualPlan({ planDays: 15 })))).join('\n');
    expect(withPlan).toContain('15日内报送整改方案');
  });

  it('refuses a year with nobody planned', () => {
    expect(() => buildAnnualPlanDocument(sampleAnnualPlan({ evaluations: [] }))).toThrow('2026年度计划中没有评议对象');
  });
});

describe('评议工作公告', () => {
  it('says who, when, how and until when, in Word and as plain text with the same words', async () => {
    const text = publicNoticeText(sampleNotice());
    expect(text.split('\n')).toEqual([
      '青岚县人民代表大会常务委员会关于开展2026年度工作评议征求意见的公告',
      '',
      '\u3000\u3000根据《中华人民共和国各级人民代表大会常务委员会监督法》，县人大常委会决定于2026年对下列2名县人大常委会任命人员开展工作评议：',
      '\u3000\u30001. 赵敏，青岚县教育局局长',
      '\u3000\u30002. 韩立新，青岚县人民法院审判员',
      '\u3000\u3000评议在2026年10月28日召开的县第十九届人大常委会第二十三次会议上进行。',
      '\u3000\u3000欢迎社会各界和广大群众对上述人员的履职情况提出意见和建议。意见和建议可通过以下方式反映：',
      '\u3000\u3000来信请寄：青岚县人大常委会人事代表工作委员会',
      '\u3000\u3000电话：0000-1234567',
      '\u3000\u3000征求意见时间：2026年8月1日至2026年8月31日。',
      '\u3000\u3000特此公告。',
      '',
      '青岚县人民代表大会常务委员会',
      '2026年7月25日',
    ]);
    const docx = await render(buildPublicNoticeDocument(sampleNotice()));
    const all = texts(docx);
    for (const line of text.split('\n').filter((l) => l !== '')) expect(all).toContain(line.replace(/^\u3000\u3000/, ''));
  });

  it('says the meeting is announced later while none is scheduled', () => {
    expect(publicNoticeText(sampleNotice({ meetings: [] }))).toContain('评议会议的时间确定后另行公告。');
    expect(publicNoticeText(sampleNotice({ unscheduled: 1 }))).toContain('尚有1人的评议会议时间确定后另行公告。');
  });

  it('refuses a period that ends before it starts, naming the field, in the builder and in the stored record', () => {
    expect(() => publicNoticeText(sampleNotice({ from: '2026-09-01', to: '2026-08-31' }))).toThrow('征求意见截止日期不能早于开始日期');
    expect(() => publicNoticeText(sampleNotice({ channels: '\n  \n' }))).toThrow('意见反映渠道不能为空');
    expect(() => publicNoticeText(sampleNotice({ evaluatees: [] }))).toThrow('没有评议对象');
    const parsed = publicNoticeSchema.safeParse({ channels: '电话：0000-1234567', from: '2026-09-01', to: '2026-08-31' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['to'], message: '征求意见截止日期不能早于开始日期' });
    expect(publicNoticeSchema.safeParse({ channels: '电话', from: '2026-08-31', to: '2026-08-31' }).success).toBe(true);
  });
});
