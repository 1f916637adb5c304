import { describe, expect, it } from 'vitest';
import { chineseNumeral, formatMeetingName, formatSession, formatSitting, meetingNamePrefix } from '../../../shared/format/chinese-numerals';

// Written out by hand, one decade per line, so the test does not share the function's logic.
const ONE_TO_NINETY_NINE = `
一 二 三 四 五 六 七 八 九
十 十一 十二 十三 十四 十五 十六 十七 十八 十九
二十 二十一 二十二 二十三 二十四 二十五 二十六 二十七 二十八 二十九
三十 三十一 三十二 三十三 三十四 三十五 三十六 三十七 三十八 三十九
四十 四十一 四十二 四十三 四十四 四十五 四十六 四十七 四十八 四十九
五十 五十一 五十二 五十三 五十四 五十五 五十六 五十七 五十八 五十九
六十 六十一 六十二 六十三 六十四 六十五 六十六 六十七 六十八 六十九
七十 七十一 七十二 七十三 七十四 七十五 七十六 七十七 七十八 七十九
八十 八十一 八十二 八十三 八十四 八十五 八十六 八十七 八十八 八十九
九十 九十一 九十二 九十三 九十四 九十五 九十六 九十七 九十八 九十九`
  .trim()
  .split(/\s+/);

describe('chineseNumeral', () => {
  it('has a table of 99 entries', () => {
    expect(ONE_TO_NINETY_NINE).toHaveLength(99);
  });

  it.each(ONE_TO_NINETY_NINE.map((text, i) => [i + 1, text] as const))('%i → %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it.each([
    [0, '零'],
    [100, '一百'],
    [101, '一百零一'],
    [105, '一百零五'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [119, '一百一十九'],
    [120, '一百二十'],
    [200, '二百'],
    [999, '九百九十九'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [2024, '二千零二十四'],
  ] as const)('%i → %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it.each([-1, 1.5, 10000, Number.NaN])('refuses %s', (n) => {
    expect(() => chineseNumeral(n)).toThrow(RangeError);
  });
});

describe('sessions, sittings, meeting names', () => {
  it('formats 届 and 次会议', () => {
    expect(formatSession(19)).toBe('第十九届');
    expect(formatSession(10)).toBe('第十届');
    expect(formatSitting(23)).toBe('第二十三次会议');
    expect(formatSitting(1)).toBe('第一次会议');
    expect(formatSitting(30)).toBe('第三十次会议');
  });

  it('builds the full meeting name', () => {
    expect(formatMeetingName('县', 19, 23)).toBe('县第十九届人大常委会第二十三次会议');
    expect(formatMeetingName('青岚县', 18, 11)).toBe('青岚县第十八届人大常委会第十一次会议');
  });

  it('takes the prefix from the short name', () => {
    expect(meetingNamePrefix('县人大常委会')).toBe('县');
    expect(meetingNamePrefix('青岚县人大常委会')).toBe('青岚县');
    expect(meetingNamePrefix('青岚县人民代表大会常务委员会')).toBe('青岚县');
  });
});
