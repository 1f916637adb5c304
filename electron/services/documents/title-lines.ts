import { textWidth } from './text-measure';

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

/** Words of a line, joined to the punctuation after them and to the characters U+2060 glues. */
function words(line: string): string[] {
  const out: string[] = [];
  let glue = false;
  for (const { segment } of wordSegmenter().segment(line)) {
    if (segment === WORD_JOINER) {
      glue = true;
      continue;
    }
    const last = out.length - 1;
    if (last >= 0 && (glue || PUNCTUATION.test(segment) || /^[0-9A-Za-z]/.test(segment) && /[0-9A-Za-z]$/.test(out[last] ?? ''))) {
      out[last] += segment;
    } else {
      out.push(segment);
    }
    glue = false;
  }
  return out.map((w) => w.replaceAll(WORD_JOINER, ''));
}

export interface TitleMetrics {
  /** Half-points. */
  size: number;
  /** Twips. */
  spacing: number;
  /** Twips. */
  width: number;
}

export function breakTitle(title: string, metrics: TitleMetrics): string[] {
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
    const best: number[][] = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(Infinity));
    const from: number[][] = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(-1));
    (best[0] as number[])[0] = 0;
    for (let k = 1; k <= count; k++) {
      for (let end = 1; end <= n; end++) {
        let width = 0;
        for (let start = end - 1; start >= 0; start--) {
          width += widths[start] ?? 0;
          if (width > m.width) break;
          const before = best[k - 1]?.[start] ?? Infinity;
          if (before === Infinity) continue;
          const penalty = WEAK_START.has(parts[start] ?? '') ? target * target : 0;
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
