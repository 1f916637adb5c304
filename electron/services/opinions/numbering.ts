import { ApiError } from '../../../shared/api/errors';
import { letterKey, registerKey, type NumberedDocument, type NumberedLetter } from '../../../shared/domain/doc-register';
import { requestKey, type NumberedRequest } from '../../../shared/domain/plan-papers';
import { opinionTitleText, type OpinionRecord } from '../../../shared/domain/opinions';
import type { CoreData, YearData } from '../../../shared/domain/partitions';
import { formatDocNumber, parseDocNumber, type DocNumber } from '../../../shared/format/doc-number';
import type { ServiceContext } from '../api/service-context';
import { readYear, yearsOnRecord } from '../desk/desk-data';

/**
 * 发文字号 the app gives: `机关代字〔年份〕序号号`, validated by parseDocNumber (〔〕, four-digit year,
 * no leading zeros, no 第) and unique per prefix and year across every document the app numbered —
 * the opinions' issued versions and the 发文登记 (`register` of the year partition: the 测评结果通报).
 * The office also numbers documents outside the app, so the next free number is only a suggestion:
 * any valid, unused number is accepted.
 */

export interface UsedNumber {
  number: DocNumber;
  text: string;
  /**
   * Who carries it: an opinion's id (a revised opinion may be issued again under its own number)
   * or a registered document's key (a 通报 exported again keeps its number).
   */
  holder: string;
  /** The document as the office knows it, for the message that refuses the number. */
  title?: string;
}

/** 关于对张明同志履职情况的评议意见 of an opinion, from the evaluatees of the core. */
export type OpinionTitleOf = (record: Pick<OpinionRecord, 'evaluateeId'>) => string | undefined;

export function opinionTitles(core: Pick<CoreData, 'evaluatees'>): OpinionTitleOf {
  const names = new Map(core.evaluatees.map((e) => [e.id, e.name]));
  return (record) => {
    const name = names.get(record.evaluateeId);
    return name === undefined ? undefined : opinionTitleText(name);
  };
}

/** Every number issued in the app, from every version of every opinion. */
export function usedNumbers(records: readonly Pick<OpinionRecord, 'id' | 'evaluateeId' | 'versions'>[], titleOf?: OpinionTitleOf): UsedNumber[] {
  const out: UsedNumber[] = [];
  for (const r of records) {
    const title = titleOf?.(r);
    for (const v of r.versions) {
      if (!v.issue) continue;
      const parsed = parseDocNumber(v.issue.docNumber);
      if (parsed.ok) out.push({ number: parsed.value, text: v.issue.docNumber, holder: r.id, ...(title ? { title } : {}) });
    }
  }
  return out;
}

/** The numbers of the 发文登记 (the 通报 the app exported). */
export function registeredNumbers(documents: readonly Readonly<NumberedDocument>[]): UsedNumber[] {
  return documents.flatMap((d) =>
    [d.docNumber, ...(d.retiredNumbers ?? [])].flatMap((text) => {
      const parsed = parseDocNumber(text);
      return parsed.ok ? [{ number: parsed.value, text, holder: registerKey(d), title: d.title }] : [];
    }),
  );
}

/** The numbers of the registered letters (督办函, in the 函 series). */
export function letterNumbers(letters: readonly Readonly<NumberedLetter>[]): UsedNumber[] {
  return letters.flatMap((l) => {
    const parsed = parseDocNumber(l.docNumber);
    return parsed.ok ? [{ number: parsed.value, text: l.docNumber, holder: letterKey(l.evaluationId), title: l.title }] : [];
  });
}

/** The numbers of the registered 请示 (the plan's, to the county committee). */
export function requestNumbers(requests: readonly Readonly<NumberedRequest>[]): UsedNumber[] {
  return requests.flatMap((r) => {
    const parsed = parseDocNumber(r.docNumber);
    return parsed.ok ? [{ number: parsed.value, text: r.docNumber, holder: requestKey(r.termStart), title: r.title }] : [];
  });
}

/** The numbers one year partition holds: its opinions', its register's and its letters'. */
export function yearNumbers(data: Readonly<YearData>, titleOf?: OpinionTitleOf): UsedNumber[] {
  return [
    ...usedNumbers(data.opinions?.records ?? [], titleOf),
    ...registeredNumbers(data.register?.documents ?? []),
    ...letterNumbers(data.register?.letters ?? []),
    ...requestNumbers(data.register?.requests ?? []),
  ];
}

/**
 * The numbers of every year on record, but `except` (whose numbers the caller reads inside its own
 * write of that year, so two windows cannot both take one number).
 */
export async function numbersOnRecord(ctx: ServiceContext, opts: { except?: number; titleOf?: OpinionTitleOf } = {}): Promise<UsedNumber[]> {
  const years = yearsOnRecord(ctx).filter((y) => y !== opts.except);
  const parts = await Promise.all(years.map((y) => readYear(ctx, y)));
  return parts.flatMap((p) => yearNumbers(p, opts.titleOf));
}

const sameSeries = (a: DocNumber, prefix: string, year: number) => a.prefix === prefix.trim() && a.year === year;

/** Parses a typed number; throws the parser's message (which names the exact mistake) as a field error. */
export function validDocNumber(text: string): DocNumber {
  const parsed = parseDocNumber(text);
  if (!parsed.ok) throw new ApiError('invalid_args', `发文字号“${text.trim()}”不符合要求：${parsed.message}`, [{ path: 'issue.docNumber', message: parsed.message }]);
  return parsed.value;
}

/**
 * Refuses a number another document already carries (the same prefix, year and serial), naming
 * that document. The holder's own number passes: an opinion's revision, a 通报 printed again.
 */
export function assertUnused(number: DocNumber, used: readonly UsedNumber[], holder: string): void {
  const clash = used.find((u) => u.holder !== holder && sameSeries(u.number, number.prefix, number.year) && u.number.seq === number.seq);
  if (clash) {
    const text = formatDocNumber(number.prefix, number.year, number.seq);
    const where = clash.title ? `（《${clash.title}》的发文字号）` : '';
    throw new ApiError('conflict', `发文字号${text}已被使用${where}，请换一个序号。`, [
      { path: 'issue.docNumber', message: clash.title ? `${text}已被《${clash.title}》使用` : `${text}已被使用` },
    ]);
  }
}

/** After the highest number of the series: offices number upwards and use gaps outside the app. */
export function suggestNumber(prefix: string, year: number, used: readonly UsedNumber[], holder?: string): string {
  // A revised opinion goes out again under the number it had; a 通报 reprints under its own.
  const own = holder ? used.filter((u) => u.holder === holder && sameSeries(u.number, prefix, year)).at(-1) : undefined;
  if (own) return own.text;
  const max = used.filter((u) => sameSeries(u.number, prefix, year)).reduce((m, u) => Math.max(m, u.number.seq), 0);
  return formatDocNumber(prefix, year, max + 1);
}

export function takenInSeries(prefix: string, year: number, used: readonly UsedNumber[]): string[] {
  const seqs = [...new Set(used.filter((u) => sameSeries(u.number, prefix, year)).map((u) => u.number.seq))].sort((a, b) => a - b);
  return seqs.map((seq) => formatDocNumber(prefix, year, seq));
}
