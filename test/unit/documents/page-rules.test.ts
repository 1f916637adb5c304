import { describe, expect, it } from 'vitest';
import { buildBallotDocument, buildOpinionDocument, buildResearchReportDocument, renderOfficialDocument, type OfficialDocInput } from '../../../electron/services/documents';
import { planDocument } from '../../../electron/services/documents/render';
import { layoutPreview } from '../../../renderer/src/desk/opinions/preview-layout';
import { isOwnHeading, keepWithNextFlags, splitHeading } from '../../../shared/documents/body-roles';
import { layoutFlow } from '../../../shared/documents/page-flow';
import { syntheticDraft } from '../opinions/synthetic-draft';
import { element, paragraphs, paragraphWithText, readDocx, runPropertiesOf, textOf } from './docx-xml';
import { chineseText, sampleOpinion } from './fixtures';
import { opinionPair, planPageEnds, previewPageEnds } from './page-ends';
import { numberedOpinion, signatureAtPageEnd } from './page-fixtures';
import { sampleBallot, sampleResearch } from './paper-fixtures';
import { defaultDocumentSettings } from '../../../electron/services/documents';
import { fieldLines, pageRows } from '../../../electron/services/documents/form-layout';

/*
 * How a 公文's pages read: only headings that stand alone keep with the next paragraph, a （一） paragraph is a 楷体
 * heading followed by 仿宋 text, and the 署名 and date never stand alone on a page.
 */

const settings = defaultDocumentSettings();
const keepsNext = (p: string) => element(p, 'w:keepNext') !== undefined;

