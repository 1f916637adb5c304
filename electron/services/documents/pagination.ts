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
 * and only the total matters, except that headings keep with the next paragraph: a run of them that would end a
 * page moves to the next one, leaving its lines empty.
 */
export function estimatePages(flow: readonly FlowItem[]): PageEstimate {
  let used = 0;
  /** Start and length of the run of keep-with-next items just placed. */
  let keptFrom = -1;
  for (const item of flow) {
    if (item.pageBreak) used = Math.ceil(used / LINES_PER_PAGE) * LINES_PER_PAGE;
    if (keptFrom >= 0 && !item.pageBreak) {
      const kept = used - keptFrom;
      const endsPage = used % LINES_PER_PAGE === 0;
      const onePage = Math.floor(keptFrom / LINES_PER_PAGE) === Math.floor((used - 1) / LINES_PER_PAGE);
      if (endsPage && onePage && kept < LINES_PER_PAGE) used += kept;
    }
    if ('keepNext' in item && item.keepNext) {
      if (keptFrom < 0) keptFrom = used;
    } else {
      keptFrom = -1;
    }
    used += item.lines;
  }
  const pages = Math.max(1, Math.ceil(used / LINES_PER_PAGE));
  return { pages, lastPageLines: used - (pages - 1) * LINES_PER_PAGE };
}
