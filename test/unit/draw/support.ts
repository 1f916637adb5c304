import type { RandomSource } from '../../../shared/domain/ids';
import type { DrawRosterMember } from '../../../shared/draw/candidates';
import { drawMember, nextEntryId, type DrawLog } from '../../../shared/draw';
import type { MemberRole } from '../../../shared/domain/people';

/**
 * xoshiro128** seeded through splitmix32: small, deterministic, and good enough that a uniform
 * mapping passes a chi-square test on it (a weak generator would make the test about itself).
 */
export function seededSource(seed: number): RandomSource & { next(): number } {
  let x = seed >>> 0;
  const splitmix = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const s = [splitmix(), splitmix(), splitmix(), splitmix()];
  const rotl = (v: number, k: number) => ((v << k) | (v >>> (32 - k))) >>> 0;
  const next = (): number => {
    const [s0, s1, s2, s3] = s as [number, number, number, number];
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    let n2 = (s2 ^ s0) >>> 0;
    let n3 = (s3 ^ s1) >>> 0;
    const n1 = (s1 ^ n2) >>> 0;
    const n0 = (s0 ^ n3) >>> 0;
    n2 = (n2 ^ t) >>> 0;
    n3 = rotl(n3, 11);
    s[0] = n0;
    s[1] = n1;
    s[2] = n2;
    s[3] = n3;
    return result;
  };
  return {
    next,
    bytes(n: number): Uint8Array {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i += 4) {
        const v = next();
        for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (v >>> (24 - 8 * j)) & 0xff;
      }
      return out;
    },
  };
}

/** A source that hands out the given uint32 values, big-endian, then fails loudly. */
export function scriptedSource(values: readonly number[]): RandomSource & { consumed(): number } {
  let i = 0;
  return {
    consumed: () => i,
    bytes(n: number): Uint8Array {
      if (n !== 4) throw new Error(`scriptedSource: asked for ${n} bytes`);
      if (i >= values.length) throw new Error('scriptedSource: out of values');
      const v = values[i++] as number;
      return new Uint8Array([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
    },
  };
}

const NAMES = [
  '王建国', '李秀兰', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周强', '吴芳',
  '徐明', '孙丽', '胡军', '朱红', '高峰', '林娟', '何勇', '郭霞', '马超', '罗兰',
  '梁斌', '宋佳', '郑凯', '谢婷', '韩冰', '唐亮', '冯雪', '于波', '董琳', '萧然',
];

export function memberId(i: number): string {
  return `mb_m${String(i).padStart(3, '0')}`;
}

/** 30 members, roster order 1..30 (主任, 4 副主任, 25 委员), given out of order on purpose. */
export function roster(count = 30): DrawRosterMember[] {
  const list: DrawRosterMember[] = [];
  for (let i = 1; i <= count; i++) {
    const role: MemberRole = i === 1 ? '主任' : i <= 5 ? '副主任' : '委员';
    list.push({ id: memberId(i), name: NAMES[(i - 1) % NAMES.length] as string, role, rosterOrder: i });
  }
  return list.reverse();
}

/** A clock that moves one minute per reading, as ISO strings. */
export function minuteClock(start = Date.UTC(2026, 9, 28, 1, 0, 0)): () => string {
  let t = start;
  return () => {
    const at = new Date(t).toISOString();
    t += 60_000;
    return at;
  };
}

/** Pearson's chi-square statistic of observed counts against equal expected counts. */
export function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

/** Critical values of chi-square at p = 0.001, by degrees of freedom (standard tables). */
export const CHI2_CRITICAL_P001: Record<number, number> = { 6: 22.458, 29: 58.301 };

const SMALL_T0 = Date.UTC(2026, 9, 28, 1, 0, 0);

/** `minute` whole minutes after 2026-10-28T01:00Z, as an ISO string. */
export function minuteAt(minute: number): string {
  return new Date(SMALL_T0 + minute * 60_000).toISOString();
}

/**
 * The small meeting of the mutation tests: roster(6) all present, scope evaluatee ee_a. Appends a
 * draw that reads exactly `values` (member first, then question), dated log.length minutes in.
 */
export function appendDraw(log: DrawLog, values: readonly number[], excluded: readonly string[], questionIds?: readonly string[]): DrawLog {
  const r = drawMember({
    log,
    id: nextEntryId(log),
    at: minuteAt(log.length),
    scope: 'evaluatee',
    scopeId: 'ee_a',
    roster: roster(6),
    present: [1, 2, 3, 4, 5, 6].map(memberId),
    excluded,
    source: scriptedSource(values),
    ...(questionIds ? { questionIds } : {}),
  });
  if (!r.ok) throw new Error(r.message);
  return r.log;
}
