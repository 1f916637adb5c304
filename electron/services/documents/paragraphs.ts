import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { BodyParagraph, ParagraphLevel } from './model';
import type { RunStyle, RunStyles } from './fonts';
import { BODY_CHARACTER_SPACING, CHAR, SIZE, TYPE_AREA } from './geometry';
import { breakTitle } from '../../../shared/documents/title-lines';
import { breakLines } from '../../../shared/documents/line-break';
import { splitHeading } from '../../../shared/documents/body-roles';
import { OffGridParagraph } from './off-grid-paragraph';

/**
 * Paragraphs on the grid, each with the number of grid lines it takes. Paragraph settings come from the Normal
 * style (exact 579, first-line indent, no widow control), so a body paragraph only carries its run: hundreds of
 * them per document, and the benchmark compares against bare `docx` paragraphs.
 */

export interface Placed {
  paragraph: Paragraph;
  /** Grid lines (579 twips) it takes. */
  lines: number;
  /** Kept on the page of the next paragraph's first line (own headings, the signing organ). */
  keepNext?: boolean;
  /** The text of each line, where it is known (body paragraphs): what the page layout shows at a page's end. */
  text?: string[];
  /** Starts on a new page. */
  pageBreak?: boolean;
}

export function levelStyle(styles: RunStyles, level: ParagraphLevel): RunStyle {
  if (level === 1) return styles.heading1;
  if (level === 2) return styles.heading2;
  return styles.body;
}

/** Runs of a text with explicit line breaks ('\n' → w:br). */
export function textRuns(text: string, style: RunStyle): TextRun[] {
  if (!text.includes('\n')) return [new TextRun({ ...style, text })];
  return text.split('\n').map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * Centred lines broken between words (titles, notes, subtitles). Off the grid, so a 22 pt line keeps its exact
 * 28.95 pt height in LibreOffice too (see OffGridParagraph).
 */
export function centredLines(text: string, style: RunStyle, size: number, pageBreakBefore = false): Placed {
  const lines = breakTitle(text, { size, spacing: BODY_CHARACTER_SPACING, width: TYPE_AREA.width });
  const paragraph = new OffGridParagraph({
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: lines.map((line, i) => new TextRun({ ...style, text: line, ...(i > 0 ? { break: 1 } : {}) })),
  });
  return { paragraph, lines: lines.length };
}

/**
 * A body paragraph: a numbered one is its heading in the level's font and the body text after it in 仿宋 (see
 * splitHeading). `keepNext` comes from the body's roles (keepWithNextFlags: own headings).
 */
export function bodyParagraph(block: BodyParagraph, styles: RunStyles, options: BodyParagraphOptions = {}): Placed {
  const pageBreakBefore = options.pageBreakBefore === true;
  if (block.variant === 'title') return centredLines(block.text, styles.title, SIZE.erHao, pageBreakBefore);
  if (block.variant === 'note') return centredLines(block.text, styles.titleNote, SIZE.sanHao, pageBreakBefore);
  return bodyParagraphs(block, styles, options, 0)[0] as Placed;
}

export interface BodyParagraphOptions {
  pageBreakBefore?: boolean;
  keepNext?: boolean;
}

/**
 * A body paragraph set as two, the second from line `breakAt` on, starting a page flush left: the carry of
 * page-flow, which takes the last lines of the body to the signature's page. Two paragraphs rather than a page break
 * inside one: LibreOffice splits a paragraph at such a break and indents the second part.
 */
export function carriedParagraph(block: BodyParagraph, styles: RunStyles, options: BodyParagraphOptions, breakAt: number): Placed[] {
  if (breakAt <= 0) return bodyParagraphs(block, styles, { ...options, pageBreakBefore: true }, 0);
  return bodyParagraphs(block, styles, options, breakAt);
}

function bodyParagraphs(block: BodyParagraph, styles: RunStyles, options: BodyParagraphOptions, breakAt: number): Placed[] {
  const { text, runIn } = splitHeading(block);
  const align = block.align;
  const indented = !block.flush && (align === undefined || align === 'left');
  const full = text + runIn;
  const lines = breakLines(full, { firstLine: indented ? 2 * CHAR : 0 });
  const parts = [
    { text, style: levelStyle(styles, block.level ?? 0) },
    { text: runIn, style: styles.body },
  ];
  const make = (from: number, to: number, first: boolean): Placed => {
    const start = lineOffset(full, lines, from);
    const end = lineOffset(full, lines, to);
    const children = partRuns(parts, start, end);
    const keepNext = options.keepNext === true && to === lines.length;
    const breakBefore = first ? options.pageBreakBefore === true : true;
    const paragraph = new Paragraph({
      children,
      ...(indented && first ? {} : { indent: { firstLine: 0 } }),
      ...(align ? { alignment: ALIGNMENT[align] } : {}),
      ...(breakBefore ? { pageBreakBefore: true } : {}),
      ...(keepNext ? { keepNext: true } : {}),
    });
    const own = lines.slice(from, to);
    return { paragraph, lines: own.length, text: own, ...(keepNext ? { keepNext } : {}), ...(breakBefore ? { pageBreak: true } : {}) };
  };
  if (breakAt <= 0 || breakAt >= lines.length) return [make(0, lines.length, true)];
  return [make(0, breakAt, true), make(breakAt, lines.length, false)];
}

/** Where line `n` of `lines` (breakLines of `full`) starts in `full`, past the '\n' that ended the line before. */
function lineOffset(full: string, lines: readonly string[], n: number): number {
  let offset = 0;
  for (const line of lines.slice(0, n)) {
    offset += line.length;
    if (full[offset] === '\n') offset++;
  }
  return offset;
}

/** Runs of the characters from `start` to `end` of the parts laid end to end. */
function partRuns(parts: readonly { text: string; style: RunStyle }[], start: number, end: number): TextRun[] {
  const out: TextRun[] = [];
  let at = 0;
  for (const part of parts) {
    const piece = part.text.slice(Math.max(0, start - at), Math.max(0, end - at)).replace(/\n$/, '');
    if (piece) out.push(...textRuns(piece, part.style));
    at += part.text.length;
  }
  return out;
}

/** An empty grid line: GB/T 9704 spaces elements by blank lines ("空二行"). */
export function blankLine(keepNext = false): Placed {
  if (!keepNext) return { paragraph: new Paragraph({ indent: { firstLine: 0 } }), lines: 1, text: [''] };
  return { paragraph: new Paragraph({ indent: { firstLine: 0 }, keepNext }), lines: 1, text: [''], keepNext };
}

export function blankLines(count: number, keepNext = false): Placed[] {
  return Array.from({ length: count }, () => blankLine(keepNext));
}
