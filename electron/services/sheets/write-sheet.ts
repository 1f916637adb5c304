import ExcelJS from './exceljs';

/**
 * One writer for every spreadsheet the app hands out (templates, lists, the plan, vote results,
 * the ledger, rejected import rows), formatted for A4: column widths, the header row bold, frozen
 * and repeated on every printed page, landscape when the columns are wider than a portrait page,
 * fitted to the page width. Adding a table is a `SheetTable` and a call; nothing else to format.
 */

export interface SheetColumn {
  header: string;
  /** In characters (a CJK character counts as two). */
  width: number;
}

export type SheetValue = string | number | null;

export interface SheetTable {
  /** The worksheet's name (at most 31 characters, no []:*?/\). */
  name: string;
  /** A title row above the header, merged across the columns (the list's name, the date). */
  title?: string;
  /** Lines printed under the table (the rule in words, notes). */
  notes?: string[];
  columns: SheetColumn[];
  rows: SheetValue[][];
}

/** Portrait A4 holds about 95 character widths at the default font; wider tables are landscape. */
const PORTRAIT_WIDTH = 95;

function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || '表';
  let n = base;
  for (let i = 2; taken.has(n); i++) n = `${base.slice(0, 28)}(${i})`;
  taken.add(n);
  return n;
}

export async function writeWorkbook(tables: readonly SheetTable[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '人大工作评议系统';
  const taken = new Set<string>();
  for (const t of tables) {
    const total = t.columns.reduce((n, c) => n + c.width, 0);
    const ws = wb.addWorksheet(sheetName(t.name, taken), {
      pageSetup: {
        paperSize: 9, // A4
        orientation: total > PORTRAIT_WIDTH ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    });
    ws.columns = t.columns.map((c) => ({ width: c.width }));
    let headerRow = 1;
    if (t.title) {
      const title = ws.addRow([t.title]);
      title.font = { bold: true, size: 14 };
      title.alignment = { horizontal: 'center' };
      if (t.columns.length > 1) ws.mergeCells(1, 1, 1, t.columns.length);
      headerRow = 2;
    }
    const header = ws.addRow(t.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
    for (const values of t.rows) {
      const row = ws.addRow(values.map((v) => v ?? ''));
      row.alignment = { vertical: 'top', wrapText: true };
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        if (col <= t.columns.length) cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
      });
    }
    for (const note of t.notes ?? []) {
      const row = ws.addRow([note]);
      row.alignment = { wrapText: false };
    }
    ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
    ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
