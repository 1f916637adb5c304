import type { RandomSource } from '../domain/ids';
import { DrawError } from './errors';

/**
 * The one mapping from random values to a position in a candidate list. Production draws, the
 * replay of a stored log and the tests all go through `pickIndexWithRange`, so what the audit
 * re-computes is exactly what the meeting did.
 *
 * Method (printed in the fairness report, keep the two in step):
 * - a value is a 32-bit unsigned integer read from 4 random bytes, big-endian (first byte most
 *   significant);
 * - with n candidates, values ≥ ⌊2^32 / n⌋ × n are rejected and another value is read; otherwise
 *   the index is value mod n. The accepted values cover every index exactly ⌊2^32 / n⌋ times, so
 *   there is no modulo bias (plain `value % n` would favour the first 2^32 mod n indices);
 * - every value read, rejected or accepted, is returned so the log holds all of them: a replay
 *   must find every value but the last rejected and the last accepted;
 * - n = 1 still reads one value: every draw in the log then has at least one value and the same
 *   shape, and a replay needs no special case.
 */

/** 2^32: values are uint32. */
export const UINT32_RANGE = 0x1_0000_0000;

/**
 * More rejections in a row than any working source produces: each value is rejected with
 * probability < 1/2, so 1000 in a row has probability < 2^-1000. Reaching it means the source is
 * broken (e.g. stuck), and looping forever would hang the meeting.
 */
export const MAX_REJECTIONS = 1000;

export interface Pick {
  /** 0-based position in the candidate list. */
  index: number;
  /** Every value consumed, in order; all but the last were rejected. */
  values: number[];
}

/** The largest value + 1 that is accepted: ⌊range / n⌋ × n. */
export function acceptLimit(n: number, range: number = UINT32_RANGE): number {
  return Math.floor(range / n) * n;
}

function checkCount(n: number, range: number): void {
  if (!Number.isSafeInteger(range) || range < 1 || range > UINT32_RANGE) {
    throw new DrawError(`随机数取值范围无效：${range}`, 'internal');
  }
  if (n === 0) throw new DrawError('没有可抽取的候选人，无法抽取');
  if (!Number.isInteger(n) || n < 0) throw new DrawError(`候选人数无效：${n}`, 'internal');
  if (n > range) throw new DrawError(`候选人数${n}超出随机数取值范围`, 'internal');
}

/**
 * The mapping with its range as a parameter, so a test can shrink the range (e.g. 2^8) and
 * enumerate every value. `next` returns the next random value in [0, range).
 */
export function pickIndexWithRange(n: number, next: () => number, range: number): Pick {
  checkCount(n, range);
  const limit = acceptLimit(n, range);
  const values: number[] = [];
  for (;;) {
    const value = next();
    if (!Number.isInteger(value) || value < 0 || value >= range) {
      throw new DrawError(`随机数无效：${String(value)}（应为0至${range - 1}的整数）`, 'internal');
    }
    values.push(value);
    if (value < limit) return { index: value % n, values };
    if (values.length > MAX_REJECTIONS) {
      throw new DrawError(`随机数来源异常：连续${values.length}个随机数均被舍弃，请检查本机随机数来源`, 'internal');
    }
  }
}

/** 4 bytes, big-endian, as an unsigned 32-bit integer. */
export function readUint32(bytes: Uint8Array): number {
  if (bytes.length !== 4) throw new DrawError(`随机数来源返回了${bytes.length}个字节，应为4个`, 'internal');
  // Multiplication instead of `<< 24`, which would make the top byte a sign bit.
  return (bytes[0] ?? 0) * 0x100_0000 + (((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0));
}

/** The production draw: values from `source`, 4 bytes each. */
export function pickIndex(n: number, source: RandomSource): Pick {
  return pickIndexWithRange(n, () => readUint32(source.bytes(4)), UINT32_RANGE);
}

/** Thrown by the replay's source when the logged values run out; one instance, no stack each time. */
const EXHAUSTED = new Error('logged values exhausted');

export type ValuesCheck = { ok: true; index: number } | { ok: false; problem: string };

/**
 * Re-runs the mapping on logged values: they must be consumed exactly, every one but the last
 * rejected and the last accepted. The problem text is Chinese, without naming the draw (the caller
 * prefixes it).
 */
export function checkLoggedValues(n: number, values: readonly number[], range: number = UINT32_RANGE): ValuesCheck {
  if (n < 1) return { ok: false, problem: '候选人名单为空' };
  if (values.length === 0) return { ok: false, problem: '没有记录随机数' };
  let i = 0;
  try {
    const pick = pickIndexWithRange(
      n,
      () => {
        if (i >= values.length) throw EXHAUSTED;
        return values[i++] as number;
      },
      range,
    );
    if (i < values.length) {
      return { ok: false, problem: `第${i}个随机数已被采用，其后还记录了${values.length - i}个随机数` };
    }
    return { ok: true, index: pick.index };
  } catch (err) {
    if (err === EXHAUSTED) return { ok: false, problem: `记录的${values.length}个随机数全部应被舍弃，没有被采用的随机数` };
    return { ok: false, problem: err instanceof Error ? err.message : String(err) };
  }
}
