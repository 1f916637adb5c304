import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  ImageRun,
  LineRuleType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { ImageBlock } from './model';
import type { PlacedTable } from './tables';
import { LINE_PITCH, MM, TYPE_AREA } from './geometry';
import { OffGridParagraph } from './off-grid-paragraph';

/**
 * A picture in the text flow, held in a borderless one-cell table whose row is exactly a whole number of grid lines.
 * An inline picture in a body paragraph would be clipped by the exact 28.95 pt line spacing (Word shows only the
 * part that fits the line); in a cell with single spacing it shows whole in Word, WPS and LibreOffice, and the
 * row's exact height keeps the text after it on the grid.
 */

/** Twips kept free above and below the picture inside its row. */
export const ROW_PADDING = 60;
/** At most 20 of the page's 22 lines, so a picture always fits a page with its caption. */
const MAX_LINES = 20;
/** docx sizes pictures in CSS pixels (96 to the inch). */
const PX_PER_MM = 96 / 25.4;

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function isPng(bytes: Uint8Array): boolean {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return bytes.length > signature.length && signature.every((b, i) => bytes[i] === b);
}

/** Grid lines a picture of this height takes. */
export function imageLines(heightMm: number): number {
  return Math.ceil((heightMm * MM + 2 * ROW_PADDING) / LINE_PITCH);
}

export function imageTable(block: ImageBlock): PlacedTable {
  if (!isPng(block.png)) throw new RangeError('图片不是 PNG 格式');
  const maxWidth = TYPE_AREA.width / MM;
  if (!(block.widthMm > 0 && block.widthMm <= maxWidth + 0.01)) throw new RangeError(`图片宽度应在0至${Math.floor(maxWidth)}毫米之间，现为${block.widthMm}毫米`);
  const lines = imageLines(block.heightMm);
  if (!(block.heightMm > 0 && lines <= MAX_LINES)) throw new RangeError(`图片过高（${Math.round(block.heightMm)}毫米），一页最多容纳${MAX_LINES}行高的图片`);
  const picture = new ImageRun({
    type: 'png',
    data: block.png,
    transformation: { width: block.widthMm * PX_PER_MM, height: block.heightMm * PX_PER_MM },
    ...(block.description ? { altText: { name: block.description, description: block.description, title: block.description } } : {}),
  });
  const paragraph = new OffGridParagraph({
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    children: [picture],
  });
  const table = new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: [TYPE_AREA.width],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: [
      new TableRow({
        cantSplit: true,
        height: { value: lines * LINE_PITCH, rule: HeightRule.EXACT },
        children: [new TableCell({ width: { size: TYPE_AREA.width, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER, borders: NO_BORDERS, children: [paragraph] })],
      }),
    ],
  });
  return { table, lines, rowLines: [lines], headerRows: 0, exact: true };
}
