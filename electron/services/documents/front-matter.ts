import { AlignmentType, BorderStyle, FrameAnchorType, FrameWrap, HeightRule, LineRuleType, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { parseDocNumber } from '../../../shared/format/doc-number';
import type { OfficialDocInput } from './model';
import type { DocumentSettings } from './settings';
import { runStyle, type RunStyles } from './fonts';
import { CHAR, LINE_PITCH, MARGIN, MM, PAGE, RED, SIZE, TYPE_AREA } from './geometry';
import { blankLine, blankLines, centredLines, type Placed } from './paragraphs';
import { OffGridParagraph } from './off-grid-paragraph';
import { countLines } from '../../../shared/documents/line-break';
import { headerBox } from '../../../shared/documents/page-flow';
import { headerMetrics } from '../../../shared/domain/document-settings';

/**
 * The top of a document: the 公文's 版头 (red organ header, number, red line) and, for every kind, the title,
 * its note and the addressee. Heights add up to whole grid lines so the body below sits on the grid in Word and
 * in LibreOffice alike, which is what lets the page count be estimated.
 */

/** Automatic header: about 150 mm wide. */
/** Red line 4 mm below the number: border spacing in points, below the number's line. */
const RED_LINE_SPACE_PT = 7;

// The header's size and scale: one rule, shared with the A4 preview and the settings screen.
export { headerMetrics, type HeaderMetrics } from '../../../shared/domain/document-settings';

function validDocNumber(text: string | undefined): string {
  if (text === undefined) throw new Error('公文须有发文字号');
  const parsed = parseDocNumber(text);
  if (!parsed.ok) throw new Error(`发文字号“${text}”不符合要求：${parsed.message}`);
  return text.trim();
}

/** 版头: header, two blank lines, number with the red line, and the space down to the title. */
export function officialHead(doc: OfficialDocInput, settings: DocumentSettings, styles: RunStyles): Placed[] {
  const number = validDocNumber(doc.docNumber);
  const { size, scale } = headerMetrics(settings.organHeader);
  const headerStyle = runStyle(settings.fontProfile, { role: 'xiaobiaosong', size, color: RED, scale });
  // The glyph's top 35 mm down, the paragraph rounded up to whole grid lines (shared with the A4 preview).
  const { before, after, lineHeight, lines: headerLines } = headerBox(size);
  const header = new OffGridParagraph({
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { before, after, line: lineHeight, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ ...headerStyle, text: settings.organHeader.text })],
  });
  const lineSize = settings.redLineSize;
  const border = { bottom: { style: BorderStyle.SINGLE, size: lineSize, color: RED, space: RED_LINE_SPACE_PT } };
  const signer = doc.signer?.trim() ?? '';
  const numberParagraph =
    signer === ''
      ? new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, border, children: [new TextRun({ ...styles.body, text: number })] })
      : // 上行文 (GB/T 9704 7.2.3, 7.2.4): the number one character in from the left, 签发人 (仿宋) and the name (楷体) one
        // character in from the right, on one line: a right tab stop rather than spaces, which would not align.
        new Paragraph({
          alignment: AlignmentType.LEFT,
          indent: { firstLine: 0, left: CHAR },
          tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA.width - CHAR }],
          border,
          children: [
            new TextRun({ ...styles.body, text: number }),
            new TextRun({ ...styles.body, children: [new Tab()] }),
            new TextRun({ ...styles.body, text: '签发人：' }),
            new TextRun({ ...styles.heading2, text: signer }),
          ],
        });
  // The border adds its spacing and width to the number's paragraph; the spacer takes them off the two blank lines
  // above the title, so the title starts on a grid line.
  const borderTwips = RED_LINE_SPACE_PT * 20 + Math.round((lineSize / 8) * 20);
  const spacer = new OffGridParagraph({
    indent: { firstLine: 0 },
    spacing: { line: 2 * LINE_PITCH - borderTwips, lineRule: LineRuleType.EXACT },
  });
  return [
    { paragraph: header, lines: headerLines },
    ...blankLines(2),
    { paragraph: numberParagraph, lines: 1 },
    { paragraph: spacer, lines: 2 },
  ];
}

/** Title (22 pt 小标宋, centred, broken between words), its 楷体 note, subtitle lines and the addressee. */
export function titleBlock(doc: OfficialDocInput, styles: RunStyles): Placed[] {
  const out: Placed[] = [centredLines(doc.title, styles.title, SIZE.erHao)];
  if (doc.titleNote) out.push(centredLines(doc.titleNote, styles.titleNote, SIZE.sanHao));
  if (doc.subtitle && doc.subtitle.length > 0) {
    out.push(blankLine());
    for (const line of doc.subtitle) out.push(centredLines(line, styles.titleNote, SIZE.sanHao));
  }
  if (doc.addressee) {
    out.push(blankLine());
    const text = /[：:]$/.test(doc.addressee) ? doc.addressee.replace(/:$/, '：') : `${doc.addressee}：`;
    out.push({
      paragraph: new Paragraph({ indent: { firstLine: 0 }, children: [new TextRun({ ...styles.body, text })] }),
      lines: countLines(text),
    });
  } else if (doc.kind !== 'form') {
    // A meeting paper's body starts one blank line below its title block.
    out.push(blankLine());
  }
  return out;
}

