import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../../shared/format/parse-date';

const iso = (text: string) => {
  const r = parseTypedDate(text, '任职日期');
  return r.ok ? r.iso : `refused: ${r.message}`;
};
const refusal = (text: string) => {
  const r = parseTypedDate(text, '任职日期');
  if (r.ok) throw new Error(`accepted ${text} as ${r.iso}`);
  return r.message;
};

describe('parseTypedDate accepts the ways a clerk writes a date', () => {
  it.each([
    ['2024-10-28', '2024-10-28'],
    ['2024.10.28', '2024-10-28'],
    ['2024/10/28', '2024-10-28'],
    ['2024年10月28日', '2024-10-28'],
    ['2024年10月28号', '2024-10-28'],
    ['2024年10月28', '2024-10-28'],
    ['20241028', '2024-10-28'],
    // single-digit month and day
    ['2024-1-5', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    // spaces anywhere, including the ideographic space and a pasted tab
    [' 2024 - 10 - 28 ', '2024-10-28'],
    ['2024 年 10 月 28 日', '2024-10-28'],
    ['\u30002024.10.28\t', '2024-10-28'],
    // full-width digits and separators
    ['２０２４－１０－２８', '2024-10-28'],
    ['２０２４．１０．２８', '2024-10-28'],
    ['２０２４／１／５', '2024-01-05'],
    ['２０２４年１０月２８日', '2024-10-28'],
    // leap days where they exist
    ['2024-02-29', '2024-02-29'],
    ['2000.2.29', '2000-02-29'],
    ['1900-01-01', '1900-01-01'],
    ['2099-12-31', '2099-12-31'],
  ])('%j → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });
});

describe('parseTypedDate refuses with one Chinese message naming the field', () => {
  it('an empty field', () => {
    expect(refusal('')).toBe('任职日期不能为空');
    expect(refusal(' \u3000 ')).toBe('任职日期不能为空');
  });

  it('two-digit years, asking for the four-digit year', () => {
    for (const text of ['24-10-28', '24.10.28', '24/10/28', '24年10月28日', '２４．１０．２８']) {
      expect(refusal(text)).toBe('任职日期的年份请写四位数字（如 2024），两位年份“24”无法确定是哪一年');
    }
  });

  it('years of other lengths and outside the range', () => {
    expect(refusal('41028.10.28')).toBe('任职日期的年份应为四位数字（如 2024）');
    expect(refusal('202.10.28')).toBe('任职日期的年份应为四位数字（如 2024）');
    expect(refusal('1899-12-31')).toBe('任职日期的年份应在1900—2099年之间');
    expect(refusal('2100-01-01')).toBe('任职日期的年份应在1900—2099年之间');
  });

  it('29 February in a year that is not a leap year', () => {
    expect(refusal('2023-02-29')).toBe('任职日期有误：2023年2月没有29日（2023年不是闰年），该月只有28天');
    expect(refusal('2100-02-29')).toContain('年份应在');
    expect(refusal('1900.2.29')).toBe('任职日期有误：1900年2月没有29日（1900年不是闰年），该月只有28天');
    expect(refusal('２０２５年２月２９日')).toContain('2025年不是闰年');
  });

  it('month 13, month 0, day 32, day 0, 31 April', () => {
    expect(refusal('2024-13-01')).toBe('任职日期有误：没有13月，月份应为1—12');
    expect(refusal('2024.0.10')).toBe('任职日期有误：没有0月，月份应为1—12');
    expect(refusal('2024年10月32日')).toBe('任职日期有误：2024年10月没有32日，该月只有31天');
    expect(refusal('2024/10/0')).toBe('任职日期有误：2024年10月没有0日，该月只有31天');
    expect(refusal('2024-04-31')).toBe('任职日期有误：2024年4月没有31日，该月只有30天');
    expect(refusal('20241301')).toContain('没有13月');
  });

  it('what it cannot read at all', () => {
    const unreadable = '任职日期无法识别：请按 2024-10-28、2024.10.28 或 2024年10月28日 填写';
    for (const text of ['2024-10/28', '2024.10', '10/28/2024', '28.10.2024', '二〇二四年十月二十八日', 'abc', '2024-10-28 14:00', '2024-100-28', '202410280']) {
      expect(refusal(text)).toBe(unreadable);
    }
  });

  it('uses 日期 when no field is named', () => {
    expect(parseTypedDate('x')).toEqual({ ok: false, message: '日期无法识别：请按 2024-10-28、2024.10.28 或 2024年10月28日 填写' });
  });
});
