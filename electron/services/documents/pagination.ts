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
    used += item.lines;
  }
  const pages = Math.max(1, Math.ceil(used / LINES_PER_PAGE));
  return { pages, lastPageLines: used - (pages - 1) * LINES_PER_PAGE };
}