// ---------------------------------------------------------------- 信函格式

/** GB/T 9704 10.1: the lines are 170 mm long, centred on the page; the organ's name 30 mm below the top edge. */
const LETTER_LINE_WIDTH = Math.round(170 * MM);
const LETTER_LINE_LEFT = Math.round((PAGE.width - LETTER_LINE_WIDTH) / 2);
const LETTER_HEADER_TOP = Math.round(30 * MM);
/** The second double line lies 20 mm above the bottom edge of the page. */
const LETTER_FOOT_LINE = Math.round(20 * MM);
/** The first double line 4 mm under the name: border spacing in points below the name's line. */
const LETTER_LINE_SPACE_PT = 8;
/** Thick and thin line with a small gap: 3 pt in all (eighths of a point). */
const LETTER_LINE_SIZE = 24;
/**
 * The name and its double line must end above the second grid line, where the number stands: with the name's top
 * 30 mm down that leaves room for a name of at most 一号 (26 pt).
 */
const LETTER_HEADER_MAX_PT = 26;
/** The name fills about 150 mm at most; a long one is narrowed rather than made smaller than 二号. */
const LETTER_HEADER_WIDTH = Math.round(150 * MM);
const LETTER_HEADER_MIN_PT = 22;

/** Size (half-points) and horizontal scale (percent) of a letter's organ name. */
export function letterheadMetrics(text: string): { size: number; scale: number } {
  const chars = Math.max(1, [...text.trim()].length);
  const fit = LETTER_HEADER_WIDTH / 20 / chars;
  const pt = Math.max(LETTER_HEADER_MIN_PT, Math.min(LETTER_HEADER_MAX_PT, Math.floor(fit)));
  const scale = fit >= pt ? 100 : Math.max(33, Math.floor((fit / pt) * 100));
  return { size: pt * 2, scale };
}

/**
 * 信函格式's head (GB/T 9704 10.1): the organ's name in red 30 mm below the top edge with a red double line (thick
 * over thin) 4 mm under it, the number flush right under the line, and a red double line (thin over thick) 20 mm
 * above the bottom edge of the first page. The name with its line and the foot line are frames placed on the page
 * with no text beside them. The name's frame starts above the type area and ends inside its first grid line, so the
 * text below it starts on the second line (LibreOffice snaps it to that line; Word starts it a little higher, which
 * leaves the same 21 lines on the page): the frame counts as the first line, the number takes the second and the
 * title starts two lines below it.
 */
export function letterHead(doc: OfficialDocInput, settings: DocumentSettings, styles: RunStyles): Placed[] {
  const number = validDocNumber(doc.docNumber);
  const organ = doc.letterhead?.trim() ?? '';
  if (organ === '') throw new Error('信函须有发文机关标志（机关全称）');
  const { size, scale } = letterheadMetrics(organ);
  const glyph = size * 10;
  const lineHeight = Math.round(glyph * 1.2);
  const frame = (y: number, height: number) =>
    ({
      type: 'absolute',
      position: { x: LETTER_LINE_LEFT, y },
      width: LETTER_LINE_WIDTH,
      height,
      rule: HeightRule.EXACT,
      anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
      wrap: FrameWrap.NOT_BESIDE,
    }) as const;
  const lineSpace = LETTER_LINE_SPACE_PT * 20;
  const headHeight = lineHeight + lineSpace + LETTER_LINE_SIZE * 3;
  const headTop = LETTER_HEADER_TOP - Math.round(glyph * 0.1);
  if (headTop + headHeight >= MARGIN.top + LINE_PITCH) throw new Error('信函的发文机关标志过大，超出了版心第一行');
  const header = new OffGridParagraph({
    frame: frame(headTop, headHeight),
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    spacing: { before: 0, after: 0, line: lineHeight, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: LETTER_LINE_SIZE, color: RED, space: LETTER_LINE_SPACE_PT } },
    children: [new TextRun({ ...runStyle(settings.fontProfile, { role: 'xiaobiaosong', size, color: RED, scale }), text: organ })],
  });
  const footHeight = 120;
  const foot = new OffGridParagraph({
    // The border is drawn just above the frame's foot: 40 twips down centres the double line on the 20 mm.
    frame: frame(PAGE.height - LETTER_FOOT_LINE - footHeight + 40, footHeight),
    indent: { firstLine: 0 },
    spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.THIN_THICK_SMALL_GAP, size: LETTER_LINE_SIZE, color: RED, space: 0 } },
    children: [new TextRun({ ...styles.body, size: 2, text: '' })],
  });
  const numberParagraph = new Paragraph({
    alignment: AlignmentType.RIGHT,
    indent: { firstLine: 0 },
    children: [new TextRun({ ...styles.body, text: number })],
  });
  return [
    { paragraph: header, lines: 1, text: [''] },
    { paragraph: foot, lines: 0 },
    { paragraph: numberParagraph, lines: 1, text: [number] },
    ...blankLines(2),
  ];
}
