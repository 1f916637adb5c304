import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMinutesDocument,
  buildOpinionDocument,
  documentSettingsSchema,
  renderOfficialDocument,
  type OfficialDocInput,
} from '../../../electron/services/documents';
import { planDocument } from '../../../electron/services/documents/render';
import { sampleMinutes, sampleOpinion } from './fixtures';
import { convertToPdf, linesOf, pdfWords, PT_PER_MM, renderingUnavailable, writeFontConfig, type Line, type Word } from './libreoffice';

/*
 * How the documents really break into pages, rendered by LibreOffice: 22 lines of 28 characters on a page of body
 * text, an even page count for a 公文, and its 版记 on the bottom edge of the type area. Numbers from
 * the layout section of electron/services/documents/README.md (type area: top 37 mm, bottom 297 − 35 = 262 mm, left 28 mm, right 184 mm).
 */

const unavailable = renderingUnavailable();
if (unavailable) console.log(`[documents] rendered tests skipped: ${unavailable}`);

const TOP_MM = 37;
const BOTTOM_MM = 262;
const LEFT_MM = 28;
const RIGHT_MM = 184;
const mm = (pt: number) => pt / PT_PER_MM;
/** Line pitch: 28.95 pt. */
const PITCH_MM = (28.95 * 25.4) / 72;

const settings = documentSettingsSchema.parse({ organHeader: { text: '青岚县人民代表大会常务委员会文件' } });

/** Lines inside the type area (not the page number below it). */
function bodyLines(page: Word[]): Line[] {
  return linesOf(page).filter((l) => mm(l.yMax) > TOP_MM && mm(l.yMax) < BOTTOM_MM + 1);
}

function footerLine(page: Word[]): Line | undefined {
  return linesOf(page).find((l) => mm(l.yMin) > BOTTOM_MM);
}

/** The first sample opinion (long synthetic body) whose 版记 is placed as asked and that has at least `pages` pages. */
function opinionWith(placement: 'same-page' | 'after-blank-page' | 'next-even-page', pages: number): OfficialDocInput {
  for (let a = 2; a <= 6; a++) {
    for (let b = 3; b <= 8; b++) {
      const doc = buildOpinionDocument(sampleOpinion(a, b));
      const plan = planDocument(doc, settings);
      if (plan.imprint === placement && plan.estimate.pages >= pages) return doc;
    }
  }
  throw new Error(`no sample opinion places its 版记 ${placement}`);
}

