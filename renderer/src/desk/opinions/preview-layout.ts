import type { PrintedParagraph } from '../../../../shared/domain/opinions';
import { headerMetrics as printedHeader } from '../../../../shared/domain/document-settings';

/**
 * The A4 preview's layout on the GB/T 9704 grid: 22 lines of 28 characters. Lines are broken the way
 * the Word file will break them (Han characters and full-width punctuation one cell, Latin letters and
 * digits half; closing punctuation hangs rather than starting a line), headings keep with the next
 * paragraph, and the 版记 goes at the foot of the last page, which is even — the same rules the
 * generator uses to estimate its pages, so the preview shows where the pages of the document break.
 * An estimate: Word and WPS set the final lines.
 */

export const LINES_PER_PAGE = 22;
export const CELLS_PER_LINE = 28;
/** Grid lines kept free around the 版记 (the generator's safety margin). */
const SAFETY_LINES = 1;
/** Title: 22 pt characters on the 156 mm line. */
const TITLE_CELLS = 20;
const HEADER_TOP_TWIPS = 1984;
const LINE_TWIPS = 579;

export interface PreviewInput {
  header: string;
  /** 设置 → 公文格式: the header's size in points and horizontal scale; null (or absent) = automatic. */
  headerSizePt?: number | null;
  headerScalePercent?: number | null;
  docNumber: string;
  /** Not issued yet: the number is a suggestion, shown as such. */
  numberPending: boolean;
  title: string;
  titleNote: string | null;
  addressee: string;
  body: readonly PrintedParagraph[];
  signature: { organ: string; date: string };
  imprint: { copyTo: string; office: string; issued: string };
}

export interface PreviewLine {
  /** Grid line on its page, 0–21. */
  line: number;
  text: string;
  /** The first `headChars` characters are heading (the level's font), the rest body text. */
  headChars: number;
  level: number;
  /** Cells of indent before the text (first-line indent, or a flush line's own). */
  indent: number;
  align: 'left' | 'right' | 'center';
  /** Spread across the line (every line of a paragraph but its last). */
  justify: boolean;
  /** Cells kept free at the right (signature lines). */
  right: number;
}

export interface PreviewPage {
  no: number;
  /** Printed page number, or null (a blank page and the 版记 page after it carry none). */
  pageNumber: number | null;
  lines: PreviewLine[];
  /** First page only: the 版头 and title block. */
  head: { headerLines: number; headerSizePt: number; headerScale: number; numberLine: number; titleLine: number; titleLines: string[]; noteLine: number; noteLines: string[] } | null;
  imprint: { copyToLines: string[]; office: string; issued: string } | null;
}

export interface PreviewLayout {
  pages: PreviewPage[];
  imprint: 'same-page' | 'next-even-page' | 'after-blank-page';
}

/** Punctuation that hangs into the margin rather than open a line (as Word and LibreOffice set it). */
const HANGING = new Set('，。、．,.');
/** Never open a line either: the character before them moves down with them. */
const NO_START = new Set('！）》」』〕〗】〉”’：；？％…—·!)]}:;?%');
/** Opening brackets never end a line: they move down to what they open. */
const NO_END = new Set('（《「『〔〖【〈“‘([{');
const CLOSING = new Set([...HANGING, ...NO_START]);

/** Cells a character takes: half for printable ASCII, one for everything else (Han, full-width). */
export function cells(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x20 && code <= 0x7e ? 0.5 : 1;
}

export function textCells(text: string): number {
  let n = 0;
  for (const ch of text) n += cells(ch);
  return n;
}

