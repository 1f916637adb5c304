import { textWidth } from './line-break';

/**
 * Breaks a title into lines the way GB/T 9704 asks: never inside a word, lines of similar length
 * (a trapezoid or diamond, not one long line and a stub), no line starting with punctuation or a particle.
 * '\n' in the input forces a break; U+2060 WORD JOINER glues characters the segmenter would split (builders put it
 * inside names, which no dictionary knows) and is removed from the output.
 */

export const WORD_JOINER = '\u2060';

/** One segmenter for the process: building one loads ICU's dictionaries. */
let segmenter: Intl.Segmenter | undefined;
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  return segmenter;
}

const PUNCTUATION = /^[\p{P}\p{S}]+$/u;
/** Words a title line should not start with. */
const WEAK_START = new Set(['的', '和', '及', '与', '了', '之', '等']);
/** Names of the county's institutions, which the dictionary splits (人大 | 常委会). */
const COMPOUNDS = ['人民代表大会常务委员会', '人大常委会', '人民代表大会', '常务委员会', '人民政府', '人民法院', '人民检察院', '主任会议'];
/** Words after which a title breaks naturally (…履职情况的 / 评议意见; …李四同志 / 履职情况…; …人大常委会 / 第…). */
const GOOD_END = new Set(['的', '同志', '和', '与', '及', ...COMPOUNDS]);

/** Words of a line, joined to the punctuation after them and to the characters U+2060 glues. */
function words(line: string): string[] {
  let text = line;
  for (const compound of COMPOUNDS) {
    if (text.includes(compound)) text = text.replaceAll(compound, [...compound].join(WORD_JOINER));
  }
  const out: string[] = [];
  let glue = false;
  for (const { segment } of wordSegmenter().segment(text)) {
    const last = out.length - 1;
    // ICU keeps the joiner with the segment before it, or on its own.
    const joined = glue || segment.startsWith(WORD_JOINER);
    const latinRun = /^[0-9A-Za-z]/.test(segment) && /[0-9A-Za-z]$/.test(out[last] ?? '');
    if (last >= 0 && (joined || PUNCTUATION.test(segment) || latinRun)) out[last] += segment;
    else out.push(segment);
    glue = segment.endsWith(WORD_JOINER);
  }
  return out.map((w) => w.replaceAll(WORD_JOINER, '')).filter((w) => w !== '');
}

/**
 * Cost of breaking between two words, in units of a line's squared width: a particle starting a line and a break
 * between two single characters (an unknown name the dictionary split: 王 | 五) are bad; a break after punctuation
 * or 的/同志 is what a typesetter would choose.
 */
function breakPenalty(before: string, after: string): number {
  if (WEAK_START.has(after)) return 1;
  if ([...before].length === 1 && [...after].length === 1 && !PUNCTUATION.test(before)) return 0.5;
  if (GOOD_END.has(before) || PUNCTUATION.test(before.slice(-1))) return 0;
  return 0.2;
}

export interface TitleMetrics {
  /** Half-points. */
  size: number;
  /** Twips. */
  spacing: number;
  /** Twips. */
  width: number;
}

/** The same notes and titles recur across a meeting's opinions; segmenting them is the costly part. */
const memo = new Map<string, string[]>();
const MEMO_SIZE = 256;

export function breakTitle(title: string, metrics: TitleMetrics): string[] {
  const key = `${metrics.size}|${metrics.spacing}|${metrics.width}|${title}`;
  const known = memo.get(key);
  if (known) return [...known];
  const lines = computeLines(title, metrics);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(key, lines);
  return [...lines];
}

function computeLines(title: string, metrics: TitleMetrics): string[] {
  const lines: string[] = [];
  for (const part of title.split('\n')) {
    const trimmed = part.trim();
    if (trimmed !== '') lines.push(...balanceLine(trimmed, metrics));
  }
  return lines.length > 0 ? lines : [''];
}

function balanceLine(line: string, m: TitleMetrics): string[] {
  const plain = line.replaceAll(WORD_JOINER, '');
  const total = textWidth(plain, m.size, m.spacing);
  if (total <= m.width) return [plain];
  const parts = words(line);
  const widths = parts.map((w) => textWidth(w, m.size, m.spacing));
  const n = parts.length;
  // best[k][i]: least cost of setting words 0..i-1 on k lines; from[k][i] the start of the last line.
  for (let count = Math.ceil(total / m.width); count <= n; count++) {
    const target = total / count;
    const best: number[][] = Array.from({ length: count + 1 }, () => Array.from({ length: n + 1 }, () => Infinity));
    const from: number[][] = Array.from({ length: count + 1 }, () => Array.from({ length: n + 1 }, () => -1));
    (best[0] as number[])[0] = 0;
    for (let k = 1; k <= count; k++) {
      for (let end = 1; end <= n; end++) {
        let width = 0;
        for (let start = end - 1; start >= 0; start--) {
          width += widths[start] ?? 0;
          if (width > m.width) break;
          const before = best[k - 1]?.[start] ?? Infinity;
          if (before === Infinity) continue;
          const penalty = start === 0 ? 0 : breakPenalty(parts[start - 1] ?? '', parts[start] ?? '') * target * target;
          const cost = before + (width - target) ** 2 + penalty;
          if (cost < (best[k]?.[end] ?? Infinity)) {
            (best[k] as number[])[end] = cost;
            (from[k] as number[])[end] = start;
          }
        }
      }
    }
    if ((best[count]?.[n] ?? Infinity) === Infinity) continue;
    const out: string[] = [];
    let end = n;
    for (let k = count; k >= 1; k--) {
      const start = from[k]?.[end] ?? 0;
      out.unshift(parts.slice(start, end).join(''));
      end = start;
    }
    return out;
  }
  // A single word longer than a line: let the word processor wrap it.
  return [plain];
}
