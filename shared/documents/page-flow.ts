import { LINE_PITCH, LINES_PER_PAGE } from './grid';

/**
 * Pages of a document on the 22-line grid: where every line of the text flow lands. The generator estimates its
 * page count (and so where the 版记 goes) with it, the A4 preview places its lines with it. Everything in the flow
 * is a whole number of grid lines. Widow control is off, so a paragraph's lines split across pages freely, except:
 * - a run of keep-with-next paragraphs (own headings, the signing organ) that would be parted from the next
 *   paragraph's first line by a page break moves to the next page whole (LibreOffice moves a kept paragraph whole,
 *   which is why only short paragraphs keep with the next);
 * - a table row never splits: one that does not fit the rest of a page starts the next, under the repeated header
 *   rows;
 * - the 署名 and date are never alone on a page: when no line of the last body paragraph would share the signing
 *   organ's page, its last lines are carried over by a page break inside it (see FlowLayout.carry).
 */

export interface FlowBox {
  /** Grid lines it takes (a table: the sum of its rows). */
  lines: number;
  /** Kept on the page of the next box's first line. */
  keepNext?: boolean;
  /** Starts on a new page. */
  pageBreak?: boolean;
  /** A table: grid lines of each row, header rows first. */
  rowLines?: readonly number[];
  /** How many of `rowLines` are header rows, repeated on every page. */
  headerRows?: number;
  /** Rows of exact height without rules (a picture): the text after it stays on the grid. */
  exact?: boolean;
}

/** Where the signature is in the flow: the last body paragraph and the signing organ's line. */
export interface SignatureSpan {
  lastBody: number;
  organ: number;
}

export interface FlowLayout {
  /**
   * Absolute grid line (page index × 22 + line on the page) of each line of each box; for a table, of the first line
   * of each row, header rows included (repeated header rows are not listed).
   */
  at: number[][];
  pages: number;
  /** Grid lines used on the last page (1–22). */
  lastPageLines: number;
  /** A page break before line `breakAt` of box `box` (0: before the box) keeps the signature with body lines. */
  carry: { box: number; breakAt: number } | null;
}

/** A table's rules: 0.5 pt (border size 4 in eighths of a point). */
const RULE_TWIPS = 10;
/** Body lines carried to the signature's page when it would stand alone: two, so a line more or less still fits. */
const CARRY_LINES = 2;

const pageOf = (line: number) => Math.floor(line / LINES_PER_PAGE);
const nextPage = (line: number) => Math.ceil(line / LINES_PER_PAGE) * LINES_PER_PAGE;

export function layoutFlow(boxes: readonly FlowBox[], signature?: SignatureSpan): FlowLayout {
  const first = place(boxes, null);
  if (!signature) return first;
  const organPage = pageOf(first.at[signature.organ]?.[0] ?? 0);
  const body = first.at[signature.lastBody] ?? [];
  if (body.length === 0 || body.some((line) => pageOf(line) === organPage)) return first;
  const count = boxes[signature.lastBody]?.lines ?? 0;
  const carry = { box: signature.lastBody, breakAt: Math.max(0, count - CARRY_LINES) };
  return { ...place(boxes, carry), carry };
}

function place(boxes: readonly FlowBox[], carry: FlowLayout['carry']): FlowLayout {
  const at: number[][] = [];
  let used = 0;
  /** Boxes of the run of keep-with-next boxes just placed. */
  let kept: number[] = [];
  boxes.forEach((box, i) => {
    const breakBefore = box.pageBreak === true || (carry?.box === i && carry.breakAt === 0);
    if (breakBefore) used = nextPage(used);
    if (kept.length > 0 && !breakBefore) {
      // The run must share a page with this box's first line: when it starts on an earlier page, all of it moves.
      const from = at[kept[0] ?? i]?.[0] ?? used;
      const length = used - from;
      if (pageOf(firstLine(box, used)) > pageOf(from) && length < LINES_PER_PAGE) {
        const shift = (pageOf(from) + 1) * LINES_PER_PAGE - from;
        for (const k of kept) at[k] = (at[k] ?? []).map((line) => line + shift);
        used += shift;
      }
    }
    kept = box.keepNext === true && !box.rowLines && !breakBefore ? [...kept, i] : [];
    if (box.rowLines) {
      const placed = placeRows(used, box.rowLines, box.headerRows ?? 0, !box.exact);
      at[i] = placed.at;
      used = placed.end;
      return;
    }
    const lines: number[] = [];
    for (let n = 0; n < box.lines; n++) {
      if (carry?.box === i && carry.breakAt === n && n > 0) used = nextPage(used);
      lines.push(used++);
    }
    at[i] = lines;
  });
  const pages = Math.max(1, Math.ceil(used / LINES_PER_PAGE));
  return { at, pages, lastPageLines: used - (pages - 1) * LINES_PER_PAGE, carry: null };
}