describe('keep-with-next flags', () => {
  it('keeps 一、 and headings of their own with the next paragraph, never a paragraph that holds body text', () => {
    expect(keepWithNextFlags([{ level: 1, text: '一、基本评价' }, { text: '正文。' }])).toEqual([true, false]);
    // A （一） heading with body text after its first sentence holds text: it does not keep.
    expect(isOwnHeading({ level: 2, text: '（一）依法履职意识较强。该同志……' }, { level: 0 })).toBe(false);
    expect(isOwnHeading({ level: 2, text: '（一）关于依法行政' }, { level: 3 })).toBe(true);
    // A run of items: none keeps with the next item, nor the last one with what follows.
    expect(keepWithNextFlags([{ level: 3, text: '1.甲。' }, { level: 3, text: '2.乙。' }, { level: 3, text: '3.丙。' }, { level: 1, text: '二、' }])).toEqual([false, false, false, true]);
    // A 1. heading over （1） items keeps with the first of them.
    expect(keepWithNextFlags([{ level: 3, text: '1.加强学习培训。' }, { level: 4, text: '（1）甲。' }, { level: 4, text: '（2）乙。' }])).toEqual([true, false, false]);
    // A table after a heading is its content.
    expect(keepWithNextFlags([{ level: 2, text: '（一）测评结果' }, undefined])).toEqual([true, false]);
    expect(keepWithNextFlags([{ level: 2, text: '（一）最后一段' }])).toEqual([false]);
  });

  it('splits a numbered paragraph into its heading sentence and the text after it, closing quotes with the sentence', () => {
    expect(splitHeading({ level: 2, text: '（一）依法履职意识较强。该同志认真履职。' })).toEqual({ text: '（一）依法履职意识较强。', runIn: '该同志认真履职。' });
    expect(splitHeading({ level: 3, text: '1.落实“三个到位。”后续工作' })).toEqual({ text: '1.落实“三个到位。”', runIn: '后续工作' });
    expect(splitHeading({ level: 2, text: '（一）关于依法行政' })).toEqual({ text: '（一）关于依法行政', runIn: '' });
    expect(splitHeading({ level: 0, text: '正文。再一句。' })).toEqual({ text: '正文。再一句。', runIn: '' });
    expect(splitHeading({ level: 2, text: '（一）标题。', runIn: '正文' })).toEqual({ text: '（一）标题。', runIn: '正文' });
  });

  it('writes keepNext on the headings of an opinion and on none of its 1. and （1） items', async () => {
    const pair = opinionPair(numberedOpinion());
    const { document } = readDocx(await renderOfficialDocument(pair.doc, pair.settings));
    const all = paragraphs(document);
    const items = all.filter((p) => /^(?:\d+\.|（\d+）)/.test(textOf(p)));
    expect(items.length).toBeGreaterThanOrEqual(15);
    // Only "1.加强学习培训。", a heading of its own over （1） items, keeps with the next.
    expect(items.filter(keepsNext).map(textOf)).toEqual(['1.加强学习培训。']);
    for (const heading of ['一、基本评价', '二、存在的问题', '三、意见和建议', '四、整改要求', '（一）关于依法行政', '（二）关于队伍建设']) {
      expect(keepsNext(paragraphWithText(document, heading)), heading).toBe(true);
    }
    // （一） with body text after its heading sentence: not kept.
    expect(keepsNext(paragraphWithText(document, '（一）依法履职意识较强。'))).toBe(false);
  });

  it('sets a （一） paragraph as a 楷体 heading run followed by 仿宋 text, in an opinion and in a research report', async () => {
    const pair = opinionPair(numberedOpinion());
    const opinion = readDocx(await renderOfficialDocument(pair.doc, pair.settings)).document;
    const p = paragraphWithText(opinion, '（一）依法履职意识较强。');
    expect(runPropertiesOf(p, '（一）依法履职意识较强。')).toContain('w:eastAsia="楷体_GB2312"');
    const rest = textOf(p).slice('（一）依法履职意识较强。'.length, '（一）依法履职意识较强。'.length + 4);
    expect(runPropertiesOf(p, rest)).toContain('w:eastAsia="仿宋_GB2312"');

    const input = sampleResearch();
    input.achievements = [{ level: 2, text: `（一）服务意识明显增强。${chineseText(2, 9)}` }];
    const research = readDocx(await renderOfficialDocument(buildResearchReportDocument(input), settings)).document;
    const q = paragraphWithText(research, '（一）服务意识明显增强。');
    expect(runPropertiesOf(q, '（一）服务意识明显增强。')).toContain('w:eastAsia="楷体_GB2312"');
    expect(runPropertiesOf(q, chineseText(2, 9).slice(0, 6))).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it('lets a run of numbered items fill its pages: no page before the last ends more than a heading short', () => {
    const content = numberedOpinion();
    content.sections.problems.push(...Array.from({ length: 30 }, (_, i) => ({ level: 3 as const, text: chineseText(2, 200 + i) })));
    const layout = layoutPreview(opinionPair(content).preview);
    const bodyPages = layout.pages.filter((p) => p.lines.length > 0).slice(1, -1);
    expect(bodyPages.length).toBeGreaterThanOrEqual(2);
    for (const page of bodyPages) expect(Math.max(...page.lines.map((l) => l.line))).toBeGreaterThanOrEqual(20);
  });
});

describe('the signature-page rule', () => {
  /** Pages of a layout: the page of the organ holds a body line above it and the date below it. */
  function signatureWithBody(layoutPages: { lines: { line: number; text: string }[] }[], organ: string, date: string): boolean {
    const page = layoutPages.find((p) => p.lines.some((l) => l.text === organ));
    if (!page) return false;
    const organLine = page.lines.find((l) => l.text === organ)?.line ?? 0;
    const body = page.lines.some((l) => l.line < organLine && l.text.trim() !== '');
    return body && page.lines.some((l) => l.text === date && l.line === organLine + 1);
  }

  it('keeps the 署名 and date with body lines in every draft, in the preview and in the generator alike', () => {
    const failures: string[] = [];
    let carried = 0;
    for (let seed = 1; seed <= 12; seed++) {
      for (let chars = 600; chars <= 3000; chars += 180) {
        const pair = opinionPair(syntheticDraft('张明', seed, chars));
        const layout = layoutPreview(pair.preview);
        const plan = planDocument(pair.doc, pair.settings);
        if (plan.estimate.carry) carried++;
        if (!signatureWithBody(layout.pages, pair.preview.signature.organ, pair.preview.signature.date)) failures.push(`seed ${seed}, ${chars}: preview`);
        const ends = planPageEnds(plan);
        if (JSON.stringify(ends) !== JSON.stringify(previewPageEnds(layout))) failures.push(`seed ${seed}, ${chars}: page ends differ`);
      }
    }
    expect(failures).toEqual([]);
    // The rule had something to do in some of them.
    expect(carried).toBeGreaterThan(0);
  });

  it('carries the last two lines of a body that ends on the last line of a page to the signature’s page', async () => {
    const { doc } = signatureAtPageEnd();
    const plan = planDocument(doc, settings);
    const carry = plan.estimate.carry;
    expect(carry).not.toBeNull();
    // The paragraph is set as two: the second starts a page, flush left, and holds the last two lines.
    const { document } = readDocx(await renderOfficialDocument(doc, settings));
    const all = paragraphs(document);
    const tail = all.findIndex((p) => element(p, 'w:pageBreakBefore') !== undefined && textOf(p).endsWith('书面报告县人大常委会。'));
    expect(tail).toBeGreaterThan(0);
    expect(element(all[tail] ?? '', 'w:ind')).toMatchObject({ 'w:firstLine': '0' });
    const tailItem = plan.flow.find((item) => 'text' in item && item.pageBreak && item.text?.at(-1)?.endsWith('书面报告县人大常委会。'));
    expect(tailItem && 'lines' in tailItem ? tailItem.lines : 0).toBe(2);
  });

  it('is a rule of the page layout: a signature that would open a page takes the last body lines along', () => {
    // Body of 22 lines ending on page 1, then 2 blank lines, the organ (kept with the date) and the date.
    const boxes = [{ lines: 22 }, { lines: 1, keepNext: true }, { lines: 1, keepNext: true }, { lines: 1, keepNext: true }, { lines: 1 }];
    const layout = layoutFlow(boxes, { lastBody: 0, organ: 3 });
    expect(layout.carry).toEqual({ box: 0, breakAt: 20 });
    expect(layout.at[0]?.slice(19)).toEqual([19, 22, 23]);
    expect(layout.at[3]).toEqual([26]);
    // A body that leaves room: nothing is carried.
    expect(layoutFlow([{ lines: 10 }, ...boxes.slice(1)], { lastBody: 0, organ: 3 }).carry).toBeNull();
    // The organ on the last line of a page goes down with the date; a one-line body goes along whole.
    const split = layoutFlow([{ lines: 18 }, { lines: 1 }, { lines: 1, keepNext: true }, { lines: 1, keepNext: true }, { lines: 1, keepNext: true }, { lines: 1 }], { lastBody: 1, organ: 4 });
    expect(split.carry).toEqual({ box: 1, breakAt: 0 });
    expect(split.at[1]).toEqual([22]);
  });

  it('leaves the sample opinions’ signatures with their body', () => {
    for (let a = 1; a <= 4; a++) {
      for (let b = 2; b <= 7; b++) {
        const doc: OfficialDocInput = buildOpinionDocument(sampleOpinion(a, b));
        const plan = planDocument(doc, settings);
        const organ = plan.flow.findIndex((item) => 'text' in item && item.text?.[0] === '青岚县人民代表大会常务委员会');
        const organPage = Math.floor((plan.estimate.at[organ]?.[0] ?? 0) / 22);
        const bodyOnPage = plan.flow.slice(0, organ - 2).some((item, i) => 'text' in item && item.text?.some((t, n) => t !== '' && Math.floor((plan.estimate.at[i]?.[n] ?? -1) / 22) === organPage));
        expect(bodyOnPage, `sample ${a}, ${b}`).toBe(true);
      }
    }
  });
});

describe('forms on their pages', () => {
  const signIn = { rowHeight: 740, headerHeight: 740, linesBefore: 3, linesAfter: 2 };

  it('spreads a sign-in sheet’s rows evenly over the fewest pages, never a row or two alone', () => {
    expect(pageRows(5, signIn)).toEqual([5]);
    expect(pageRows(14, signIn)).toEqual([7, 7]);
    expect(pageRows(24, signIn)).toEqual([12, 12]);
    expect(pageRows(30, signIn)).toEqual([10, 10, 10]);
    expect(pageRows(45, signIn)).toEqual([12, 11, 11, 11]);
    for (let rows = 1; rows <= 80; rows++) {
      const pages = pageRows(rows, signIn);
      expect(pages.reduce((a, b) => a + b, 0)).toBe(rows);
      expect(Math.max(...pages) - Math.min(...pages), `${rows} rows`).toBeLessThanOrEqual(pages.length > 1 ? 3 : 0);
    }
  });

  it('fits up to 12 evaluatees on one ballot page and spreads a longer list evenly over two', () => {
    const tablesOf = (n: number) =>
      buildBallotDocument(sampleBallot(1, n)).body.flatMap((b) => (b.type === 'table' ? [b.table.rows.map((r) => (typeof r[0] === 'string' ? r[0] : (r[0]?.text ?? '')))] : []));
    expect(tablesOf(12).map((t) => t.length)).toEqual([12]);
    const split = tablesOf(16);
    expect(split.map((t) => t.length)).toEqual([8, 8]);
    expect(split.flat()).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
  });

  it('puts fields on one line when they fit, else one a line, never breaking inside one', () => {
    expect(fieldLines(['测评轮次：第一轮', '投票人员：常委会组成人员']).map((p) => p.text)).toEqual(['测评轮次：第一轮\u3000\u3000投票人员：常委会组成人员']);
    const long = fieldLines(['时间：2026年10月28日', '地点：县人大常委会机关第一会议室（县行政中心三楼东侧）'], 'center');
    expect(long.map((p) => p.text)).toEqual(['时间：2026年10月28日', '地点：县人大常委会机关第一会议室（县行政中心三楼东侧）']);
    expect(long.every((p) => p.align === 'center' && p.flush)).toBe(true);
  });
});
