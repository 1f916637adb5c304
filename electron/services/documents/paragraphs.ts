import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { BodyParagraph, ParagraphLevel } from './model';
import type { RunStyle, RunStyles } from './fonts';
import { BODY_CHARACTER_SPACING, CHAR, SIZE, TYPE_AREA } from './geometry';
import { breakTitle } from './title-lines';
import { countLines } from './text-measure';
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
  /** Kept on the page of the next paragraph's first line (headings). */
  keepNext?: boolean;
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

export function bodyParagraph(block: BodyParagraph, styles: RunStyles, pageBreakBefore = false): Placed {
  if (block.variant === 'title') return centredLines(block.text, styles.title, SIZE.erHao, pageBreakBefore);
  if (block.variant === 'note') return centredLines(block.text, styles.titleNote, SIZE.sanHao, pageBreakBefore);
  const level = block.level ?? 0;
  const children = textRuns(block.text, levelStyle(styles, level));
  if (block.runIn) children.push(...textRuns(block.runIn, styles.body));
  const align = block.align;
  const indented = !block.flush && (align === undefined || align === 'left');
  // A heading on its own at the foot of a page: Word and LibreOffice move it down when it keeps with the next.
  const keepNext = level > 0 && !block.runIn;
  const paragraph = new Paragraph({
    children,
    ...(indented ? {} : { indent: { firstLine: 0 } }),
    ...(align ? { alignment: ALIGNMENT[align] } : {}),
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(keepNext ? { keepNext: true } : {}),
  });
  const lines = countLines(block.runIn ? block.text + block.runIn : block.text, { firstLine: indented ? 2 * CHAR : 0 });
  return keepNext ? { paragraph, lines, keepNext } : { paragraph, lines };
}

/** An empty grid line: GB/T 9704 spaces elements by blank lines ("空二行"). */
export function blankLine(): Placed {
  return { paragraph: new Paragraph({ indent: { firstLine: 0 } }), lines: 1 };
}

export function blankLines(count: number): Placed[] {
  return Array.from({ length: count }, blankLine);
}
