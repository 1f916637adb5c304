import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { TableCellInput, TableInput } from './model';
import type { RunStyle, RunStyles } from './fonts';
import { LINE_PITCH, TYPE_AREA } from './geometry';
import { countLines } from '../../../shared/documents/line-break';

/**
 * Ruled tables for forms (测评票, 签到表, 计票结果报告单, 送达回证) and for tables inside a 公文 (the results of 测评结果通报):
 * as wide as the type area, 四号 text, header rows in 黑体 repeated on every page, rows that do not split.
 */

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
/** Table text keeps single spacing: the body's exact 28.95 pt lines would make every row a body line tall. */
const CELL_SPACING = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } as const;
const CELL_MARGIN = 85; // 1.5 mm

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function cellInput(cell: string | TableCellInput): TableCellInput {
  return typeof cell === 'string' ? { text: cell } : cell;
}

/** Column widths in twips from relative weights, summing exactly to the type area's width. */
export function columnWidths(weights: readonly number[], total = TYPE_AREA.width): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + rest;
  return widths;
}

function cell(input: TableCellInput, style: RunStyle, width: number, align: 'left' | 'center' | 'right'): TableCell {
  const lines = input.text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(input.span && input.span > 1 ? { columnSpan: input.span } : {}),
    verticalAlign: VerticalAlignTable.CENTER,
    children: lines.map(
      (text) =>
        new Paragraph({
          alignment: ALIGN[input.align ?? align],
          spacing: CELL_SPACING,
          indent: { firstLine: 0 },
          children: [new TextRun({ ...style, ...(input.bold ? { bold: true } : {}), text })],
        }),
    ),
  });
}

/** Grid lines a cell's text takes at its width: on a page with a line grid every line of a cell takes one. */
function cellLines(input: TableCellInput, style: RunStyle, width: number): number {
  return countLines(input.text, { size: Number(style.size ?? 28), width: Math.max(1, width - 2 * CELL_MARGIN) });
}

function row(
  cells: (string | TableCellInput)[],
  widths: number[],
  style: RunStyle,
  options: { header: boolean; height: number; align: 'left' | 'center' },
): { row: TableRow; textLines: number } {
  let column = 0;
  let textLines = 1;
  const children = cells.map((raw) => {
    const input = cellInput(raw);
    const span = Math.max(1, input.span ?? 1);
    const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
    column += span;
    textLines = Math.max(textLines, cellLines(input, style, width));
    return cell(input, style, width, options.header ? 'center' : options.align);
  });
  const tableRow = new TableRow({
    children,
    cantSplit: true,
    ...(options.header ? { tableHeader: true } : {}),
    height: { value: options.height, rule: HeightRule.ATLEAST },
  });
  return { row: tableRow, textLines };
}

export interface PlacedTable {
  table: Table;
  /** Grid lines it takes, for the page estimate of documents on the grid. */
  lines: number;
  /**
   * Grid lines of each row, header rows first: rows do not split, so one that does not fit the rest of a page moves
   * to the next, where the header rows are repeated.
   */
  rowLines?: number[];
  /** How many of `rowLines` are header rows. */
  headerRows?: number;
  /** Each row's cell texts, for what the page layout shows at a page's end. */
  rowText?: string[][];
  /** Rows of exact height without rules (a picture): the text after it stays on the grid. */
  exact?: boolean;
}

export function formTable(input: TableInput, styles: RunStyles): PlacedTable {
  const widths = columnWidths(input.columns);
  const height = input.rowHeight ?? LINE_PITCH;
  const headerStyle = input.small ? styles.tableHeaderSmall : styles.tableHeader;
  const textStyle = input.small ? styles.tableTextSmall : styles.tableText;
  const header = (input.header ?? []).map((cells) => row(cells, widths, headerStyle, { header: true, height, align: 'center' }));
  const body = input.rows.map((cells) => row(cells, widths, textStyle, { header: false, height, align: input.align ?? 'center' }));
  const rows = [...header, ...body];
  const table = new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
    rows: rows.map((r) => r.row),
  });
  // A row is as tall as its height or its text, whichever takes more grid lines.
  const minLines = Math.max(1, Math.ceil(height / LINE_PITCH));
  const rowLines = rows.map((r) => Math.max(minLines, r.textLines));
  const rowText = [...(input.header ?? []), ...input.rows].map((cells) => cells.map((c) => cellInput(c).text));
  return { table, lines: rowLines.reduce((sum, n) => sum + n, 0), rowLines, headerRows: header.length, rowText };
}