/** Where a box's first line lands when placed at `used`: a table's first row moves down when it does not fit. */
function firstLine(box: FlowBox, used: number): number {
  const row = box.rowLines?.[0];
  if (row === undefined) return used;
  const onPage = used % LINES_PER_PAGE;
  return onPage > 0 && onPage + row > LINES_PER_PAGE && row <= LINES_PER_PAGE ? nextPage(used) : used;
}

/**
 * A table's rows: a row never splits, so one that does not fit the rest of the page starts the next page, under the
 * repeated header rows. Each row of a ruled table is its grid lines plus its rule (0.5 pt), so a page holds a little
 * less than 22 lines of rows; the text after the table starts on the next grid line, one line further than the rows
 * alone (not after a picture, whose exact row without rules keeps the grid).
 */
function placeRows(start: number, rowLines: readonly number[], headerRows: number, ruled: boolean): { at: number[]; end: number } {
  const rule = ruled ? RULE_TWIPS : 0;
  const header = rowLines.slice(0, headerRows).reduce((a, b) => a + b, 0);
  const at: number[] = [];
  let used = start;
  /** Twips of rules on the page so far: the table's top rule, then one under each row. */
  let rules = rule;
  rowLines.forEach((lines, i) => {
    const onPage = used % LINES_PER_PAGE;
    if (onPage > 0 && (onPage + lines) * LINE_PITCH + rules + rule > LINES_PER_PAGE * LINE_PITCH && lines <= LINES_PER_PAGE) {
      used = nextPage(used);
      rules = rule;
      // The header rows are repeated on the new page (unless the row is itself a header row).
      if (i >= headerRows) {
        used += header;
        rules += headerRows * rule;
      }
    }
    at.push(used);
    used += lines;
    rules += rule;
  });
  return { at, end: ruled ? used + 1 : used };
}

// ---------------------------------------------------------------- the 版记 and the even page

/**
 * Where the 版记 of a 公文 goes:
 * - 'same-page': the body ends on an even page with room for it; it floats at the foot of that page.
 * - 'next-even-page': on the next page, which is even (the body ends on an odd page); numbered.
 * - 'after-blank-page': a blank page first, then the 版记 page; neither is numbered.
 */
export type ImprintPlacement = 'same-page' | 'next-even-page' | 'after-blank-page';

/** Grid lines kept free between the body and the 版记, and required on the last page, against estimate errors. */
export const IMPRINT_SAFETY_LINES = 1;

/**
 * The 版记 goes at the foot of the last page, which must be even (printed double-sided, GB/T 9704 7.4 and 7.5.1: a
 * blank page and the 版记 page after it carry no page number).
 */
export function placeImprint(estimate: { pages: number; lastPageLines: number }, imprintLines: number): ImprintPlacement {
  const { pages, lastPageLines } = estimate;
  const fits = lastPageLines >= 1 + IMPRINT_SAFETY_LINES && lastPageLines + imprintLines + IMPRINT_SAFETY_LINES <= LINES_PER_PAGE;
  if (pages % 2 === 0) return fits ? 'same-page' : 'after-blank-page';
  return 'next-even-page';
}

// ---------------------------------------------------------------- the red header

/** The header's top is 35 mm below the top of the type area (in twips). */
const HEADER_TOP = 1984;
/** Exact line of the header relative to its size, and where the glyph box's top falls in it (calibrated in LibreOffice). */
const HEADER_LINE_RATIO = 1.2;
const HEADER_GLYPH_RATIO = 1.1;

/**
 * The red organ header's paragraph at `size` half-points: space before puts the glyph's top 35 mm down (the text
 * sits at the bottom of its exact line), space after rounds it up to whole grid lines.
 */
export function headerBox(size: number): { before: number; lineHeight: number; after: number; lines: number } {
  const glyph = size * 10;
  const lineHeight = Math.round(glyph * HEADER_LINE_RATIO);
  const before = Math.max(0, HEADER_TOP - (lineHeight - Math.round(glyph * HEADER_GLYPH_RATIO)));
  const lines = Math.ceil((before + lineHeight) / LINE_PITCH);
  return { before, lineHeight, after: lines * LINE_PITCH - before - lineHeight, lines };
}
