import { describe, expect, it } from 'vitest';
import {
  acceptLimit,
  checkLoggedValues,
  MAX_REJECTIONS,
  pickIndex,
  pickIndexWithRange,
  readUint32,
  UINT32_RANGE,
} from '../../../shared/draw/pick-index';
import { CHI2_CRITICAL_P001, chiSquare, scriptedSource, seededSource } from './support';

describe('pickIndex: reading values', () => {
  it('reads 4 bytes big-endian as an unsigned 32-bit integer', () => {
    expect(readUint32(new Uint8Array([0, 0, 0, 1]))).toBe(1);
    expect(readUint32(new Uint8Array([1, 0, 0, 0]))).toBe(0x100_0000);
    expect(readUint32(new Uint8Array([0x12, 0x34, 0x56, 0x78]))).toBe(0x12345678);
    // The top bit is a value, not a sign.
    expect(readUint32(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toBe(UINT32_RANGE - 1);
    expect(() => readUint32(new Uint8Array(3))).toThrow(/应为4个/);
  });

  it('asks the source for exactly 4 bytes per value', () => {
    const asked: number[] = [];
    const src = seededSource(1);
    pickIndex(30, { bytes: (n) => (asked.push(n), src.bytes(n)) });
    expect(asked.every((n) => n === 4)).toBe(true);
  });

  it('no candidates is refused in Chinese; one candidate still consumes (and logs) one value', () => {
    expect(() => pickIndex(0, seededSource(1))).toThrow('没有可抽取的候选人，无法抽取');
    const src = scriptedSource([UINT32_RANGE - 1]);
    expect(pickIndex(1, src)).toEqual({ index: 0, values: [UINT32_RANGE - 1] });
    expect(src.consumed()).toBe(1);
  });

  it('refuses counts it cannot map', () => {
    expect(() => pickIndexWithRange(2.5, () => 0, 256)).toThrow(/候选人数无效/);
    expect(() => pickIndexWithRange(257, () => 0, 256)).toThrow(/超出随机数取值范围/);
    expect(() => pickIndexWithRange(3, () => 256, 256)).toThrow(/随机数无效/);
  });
});

describe('pickIndex: no modulo bias', () => {
  it('exhaustively, on a range of 2^8: every index gets exactly ⌊range/n⌋ accepted values, for every n', () => {
    const range = 256;
    const wrong: string[] = [];
    for (let n = 1; n <= range; n++) {
      const accepted = Array.from({ length: n }, () => 0);
      let rejected = 0;
      for (let v = 0; v < range; v++) {
        // After the value under test, 0 (always accepted) ends a rejected draw.
        const script = [v, 0];
        const pick = pickIndexWithRange(n, () => script.shift() as number, range);
        if (pick.values.length === 1) {
          if (pick.index !== v % n) wrong.push(`n=${n} v=${v}: index ${pick.index}`);
          accepted[pick.index]!++;
        } else {
          // Rejected values are consumed and returned for the log, never silently skipped.
          if (v < acceptLimit(n, range) || pick.values.join() !== `${v},0`) wrong.push(`n=${n} v=${v}: ${pick.values.join()}`);
          rejected++;
        }
      }
      expect(accepted, `n=${n}`).toEqual(Array.from({ length: n }, () => Math.floor(range / n)));
      expect(rejected, `n=${n}`).toBe(range % n);
    }
    expect(wrong).toEqual([]);
  });

  it('the plain `value % n` it replaces is biased on the same enumeration (so the test above can fail)', () => {
    const n = 30;
    const counts = Array.from({ length: n }, () => 0);
    for (let v = 0; v < 256; v++) counts[v % n]!++;
    expect(new Set(counts)).toEqual(new Set([9, 8]));
  });

  it('the real range: the boundary sits at ⌊2^32/n⌋×n for counts that do not divide 2^32', () => {
    for (const n of [3, 7, 30, 35, 1000, 2 ** 31 + 1]) {
      const limit = acceptLimit(n);
      expect(limit).toBe(UINT32_RANGE - (UINT32_RANGE % n));
      expect(pickIndex(n, scriptedSource([limit - 1])).values).toEqual([limit - 1]);
      expect(pickIndex(n, scriptedSource([limit, 5]))).toEqual({ index: 5 % n, values: [limit, 5] });
    }
    // A power of two divides 2^32: nothing is rejected.
    expect(acceptLimit(32)).toBe(UINT32_RANGE);
  });

  it('a skewed source (values near 2^32−1): rejected values are consumed and logged, in order', () => {
    // 30 candidates: 2^32 mod 30 = 16, so the 16 values from 4294967280 up are rejected.
    const skewed = [0xffffffff, 0xfffffff5, 0xfffffff0, 0xffffffef];
    const src = scriptedSource(skewed);
    const pick = pickIndex(30, src);
    expect(acceptLimit(30)).toBe(0xfffffff0);
    expect(pick).toEqual({ index: 0xffffffef % 30, values: skewed });
    expect(pick.index).toBe(29);
    expect(src.consumed()).toBe(4);
    // The replay accepts exactly this sequence, and nothing shorter or longer.
    expect(checkLoggedValues(30, skewed)).toEqual({ ok: true, index: 29 });
    expect(checkLoggedValues(30, skewed.slice(0, 3))).toMatchObject({ ok: false, problem: expect.stringContaining('全部应被舍弃') });
    expect(checkLoggedValues(30, [...skewed, 1])).toMatchObject({ ok: false, problem: expect.stringContaining('其后还记录了1个随机数') });
  });

  it('a stuck source is reported instead of hanging the meeting', () => {
    expect(() => pickIndex(30, { bytes: () => new Uint8Array([0xff, 0xff, 0xff, 0xff]) })).toThrow(
      `随机数来源异常：连续${MAX_REJECTIONS + 1}个随机数均被舍弃`,
    );
  });
});

describe('pickIndex: uniform on a seeded source', () => {
  for (const [n, seed] of [
    [7, 20261028],
    [30, 19],
  ] as const) {
    it(`chi-square over 70,000 draws among ${n} is below the p = 0.001 critical value`, () => {
      const src = seededSource(seed);
      const counts = Array.from({ length: n }, () => 0);
      for (let i = 0; i < 70_000; i++) counts[pickIndex(n, src).index]!++;
      expect(chiSquare(counts)).toBeLessThan(CHI2_CRITICAL_P001[n - 1]!);
    });
  }

  it('the same chi-square test does catch a biased mapping (power check)', () => {
    // Plain modulo on one byte among 30 favours the first 16 positions by 9:8.
    const src = seededSource(7);
    const counts = Array.from({ length: 30 }, () => 0);
    for (let i = 0; i < 70_000; i++) counts[(src.bytes(1)[0] ?? 0) % 30]!++;
    expect(chiSquare(counts)).toBeGreaterThan(CHI2_CRITICAL_P001[29]!);
  });
});
