import type { RandomSource } from '../../../shared/domain/ids';

/**
 * A small deterministic generator (mulberry32) so the demo county is the same on every machine
 * and in every test run. Not for anything secret: record ids of real data come from crypto.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    bytes(n) {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i += 4) {
        const word = next();
        for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
      }
      return out;
    },
  };
}

/** Choices drawn from any random source (the seeded one by default, or one a test passes). */
export class Dice {
  constructor(private readonly source: RandomSource) {}

  /** Uniform integer in [0, n). */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`Dice.int: ${n}`);
    // Rejection keeps it uniform for any n; the loop almost never repeats.
    const limit = Math.floor(0x1_0000_0000 / n) * n;
    for (;;) {
      const b = this.source.bytes(4);
      const word = ((b[0] ?? 0) | ((b[1] ?? 0) << 8) | ((b[2] ?? 0) << 16) | ((b[3] ?? 0) << 24)) >>> 0;
      if (word < limit) return word % n;
    }
  }

  /** Integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new RangeError('Dice.pick: empty list');
    return item;
  }

  chance(p: number): boolean {
    return this.int(1_000_000) < p * 1_000_000;
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}
