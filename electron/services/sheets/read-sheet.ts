import { unzipSync } from 'fflate';
import ExcelJS, { type Buffer as ExcelBuffer, type CellValue } from './exceljs';
import { ApiError } from '../../../shared/api/errors';
import { toIsoDate } from '../../../shared/format/dates';
import type { Cell, SheetGrid, SheetRow } from '../../../shared/sheets/cells';

/** A county's rosters are a few hundred rows; a file beyond this is not a roster. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 10_000;
/** What the parts of an .xlsx may expand to: a roster's XML is a few MB; far more is a zip bomb, not a roster. */
export const IMPORT_MAX_UNZIPPED_BYTES = 300 * 1024 * 1024;

const refuse = (message: string) => new ApiError('invalid_args', message, [{ path: 'file', message }]);

/** Old binary Excel (and WPS .et) files start with the OLE compound-file signature. */
function isOleFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The first visible worksheet of an .xlsx, or a .csv (UTF-8, else GBK as Excel and WPS save it on
 * a Chinese Windows), as a grid of cells. Refuses with a Chinese message naming what is wrong: an
 * old .xls, an empty or oversized file, a file that is not a spreadsheet.
 */
export async function readSheet(fileName: string, bytes: Uint8Array): Promise<SheetGrid> {
  const lower = fileName.toLowerCase();
  if (bytes.byteLength === 0) throw refuse(`文件“${fileName}”是空文件，没有可导入的内容`);
  if (bytes.byteLength > IMPORT_MAX_BYTES) throw refuse(`文件“${fileName}”超过20 MB，不能导入；请只保留需要导入的工作表和行后再试`);
  if (lower.endsWith('.xls') || lower.endsWith('.et') || isOleFile(bytes)) {
    throw refuse(`“${fileName}”是旧版 Excel（.xls）格式，不能直接导入：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入`);
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(fileName, bytes);
  if (!isZip(bytes)) throw refuse(`“${fileName}”不是 .xlsx 或 .csv 表格文件，不能导入`);
  return readXlsx(fileName, bytes);
}

/** The sizes the zip's directory declares, summed without inflating anything; null when it is no readable zip. */
function unzippedSize(bytes: Uint8Array): number | null {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        return false;
      },
    });
  } catch {
    return null;
  }
  return total;
}

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<SheetGrid> {
  const size = unzippedSize(bytes);
  if (size === null) throw refuse(`“${fileName}”无法作为 .xlsx 表格读取（文件可能已损坏，或不是表格文件）`);
  if (size > IMPORT_MAX_UNZIPPED_BYTES) throw refuse(`“${fileName}”解压后超过${IMPORT_MAX_UNZIPPED_BYTES / 1024 / 1024} MB，不像名单表格，不能导入`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelBuffer);
  } catch {
    throw refuse(`“${fileName}”无法作为 .xlsx 表格读取（文件可能已损坏，或不是表格文件）`);
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw refuse(`“${fileName}”中没有工作表`);
  const rows: SheetRow[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rows.length > IMPORT_MAX_ROWS) {
      tooMany = true;
      return;
    }
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows.push({ row: rowNumber, cells, hidden: row.hidden });
  });
  if (tooMany) throw refuse(`“${fileName}”超过${IMPORT_MAX_ROWS}行，不能一次导入`);
  return { sheetName: sheet.name, rows };
}

/** A date stored by the spreadsheet comes back as a UTC midnight: read its calendar day in UTC. */
function dateCell(d: Date): Cell {
  if (Number.isNaN(d.getTime())) return null;
  return { date: toIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }) };
}

function cellValue(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateCell(value);
  if (typeof value === 'object') {
    // A formula: its cached result, as the spreadsheet last showed it.
    if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date))) return null;
      return cellValue(result as CellValue);
    }
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return typeof value.text === 'string' ? value.text : cellValue(value.text as CellValue);
    if ('error' in value) return null;
  }
  return null;
}

function decodeText(fileName: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('gbk', { fatal: true }).decode(bytes);
    } catch {
      throw refuse(`“${fileName}”的文字编码无法识别：请以 UTF-8 或 GBK（ANSI）编码保存为 .csv，或另存为 .xlsx`);
    }
  }
}

/** RFC 4180: fields in double quotes may hold commas, line breaks and doubled quotes. Slices, never char by char (20 MB). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const delimiter = /[,\r\n]/g;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field: string;
    if (text[i] === '"') {
      // A quoted field: up to the closing quote, "" standing for one quote.
      let out = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          out += text.slice(from);
          i = n;
          break;
        }
        out += text.slice(from, q);
        if (text[q + 1] === '"') {
          out += '"';
          from = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept, as Excel does.
      delimiter.lastIndex = i;
      const d = delimiter.exec(text);
      const stop = d ? d.index : n;
      field = out + text.slice(i, stop);
      i = stop;
    } else {
      delimiter.lastIndex = i;
      const d = delimiter.exec(text);
      const stop = d ? d.index : n;
      field = text.slice(i, stop);
      i = stop;
    }
    row.push(field);
    if (i >= n) break;
    const ch = text[i];
    i++;
    if (ch === ',') {
      if (i === n) row.push('');
      continue;
    }
    if (ch === '\r' && text[i] === '\n') i++;
    rows.push(row);
    row = [];
  }
  if (row.length) rows.push(row);
  return rows;
}

function readCsv(fileName: string, bytes: Uint8Array): SheetGrid {
  const table = parseCsv(decodeText(fileName, bytes));
  if (table.length > IMPORT_MAX_ROWS) throw refuse(`“${fileName}”超过${IMPORT_MAX_ROWS}行，不能一次导入`);
  const rows = table.map((cells, i): SheetRow => ({ row: i + 1, cells, hidden: false }));
  return { sheetName: fileName.replace(/\.[^.]+$/, ''), rows: rows.filter((r) => r.cells.some((c) => c !== '')) };
}
