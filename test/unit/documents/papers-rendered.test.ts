import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAnnouncementDocument,
  buildBallotDocument,
  buildCountReportDocument,
  buildDeliveryReceiptDocument,
  buildMinutesDocument,
  buildResearchReportDocument,
  buildSignInDocument,
  documentSettingsSchema,
  renderAnnouncementCharts,
  renderOfficialDocument,
  type OfficialDocInput,
} from '../../../electron/services/documents';
import { chineseText, sampleMinutes } from './fixtures';
import { MEETING, sampleAnnouncement, sampleBallot, sampleCountReport, sampleReceipt, sampleResearch, sampleSignIn } from './paper-fixtures';
import { convertToPdf, linesOf, pdfWords, PT_PER_MM, renderingUnavailable, writeFontConfig, type Line, type Word } from './libreoffice';

/*
 * The meeting papers as LibreOffice lays them out. Numbers from the layout section of electron/services/documents/README.md: type area from
 * 37 mm to 297 − 35 = 262 mm, 22 lines of 28.95 pt; a 公文 has an even page count with its 版记 on the bottom edge.
 */

const unavailable = renderingUnavailable();
if (unavailable) console.log(`[documents] rendered meeting-paper tests skipped: ${unavailable}`);

const TOP_MM = 37;
const BOTTOM_MM = 262;
const mm = (pt: number) => pt / PT_PER_MM;
const PITCH_MM = (28.95 * 25.4) / 72;

const settings = documentSettingsSchema.parse({ organHeader: { text: '青岚县人民代表大会常务委员会文件' } });

function bodyLines(page: Word[]): Line[] {
  return linesOf(page).filter((l) => mm(l.yMax) > TOP_MM && mm(l.yMax) < BOTTOM_MM + 1);
}

function footerText(page: Word[]): string | undefined {
  return linesOf(page)
    .find((l) => mm(l.yMin) > BOTTOM_MM)
    ?.text.replace(/\s/g, '');
}

/** A record whose answers run over pages: some pages hold nothing but body text. */
function longMinutes(): OfficialDocInput {
  const input = sampleMinutes(2, 2, 3);
  input.evaluatees.forEach((person, i) =>
    person.questions.forEach((q, j) => {
      q.answer = chineseText(30, i * 5 + j + 11);
      q.followUps = [{ askedBy: '吴委员', question: chineseText(1, i + j + 2), answer: chineseText(6, i * 3 + j + 7) }];
    }),
  );
  return buildMinutesDocument(input);
}

type Name = 'announcement' | 'research' | 'minutes' | 'ballot' | 'signIn' | 'signIn30' | 'count' | 'receipt';

