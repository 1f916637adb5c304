/** Percentile of a sample (nearest-rank), in the sample's unit. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** One figure per line: `bench <name> <value> <unit>`; a count prints as the whole number it is. */
export function report(name: string, value: number, unit: string): void {
  const shown = unit === 'count' || !Number.isFinite(value) ? String(value) : Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(3);
  console.log(`bench ${name} ${shown} ${unit}`);
}

/**
 * Pause between timed hall actions. An operator presses a key at most a few times a second; fired
 * back to back, each action would land while the hall's 180 ms slide fade of the previous one is
 * still drawing 60 frames a second on both windows, which no meeting produces. 250 ms is still
 * faster than any operator. Printed with the figures (`bench.operator_gap.ms`).
 */
export const OPERATOR_GAP_MS = 250;

export function operatorPause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, OPERATOR_GAP_MS));
}
