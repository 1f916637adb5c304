import { ApiError } from '../../../shared/api/errors';
import type { IssuedDocument } from '../../../shared/api/documents-types';
import { announcementKey, emptyDocRegister, registerKey, type DocRegister, type NumberedDocument } from '../../../shared/domain/doc-register';
import type { YearData } from '../../../shared/domain/partitions';
import { formatDocNumber, type DocNumber } from '../../../shared/format/doc-number';
import { yearOfIsoDate } from '../../../shared/format/dates';
import type { ServiceContext } from '../api/service-context';
import { readYear, yearsOnRecord } from '../desk/desk-data';
import { assertUnused, validDocNumber, yearNumbers, type OpinionTitleOf, type UsedNumber } from '../opinions/numbering';

/**
 * The 发文登记 of the 测评结果通报: every 通报 the app exported, with its number, recorded in the year
 * partition (`register`, shared/domain/doc-register.ts) before the file reaches the user. A 通报
 * exported again (the same meeting and round) reprints under its number; a number another document
 * holds — a 通报 or an opinion — is refused, naming that document.
 */

/** The year partition's register, created on first write (older files have none). */
export function writableRegister(data: YearData): DocRegister {
  data.register ??= emptyDocRegister();
  return data.register;
}

/** What the 会议文件 panel shows of a registered 通报. */
export function issuedView(doc: Readonly<NumberedDocument>): IssuedDocument {
  return { docNumber: doc.docNumber, title: doc.title, date: doc.date, firstExportedAt: doc.firstExportedAt, exportedAt: doc.exportedAt, exports: doc.exports };
}

/** Every year on record with its partition, read once for the numbers and the register. */
export async function yearsWithData(ctx: ServiceContext): Promise<{ year: number; data: Readonly<YearData> }[]> {
  const years = yearsOnRecord(ctx);
  const parts = await Promise.all(years.map((y) => readYear(ctx, y)));
  return years.map((year, i) => ({ year, data: parts[i] as Readonly<YearData> }));
}

/** The registered 通报 of a meeting, by key (announcementKey). */
export function meetingAnnouncements(years: readonly { data: Readonly<YearData> }[], meetingId: string): Map<string, Readonly<NumberedDocument>> {
  const out = new Map<string, Readonly<NumberedDocument>>();
  for (const { data } of years) for (const d of data.register?.documents ?? []) if (d.meetingId === meetingId) out.set(registerKey(d), d);
  return out;
}

/** The year partition a 通报's entry goes to: where it already is, else the meeting's year. */
export function registerYear(years: readonly { year: number; data: Readonly<YearData> }[], key: string, meetingYear: number): number {
  return years.find((y) => (y.data.register?.documents ?? []).some((d) => registerKey(d) === key))?.year ?? meetingYear;
}

/** GB/T 9704: the year in 〔〕 is the year the document is dated. */
export function assertYearOfDate(number: DocNumber, date: string): void {
  const year = yearOfIsoDate(date);
  if (number.year !== year) {
    throw new ApiError('invalid_args', `发文字号的年份〔${number.year}〕应与成文日期的年份（${year}年）一致。`, [
      { path: 'docNumber', message: `年份〔${number.year}〕与成文日期（${year}年）不一致` },
    ]);
  }
}

export interface AnnouncementEntry {
  meetingId: string;
  /** null: the whole meeting's 通报. */
  roundId: string | null;
  docNumber: string;
  title: string;
  date: string;
}

export interface Recorded {
  /** The entry as it was before this export (null: the 通报 had no number yet), to undo with. */
  previous: NumberedDocument | null;
  entry: NumberedDocument;
}

/**
 * Registers (or reprints) a 通报 inside the write of its year partition: the number is checked
 * against the other years' numbers, read before, and this year's, read here.
 */
export function recordAnnouncement(data: YearData, doc: AnnouncementEntry, ctx: { others: readonly UsedNumber[]; titleOf?: OpinionTitleOf; now: string }): Recorded {
  const number = validDocNumber(doc.docNumber);
  assertYearOfDate(number, doc.date);
  const key = announcementKey(doc.meetingId, doc.roundId);
  assertUnused(number, [...ctx.others, ...yearNumbers(data, ctx.titleOf)], key);
  const register = writableRegister(data);
  const at = register.documents.findIndex((d) => registerKey(d) === key);
  const previous = at >= 0 ? structuredClone(register.documents[at] as NumberedDocument) : null;
  const docNumber = formatDocNumber(number.prefix, number.year, number.seq);
  // A renumbered 通报 keeps holding the numbers it was exported under (copies may be out there).
  const retired = [...(previous?.retiredNumbers ?? []), ...(previous && previous.docNumber !== docNumber ? [previous.docNumber] : [])].filter((n, i, all) => n !== docNumber && all.indexOf(n) === i);
  const entry: NumberedDocument = {
    kind: '测评结果通报',
    docNumber,
    title: doc.title,
    meetingId: doc.meetingId,
    roundId: doc.roundId,
    date: doc.date,
    firstExportedAt: previous?.firstExportedAt ?? ctx.now,
    exportedAt: ctx.now,
    exports: (previous?.exports ?? 0) + 1,
    ...(retired.length > 0 ? { retiredNumbers: retired } : {}),
  };
  if (at >= 0) register.documents[at] = entry;
  else register.documents.push(entry);
  return { previous, entry };
}

/**
 * Takes back an export whose file never reached the user (the save failed): the entry returns to
 * what it was. Left alone if the 通报 was exported again meanwhile.
 */
export function undoAnnouncement(data: YearData, recorded: Recorded): void {
  const documents = data.register?.documents;
  if (!documents) return;
  const key = registerKey(recorded.entry);
  const at = documents.findIndex((d) => registerKey(d) === key);
  const now = documents[at];
  if (!now || now.exportedAt !== recorded.entry.exportedAt || now.exports !== recorded.entry.exports || now.docNumber !== recorded.entry.docNumber) return;
  if (recorded.previous) documents[at] = recorded.previous;
  else documents.splice(at, 1);
}
