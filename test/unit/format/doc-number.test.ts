import { describe, expect, it } from 'vitest';
import { formatDocNumber, parseDocNumber } from '../../../shared/format/doc-number';

describe('formatDocNumber', () => {
  it('writes X人常〔2024〕5号', () => {
    expect(formatDocNumber('X人常', 2024, 5)).toBe('X人常〔2024〕5号');
    expect(formatDocNumber('青人常', 2025, 12)).toBe('青人常〔2025〕12号');
  });

  it.each([
    ['', 2024, 5],
    ['X人常', 24, 5],
    ['X人常', 2024, 0],
    ['X人常', 2024, 1.5],
    ['X人常〔', 2024, 5],
  ] as const)('refuses (%s, %s, %s)', (prefix, year, seq) => {
    expect(() => formatDocNumber(prefix, year, seq)).toThrow(RangeError);
  });
});

describe('parseDocNumber', () => {
  it.each([
    ['X人常〔2024〕5号', { prefix: 'X人常', year: 2024, seq: 5 }],
    ['青人常〔2025〕12号', { prefix: '青人常', year: 2025, seq: 12 }],
    ['  X人常〔2024〕105号 ', { prefix: 'X人常', year: 2024, seq: 105 }],
  ])('accepts %s', (text, value) => {
    expect(parseDocNumber(text)).toEqual({ ok: true, value });
  });

  it('round-trips the formatter', () => {
    const parsed = parseDocNumber(formatDocNumber('X人常', 2024, 5));
    expect(parsed).toEqual({ ok: true, value: { prefix: 'X人常', year: 2024, seq: 5 } });
  });

  // Each wrong form with words its message must contain, so the clerk learns what to fix.
  it.each([
    ['X人常[2024]5号', ['六角括号', '[]']],
    ['X人常(2024)5号', ['六角括号', '()']],
    ['X人常（2024）5号', ['六角括号', '（）']],
    ['X人常【2024】5号', ['六角括号', '【】']],
    ['X人常［2024］5号', ['六角括号']],
    ['X人常〔2024〕05号', ['虚位', '5号']],
    ['X人常〔2024〕第5号', ['第']],
    ['X人常〔24〕5号', ['四位']],
    ['X人常〔2024〕5', ['号']],
    ['X人常〔2024〕', ['序号']],
    ['X人常〔2024〕0号', ['从1开始']],
    ['〔2024〕5号', ['机关代字']],
    ['X人常2024年5号', ['六角括号']],
    ['X人常〔2024 〕5号', ['空格']],
    ['X人常〔２０２４〕5号', ['半角']],
    ['X人常〔2024', ['闭合']],
    ['', ['不能为空']],
  ])('rejects %s', (text, words) => {
    const result = parseDocNumber(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const word of words) expect(result.message).toContain(word);
  });
});
