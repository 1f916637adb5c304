/**
 * Structural sharing for states pushed whole by the services: every part of `next` that equals
 * the same part of `prev` is replaced by `prev`'s object, so a draw that changed one record hands
 * the roster, the agenda and every other record to React as the very objects it already has, and
 * memoised rows skip. Returns `prev` itself when nothing changed. Plain JSON data only.
 */
export function shareEqual<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (typeof prev !== 'object' || typeof next !== 'object' || prev === null || next === null) return next;
  if (Array.isArray(prev) !== Array.isArray(next)) return next;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const out = next.map((item, i) => {
      const shared = i < prev.length ? shareEqual(prev[i], item) : item;
      if (shared !== prev[i]) same = false;
      return shared;
    });
    return (same ? prev : out) as T;
  }
  const a = prev as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  const keys = Object.keys(b);
  let same = keys.length === Object.keys(a).length;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const shared = k in a ? shareEqual(a[k], b[k]) : b[k];
    if (shared !== a[k]) same = false;
    out[k] = shared;
  }
  return (same ? prev : out) as T;
}