/** Latin words stay whole; everything else breaks between characters. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9%.]+|[\s\S]/gu) ?? [];
}

/** Breaks text into lines of `width` cells, the first `firstIndent` cells in. */
export function breakLines(text: string, width = CELLS_PER_LINE, firstIndent = 2): string[] {
  const lines: string[] = [];
  let line = '';
  let used = firstIndent;
  for (const tok of tokens(text)) {
    const w = textCells(tok);
    if (used + w > width && line !== '' && !HANGING.has(tok)) {
      const chars = [...line];
      let carried = NO_START.has(tok) && chars.length > 1 ? (chars.pop() ?? '') : '';
      while (chars.length > 1 && NO_END.has(chars.at(-1) ?? '')) carried = (chars.pop() ?? '') + carried;
      lines.push(chars.join(''));
      line = carried;
      used = textCells(carried);
    }
    line += tok;
    used += w;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Lines of nearly equal length (a title is broken into balanced lines, not filled). */
export function balancedLines(text: string, width: number): string[] {
  const total = textCells(text);
  const count = Math.max(1, Math.ceil(total / width));
  if (count === 1) return [text];
  const target = total / count;
  const out: string[] = [];
  let line = '';
  let used = 0;
  for (const ch of text) {
    if (used + cells(ch) > target + 0.5 && out.length < count - 1 && !CLOSING.has(ch)) {
      out.push(line);
      line = '';
      used = 0;
    }
    line += ch;
    used += cells(ch);
  }
  out.push(line);
  return out;
}

/**
 * Grid lines of the red header and its size: the size and scale the 公文格式 settings choose, or the
 * automatic ones (about 150 mm wide) worked out as the generator does (shared headerMetrics).
 */
export function headerMetrics(header: string, sizePt: number | null = null, scalePercent: number | null = null): { lines: number; sizePt: number; scale: number } {
  const { size, scale } = printedHeader({ text: header, sizePt, scalePercent });
  const glyph = size * 10;
  const lineHeight = Math.round(glyph * 1.2);
  const before = Math.max(0, HEADER_TOP_TWIPS - (lineHeight - Math.round(glyph * 1.1)));
  return { lines: Math.ceil((before + lineHeight) / LINE_TWIPS), sizePt: size / 2, scale };
}

interface Flow {
  lines: Omit<PreviewLine, 'line'>[];
  keepNext: boolean;
}

function paragraphFlow(p: PrintedParagraph): Flow {
  const text = p.text + (p.runIn ?? '');
  const broken = breakLines(text, CELLS_PER_LINE, 2);
  let head = p.level > 0 ? [...p.text].length : 0;
  const lines = broken.map((t, i) => {
    const n = [...t].length;
    const headChars = Math.min(head, n);
    head -= headChars;
    return { text: t, headChars, level: p.level, indent: i === 0 ? 2 : 0, align: 'left' as const, justify: i < broken.length - 1, right: 0 };
  });
  return { lines, keepNext: p.level > 0 && !p.runIn };
}

function plain(text: string, align: PreviewLine['align'] = 'left', right = 0): Omit<PreviewLine, 'line'> {
  return { text, headChars: 0, level: 0, indent: 0, align, justify: false, right };
}

export function layoutPreview(input: PreviewInput): PreviewLayout {
  const header = headerMetrics(input.header, input.headerSizePt ?? null, input.headerScalePercent ?? null);
  const numberLine = header.lines + 2;
  const titleLine = numberLine + 3;
  const titleLines = balancedLines(input.title, TITLE_CELLS);
  const noteLine = titleLine + titleLines.length;
  const noteLines = input.titleNote ? balancedLines(input.titleNote, CELLS_PER_LINE) : [];
  const pages: PreviewPage[] = [];
  const newPage = (): PreviewPage => {
    const page: PreviewPage = { no: pages.length + 1, pageNumber: pages.length + 1, lines: [], head: null, imprint: null };
    pages.push(page);
    return page;
  };
  let page = newPage();
  page.head = { headerLines: header.lines, headerSizePt: header.sizePt, headerScale: header.scale, numberLine, titleLine, titleLines, noteLine, noteLines };
  // Addressee one blank line below the title block.
  let used = noteLine + noteLines.length + 1;

  const place = (flow: Flow) => {
    // A heading that would end a page moves to the next one with its paragraph.
    if (flow.keepNext && used > 0 && used + flow.lines.length + 1 > LINES_PER_PAGE) {
      page = newPage();
      used = 0;
    }
    for (const l of flow.lines) {
      if (used >= LINES_PER_PAGE) {
        page = newPage();
        used = 0;
      }
      page.lines.push({ ...l, line: used });
      used += 1;
    }
  };
  const blank = () => place({ lines: [plain('')], keepNext: false });

  place({ lines: breakLines(`${input.addressee}：`, CELLS_PER_LINE, 0).map((t) => plain(t)), keepNext: false });
  for (const p of input.body) place(paragraphFlow(p));
  // Sealed signature: two blank lines, the organ centred over the date, the date 4 characters in from the right.
  const organCells = textCells(input.signature.organ);
  const dateCells = textCells(input.signature.date);
  blank();
  blank();
  place({ lines: [plain(input.signature.organ, 'right', Math.max(0, 4 + (dateCells - organCells) / 2))], keepNext: false });
  place({ lines: [plain(input.signature.date, 'right', 4)], keepNext: false });

  const copyToLines = input.imprint.copyTo ? breakLines(input.imprint.copyTo, CELLS_PER_LINE * (16 / 14) - 2, 0) : [];
  const imprint = { copyToLines, office: input.imprint.office, issued: input.imprint.issued };
  const imprintLines = copyToLines.length + 1;
  const bodyPages = pages.length;
  const lastLines = used;
  const fits = lastLines >= 1 + SAFETY_LINES && lastLines + imprintLines + SAFETY_LINES <= LINES_PER_PAGE;
  if (bodyPages % 2 === 0 && fits) {
    page.imprint = imprint;
    return { pages, imprint: 'same-page' };
  }
  if (bodyPages % 2 === 1) {
    newPage().imprint = imprint;
    return { pages, imprint: 'next-even-page' };
  }
  // An even page without room: a blank page, then the 版记 on the next even page; neither is numbered.
  const blankPage = newPage();
  blankPage.pageNumber = null;
  const last = newPage();
  last.pageNumber = null;
  last.imprint = imprint;
  return { pages, imprint: 'after-blank-page' };
}
