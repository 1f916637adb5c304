import { LINES_PER_PAGE } from './geometry';
import type { Placed } from './paragraphs';
import type { PlacedTable } from './tables';

/** Something in the text flow with the grid lines it takes; `pageBreak` starts it on a new page. */
export type FlowItem = (Placed | PlacedTable) & { pageBreak?: boolean };

export interface PageEstimate {
  pages: number;
  /** Grid lines used on the last page (1–22). */
  lastPageLines: number;
}

/**
 * Pages a flow takes on the 22-line grid. Widow control is off, so a paragraph's lines split across pages freely
 * and only the total matters, except that headings keep with the next paragraph: a run of them that would be parted
 * from that paragraph's first line by a page break moves to the next page, leaving its lines empty.
 */
export function estimatePages(flow: readonly FlowItem[]): PageEstimate {
  let used = 0;
  /** Where the run of keep-with-next items just placed starts (-1: none). */
  let keptFrom = -1;
  for (const item of flow) {
    const keepNext = 'keepNext' in item && item.keepNext === true;
    if (item.pageBreak) used = Math.ceil(used / LINES_PER_PAGE) * LINES_PER_PAGE;
    if (keptFrom >= 0 && !keepNext && !item.pageBreak) {
      // The run must share a page with this item's first line: when it starts on an earlier page, all of it moves.
      const kept = used - keptFrom;
      const startPage = Math.floor(keptFrom / LINES_PER_PAGE);
      if (Math.floor(used / LINES_PER_PAGE) > startPage && kept < LINES_PER_PAGE) used = (startPage + 1) * LINES_PER_PAGE + kept;
    }
    if (keepNext && !item.pageBreak) {
      if (keptFrom < 0) keptFrom = used;
    } else {
      keptFrom = -1;
    }
    used = 'rowLines' in item && item.rowLines ? placeRows(used, item.rowLines, item.headerRows ?? 0, item.exact === true) : used + item.lines;
  }
  const pages = Math.max(1, Math.ceil(used / LINES_PER_PAGE));
  return { pages, lastPageLines: used - (pages - 1) * LINES_PER_PAGE };
}

/**
 * A table's rows: a row never splits, so one that does not fit the rest of the page starts the next page, under the
 * repeated header rows. The rules between rows and the cells' own line heights leave the text after a table slightly
 * off the grid, which can cost the page's last line: one line is added after a ruled table against that (not after
 * a picture, whose exact row keeps the grid).
 */
function placeRows(start: number, rowLines: readonly number[], headerRows: number, exact: boolean): number {
  const header = rowLines.slice(0, headerRows).reduce((a, b) => a + b, 0);
  let used = start;
  rowLines.forEach((lines, i) => {
    const onPage = used % LINES_PER_PAGE;
    if (onPage > 0 && onPage + lines > LINES_PER_PAGE && lines <= LINES_PER_PAGE) {
      used = Math.ceil(used / LINES_PER_PAGE) * LINES_PER_PAGE;
      // The header rows are repeated on the new page (unless the row is itself a header row).
      if (i >= headerRows) used += header;
    }
    used += lines;
  });
  return exact ? used : used + 1;
}
