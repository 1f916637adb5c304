import { AlignmentType, Paragraph, TextRun } from 'docx';
import { formatDateCn } from '../../../shared/format/dates';
import type { SignatureInput } from './model';
import type { RunStyles } from './fonts';
import { BODY_CHARACTER_SPACING, CHAR, SIZE, TYPE_AREA } from './geometry';
import { blankLine, blankLines, type Placed } from './paragraphs';
import { breakLines, textWidth } from '../../../shared/documents/line-break';

/**
 * What follows the body: the attachment note and the signing organ with the date, placed by the rules of
 * GB/T 9704 7.3.5 (with a seal: date 4 characters in from the right, organ centred over it; without: organ 2
 * characters in, date starting 2 characters right of the organ's first character).
 */

const bodyWidth = (text: string) => textWidth(text, SIZE.sanHao, BODY_CHARACTER_SPACING);

/** 附件：1. XXX — one blank line below the body, indented 2 characters, later names aligned under the first. */
export function attachmentNote(names: readonly string[], styles: RunStyles): Placed[] {
  if (names.length === 0) return [];
  const label = '附件：';
  const labelWidth = bodyWidth(label);
  const out: Placed[] = [blankLine()];
  names.forEach((name, i) => {
    const numbered = names.length > 1;
    const number = numbered ? `${i + 1}. ` : '';
    const numberWidth = bodyWidth(number);
    // Wrapped lines of a name align with its first character.
    const left = 2 * CHAR + labelWidth + numberWidth;
    const text = (i === 0 ? label : '') + number + name;
    const lines = breakLines(text, { width: TYPE_AREA.width - left });
    out.push({
      paragraph: new Paragraph({
        indent: i === 0 ? { left, hanging: labelWidth + numberWidth } : { left, hanging: numberWidth },
        children: [new TextRun({ ...styles.body, text })],
      }),
      lines: lines.length,
      text: lines,
    });
  });
  return out;
}

function line(text: string, styles: RunStyles, layout: { align: 'left' | 'right'; left?: number; right?: number; keepNext?: boolean }): Placed {
  return {
    paragraph: new Paragraph({
      alignment: layout.align === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT,
      indent: { firstLine: 0, left: Math.max(0, layout.left ?? 0), right: Math.max(0, layout.right ?? 0) },
      ...(layout.keepNext ? { keepNext: true } : {}),
      children: [new TextRun({ ...styles.body, text })],
    }),
    lines: 1,
    text: [text],
    ...(layout.keepNext ? { keepNext: true } : {}),
  };
}

/**
 * The signing organ and the date. The blank lines above them (room for the seal) and the organ keep with the date;
 * that they never stand alone on a page (GB/T 9704 7.3.5) is the page layout's part (page-flow's carry takes the
 * last body lines along).
 */
export function signatureBlock(signature: SignatureInput, styles: RunStyles, noteFollows = false): Placed[] {
  const organ = signature.organ.trim();
  const date = formatDateCn(signature.date);
  const organWidth = bodyWidth(organ);
  const dateWidth = bodyWidth(date);
  if (signature.sealed) {
    // Two blank lines leave room for the seal, whose top may come within one line of the body.
    const dateRight = 4 * CHAR;
    const organRight = dateRight + Math.round((dateWidth - organWidth) / 2);
    return [
      ...blankLines(2, true),
      line(organ, styles, { align: 'right', right: organRight, keepNext: true }),
      line(date, styles, { align: 'right', right: dateRight, keepNext: noteFollows }),
    ];
  }
  const right = 2 * CHAR;
  const organStart = TYPE_AREA.width - right - organWidth;
  if (organStart + 2 * CHAR + dateWidth <= TYPE_AREA.width - right) {
    return [
      blankLine(true),
      line(organ, styles, { align: 'right', right, keepNext: true }),
      line(date, styles, { align: 'left', left: organStart + 2 * CHAR, keepNext: noteFollows }),
    ];
  }
  // The date is the longer one: it takes the 2-character right indent and the organ moves left.
  const dateStart = TYPE_AREA.width - right - dateWidth;
  return [
    blankLine(true),
    line(organ, styles, { align: 'left', left: dateStart - 2 * CHAR, keepNext: true }),
    line(date, styles, { align: 'right', right, keepNext: noteFollows }),
  ];
}

/**
 * 附注 (GB/T 9704 7.3.6): on the line under the date, 2 characters in, in parentheses; a 请示 names its contact
 * person and telephone there. Wrapped lines start 2 characters in as well.
 */
export function noteBlock(note: string, styles: RunStyles): Placed[] {
  const inner = note.trim().replace(/^[（(]/u, '').replace(/[）)]$/u, '');
  if (inner === '') return [];
  const text = `（${inner}）`;
  const lines = breakLines(text, { width: TYPE_AREA.width - 2 * CHAR });
  return [
    {
      paragraph: new Paragraph({ indent: { firstLine: 0, left: 2 * CHAR }, children: [new TextRun({ ...styles.body, text })] }),
      lines: lines.length,
      text: lines,
    },
  ];
}

/**
 * Room to sign beside a printed name: a line of this many full-width low lines (＿), as the forms print their blanks
 * (Word may leave underlined spaces at a line's end without their underline).
 */
const SIGN_CELLS = 6;
/** Signers per line: two when a list this long would not keep with the date on one page. */
const SIGNERS_ONE_PER_LINE = 10;

/**
 * A paper signed by persons (the proposers of a 质询案): a blank line, the label (提案人（签名）：), then each name with
 * a blank line (＿＿＿) to sign on, two names a line when there are many, and the date under them. All of it keeps with
 * the date, so the names never stand alone on a page; `organ` in render's terms is the line before the date.
 */
export function signersBlock(signature: SignatureInput, styles: RunStyles): Placed[] {
  const signers = (signature.signers ?? []).map((s) => s.trim()).filter((s) => s !== '');
  if (signers.length === 0) throw new RangeError('签名人不能为空');
  const label = signature.organ.trim();
  const date = formatDateCn(signature.date);
  const perLine = signers.length > SIGNERS_ONE_PER_LINE ? 2 : 1;
  // Names are padded to the longest so the blanks line up; the block stands 2 characters in from the right.
  const longest = Math.max(...signers.map((s) => [...s].length));
  const pad = (name: string) => name + '　'.repeat(longest - [...name].length);
  const cell = (name: string) => [new TextRun({ ...styles.body, text: `${pad(name)}　${'＿'.repeat(SIGN_CELLS)}` })];
  const cellWidth = bodyWidth('　'.repeat(longest + 1 + SIGN_CELLS));
  const gap = bodyWidth('　　');
  const blockWidth = perLine * cellWidth + (perLine - 1) * gap;
  const left = Math.max(0, TYPE_AREA.width - 2 * CHAR - blockWidth);
  const out: Placed[] = [blankLine(true)];
  out.push(line(label, styles, { align: 'left', left, keepNext: true }));
  for (let i = 0; i < signers.length; i += perLine) {
    const runs = signers.slice(i, i + perLine).flatMap((name, k) => [...(k > 0 ? [new TextRun({ ...styles.body, text: '　　' })] : []), ...cell(name)]);
    out.push({
      paragraph: new Paragraph({ alignment: AlignmentType.LEFT, indent: { firstLine: 0, left }, keepNext: true, children: runs }),
      lines: 1,
      text: [signers.slice(i, i + perLine).join('　')],
      keepNext: true,
    });
  }
  // The date under the names, 2 characters in from the right like an unsealed signature's.
  out.push(line(date, styles, { align: 'right', right: 2 * CHAR }));
  return out;
}
