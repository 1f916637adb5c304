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
import { BODY_CHARACTER_SPACING, LINE_PITCH, SIZE, TYPE_AREA } from './geometry';
import { countLines, textWidth } from '../../../shared/documents/line-break';
import { breakTitle } from '../../../shared/documents/title-lines';

/**
 * Ruled tables for forms (测评票, 签到表, 计票结果报告单, 送达回证) and for tables inside a 公文 (the results of 测评结果通报):
 * as wide as the type area, 四号 text, header rows in 黑体 repeated on every page, rows that do not split, columns
 * widened so that no header and no short cell (a name, a figure) wraps.
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
  const lines = cellText(input.text, style, width);
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

/** Twips a word processor needs beyond the text's own width before it wraps a cell's line. */
const CELL_SLACK = 20;
/** Cell texts this short (names, figures, 100.0%) are words that must not wrap. */
const SHORT_CELL = 4;

/** The widest line of a cell's text at `size` half-points, cell margins included. */
function cellNeed(text: string, size: number): number {
  const spacing = BODY_CHARACTER_SPACING;
  return Math.max(...text.split('\n').map((line) => textWidth(line, size, spacing))) + 2 * CELL_MARGIN + CELL_SLACK;
}

/**
 * Column widths that never wrap a header (a header that must break is given in lines with '\n') or a short cell
 * (a name, a figure): the columns that need more take it from the others' spare width, in proportion to what they
 * can spare. What cannot be found stays as it was.
 */
export function fitColumns(widths: readonly number[], input: TableInput, headerSize: number, textSize: number): number[] {
  const need = widths.map(() => 0);
  const keep = widths.map(() => 0);
  const consider = (rows: readonly (string | TableCellInput)[][] | undefined, size: number, all: boolean) => {
    for (const cells of rows ?? []) {
      let column = 0;
      for (const raw of cells) {
        const c = cellInput(raw);
        const span = Math.max(1, c.span ?? 1);
        const short = c.text.split('\n').every((line) => [...line].length <= SHORT_CELL);
        if (span === 1 && c.text !== '') {
          const width = cellNeed(c.text, size);
          if (all || short) need[column] = Math.max(need[column] ?? 0, width);
          // A longer text is not made to fit, but the column keeps the width it has for it.
          else keep[column] = Math.max(keep[column] ?? 0, width);
        }
        column += span;
      }
    }
  };
  consider(input.header, headerSize, true);
  consider(input.rows, textSize, false);
  const out = [...widths];
  const deficit = out.reduce((sum, w, i) => sum + Math.max(0, (need[i] ?? 0) - w), 0);
  const spare = out.map((w, i) => Math.max(0, w - Math.max(need[i] ?? 0, keep[i] ?? 0)));
  const totalSpare = spare.reduce((a, b) => a + b, 0);
  if (deficit === 0 || totalSpare < deficit) return out;
  let given = 0;
  out.forEach((w, i) => {
    const short = Math.max(0, (need[i] ?? 0) - w);
    const take = Math.floor(((spare[i] ?? 0) * deficit) / totalSpare);
    out[i] = w + short - take;
    given += short - take;
  });
  // Rounding: the widest column absorbs what is left so the table keeps the type area's width.
  const widest = out.indexOf(Math.max(...out));
  out[widest] = (out[widest] ?? 0) - given;
  return out;
}

/** Grid lines a cell's text takes at its width: on a page with a line grid every line of a cell takes one. */
function cellLines(input: TableCellInput, style: RunStyle, width: number): number {
  return cellText(input.text, style, width).length;
}

/**
 * The lines of a cell: as given ('\n'), or, when the text wraps, broken between words into lines of similar length
 * (县卫生健康 / 局局长, never 县卫生健康局局 / 长), like a title.
 */
function cellText(text: string, style: RunStyle, width: number): string[] {
  if (text.includes('\n')) return text.split('\n');
  const metrics = { size: Number(style.size ?? SIZE.siHao), spacing: BODY_CHARACTER_SPACING, width: Math.max(1, width - 2 * CELL_MARGIN - CELL_SLACK) };
  if (countLines(text, metrics) <= 1) return [text];
  return breakTitle(text, metrics);
}

function row(
  cells: (string | TableCellInput)[],
  widths: number[],
  style: RunStyle,
  options: { header: boolean; height: number; align: 'left' | 'center'; mayBreak?: boolean },
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
    cantSplit: options.mayBreak !== true,
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
  const height = input.rowHeight ?? LINE_PITCH;
  const headerStyle = input.small ? styles.tableHeaderSmall : styles.tableHeader;
  const textStyle = input.small ? styles.tableTextSmall : styles.tableText;
  const widths = fitColumns(columnWidths(input.columns), input, Number(headerStyle.size ?? SIZE.siHao), Number(textStyle.size ?? SIZE.siHao));
  const header = (input.header ?? []).map((cells) => row(cells, widths, headerStyle, { header: true, height, align: 'center' }));
  const body = input.rows.map((cells) => row(cells, widths, textStyle, { header: false, height, align: input.align ?? 'center', mayBreak: input.rowsMayBreak === true }));
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
