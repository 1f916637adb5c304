import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { BodyParagraph, ParagraphLevel } from './model';
import type { RunStyle, RunStyles } from './fonts';
import { CHAR, SIZE } from './geometry';
import { countLines } from './text-measure';

/**
 * Paragraphs on the grid, each with the number of grid lines it takes. Paragraph settings come from the Normal
 * style (exact 579, first-line indent, no widow control), so a body paragraph only carries its run: hundreds of
 * them per document, and the benchmark compares against bare `docx` paragraphs.
 */

export interface Placed {
  paragraph: Paragraph;
  /** Grid lines (579 twips) it takes. */
  lines: number;
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

export function bodyParagraph(block: BodyParagraph, styles: RunStyles, pageBreakBefore = false): Placed {
  const level = block.level ?? 0;
  const style = block.variant === 'title' ? styles.title : block.variant === 'note' ? styles.titleNote : levelStyle(styles, level);
  const children = textRuns(block.text, style);
  if (block.runIn) children.push(...textRuns(block.runIn, styles.body));
  const align = block.align ?? (block.variant ? 'center' : undefined);
  const indented = !block.flush && (align === undefined || align === 'left');
  const paragraph = new Paragraph({
    children,
    ...(indented ? {} : { indent: { firstLine: 0 } }),
    ...(align ? { alignment: ALIGNMENT[align] } : {}),
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
  });
  const text = block.runIn ? block.text + block.runIn : block.text;
  const lines = block.variant === 'title' ? countLines(text, { size: SIZE.erHao, spacing: 0 }) : countLines(text, { firstLine: indented ? 2 * CHAR : 0 });
  return { paragraph, lines };
}

/** An empty grid line: GB/T 9704 spaces elements by blank lines ("空二行"). */
export function blankLine(): Placed {
  return { paragraph: new Paragraph({ indent: { firstLine: 0 } }), lines: 1 };
}

export function blankLines(count: number): Placed[] {
  return Array.from({ length: count }, blankLine);
}
