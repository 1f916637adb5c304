/**
 * Numbers as the office writes them: always with their unit (30人, 28票), rates with one decimal
 * (96.9%) and always computed from counts that are shown beside them.
 */

export type CountUnit = '人' | '票' | '张' | '项' | '次' | '个' | '名' | '件' | '天' | '个月';

/** 30 → 30人 */
export function formatCount(n: number, unit: CountUnit): string {
  if (!Number.isInteger(n)) throw new RangeError(`formatCount: ${n} is not an integer`);
  return `${n}${unit}`;
}

export const formatPersons = (n: number): string => formatCount(n, '人');
export const formatVotes = (n: number): string => formatCount(n, '票');

/**
 * numerator / denominator as a percentage with `digits` decimals, rounded half up on the exact
 * fraction (31/32 = 96.875% → 96.9%). A zero denominator has no rate: '—'.
 */
export function formatRate(numerator: number, denominator: number, digits = 1): string {
  if (denominator === 0) return '—';
  const scale = 10 ** digits;
  // One division of integers: an exact half (1/16 = 6.25%) stays exact, so it rounds up.
  const scaled = Math.round((numerator * 100 * scale) / denominator);
  return `${(scaled / scale).toFixed(digits)}%`;
}

/** A ratio (0.969) as 96.9%. Prefer formatRate when the counts are at hand. */
export function formatPercent(ratio: number, digits = 1): string {
  if (!Number.isFinite(ratio)) return '—';
  const scale = 10 ** digits;
  // The nudge keeps 0.9685 (stored as 0.96849999…) rounding to 96.9% as written.
  const scaled = Math.round(ratio * 100 * scale + 1e-9);
  return `${(scaled / scale).toFixed(digits)}%`;
}