describe.skipIf(unavailable !== null)('meeting papers rendered by LibreOffice', () => {
  let dir = '';
  const rendered = {} as Record<Name, Word[][]>;

  beforeAll(async () => {
    dir = await fsp.mkdtemp(join(tmpdir(), 'pingyi-papers-'));
    const fontConfig = await writeFontConfig(dir);
    const announcement = sampleAnnouncement();
    const docs: Record<Name, OfficialDocInput> = {
      announcement: buildAnnouncementDocument({ ...announcement, charts: await renderAnnouncementCharts(announcement) }),
      research: buildResearchReportDocument(sampleResearch()),
      minutes: longMinutes(),
      ballot: buildBallotDocument(sampleBallot(4, 3)),
      signIn: buildSignInDocument(sampleSignIn(24)),
      signIn30: buildSignInDocument(sampleSignIn(30)),
      count: buildCountReportDocument(sampleCountReport()),
      receipt: buildDeliveryReceiptDocument(sampleReceipt()),
    };
    await Promise.all(
      Object.entries(docs).map(async ([name, doc]) => {
        const file = join(dir, `${name}.docx`);
        await fsp.writeFile(file, await renderOfficialDocument(doc, settings));
        rendered[name as Name] = await pdfWords(await convertToPdf(file, fontConfig));
      }),
    );
  }, 240_000);

  afterAll(async () => {
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  });

  it('a 会议记录 of three or more pages keeps 22 lines on every page holding only body text, on the grid', () => {
    const pages = rendered.minutes;
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // Pages of body text only: no heading (一、/（一）) and not the first (title) or the last page.
    const bodyOnly = pages.slice(1, -1).filter((page) => !bodyLines(page).some((l) => /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(l.text)));
    expect(bodyOnly.length).toBeGreaterThanOrEqual(1);
    for (const page of bodyOnly) {
      const lines = bodyLines(page);
      expect(lines).toHaveLength(22);
      for (const line of lines) {
        const slot = (mm(line.yMax) - TOP_MM) / PITCH_MM;
        expect(Math.abs(slot - Math.round(slot))).toBeLessThan(0.1);
      }
    }
    pages.forEach((page, i) => expect(footerText(page)).toBe(`—${i + 1}—`));
    expect(linesOf(pages[0] ?? []).some((l) => l.text.includes('文件'))).toBe(false);
  });

  it('a 测评结果通报 has an even page count, the table and charts, and its 版记 on the bottom edge of the last page', () => {
    const pages = rendered.announcement;
    expect(pages.length % 2).toBe(0);
    const text = pages.map((page) => linesOf(page).map((l) => l.text).join('\n')).join('\n');
    for (const name of ['张明', '李华', '王芳', '欧阳建国', '赵强', '孙丽娟']) expect(text).toContain(name);
    expect(text).toContain('图1');
    expect(text).toContain('图2');
    const last = pages[pages.length - 1] ?? [];
    const issued = linesOf(last).find((l) => l.text.includes('印发'));
    expect(issued?.text).toContain('2026年10月30日印发');
    expect(Math.abs(mm(issued?.yMax ?? 0) - BOTTOM_MM)).toBeLessThan(3);
    expect(footerText(pages[0] ?? [])).toBe('—1—');
  });

  it('a 调研报告 is numbered and keeps the grid', () => {
    const pages = rendered.research;
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => expect(footerText(page)).toBe(`—${i + 1}—`));
    for (const page of pages.slice(1, -1)) {
      for (const line of bodyLines(page)) {
        const slot = (mm(line.yMax) - TOP_MM) / PITCH_MM;
        expect(Math.abs(slot - Math.round(slot))).toBeLessThan(0.1);
      }
    }
  });

  it('a ballot file prints one sheet a page, every page alike and unnumbered', () => {
    const pages = rendered.ballot;
    expect(pages).toHaveLength(4);
    const texts = pages.map((page) => linesOf(page).map((l) => l.text).join('\n'));
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toContain(MEETING);
    expect(texts[0]).toContain('民主测评票');
    for (const page of pages) expect(footerText(page)).toBeUndefined();
  });

  it('the forms fit their pages: count report and receipt on one page, the sign-in sheet repeats its header', () => {
    expect(rendered.count).toHaveLength(1);
    expect(rendered.receipt).toHaveLength(1);
    expect(rendered.signIn.length).toBeGreaterThanOrEqual(2);
    for (const page of rendered.signIn) expect(linesOf(page).some((l) => l.text.includes('签名'))).toBe(true);
  });

  it('forms leave no row alone on a page and no character alone on a line', () => {
    // 30 members: three pages of ten rows, each under its header, the count lines with the last rows.
    const rowsPerPage = rendered.signIn30.map((page) => linesOf(page).filter((l) => /^\d+\S*县人大常委会/.test(l.text)).length);
    expect(rowsPerPage).toEqual([10, 10, 10]);
    expect(linesOf(rendered.signIn30.at(-1) ?? []).some((l) => l.text.startsWith('应到30人'))).toBe(true);
    for (const name of ['count', 'ballot', 'signIn30'] as const) {
      // A wrapped header or cell leaves no single character on a line of its own (有效/票, 县卫生健康局局/长): no word
      // of these forms is one Han character (pdftotext parts 2026 年 10 月: a word after a number does not count).
      const words = rendered[name].flatMap((page) => page.filter((w, i) => !/\d$/.test(page[i - 1]?.text ?? '')).map((w) => w.text));
      expect(words.filter((t) => /^[\u4e00-\u9fff]$/u.test(t)), name).toEqual([]);
    }
    const count = linesOf(rendered.count[0] ?? []).map((l) => l.text);
    expect(count.some((t) => t.includes('有效票') && t.includes('不满意'))).toBe(true);
    expect(count.some((t) => t.includes('测评轮次：第一轮') || t.includes('测评轮次:第一轮'))).toBe(true);
  });
});
