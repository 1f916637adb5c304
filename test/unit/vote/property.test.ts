import { describe, expect, it } from 'vitest';
import { gradeResult, presetRule, type BlankPolicy, type Counts, type GradeRule, type RoundContext, type Threshold } from '../../../shared/vote';

/**
 * Random counts against a brute-force evaluation written independently of the engine: instead of
 * cross-multiplying, it finds the smallest whole number of votes that meets each threshold by
 * counting upwards, and compares against that.
 */

/** Deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function int(r: () => number, min: number, max: number): number {
  return min + Math.floor(r() * (max - min + 1));
}

/** Smallest v with v / base ≥ num/den (or > num/den), by trying v = 0, 1, 2, … */
function smallestMeeting(base: number, num: number, den: number, strict: boolean): number {
  for (let v = 0; ; v++) {
    // v·den vs num·base expressed as a repeated-addition comparison, no division involved.
    let left = 0;
    for (let k = 0; k < den; k++) left += v;
    let right = 0;
    for (let k = 0; k < num; k++) right += base;
    if (strict ? left > right : left >= right) return v;
  }
}

function bruteForce(c: Counts, ctx: RoundContext, rule: GradeRule, blank: BlankPolicy): string {
  const valid = c.satisfied + c.basic + c.unsatisfied + (blank === 'abstain' ? c.blank : 0);
  const bases = { entitled: ctx.entitled, present: ctx.present, returned: ctx.returned, valid };
  for (const t of rule.thresholds) {
    const base = bases[t.base];
    if (base === 0) continue;
    let votes = 0;
    if (t.numerator.includes('satisfied')) votes += c.satisfied;
    if (t.numerator.includes('basic')) votes += c.basic;
    if (t.numerator.includes('unsatisfied')) votes += c.unsatisfied;
    if (votes >= smallestMeeting(base, t.fraction.num, t.fraction.den, t.comparator === '>')) return t.outcome;
  }
  return rule.fallback;
}

function randomThreshold(r: () => number, outcome: string): Threshold {
  const den = int(r, 1, 7);
  const pool = [['satisfied'], ['satisfied', 'basic'], ['unsatisfied'], ['basic'], ['satisfied', 'basic', 'unsatisfied']] as const;
  return {
    outcome,
    numerator: [...pool[int(r, 0, pool.length - 1)]!],
    base: (['entitled', 'present', 'returned', 'valid'] as const)[int(r, 0, 3)]!,
    fraction: { num: int(r, 1, den), den },
    comparator: r() < 0.5 ? '>=' : '>',
  };
}

function randomRule(r: () => number): GradeRule {
  const pick = int(r, 0, 3);
  if (pick === 0) return presetRule('half-three-level');
  if (pick === 1) return presetRule('majority-two-level');
  if (pick === 2) return presetRule('two-thirds-pass');
  return {
    kind: 'custom',
    name: '随机规则',
    thresholds: [randomThreshold(r, '甲'), randomThreshold(r, '乙'), randomThreshold(r, '丙')],
    fallback: '丁',
    outcomes: ['甲', '乙', '丙', '丁'],
    failing: '丁',
  };
}

describe('property: random counts graded as an independent brute force would', () => {
  it('5000 random rounds', () => {
    const r = rng(20221028);
    for (let n = 0; n < 5000; n++) {
      const entitled = int(r, 0, 60);
      const present = int(r, 0, entitled);
      const returned = int(r, 0, present);
      // Split `returned` sheets at random among the five marks, so totals are consistent.
      const c: Counts = { satisfied: 0, basic: 0, unsatisfied: 0, blank: 0, invalid: 0 };
      const keys = ['satisfied', 'basic', 'unsatisfied', 'blank', 'invalid'] as const;
      const weights = keys.map(() => r());
      for (let s = 0; s < returned; s++) {
        let x = r() * weights.reduce((a, b) => a + b, 0);
        let k = 0;
        while (k < 4 && x >= weights[k]!) x -= weights[k++]!;
        c[keys[k]!]++;
      }
      const ctx = { entitled, present, issued: present, returned };
      const rule = randomRule(r);
      const blank: BlankPolicy = r() < 0.5 ? 'invalid' : 'abstain';
      const got = gradeResult(c, ctx, rule, blank, 'satisfied-basic');
      const label = JSON.stringify({ n, c, ctx, t: rule.thresholds, blank });
      expect(got.outcome, label).toBe(bruteForce(c, ctx, rule, blank));
      expect(got.failing, label).toBe(got.outcome === rule.failing);
      // The rate agrees with the valid count it is shown beside.
      const valid = c.satisfied + c.basic + c.unsatisfied + (blank === 'abstain' ? c.blank : 0);
      expect(got.valid, label).toBe(valid);
      if (valid === 0) expect(got.rate).toBeNull();
      else expect(Math.abs(got.rate! - ((c.satisfied + c.basic) / valid) * 100), label).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it('every 半数三级 case with 应到 1–40 around one half', () => {
    const rule = presetRule('half-three-level');
    for (let entitled = 1; entitled <= 40; entitled++) {
      for (let s = 0; s <= entitled; s++) {
        for (let b = 0; s + b <= entitled; b++) {
          const c: Counts = { satisfied: s, basic: b, unsatisfied: entitled - s - b, blank: 0, invalid: 0 };
          const ctx = { entitled, present: entitled, issued: entitled, returned: entitled };
          // Written from the published words: 满意 reaches half → 满意; 满意 + 基本满意 more than half → 基本满意.
          const expected = 2 * s >= entitled ? '满意' : 2 * (s + b) > entitled ? '基本满意' : '不满意';
          expect(gradeResult(c, ctx, rule, 'invalid', 'satisfied-basic').outcome).toBe(expected);
        }
      }
    }
  });
});
