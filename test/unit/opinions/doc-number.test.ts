import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { assertUnused, suggestNumber, takenInSeries, usedNumbers, validDocNumber } from '../../../electron/services/opinions/numbering';
import { record } from './fixtures';

describe('document numbers (发文字号)', () => {
  it('accepts the GB/T 9704 form', () => {
    expect(validDocNumber('X人常〔2024〕5号')).toEqual({ prefix: 'X人常', year: 2024, seq: 5 });
    expect(validDocNumber('青人常〔2025〕12号')).toEqual({ prefix: '青人常', year: 2025, seq: 12 });
    expect(validDocNumber(' X人常〔2024〕105号 ')).toEqual({ prefix: 'X人常', year: 2024, seq: 105 });
  });

  it.each([
    ['X人常[2024]5号', '六角括号'],
    ['X人常(2024)5号', '六角括号'],
    ['X人常（2024）5号', '六角括号'],
    ['X人常【2024】5号', '六角括号'],
    ['X人常〔2024〕05号', '不编虚位'],
    ['X人常〔2024〕第5号', '第'],
    ['X人常〔24〕5号', '四位'],
    ['X人常〔2024〕5', '结尾'],
    ['〔2024〕5号', '机关代字'],
    ['X人常〔2024〕0号', '从1开始'],
  ])('rejects %s, naming the mistake', (text, words) => {
    let error: unknown;
    try {
      validDocNumber(text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid_args');
    expect((error as ApiError).message).toContain(words);
  });

  it('is unique per prefix and year across opinions, but the same serial may recur in another year or series', () => {
    const used = usedNumbers([record('op_aaaaaaaaaa', ['X人常〔2024〕5号']), record('op_bbbbbbbbbb', ['X人常〔2024〕6号', 'X人常〔2024〕9号'])]);
    expect(() => assertUnused(validDocNumber('X人常〔2024〕5号'), used, 'op_cccccccccc')).toThrow(/X人常〔2024〕5号已被使用/);
    expect(() => assertUnused(validDocNumber('X人常〔2025〕5号'), used, 'op_cccccccccc')).not.toThrow();
    expect(() => assertUnused(validDocNumber('X人办〔2024〕5号'), used, 'op_cccccccccc')).not.toThrow();
    expect(() => assertUnused(validDocNumber('X人常〔2024〕7号'), used, 'op_cccccccccc')).not.toThrow();
    // A revised opinion is issued again under its own earlier number.
    expect(() => assertUnused(validDocNumber('X人常〔2024〕9号'), used, 'op_bbbbbbbbbb')).not.toThrow();
  });

  it('suggests the number after the highest of the series (gaps are the office’s own documents)', () => {
    const used = usedNumbers([record('op_aaaaaaaaaa', ['X人常〔2024〕5号']), record('op_bbbbbbbbbb', ['X人常〔2024〕9号', 'X人常〔2023〕30号'])]);
    expect(suggestNumber('X人常', 2024, used)).toBe('X人常〔2024〕10号');
    expect(suggestNumber('X人常', 2025, used)).toBe('X人常〔2025〕1号');
    expect(suggestNumber('青人常', 2024, used)).toBe('青人常〔2024〕1号');
    expect(suggestNumber('X人常', 2024, used, 'op_aaaaaaaaaa')).toBe('X人常〔2024〕5号');
    expect(takenInSeries('X人常', 2024, used)).toEqual(['X人常〔2024〕5号', 'X人常〔2024〕9号']);
  });
});