describe.skipIf(unavailable !== null)('documents rendered by LibreOffice', () => {
  let dir = '';
  /** Words per page of each rendered document. */
  const rendered: Record<'opinion' | 'blankPage' | 'minutes', Word[][]> = { opinion: [], blankPage: [], minutes: [] };

  beforeAll(async () => {
    dir = await fsp.mkdtemp(join(tmpdir(), 'pingyi-rendered-'));
    const fontConfig = await writeFontConfig(dir);
    const docs = {
      opinion: opinionWith('same-page', 6),
      blankPage: opinionWith('after-blank-page', 4),
      minutes: buildMinutesDocument(sampleMinutes(2, 4, 5)),
    };
    // One LibreOffice per document, in parallel: each conversion takes seconds.
    await Promise.all(
      Object.entries(docs).map(async ([name, doc]) => {
        const file = join(dir, `${name}.docx`);
        await fsp.writeFile(file, await renderOfficialDocument(doc, settings));
        rendered[name as keyof typeof rendered] = await pdfWords(await convertToPdf(file, fontConfig));
      }),
    );
  }, 240_000);

  afterAll(async () => {
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  });

  it('an opinion of four or more pages has an even page count, numbered "— N —" odd right, even left', () => {
    const pages = rendered.opinion;
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.length % 2).toBe(0);
    pages.forEach((page, i) => {
      const footer = footerLine(page);
      expect(footer?.text.replace(/\s/g, '')).toBe(`—${i + 1}—`);
      // Odd pages right (one character in from the right edge), even pages left.
      if ((i + 1) % 2 === 1) expect(mm(footer?.xMax ?? 0)).toBeGreaterThan(RIGHT_MM - 12);
      else expect(mm(footer?.xMin ?? 999)).toBeLessThan(LEFT_MM + 12);
    });
  });

  it('puts the red header 35 mm below the top of the type area', () => {
    const header = linesOf(rendered.opinion[0] ?? []).find((l) => l.text.includes('青岚县人民代表大会常务委员会文件'));
    expect(header).toBeDefined();
    expect(Math.abs(mm(header?.yMin ?? 0) - (TOP_MM + 35))).toBeLessThan(3);
  });

  it('sets 22 lines on a page of body text, and 28 characters on full all-Chinese lines', () => {
    const middle = rendered.opinion.slice(1, -1);
    expect(middle.length).toBeGreaterThanOrEqual(2);
    // Every line sits on one of 22 slots of 28.95 pt from the top of the type area. A slot stays empty where a
    // heading moved on to keep with its paragraph or a blank line falls at the foot of the page.
    for (const page of middle) {
      const slots = bodyLines(page).map((l) => (mm(l.yMax) - TOP_MM) / PITCH_MM);
      for (const slot of slots) {
        expect(Math.abs(slot - Math.round(slot))).toBeLessThan(0.1);
        expect(Math.round(slot)).toBeGreaterThanOrEqual(1);
        expect(Math.round(slot)).toBeLessThanOrEqual(22);
      }
      expect(new Set(slots.map(Math.round)).size).toBe(slots.length);
    }
    // …and pages where no slot is empty hold 22 lines.
    expect(middle.filter((page) => bodyLines(page).length === 22).length).toBeGreaterThanOrEqual(1);
    const full = middle
      .flatMap(bodyLines)
      .filter((l) => mm(l.xMax) > RIGHT_MM - 6 && mm(l.xMin) < LEFT_MM + 2 && /^[\p{Script=Han}，。、]+$/u.test(l.text));
    expect(full.length).toBeGreaterThanOrEqual(10);
    for (const line of full) {
      const chars = [...line.text];
      // A comma or full stop past the 28th character hangs into the margin.
      const counted = chars.length === 29 && /[，。、]$/.test(line.text) ? 28 : chars.length;
      expect(counted, line.text).toBe(28);
    }
  });

  it('sets the 版记 on the last page, its last line on the bottom edge of the type area', () => {
    const last = rendered.opinion[rendered.opinion.length - 1] ?? [];
    const issued = linesOf(last).find((l) => l.text.includes('印发'));
    expect(issued?.text).toContain('2024年10月30日印发');
    expect(Math.abs(mm(issued?.yMax ?? 0) - BOTTOM_MM)).toBeLessThan(3);
    const copyTo = linesOf(last).find((l) => l.text.startsWith('抄送'));
    expect(copyTo?.text.endsWith('。')).toBe(true);
  });

  it('with no room on the last even page: a blank page, then the 版记 page, neither numbered', () => {
    const pages = rendered.blankPage;
    expect(pages.length % 2).toBe(0);
    expect(pages[pages.length - 2]).toEqual([]);
    const last = pages[pages.length - 1] ?? [];
    expect(footerLine(last)).toBeUndefined();
    const issued = linesOf(last).find((l) => l.text.includes('印发'));
    expect(Math.abs(mm(issued?.yMax ?? 0) - BOTTOM_MM)).toBeLessThan(3);
  });

  it('a 会议记录 of three or more pages keeps 22 lines on a page of body text', () => {
    const pages = rendered.minutes;
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const full = pages.slice(1, -1).filter((page) => bodyLines(page).length === 22);
    expect(full.length).toBeGreaterThanOrEqual(1);
    for (const page of pages.slice(1, -1)) expect(bodyLines(page).length).toBeLessThanOrEqual(22);
    expect(footerLine(pages[1] ?? [])?.text.replace(/\s/g, '')).toBe('—2—');
    expect(linesOf(pages[0] ?? []).some((l) => l.text.includes('FF0000') || l.text.includes('文件'))).toBe(false);
  });
});
