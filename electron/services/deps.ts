/** Injected dependencies of every service, so tests build them with a temp folder and a fixed clock. */
export interface Clock {
  /** Milliseconds since the Unix epoch (wall clock). */
  now(): number;
}

export interface RandomSource {
  /** Fills and returns `n` random bytes. Production: crypto.getRandomValues. */
  bytes(n: number): Uint8Array;
}

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * `base` moved by whole days so that its local date is `today` ('YYYY-MM-DD', already checked) at
 * the moment this is called; it keeps running at the real pace and at the same time of day
 * (browser mode's `--today`, for rehearsals and tests).
 */
export function dayShiftedClock(today: string, base: Clock = systemClock): Clock {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const real = new Date(base.now());
  const target = new Date(real);
  target.setFullYear(year, month - 1, day);
  const offset = target.getTime() - real.getTime();
  return { now: () => base.now() + offset };
}

export const cryptoRandom: RandomSource = {
  bytes(n) {
    const out = new Uint8Array(n);
    globalThis.crypto.getRandomValues(out);
    return out;
  },
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export const consoleLogger: Logger = {
  info: (m, d) => console.log(`[pingyi] ${m}`, d ?? ''),
  warn: (m, d) => console.warn(`[pingyi] ${m}`, d ?? ''),
  error: (m, d) => console.error(`[pingyi] ${m}`, d ?? ''),
};
