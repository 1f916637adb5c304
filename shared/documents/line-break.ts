import { BODY_CHARACTER_SPACING, CHAR, TYPE_AREA } from './grid';

/**
 * The one line-breaker of the documents: the Word generator counts the lines it yields to estimate pages, the A4
 * preview prints them. Widths are in twips at the run's size with its character spacing: a Han character or a
 * full-width punctuation mark is one cell (315 twips at 三号 with the body's −0.25 pt), a digit or a Latin letter
 * about half of one (Times New Roman), with the space the word processors add between Han characters and Latin
 * letters or digits. Line breaking follows the rules LibreOffice applies to Chinese (checked by rendering): Latin words
 * and numbers are not split, 。，、；：？！ hang into the margin instead of starting a line, closing brackets and quotes
 * never start a line (the character before them comes down with them) and opening brackets never end one. A line is
 * full a few twips before the margin (FIT_SLACK), as LibreOffice breaks it.
 */

/** Punctuation that hangs past the right margin instead of starting a line (as LibreOffice sets it). */
const HANGING = new Set('，。、．；：？！,.;:?!');
/**
 * Characters that must not start a line (besides the hanging ones): closing brackets and quotes. LibreOffice lets
 * … — ％ start a line.
 */
const NO_LINE_START = new Set('）》」』〕〗】〉”’)]}·°′″℃～');
/** Characters that must not end a line. */
const NO_LINE_END = new Set('（《「『〔〖【〈“‘([{');

/** Closing punctuation of any kind (a title line never starts with one either). */
export function isClosingPunctuation(ch: string): boolean {
  return HANGING.has(ch) || NO_LINE_START.has(ch);
}

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

export interface BreakOptions {
  /** Half-points; 32 (三号) unless given. */
  size?: number;
  /** Twips of character spacing; the body's −5 unless given. */
  spacing?: number;
  /** Usable width of the lines in twips; the type area unless given. */
  width?: number;
  /** Extra indent of the first line in twips (positive) or hanging (negative). */
  firstLine?: number;
}

/** Twips short of the margin at which LibreOffice already breaks a line (measured: 8200 of 8204 did not fit). */
const FIT_SLACK = 6;

const BODY_OPTIONS: Required<BreakOptions> = { size: CHAR / 10, spacing: BODY_CHARACTER_SPACING, width: TYPE_AREA.width, firstLine: 0 };

/** What stays together on a line: a Latin word or number, or one character. */
interface Unit {
  text: string;
  width: number;
  first: string;
  last: string;
}

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
      if (isHan(text.codePointAt(j) ?? 0)) width += autoSpace;
      out.push({ text: text.slice(i, j), width, first: ch, last: text[j - 1] ?? ch });
      previousHan = false;
      i = j;
    } else {
      out.push({ text: ch, width: charAdvance(code, size, spacing), first: ch, last: ch });
      previousHan = isHan(code);
      i += ch.length;
    }
  }
  return out;
}

const widthOf = (list: readonly Unit[]) => list.reduce((sum, u) => sum + u.width, 0);

function wrap(text: string, o: Required<BreakOptions>, firstLine: number): string[] {
  if (text === '') return [''];
  const lines: Unit[][] = [[]];
  let line = lines[0] as Unit[];
  let capacity = o.width - firstLine;
  let used = 0;
  /** The line ends with punctuation hanging in the margin: the next unit starts a line as it is. */
  let hung = false;
  for (const unit of units(text, o.size, o.spacing)) {
    if (!hung && (line.length === 0 || used + unit.width <= capacity - FIT_SLACK)) {
      line.push(unit);
      used += unit.width;
      continue;
    }
    if (!hung && HANGING.has(unit.first) && unit.first === unit.last) {
      line.push(unit);
      hung = true;
      continue;
    }
    const next: Unit[] = [unit];
    if (!hung) {
      // Closing punctuation brings the character before it down; an opening bracket goes down to what it opens.
      if (NO_LINE_START.has(unit.first) && line.length > 1) next.unshift(line.pop() as Unit);
      while (line.length > 1 && NO_LINE_END.has(line.at(-1)?.last ?? '')) next.unshift(line.pop() as Unit);
    }
    hung = false;
    line = next;
    lines.push(line);
    capacity = o.width;
    used = widthOf(line);
  }
  return lines.map((l) => l.map((u) => u.text).join(''));
}

/**
 * The lines `text` is broken into ('\n' starts a new line, without the first-line indent); an empty text is one
 * empty line.
 */
export function breakLines(text: string, options: BreakOptions = {}): string[] {
  const o = { ...BODY_OPTIONS, ...options };
  return text.split('\n').flatMap((part, i) => wrap(part, o, i === 0 ? o.firstLine : 0));
}

/** Number of lines `text` takes (see breakLines). */
export function countLines(text: string, options: BreakOptions = {}): number {
  return breakLines(text, options).length;
}

/** Width in twips of a single-line text (signature, date, header), with the space around digits and Latin words. */
export function textWidth(text: string, size = BODY_OPTIONS.size, spacing = BODY_OPTIONS.spacing): number {
  return widthOf(units(text, size, spacing));
}
