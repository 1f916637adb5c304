import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { formatDateCn } from '../../../shared/format/dates';
import type { ImprintInput } from './model';
import type { DocumentSettings } from './settings';
import type { RunStyles } from './fonts';
import { BODY_CHARACTER_SPACING, LINE_PITCH, MARGIN, SIZE, SMALL_CHAR, TYPE_AREA } from './geometry';
import { countLines, textWidth } from '../../../shared/documents/line-break';
import { OffGridParagraph } from './off-grid-paragraph';

/**
 * 版记: 抄送 and 印发 rows between lines as wide as the type area (first and last 0.35 mm, inner 0.25 mm), the
 * last line on the bottom edge of the type area of the last page.
 *
 * A Word file does not fix its page breaks, so the block is a table floated to the bottom of the type area rather
 * than pushed there by blank lines. It is anchored horizontally to the page at the left margin: LibreOffice (7.4)
 * keeps a full-width table anchored to the margin in the text flow, but floats one anchored to the page.
 */

const OUTER = 8;
const INNER = 6;
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const rule = (size: number): IBorderOptions => ({ style: BorderStyle.SINGLE, size, color: '000000' });

export interface ImprintBlock {
  table: Table;
  /** The paragraph a floating table hangs on; Word requires one after every table. */
  anchor: Paragraph;
  /** Grid lines the block takes at the foot of the page. */
  lines: number;
}

/** 抄送：县委，县人民政府，县委组织部。 — separators and the closing full stop normalised. */
export function copyToLine(recipients: readonly string[]): string {
  const names = recipients.map((r) => r.trim().replace(/[，,、。.；;]+$/u, '')).filter((r) => r !== '');
  return names.length === 0 ? '' : `抄送：${names.join('，')}。`;
}

function cellParagraph(children: TextRun[], options: { align?: 'left' | 'right'; left?: number; hanging?: number }): Paragraph {
  return new Paragraph({
    alignment: options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { left: options.left ?? SMALL_CHAR, right: SMALL_CHAR, ...(options.hanging ? { hanging: options.hanging } : { firstLine: 0 }) },
    children,
  });
}

export function imprintBlock(input: ImprintInput, settings: DocumentSettings, styles: RunStyles): ImprintBlock {
  const copyTo = copyToLine([...(input.copyTo ?? settings.copyTo), ...(input.extraCopyTo ?? [])]);
  const office = (input.issuingOffice ?? settings.issuingOffice).trim();
  const issued = `${formatDateCn(input.issueDate)}印发`;
  const rows: TableRow[] = [];
  let lines = 0;
  if (copyTo !== '') {
    // Wrapped recipients align after "抄送：".
    const labelWidth = textWidth('抄送：', SIZE.siHao, BODY_CHARACTER_SPACING);
    const rowLines = countLines(copyTo, { size: SIZE.siHao, width: TYPE_AREA.width - 2 * SMALL_CHAR - labelWidth, firstLine: -labelWidth });
    lines += rowLines;
    rows.push(
      new TableRow({
        height: { value: rowLines * LINE_PITCH, rule: HeightRule.ATLEAST },
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: 2,
            borders: { top: rule(OUTER), bottom: rule(INNER), left: NONE, right: NONE },
            children: [cellParagraph([new TextRun({ ...styles.imprint, text: copyTo })], { left: SMALL_CHAR + labelWidth, hanging: labelWidth })],
          }),
        ],
      }),
    );
  }
  lines += 1;
  const top = copyTo === '' ? rule(OUTER) : rule(INNER);
  rows.push(
    new TableRow({
      height: { value: LINE_PITCH, rule: HeightRule.ATLEAST },
      cantSplit: true,
      children: [
        new TableCell({
          borders: { top, bottom: rule(OUTER), left: NONE, right: NONE },
          children: [cellParagraph([new TextRun({ ...styles.imprint, text: office })], {})],
        }),
        new TableCell({
          borders: { top, bottom: rule(OUTER), left: NONE, right: NONE },
          children: [cellParagraph([new TextRun({ ...styles.imprint, text: issued })], { align: 'right', left: 0 })],
        }),
      ],
    }),
  );
  const half = TYPE_AREA.width / 2;
  const table = new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: [Math.floor(half), Math.ceil(half)],
    layout: TableLayoutType.FIXED,
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: MARGIN.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
    },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows,
  });
  // As small as a paragraph gets, so it stays on the page with the body above the block.
  const anchor = new OffGridParagraph({
    indent: { firstLine: 0 },
    spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [new TextRun({ ...styles.body, size: 2, text: '' })],
  });
  return { table, anchor, lines };
}
