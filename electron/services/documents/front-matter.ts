import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun } from 'docx';
import { parseDocNumber } from '../../../shared/format/doc-number';
import type { OfficialDocInput } from './model';
import type { DocumentSettings } from './settings';
import { runStyle, type RunStyles } from './fonts';
import { LINE_PITCH, RED, SIZE } from './geometry';
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
  const numberParagraph = new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    border: { bottom: { style: BorderStyle.SINGLE, size: lineSize, color: RED, space: RED_LINE_SPACE_PT } },
    children: [new TextRun({ ...styles.body, text: number })],
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
