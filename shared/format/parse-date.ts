import { daysInMonth, toIsoDate } from './dates';

/**
 * Dates as a clerk types them. Accepted: 2024-10-28, 2024.10.28, 2024/10/28, 2024年10月28日 (日 or 号
 * may be left off), 20241028, each with spaces anywhere, one- or two-digit month and day, full-width
 * digits (２０２４) and full-width separators (－ ． ／, the ideographic space).
 *
 * A two-digit year (24.10.28) is refused, not guessed: the records span terms on both sides of a
 * century only in theory, but a roster carries birth and appointment years from the 1990s next to
 * the 2020s, so "24" has no safe reading; the message asks for the four-digit year.
 */

export type ParsedDate = { ok: true; iso: string } | { ok: false; message: string };

const FULL_WIDTH = /[\uff10-\uff19\uff0d\uff0e\uff0f]/g;

function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]+/g, '');
}

const SEPARATED = /^(\d+)([-./])(\d{1,2})\2(\d{1,2})$/;
const CHINESE = /^(\d+)年(\d{1,2})月(\d{1,2})[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2099;

/** The example every refusal quotes, so a clerk sees at once what is read. */
const FORMS = '请按 2024-10-28、2024.10.28 或 2024年10月28日 填写';

/** Parses a typed date to 'YYYY-MM-DD', or a Chinese message naming the field (`label`). */
export function parseTypedDate(text: string, label = '日期'): ParsedDate {
  const t = halfWidth(text);
  if (t === '') return { ok: false, message: `${label}不能为空` };
  const m = SEPARATED.exec(t) ?? CHINESE.exec(t);
  let y: string, mo: string, d: string;
  if (m) {
    y = m[1]!;
    mo = m.length === 5 ? m[3]! : m[2]!;
    d = m.length === 5 ? m[4]! : m[3]!;
  } else {
    const c = COMPACT.exec(t);
    if (!c) return { ok: false, message: `${label}无法识别：${FORMS}` };
    [, y, mo, d] = c as unknown as [string, string, string, string];
  }
  if (y.length === 2) return { ok: false, message: `${label}的年份请写四位数字（如 20${y}），两位年份“${y}”无法确定是哪一年` };
  if (y.length !== 4) return { ok: false, message: `${label}的年份应为四位数字（如 2024）` };
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, message: `${label}的年份应在${FIRST_YEAR}—${LAST_YEAR}年之间` };
  if (month < 1 || month > 12) return { ok: false, message: `${label}有误：没有${month}月，月份应为1—12` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    const leap = month === 2 && day === 29 ? `（${year}年不是闰年）` : '';
    return { ok: false, message: `${label}有误：${year}年${month}月没有${day}日${leap}，该月只有${last}天` };
  }
  return { ok: true, iso: toIsoDate({ year, month, day }) };
}
