import { execFile } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildFollowUpReportDocument,
  buildInterpellationDocument,
  buildLedgerDocument,
  buildResultUseRegisterDocument,
  buildSupervisionLetterDocument,
  documentSettingsSchema,
  planDocument,
  renderOfficialDocument,
  type DocumentSettings,
  type OfficialDocInput,
} from '../../../electron/services/documents';
import { chineseText } from './fixtures';
import { convertToPdf, findExecutable, linesOf, pdfWords, PT_PER_MM, renderingUnavailable, writeFontConfig, type Line, type Word } from './libreoffice';
import { ORGAN, sampleFollowUp, sampleInterpellation, sampleLedger, sampleLetter, sampleResultUses } from './loop-paper-fixtures';
import { pdfPageLines, planPageEnds, sameEnd } from './page-ends';

/*
 * The closed loop's papers as LibreOffice lays them out. Numbers from the layout section of
 * electron/services/documents/README.md: type area 37 mm to 262 mm, 22 lines of 28.95 pt, 28 characters a line; the
 * 信函格式 of GB/T 9704 10.1: the organ's name 30 mm below the top edge, red double lines 170 mm long (the second 20 mm
 * above the bottom edge), no page number on the first page.
 */

const unavailable = renderingUnavailable() ?? (findExecutable('pdftoppm') ? null : 'pdftoppm (poppler-utils) is not installed');
if (unavailable) console.log(`[documents] rendered loop-paper tests skipped: ${unavailable}`);

const run = promisify(execFile);
const TOP_MM = 37;
const BOTTOM_MM = 262;
const PITCH_MM = (28.95 * 25.4) / 72;
const mm = (pt: number) => pt / PT_PER_MM;
const squeeze = (text: string) => text.replace(/\s/g, '');

const settings: DocumentSettings = documentSettingsSchema.parse({ organHeader: { text: '青岚县人民代表大会常务委员会文件' } });

function bodyLines(page: Word[]): Line[] {
  return linesOf(page).filter((l) => mm(l.yMax) > TOP_MM && mm(l.yMax) < BOTTOM_MM + 1);
}

function footerText(page: Word[]): string | undefined {
  return linesOf(page)
    .find((l) => mm(l.yMin) > BOTTOM_MM)
    ?.text.replace(/\s/g, '');
}

/** The grid line (1–22) a text line sits on, from its baseline box. */
function slotOf(line: Line): number {
  return (mm(line.yMax) - TOP_MM) / PITCH_MM;
}

