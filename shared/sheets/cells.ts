import { parseTypedDate } from '../format/parse-date';
import { toIsoDate } from '../format/dates';

/**
 * One cell as the sheet reader hands it over: text (trimmed by the reader only of what a clerk
 * cannot see), a number, or a date the spreadsheet itself stored as a date. Formulas arrive as
 * their cached result. Pure data: the grid never crosses to a window, only the preview does.
 */
export type Cell = string | number | boolean | { date: string } | null;

export interface SheetRow {
  /** The row number the spreadsheet shows (1 = first row), so messages point at the row a clerk sees. */
  row: number;
  cells: Cell[];
  hidden: boolean;
}

export interface SheetGrid {
  sheetName: string;
  rows: SheetRow[];
}

const FULL_WIDTH_DIGITS = /[\uff10-\uff19]/g;

/** The text of a cell as a clerk reads it: full-width digits folded, ideographic and trailing spaces gone. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return cell.date;
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  return cell.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** Excel's day 1 is 1900-01-01 with the 1900 leap-year bug kept, so serial 60 is the phantom 29 Feb. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 73051 || Math.floor(serial) === 60) return null;
  const days = Math.floor(serial) - (serial > 60 ? 2 : 1);
  const d = new Date(Date.UTC(1900, 0, 1) + days * 86_400_000);
  return toIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/**
 * A date cell: a real spreadsheet date, an Excel serial (a date column formatted as a number, or
 * a CSV written from one) or typed text read by the desk's one date parser.
 */
export function cellDate(cell: Cell | undefined, label: string): { ok: true; iso: string } | { ok: false; message: string } {
  if (cell !== null && typeof cell === 'object') return { ok: true, iso: cell.date };
  if (typeof cell === 'number') {
    const iso = excelSerialToIso(cell);
    return iso ? { ok: true, iso } : { ok: false, message: `${label}“${cell}”不是有效的日期` };
  }
  const text = cellText(cell);
  // A serial typed or saved as text (45593) is read as one; eight digits stay 20241028.
  const folded = text.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d{5}$/.test(folded)) {
    const iso = excelSerialToIso(Number(folded));
    if (iso) return { ok: true, iso };
  }
  return parseTypedDate(text, label);
}

/** An integer cell, full-width digits allowed. */
export function cellInt(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : null;
  const t = cellText(cell).replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** 是/否 and the usual spellings of yes and no in a roster. */
export function cellBool(cell: Cell | undefined): boolean | null {
  if (typeof cell === 'boolean') return cell;
  const t = cellText(cell);
  if (['是', '在任', '在册', 'Y', 'y', '1', 'TRUE', 'true', '√'].includes(t)) return true;
  if (['否', '不在任', '离任', '不在册', 'N', 'n', '0', 'FALSE', 'false', '×'].includes(t)) return false;
  return null;
}
