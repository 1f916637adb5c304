/**
 * Page geometry of GB/T 9704-2012 in twips (1 pt = 20 twips): A4, the margins, the type area and the 22 × 28 grid.
 * The one source for the generator (electron/services/documents) and the A4 preview; tests hard-code their own copies.
 */

export const PAGE = { width: 11906, height: 16838 } as const;

export const MARGIN = { top: 2098, left: 1588, bottom: 1984, right: 1474, footer: 1432, header: 851 } as const;

/** 156 × 225 mm. */
export const TYPE_AREA = {
  width: PAGE.width - MARGIN.left - MARGIN.right,
  height: PAGE.height - MARGIN.top - MARGIN.bottom,
} as const;

/** 28.95 pt: exactly 22 lines fit the type area (29 pt gives 21). */
export const LINE_PITCH = 579;
export const LINES_PER_PAGE = 22;
export const CELLS_PER_LINE = 28;

/** Half-points. */
export const SIZE = { erHao: 44, sanHao: 32, siHao: 28, xiaoSi: 24 } as const;

/** One 三号 character: the unit of "indent two characters". */
export const CHAR = 320;
/** −0.25 pt after every character of the body, so 28 fit on a line (−0.2 pt does not). */
export const BODY_CHARACTER_SPACING = -5;
/** Advance of a full-width character in body text, spacing included: one cell of the grid. */
export const BODY_CELL = CHAR + BODY_CHARACTER_SPACING;

/** One 四号 character: the imprint block's indents and the page numbers' indent. */
export const SMALL_CHAR = 280;

/** 1 mm in twips. */
export const MM = 1440 / 25.4;
