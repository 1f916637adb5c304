import { countLines } from '../../../shared/documents/line-break';
import { LINE_PITCH, TYPE_AREA } from './geometry';
import type { BodyParagraph } from './model';

/**
 * Layout helpers of the forms (签到表, 计票结果报告单): lines of fields that never break inside a field, and table rows
 * spread over pages so that no page holds a stub of one or two rows.
 */

/** Between two fields on one line: two full-width spaces. */
const FIELD_GAP = '\u3000\u3000';

/**
 * "测评轮次：第一轮" and "投票人员：常委会组成人员" on one line (two full-width spaces apart) when it fits, else one line per
 * field: a field is never broken across lines (投票人 / 员).
 */
export function fieldLines(fields: readonly string[], align?: BodyParagraph['align']): BodyParagraph[] {
  const present = fields.map((f) => f.trim()).filter((f) => f !== '');
  const joined = present.join(FIELD_GAP);
  const paragraph = (text: string): BodyParagraph => ({ text, flush: true, ...(align ? { align } : {}) });
  if (countLines(joined) <= 1) return [paragraph(joined)];
  return present.map(paragraph);
}

/** A table's rule (0.5 pt) under each row. */
const RULE = 10;
/** The empty paragraph that carries a page break before a table. */
const BREAKER = 20;

export interface PageRowsOptions {
  /** Twips of the row height (exact or at least; rows of one text line). */
  rowHeight: number;
  /** Header rows' height, repeated on every page. */
  headerHeight: number;
  /** Grid lines above the table on its first page (title, lines of fields). */
  linesBefore: number;
  /** Grid lines after the table on its last page (the count lines). */
  linesAfter: number;
}

/**
 * How many rows go on each page: as few pages as the rows need, the rows spread evenly over them (the first page,
 * under the title, holds fewer when it must), so the last page is never a row or two with the lines after the table.
 */
export function pageRows(rows: number, o: PageRowsOptions): number[] {
  const room = (lines: number) => TYPE_AREA.height - lines * LINE_PITCH - o.headerHeight - 2 * RULE;
  const fit = (twips: number) => Math.max(1, Math.floor(twips / (o.rowHeight + RULE)));
  const first = fit(room(o.linesBefore));
  const middle = fit(room(0) - BREAKER);
  const last = (lead: number) => fit(room(lead + o.linesAfter) - (lead === 0 ? BREAKER : 0));
  // One page when everything fits on it; otherwise the fewest pages whose rooms hold the rows.
  if (rows <= last(o.linesBefore)) return [rows];
  let pages = 2;
  while (first + (pages - 2) * middle + last(0) < rows) pages++;
  const capacity = (page: number) => (page === 0 ? first : page === pages - 1 ? last(0) : middle);
  const out: number[] = [];
  let left = rows;
  for (let page = 0; page < pages; page++) {
    // Even shares, but never more than the page holds and enough left for what the later pages can hold.
    const later = Array.from({ length: pages - page - 1 }, (_, i) => capacity(page + 1 + i)).reduce((a, b) => a + b, 0);
    const share = Math.max(Math.ceil(left / (pages - page)), left - later);
    const take = Math.min(capacity(page), share);
    out.push(take);
    left -= take;
  }
  return out;
}