/** Rows of the first page (mm from the top) more than half of whose width is red, with the red run's extent. */
async function redRules(pdf: string, dir: string): Promise<{ y: number; from: number; to: number }[]> {
  const dpi = 100;
  const base = join(dir, 'rules');
  await run('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, base]);
  const data = await fsp.readFile(`${base}.ppm`);
  // P6 header: magic, width height, maxval, each followed by one whitespace.
  const header = data.subarray(0, 40).toString('latin1').split(/\s+/);
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = data.length - width * height * 3;
  const px = (p: number) => (p / dpi) * 25.4;
  const out: { y: number; from: number; to: number }[] = [];
  for (let y = 0; y < height; y++) {
    let from = -1;
    let to = -1;
    let count = 0;
    for (let x = 0; x < width; x++) {
      const i = offset + (y * width + x) * 3;
      if ((data[i] ?? 0) > 200 && (data[i + 1] ?? 255) < 90 && (data[i + 2] ?? 255) < 90) {
        count++;
        if (from < 0) from = x;
        to = x;
      }
    }
    if (count > width / 2) out.push({ y: px(y), from: px(from), to: px(to) });
  }
  return out;
}

/** A 质询案 whose reasons end where the proposers' block would start a page alone. */
function interpellationAtPageEnd(): OfficialDocInput {
  for (let n = 10; n < 80; n++) {
    const doc = buildInterpellationDocument({ ...sampleInterpellation(), reasons: chineseText(n, 9) });
    if (planDocument(doc, settings).estimate.carry) return doc;
  }
  throw new Error('no fixture puts the signature block at a page end');
}

type Name = 'letter' | 'followUp' | 'interpellation' | 'atPageEnd' | 'ledger' | 'uses';

describe.skipIf(unavailable !== null)('the closed loop’s papers rendered by LibreOffice', () => {
  let dir = '';
  const docs = {} as Record<Name, OfficialDocInput>;
  const rendered = {} as Record<Name, Word[][]>;
  let rules: { y: number; from: number; to: number }[] = [];

  beforeAll(async () => {
    dir = await fsp.mkdtemp(join(tmpdir(), 'pingyi-loop-papers-'));
    const fontConfig = await writeFontConfig(dir);
    docs.letter = buildSupervisionLetterDocument(sampleLetter());
    docs.followUp = buildFollowUpReportDocument(sampleFollowUp(9));
    docs.interpellation = buildInterpellationDocument(sampleInterpellation());
    docs.atPageEnd = interpellationAtPageEnd();
    docs.ledger = buildLedgerDocument(sampleLedger(8));
    docs.uses = buildResultUseRegisterDocument(sampleResultUses());
    const pdfs = {} as Record<Name, string>;
    // One LibreOffice at a time: the machine is shared.
    for (const name of Object.keys(docs) as Name[]) {
      const file = join(dir, `${name}.docx`);
      await fsp.writeFile(file, await renderOfficialDocument(docs[name], settings));
      pdfs[name] = await convertToPdf(file, fontConfig);
      rendered[name] = await pdfWords(pdfs[name]);
    }
    rules = await redRules(pdfs.letter, dir);
  }, 300_000);

  afterAll(async () => {
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  });

  it('督办函: the organ name 30 mm below the top edge, a red double line 4 mm under it and one 20 mm above the bottom edge, both 170 mm centred', () => {
    const page = rendered.letter[0] ?? [];
    const name = linesOf(page).find((l) => squeeze(l.text) === ORGAN);
    expect(name).toBeDefined();
    // pdftotext's box starts a little above the glyph.
    expect(mm(name?.yMin ?? 0)).toBeGreaterThan(28);
    expect(mm(name?.yMin ?? 0)).toBeLessThan(31);
    const top = rules.filter((r) => r.y < 60);
    const foot = rules.filter((r) => r.y > 250);
    expect(top.length).toBeGreaterThan(2);
    expect(foot.length).toBeGreaterThan(2);
    for (const r of [...top, ...foot]) {
      expect(Math.abs(r.from - 20)).toBeLessThan(1);
      expect(Math.abs(r.to - 190)).toBeLessThan(1);
    }
    // Two lines each (a gap between them), the first 3–6 mm under the name's box, the second about 20 mm up.
    for (const set of [top, foot]) expect(set.some((r, i) => i > 0 && r.y - (set[i - 1]?.y ?? 0) > 0.2)).toBe(true);
    const topLine = top[0]?.y ?? 0;
    expect(topLine - mm(name?.yMax ?? 0)).toBeGreaterThan(0.5);
    expect(topLine - mm(name?.yMax ?? 0)).toBeLessThan(5);
    expect(Math.abs(297 - (foot.at(-1)?.y ?? 0) - 20)).toBeLessThan(1);
  });

  it('督办函: the number on the second grid line flush right, the body on the grid, the first page unnumbered', () => {
    const page = rendered.letter[0] ?? [];
    const lines = bodyLines(page);
    const number = lines.find((l) => squeeze(l.text).includes('青人常函〔2026〕3号'));
    expect(number).toBeDefined();
    expect(Math.round(slotOf(number as Line))).toBe(2);
    expect(mm(number?.xMax ?? 0)).toBeGreaterThan(182);
    const addressee = lines.find((l) => squeeze(l.text) === '县教育局：' || squeeze(l.text) === '县教育局:');
    for (const line of lines.filter((l) => mm(l.yMin) >= mm(addressee?.yMin ?? 0))) {
      const slot = slotOf(line);
      expect(Math.abs(slot - Math.round(slot))).toBeLessThan(0.1);
    }
    expect(footerText(page)).toBeUndefined();
    // The estimate ends the page where LibreOffice does.
    const estimated = planPageEnds(planDocument(docs.letter, settings));
    const pages = pdfPageLines(rendered.letter);
    expect(estimated.length).toBe(pages.length);
    estimated.forEach((end, i) => expect(sameEnd(end, pages[i] ?? []), `page ${i + 1}: ${end}`).toBe(true));
  });

  for (const name of ['followUp', 'interpellation', 'atPageEnd'] as const) {
    it(`${name}: the estimate has LibreOffice’s pages, each ending on the same line, numbered — N —`, () => {
      const estimated = planPageEnds(planDocument(docs[name], settings));
      const pages = pdfPageLines(rendered[name]);
      expect(estimated.length).toBe(pages.length);
      const differ = estimated.flatMap((end, i) => (sameEnd(end, pages[i] ?? []) ? [] : [`page ${i + 1}: estimated ${end}, rendered ${pages[i]?.at(-1)}`]));
      expect(differ).toEqual([]);
      rendered[name].forEach((page, i) => expect(footerText(page)).toBe(`—${i + 1}—`));
    });
  }

  it('回头看调研报告: a page of body text holds 22 lines of 28 characters on the grid', () => {
    const pages = rendered.followUp;
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const full = pages.slice(0, -1).map(bodyLines).filter((lines) => lines.length === 22);
    expect(full.length).toBeGreaterThanOrEqual(1);
    for (const lines of full) {
      for (const line of lines) expect(Math.abs(slotOf(line) - Math.round(slotOf(line)))).toBeLessThan(0.1);
    }
    // Lines of Han characters and full-width punctuation that run from margin to margin: 28 characters; a comma or
    // full stop may hang into the margin as the 29th, or end the line as its 28th.
    const plain = pages
      .flatMap(bodyLines)
      .map((l) => ({ text: squeeze(l.text), from: mm(l.xMin), to: mm(l.xMax) }))
      .filter((l) => /^[\p{Script=Han}，。、；：？！“”（）《》]+$/u.test(l.text) && l.from < 29 && l.to > 181);
    expect(plain.length).toBeGreaterThan(10);
    for (const l of plain) {
      const cells = [...l.text].length;
      const punctuated = /[，。、；：？！]$/u.test(l.text);
      expect(punctuated ? [28, 29] : [28], l.text).toContain(cells);
    }
  });

  it('质询案: the proposers sign under body text, never alone on a page, the date under their names', () => {
    for (const name of ['interpellation', 'atPageEnd'] as const) {
      const pages = pdfPageLines(rendered[name]);
      const at = pages.findIndex((lines) => lines.some((t) => t.startsWith('提案人（签名）') || t.startsWith('提案人(签名)')));
      expect(at, name).toBeGreaterThanOrEqual(0);
      const lines = pages[at] ?? [];
      const label = lines.findIndex((t) => t.startsWith('提案人'));
      expect(label, `${name}: body lines above the proposers`).toBeGreaterThanOrEqual(1);
      expect(lines.slice(label + 1, label + 4).map((t) => t.replace(/＿+$/u, ''))).toEqual(['周伟', '吴刚', '郑晓燕']);
      expect(lines[label + 4]).toBe('2026年11月2日');
    }
    expect(planDocument(docs.atPageEnd, settings).estimate.carry).not.toBeNull();
  });

  it('回头看调研报告: the group signs under body text on the last page', () => {
    const pages = pdfPageLines(rendered.followUp);
    const last = pages.at(-1) ?? [];
    const organ = last.indexOf('县人大常委会回头看调研组');
    expect(organ).toBeGreaterThanOrEqual(1);
    expect(last[organ + 1]).toBe('2026年6月20日');
  });

  it('the registers print portrait with their header row on every page, nothing numbered', () => {
    for (const name of ['ledger', 'uses'] as const) {
      for (const page of rendered[name]) {
        const text = linesOf(page).map((l) => squeeze(l.text)).join('');
        expect(text).toContain('序号');
        expect(footerText(page)).toBeUndefined();
      }
    }
    expect(rendered.ledger.length).toBeGreaterThanOrEqual(2);
    expect(rendered.uses).toHaveLength(1);
  });
});
