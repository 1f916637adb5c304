import { ApiError } from '../../../shared/api/errors';
import type { IssuedLetter } from '../../../shared/api/loop-docs-types';
import { letterKey, type NumberedLetter } from '../../../shared/domain/doc-register';
import type { YearData } from '../../../shared/domain/partitions';
import { formatDocNumber, type DocNumber } from '../../../shared/format/doc-number';
import { assertUnused, validDocNumber, yearNumbers, type OpinionTitleOf, type UsedNumber } from '../opinions/numbering';
import { assertYearOfDate, writableRegister } from '../meeting-docs/register';

/**
 * The 督办函 in the 发文登记 (`register.letters` of the evaluation's year partition): numbered in the 函 series
 * (机关代字 + 函), recorded durably before the file reaches the user. A number another document holds is refused,
 * naming it; a number this evaluation's letter already carries reprints that letter; a new number is a new letter.
 */

/** The 函 series of the county: X人常 → X人常函. */
export function letterPrefix(docPrefix: string): string {
  const p = docPrefix.trim();
  return p.endsWith('函') ? p : `${p}函`;
}

/** A typed number, checked: valid (parseDocNumber names the mistake), in a 函 series, of the year of its date. */
export function letterNumber(text: string, date: string): DocNumber {
  const number = validDocNumber(text);
  if (!number.prefix.endsWith('函')) {
    throw new ApiError('invalid_args', `督办函以函的形式发出，发文字号应使用函件代字，如${letterPrefix(number.prefix)}〔${number.year}〕${number.seq}号。`, [
      { path: 'docNumber', message: '应使用函件代字（如X人常函）' },
    ]);
  }
  assertYearOfDate(number, date);
  return number;
}

export function issuedLetterView(l: Readonly<NumberedLetter>): IssuedLetter {
  return { docNumber: l.docNumber, title: l.title, date: l.date, replyBy: l.replyBy, firstExportedAt: l.firstExportedAt, exportedAt: l.exportedAt, exports: l.exports };
}

export interface LetterEntry {
  evaluationId: string;
  docNumber: string;
  title: string;
  date: string;
  replyBy: string;
}

export interface RecordedLetter {
  previous: NumberedLetter | null;
  entry: NumberedLetter;
}

/** Registers (or reprints) a 督办函 inside the write of its year partition, checking the number once more there. */
export function recordLetter(data: YearData, doc: LetterEntry, ctx: { others: readonly UsedNumber[]; titleOf?: OpinionTitleOf; now: string }): RecordedLetter {
  const number = letterNumber(doc.docNumber, doc.date);
  const key = letterKey(doc.evaluationId);
  assertUnused(number, [...ctx.others, ...yearNumbers(data, ctx.titleOf)], key);
  const register = writableRegister(data);
  register.letters ??= [];
  const docNumber = formatDocNumber(number.prefix, number.year, number.seq);
  const at = register.letters.findIndex((l) => l.evaluationId === doc.evaluationId && l.docNumber === docNumber);
  const previous = at >= 0 ? structuredClone(register.letters[at] as NumberedLetter) : null;
  const entry: NumberedLetter = {
    kind: '督办函',
    docNumber,
    title: doc.title,
    evaluationId: doc.evaluationId,
    date: doc.date,
    replyBy: doc.replyBy,
    firstExportedAt: previous?.firstExportedAt ?? ctx.now,
    exportedAt: ctx.now,
    exports: (previous?.exports ?? 0) + 1,
  };
  if (at >= 0) register.letters[at] = entry;
  else register.letters.push(entry);
  return { previous, entry };
}

/** Takes back a letter whose file never reached the user; left alone if it was exported again meanwhile. */
export function undoLetter(data: YearData, recorded: RecordedLetter): void {
  const letters = data.register?.letters;
  if (!letters) return;
  const at = letters.findIndex((l) => l.evaluationId === recorded.entry.evaluationId && l.docNumber === recorded.entry.docNumber);
  const now = letters[at];
  if (!now || now.exportedAt !== recorded.entry.exportedAt || now.exports !== recorded.entry.exports) return;
  if (recorded.previous) letters[at] = recorded.previous;
  else letters.splice(at, 1);
}
