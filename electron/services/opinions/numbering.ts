import { ApiError } from '../../../shared/api/errors';
import { formatDocNumber, parseDocNumber, type DocNumber } from '../../../shared/format/doc-number';
import type { OpinionRecord } from '../../../shared/domain/opinions';

/**
 * 发文字号 of the opinions: `机关代字〔年份〕序号号`, validated by parseDocNumber (〔〕, four-digit year,
 * no leading zeros, no 第) and unique per prefix and year within the app. The office also numbers
 * documents outside the app, so the next free number is only a suggestion: any valid, unused
 * number is accepted.
 */

export interface UsedNumber {
  number: DocNumber;
  text: string;
  /** The opinion that carries it: a revised opinion may be issued again under its own number. */
  opinionId: string;
}

/** Every number issued in the app, from every version of every opinion. */
export function usedNumbers(records: readonly Pick<OpinionRecord, 'id' | 'versions'>[]): UsedNumber[] {
  const out: UsedNumber[] = [];
  for (const r of records) {
    for (const v of r.versions) {
      if (!v.issue) continue;
      const parsed = parseDocNumber(v.issue.docNumber);
      if (parsed.ok) out.push({ number: parsed.value, text: v.issue.docNumber, opinionId: r.id });
    }
  }
  return out;
}

const sameSeries = (a: DocNumber, prefix: string, year: number) => a.prefix === prefix.trim() && a.year === year;

/** Parses a typed number; throws the parser's message (which names the exact mistake) as a field error. */
export function validDocNumber(text: string): DocNumber {
  const parsed = parseDocNumber(text);
  if (!parsed.ok) throw new ApiError('invalid_args', `发文字号“${text.trim()}”不符合要求：${parsed.message}`, [{ path: 'issue.docNumber', message: parsed.message }]);
  return parsed.value;
}

/** Refuses a number another opinion already carries (the same prefix, year and serial). */
export function assertUnused(number: DocNumber, used: readonly UsedNumber[], opinionId: string): void {
  const clash = used.find((u) => u.opinionId !== opinionId && sameSeries(u.number, number.prefix, number.year) && u.number.seq === number.seq);
  if (clash) {
    const text = formatDocNumber(number.prefix, number.year, number.seq);
    throw new ApiError('conflict', `发文字号${text}已被使用，请换一个序号。`, [{ path: 'issue.docNumber', message: `${text}已被使用` }]);
  }
}

/** After the highest number of the series: offices number upwards and use gaps outside the app. */
export function suggestNumber(prefix: string, year: number, used: readonly UsedNumber[], opinionId?: string): string {
  // A revised opinion goes out again under the number it had.
  const own = opinionId ? used.filter((u) => u.opinionId === opinionId && sameSeries(u.number, prefix, year)).at(-1) : undefined;
  if (own) return own.text;
  const max = used.filter((u) => sameSeries(u.number, prefix, year)).reduce((m, u) => Math.max(m, u.number.seq), 0);
  return formatDocNumber(prefix, year, max + 1);
}

export function takenInSeries(prefix: string, year: number, used: readonly UsedNumber[]): string[] {
  const seqs = [...new Set(used.filter((u) => sameSeries(u.number, prefix, year)).map((u) => u.number.seq))].sort((a, b) => a - b);
  return seqs.map((seq) => formatDocNumber(prefix, year, seq));
}
