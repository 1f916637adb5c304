/**
 * Document numbers (发文字号) per GB/T 9704-2012 7.2.4: 机关代字 + 〔full year〕 + serial + 号,
 * e.g. X人常〔2024〕5号 — hexagonal brackets, four-digit year, no leading zeros, no 第.
 * Offices type these by hand often enough that the parser names the exact mistake.
 */

export interface DocNumber {
  prefix: string;
  year: number;
  seq: number;
}

export type DocNumberParse = { ok: true; value: DocNumber } | { ok: false; message: string };

const OPEN = '〔';
const CLOSE = '〕';
/** Brackets people type instead of 〔〕; matched so the message can name the wrong pair. */
const ANY_OPEN = '〔[［【（(〖「{｛<〈《';
const ANY_CLOSE = '〕]］】）)〗」}｝>〉》';
const BRACKET_CHARS = new Set([...ANY_OPEN, ...ANY_CLOSE]);

/** Why a 机关代字 is unusable, or null. Shared with the settings schema. */
export function docPrefixProblem(prefix: string): string | null {
  const p = prefix.trim();
  if (p === '') return '机关代字不能为空';
  if (/\s/.test(p)) return '机关代字中不应有空格';
  if ([...p].some((c) => BRACKET_CHARS.has(c))) return '机关代字中不应有括号，年份的〔〕由系统加上';
  if (/[0-9０-９]/.test(p)) return '机关代字中不应有数字';
  if (p.length > 12) return '机关代字不能超过12个字';
  return null;
}

/** X人常〔2024〕5号. Arguments come from validated records; bad ones are programming errors. */
export function formatDocNumber(prefix: string, year: number, seq: number): string {
  const problem = docPrefixProblem(prefix);
  if (problem) throw new RangeError(`formatDocNumber: ${problem}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`formatDocNumber: year ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`formatDocNumber: seq ${seq}`);
  return `${prefix.trim()}${OPEN}${year}${CLOSE}${seq}号`;
}

const fail = (message: string): DocNumberParse => ({ ok: false, message });

export function parseDocNumber(text: string): DocNumberParse {
  const t = text.trim();
  if (t === '') return fail('发文字号不能为空');
  if (/\s/.test(t)) return fail('发文字号中不应有空格');
  if (/[０-９]/.test(t)) return fail('发文字号中的年份和序号应使用半角阿拉伯数字');

  const openAt = [...t].findIndex((c) => ANY_OPEN.includes(c));
  if (openAt < 0) return fail('年份应放在六角括号〔〕中，如X人常〔2024〕5号');
  const chars = [...t];
  const open = chars[openAt] ?? '';
  const closeAt = chars.findIndex((c, i) => i > openAt && ANY_CLOSE.includes(c));
  if (closeAt < 0) return fail(`年份的括号“${open}”没有闭合，应写作〔2024〕`);
  const close = chars[closeAt] ?? '';
  if (open !== OPEN || close !== CLOSE) return fail(`年份应使用六角括号〔〕，不能使用“${open}${close}”`);

  const prefix = chars.slice(0, openAt).join('');
  const yearText = chars.slice(openAt + 1, closeAt).join('');
  const rest = chars.slice(closeAt + 1).join('');

  const prefixProblem = docPrefixProblem(prefix);
  if (prefixProblem) return fail(prefix.trim() === '' ? '缺少机关代字，应写作X人常〔2024〕5号' : prefixProblem);
  if (!/^\d+$/.test(yearText)) return fail(`年份“${yearText}”应为四位阿拉伯数字，如〔2024〕`);
  if (yearText.length !== 4) return fail(`年份应写全四位，如〔2024〕，不能写作〔${yearText}〕`);
  const year = Number(yearText);
  if (year < 1949 || year > 2100) return fail(`年份${yearText}不正确`);

  if (rest === '') return fail('缺少序号，应写作〔2024〕5号');
  if (rest.startsWith('第')) return fail('序号前不加“第”字，应写作5号');
  if (!rest.endsWith('号')) return fail('发文字号应以“号”结尾，如5号');
  const seqText = rest.slice(0, -1);
  if (!/^\d+$/.test(seqText)) return fail(`序号“${seqText}”应为阿拉伯数字`);
  if (seqText.startsWith('0')) {
    return Number(seqText) === 0 ? fail('序号应从1开始') : fail(`序号不编虚位，应写作${Number(seqText)}号，不能写作${seqText}号`);
  }
  return { ok: true, value: { prefix: prefix.trim(), year, seq: Number(seqText) } };
}
