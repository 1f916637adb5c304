import { z } from 'zod';
import { enumField, intField, objectError } from '../domain/fields';
import { MARKS, MARK_KEYS, emptyCounts, markLabels, type Counts, type Mark } from './terms';

/**
 * Sheet by sheet (唱票): the operator keys one mark per evaluatee and confirms the sheet as a
 * whole. These functions turn keys into marks, refuse a sheet that is not complete, and tally.
 */

export const sheetSchema = z.object(
  {
    /** The sheet's number in keying order (1, 2, …); corrections address a sheet by it. */
    no: intField('票号', 1, 9999),
    marks: z.array(enumField('测评意见', MARKS), { error: '测评意见应为列表' }).min(1, '每张票至少应有1名被测评对象的意见'),
  },
  objectError('测评票'),
);
export type Sheet = z.infer<typeof sheetSchema>;

const KEY_TO_MARK: ReadonlyMap<string, Mark> = new Map(MARKS.map((m) => [MARK_KEYS[m], m] as const));

/** 1满意 2基本满意 3不满意 0空白 9无效 — the legend under the keying field. */
export function keyLegend(): string {
  const names = markLabels();
  return MARKS.map((m) => `${MARK_KEYS[m]} ${names[m]}`).join('　');
}

export type ParsedKeys = { ok: true; marks: Mark[] } | { ok: false; message: string };

/**
 * "1 2 3 0 9", "12309", "1,2,3" and full-width "１２３" (a Chinese input method left on) all read
 * the same: every digit is one evaluatee's mark, separators are ignored.
 */
export function parseKeys(input: string, evaluateeCount?: number): ParsedKeys {
  const normalised = input.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const marks: Mark[] = [];
  let position = 0;
  for (const ch of normalised) {
    if (/[\s,，、;；.。]/.test(ch)) continue;
    position++;
    const mark = KEY_TO_MARK.get(ch);
    if (mark === undefined) return { ok: false, message: `第${position}个按键“${ch}”无效，只能按 ${keyLegend()}` };
    marks.push(mark);
  }
  if (marks.length === 0) return { ok: false, message: '尚未录入测评意见' };
  if (evaluateeCount !== undefined && marks.length !== evaluateeCount) {
    return { ok: false, message: `录入了 ${marks.length} 个意见，本票有 ${evaluateeCount} 名被测评对象，每人应有且只有1个意见` };
  }
  return { ok: true, marks };
}

/** Marks back to keys, e.g. for the audit log and the "sheet 7 was 12309" line: "12309". */
export function marksToKeys(marks: readonly Mark[]): string {
  return marks.map((m) => MARK_KEYS[m]).join('');
}

/** Why a keyed sheet cannot be confirmed, or null: exactly one known mark per evaluatee. */
export function sheetProblem(sheet: { no: number; marks: readonly unknown[] }, evaluateeCount: number): string | null {
  if (!Number.isInteger(sheet.no) || sheet.no < 1) return `票号“${String(sheet.no)}”无效`;
  if (sheet.marks.length !== evaluateeCount) {
    return `第${sheet.no}号票有 ${sheet.marks.length} 个意见，本票有 ${evaluateeCount} 名被测评对象，每人应有且只有1个意见`;
  }
  const bad = sheet.marks.findIndex((m) => !(MARKS as readonly unknown[]).includes(m));
  if (bad >= 0) return `第${sheet.no}号票第${bad + 1}名被测评对象的意见无效`;
  return null;
}

/** Problems of a whole set of sheets: each sheet's own, then numbers used twice. */
export function sheetsProblems(sheets: readonly { no: number; marks: readonly unknown[] }[], evaluateeCount: number): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const s of sheets) {
    const p = sheetProblem(s, evaluateeCount);
    if (p !== null) problems.push(p);
    if (seen.has(s.no)) problems.push(`第${s.no}号票重复录入`);
    seen.add(s.no);
  }
  return problems;
}

/**
 * Counts per evaluatee (in sheet order) from confirmed sheets. An incomplete sheet or a number used
 * twice is a programming error here (the console confirms only sheets that passed sheetProblem),
 * so it throws rather than tally something wrong.
 */
export function tallySheets(sheets: readonly Pick<Sheet, 'no' | 'marks'>[], evaluateeCount: number): Counts[] {
  const counts: Counts[] = Array.from({ length: evaluateeCount }, emptyCounts);
  const seen = new Set<number>();
  for (const sheet of sheets) {
    const problem = sheetProblem(sheet, evaluateeCount) ?? (seen.has(sheet.no) ? `第${sheet.no}号票重复录入` : null);
    if (problem !== null) throw new RangeError(problem);
    seen.add(sheet.no);
    sheet.marks.forEach((m, i) => {
      const c = counts[i];
      if (c !== undefined) c[m]++;
    });
  }
  return counts;
}
