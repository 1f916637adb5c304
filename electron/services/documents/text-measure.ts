import { BODY_CHARACTER_SPACING, CHAR, TYPE_AREA } from './geometry';

/**
 * How many lines a paragraph takes on the fixed 22 × 28 grid, without laying the document out.
 * Widths are in twips at 三号 (16 pt) with the body's −0.25 pt spacing: a Han character or full-width
 * punctuation mark is one cell (315 twips), a digit or Latin letter about half of one. Line breaking follows
 * the rules LibreOffice and Word apply to Chinese: Latin words and numbers are not split, closing punctuation
 * never starts a line (。，、 hang into the margin, the others pull the previous character down), opening
 * brackets never end one. The estimate keeps the last page of a 公文 even; the rendered test checks it.
 */

/** Closing punctuation that hangs past the right margin instead of starting a line. */
const HANGING = new Set('，。、．,.');
/** Characters that must not start a line (besides the hanging ones). */
const NO_LINE_START = new Set('！）》」』〕〗】〉”’：；？％…—·!)]}:;?%°′″℃～');
/** Characters that must not end a line. */
const NO_LINE_END = new Set('（《「『〔〖【〈“‘([{');

/** Widths of ASCII characters in Times New Roman (em), where they differ from the letter averages. */
const ASCII_WIDTH: Record<string, number> = {
  ' ': 0.25,
  '.': 0.25,
  ',': 0.25,
  ':': 0.278,
  ';': 0.278,
  '%': 0.833,
  '-': 0.333,
  '+': 0.564,
  '(': 0.333,
  ')': 0.333,
  '/': 0.278,
  '&': 0.778,
};

/** Advance of one character in twips at `size` half-points with `spacing` twips of character spacing. */
export function charAdvance(code: number, size: number, spacing: number): number {
  const em = size * 10; // half-points → twips
  let ratio: number;
  if (code < 0x80) {
    if (code >= 0x30 && code <= 0x39) ratio = 0.5;
    else if (code >= 0x41 && code <= 0x5a) ratio = 0.68;
    else if (code >= 0x61 && code <= 0x7a) ratio = 0.45;
    else ratio = ASCII_WIDTH[String.fromCharCode(code)] ?? 0.33;
  } else if (code < 0x2000) {
    ratio = code === 0xb7 ? 1 : 0.5;
  } else {
    // General punctuation (— “ ” …), CJK, full-width forms: one cell in a Chinese font with the eastAsia hint.
    ratio = 1;
  }
  return Math.round(em * ratio) + spacing;
}

/**
 * Space the word processors add between Han characters and Latin letters or digits (Word's autoSpaceDE/DN,
 * LibreOffice's "spacing between Asian and non-Asian text"), measured in LibreOffice: about 0.22 em.
 */
const AUTO_SPACE_EM = 0.2156;

/** Characters of a Latin word or number, which is never split across lines. */
function isLatinWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x2e || code === 0x25 || code === 0x2d;
}

function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || code >= 0x20000;
}

export interface MeasureOptions {
  /** Half-points; 32 (三号) unless given. */
  size?: number;
  /** Twips of character spacing; the body's −5 unless given. */
  spacing?: number;
  /** Usable width of the lines in twips; the type area unless given. */
  width?: number;
  /** Extra indent of the first line in twips (positive) or hanging (negative). */
  firstLine?: number;
}

const BODY_OPTIONS: Required<MeasureOptions> = { size: CHAR / 10, spacing: BODY_CHARACTER_SPACING, width: TYPE_AREA.width, firstLine: 0 };

/** Number of lines `text` takes (explicit '\n' start new lines); an empty text takes one line. */
export function countLines(text: string, options: MeasureOptions = {}): number {
  const o = { ...BODY_OPTIONS, ...options };
  let lines = 0;
  let first = true;
  for (const part of text.split('\n')) {
    lines += countWrappedLines(part, o, first);
    first = false;
  }
  return lines;
}

interface Unit {
  width: number;
  first: string;
  last: string;
}

/** Splits into units that stay together on a line: a Latin word or number, or one character. */
function units(text: string, size: number, spacing: number): Unit[] {
  const out: Unit[] = [];
  const autoSpace = Math.round(size * 10 * AUTO_SPACE_EM);
  let previousHan = false;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(code);
    if (isLatinWordChar(code)) {
      let width = previousHan ? autoSpace : 0;
      let j = i;
      while (j < text.length && isLatinWordChar(text.charCodeAt(j))) {
        width += charAdvance(text.charCodeAt(j), size, spacing);
        j++;
      }
      const next = text.codePointAt(j) ?? 0;
      if (isHan(next)) width += autoSpace;
      out.push({ width, first: ch, last: text[j - 1] ?? ch });
      previousHan = false;
      i = j;
    } else {
      out.push({ width: charAdvance(code, size, spacing), first: ch, last: ch });
      previousHan = isHan(code);
      i += ch.length;
    }
  }
  return out;
}

function countWrappedLines(text: string, o: Required<MeasureOptions>, firstParagraphLine: boolean): number {
  if (text === '') return 1;
  const list = units(text, o.size, o.spacing);
  let lines = 1;
  let capacity = o.width - (firstParagraphLine ? o.firstLine : 0);
  let used = 0;
  let lastWidth = 0;
  let lastUnit: Unit | null = null;
  for (const unit of list) {
    if (used + unit.width <= capacity || used === 0) {
      used += unit.width;
    } else if (HANGING.has(unit.first) && unit.first === unit.last) {
      // Hangs into the margin; the next unit starts a new line.
      used = capacity;
      lastUnit = unit;
      lastWidth = 0;
      continue;
    } else {
      lines++;
      capacity = o.width;
      const pullPrevious = lastUnit !== null && lastWidth > 0 && (NO_LINE_START.has(unit.first) || NO_LINE_END.has(lastUnit.last));
      used = pullPrevious ? lastWidth + unit.width : unit.width;
    }
    lastUnit = unit;
    lastWidth = unit.width;
  }
  return lines;
}

/** Width in twips of a single-line text (signature, date, header), with the space around digits and Latin words. */
export function textWidth(text: string, size: number, spacing: number): number {
  let width = 0;
  for (const unit of units(text, size, spacing)) width += unit.width;
  return width;
}
