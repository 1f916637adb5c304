import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildDemoCounty, demoCountyPartitions } from '../../../electron/services/demo/demo-county';
import { partitionTypes } from '../../../electron/services/partitions';
import { deepFreeze } from '../../../electron/services/store/deep-freeze';
import { checkChange, draftOf, FAIL, sameJson, serialize, type Checked } from '../../../electron/services/store/incremental';
import { T0 } from './helpers';

/** Seeded choices, so a failing case can be replayed. */
function dice(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every place in a JSON-like tree that a handler could change; null when a change made it cyclic. */
function slots(root: unknown): Slot[] | null {
  const out: Slot[] = [];
  const path = new Set<unknown>();
  const visit = (node: unknown): boolean => {
    if (node === null || typeof node !== 'object') return true;
    if (path.has(node)) return false;
    path.add(node);
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((child, i) => [i, child]) : Object.entries(node);
    for (const [key, child] of entries) {
      out.push({ parent: node as Record<string, unknown>, key });
      if (!visit(child)) return false;
    }
    path.delete(node);
    return true;
  };
  return visit(root) ? out : null;
}

const get = (s: Slot): unknown => (s.parent as Record<string | number, unknown>)[s.key];
const set = (s: Slot, v: unknown) => ((s.parent as Record<string | number, unknown>)[s.key] = v);

const ODD_VALUES: unknown[] = ['', ' ', '  前后空格  ', 'x'.repeat(500), '2026-02-30', '2026-10-28', 'mb_zzzz', 0, -1, 1.5, 2026, 1e12, Number.NaN, true, false, null, undefined, [], {}, ['a'], { id: 'x' }];

/** One random change of the kinds handlers make, plus the kinds a handler bug would make. */
function mutate(draft: unknown, d: ReturnType<typeof dice>): void {
  const all = slots(draft);
  if (all === null || all.length === 0) return;
  const s = d.pick(all);
  const value = get(s);
  switch (d.int(12)) {
    case 0:
      set(s, d.pick(ODD_VALUES));
      break;
    case 1: // a plausible edit of a leaf
      if (typeof value === 'string') set(s, `${value}改`);
      else if (typeof value === 'number') set(s, value + 1);
      else if (typeof value === 'boolean') set(s, !value);
      else set(s, d.pick(ODD_VALUES));
      break;
    case 2: // remove
      if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
      else delete s.parent[s.key as string];
      break;
    case 3: // a copy of another part of the tree (possibly of another schema) put here
      set(s, structuredClone(get(d.pick(all))));
      break;
    case 4: // the same object in two places
      set(s, get(d.pick(all)));
      break;
    case 5: // an unknown key
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) (value as Record<string, unknown>)[d.pick(['extra', 'note', 'id', '__proto__'])] = 'x';
      break;
    case 6: // reorder
      if (Array.isArray(s.parent) && s.parent.length > 1) {
        const j = d.int(s.parent.length);
        const tmp = s.parent[j];
        s.parent[j] = value;
        s.parent[s.key as number] = tmp;
      }
      break;
    case 7: // duplicate an element
      if (Array.isArray(s.parent)) s.parent.push(structuredClone(value));
      break;
    case 8: // replace an element by a changed copy (what members.update does)
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const copy = { ...(value as Record<string, unknown>) };
        const keys = Object.keys(copy);
        if (keys.length) copy[d.pick(keys)] = d.pick([...ODD_VALUES, `${String(copy[keys[0]!])}改`]);
        set(s, copy);
      }
      break;
    case 9: // explicitly undefined
      set(s, undefined);
      break;
    case 10: // a class instance or a date where JSON data belongs
      set(s, d.pick([new Date(T0), new Map(), Object.create({ inherited: 1 }) as object]));
      break;
    default: // nothing (an update that changes nothing must still validate)
      break;
  }
}

/** checkChange, with the promise that it accepts nothing zod would refuse and builds what zod would. */
function compare(schema: z.ZodType, draft: unknown, committed: unknown, cache: WeakMap<object, Uint8Array>): { checked: Checked | typeof FAIL; full: ReturnType<z.ZodType['safeParse']> } {
  const full = schema.safeParse(structuredClone(draft));
  const checked = checkChange(schema, draft, committed);
  if (checked !== FAIL) {
    expect(full.success, `accepted what zod refuses: ${full.success ? '' : full.error.message}`).toBe(true);
    const text = JSON.stringify(checked.data);
    expect(text).toBe(JSON.stringify(full.data));
    const fresh = new Map<object, Uint8Array>();
    expect(Buffer.from(serialize(checked.data, checked.built, cache, fresh)).toString('utf8')).toBe(text);
    deepFreeze(checked.data);
    for (const [node, bytes] of fresh) cache.set(node, bytes);
  }
  return { checked, full };
}

describe('checking only what changed', () => {
  const types = partitionTypes({ now: () => T0 });
  const demo = buildDemoCounty({ currentYear: 2026 });
  const samples = demoCountyPartitions(demo).filter((p, i, all) => all.findIndex((q) => q.key.split('/')[0] === p.key.split('/')[0]) === i);

  for (const sample of samples) {
    const kind = sample.key.split('/')[0]!;
    it(`agrees with parsing the whole ${kind} partition, change after change`, () => {
      const schema = types[kind]!.schema;
      const d = dice(kind.length * 7919);
      let committed = deepFreeze(schema.parse(sample.data));
      const cache = new WeakMap<object, Uint8Array>();
      let accepted = 0;
      let refused = 0;
      for (let trial = 0; trial < 400; trial++) {
        const draft = draftOf(committed);
        const changes = 1 + d.int(3);
        for (let c = 0; c < changes; c++) mutate(draft, d);
        if (slots(draft) === null) {
          // The same object made its own descendant: the check says no (zod has the word) or agrees with zod.
          if (checkChange(schema, draft, committed) !== FAIL) expect(schema.safeParse(draft).success).toBe(true);
          continue;
        }
        const { checked, full } = compare(schema, draft, committed, cache);
        // zod accepting what the check refused would only cost a full parse, but it should not happen either.
        expect(checked === FAIL).toBe(!full.success);
        if (checked !== FAIL) {
          accepted++;
          committed = checked.data as typeof committed;
        } else refused++;
      }
      // Both paths were exercised.
      expect(accepted).toBeGreaterThan(20);
      expect(refused).toBeGreaterThan(20);
    });
  }

  it('re-runs zod only on the changed entity and shares everything else', () => {
    let runs = 0;
    const item = z.object({ id: z.string(), name: z.string() }).refine(() => (runs++, true));
    const schema = z.object({ items: z.array(item), other: z.array(item) });
    const committed = deepFreeze(schema.parse({ items: [{ id: 'a', name: '甲' }, { id: 'b', name: '乙' }], other: [{ id: 'c', name: '丙' }] }));
    runs = 0;
    const draft = draftOf(committed);
    draft.items[1] = { id: 'b', name: '乙改' };
    const checked = checkChange(schema, draft, committed);
    if (checked === FAIL) throw new Error('refused');
    expect(runs).toBe(1);
    const data = checked.data as typeof committed;
    expect(data).not.toBe(committed);
    expect(data.items[0]).toBe(committed.items[0]);
    expect(data.other).toBe(committed.other);
    expect(data.items[1]).toEqual({ id: 'b', name: '乙改' });
  });

  it('returns the committed data itself when nothing changed', () => {
    const schema = z.object({ items: z.array(z.object({ id: z.string() }).refine(() => true)) });
    const committed = deepFreeze(schema.parse({ items: [{ id: 'a' }] }));
    const checked = checkChange(schema, draftOf(committed), committed);
    expect(checked !== FAIL && checked.data).toBe(committed);
  });

  it('checks a part moved to where another schema applies', () => {
    const schema = z.object({ loose: z.array(z.string()), strict: z.array(z.string().max(2)) });
    const committed = deepFreeze(schema.parse({ loose: ['很长的一段文字'], strict: ['短'] }));
    const draft = draftOf(committed);
    draft.strict.push(draft.loose[0]!);
    expect(checkChange(schema, draft, committed)).toBe(FAIL);
  });

  it('checks a whole refined object when any part of it changes', () => {
    const range = z.object({ from: z.number(), to: z.number() }).refine((r) => r.from <= r.to);
    const schema = z.object({ range });
    const committed = deepFreeze(schema.parse({ range: { from: 1, to: 5 } }));
    const draft = draftOf(committed);
    draft.range.from = 9;
    expect(checkChange(schema, draft, committed)).toBe(FAIL);
  });

  it('leaves absent, removed and unknown keys to zod', () => {
    const schema = z.object({ a: z.string(), b: z.string().optional(), c: z.unknown() });
    const strict = z.strictObject({ a: z.string() });
    const committed = deepFreeze(schema.parse({ a: '甲', c: 1 }));
    const removed = draftOf(committed) as Record<string, unknown>;
    delete removed.c; // z.unknown() accepts undefined, but not a missing key
    expect(schema.safeParse(removed).success).toBe(false);
    expect(checkChange(schema, removed, committed)).toBe(FAIL);
    const extra = draftOf(committed) as Record<string, unknown>;
    extra.zzz = 1;
    const stripped = checkChange(schema, extra, committed);
    expect(stripped !== FAIL && stripped.data).toEqual({ a: '甲', c: 1 });
    const strictCommitted = deepFreeze(strict.parse({ a: '甲' }));
    expect(checkChange(strict, { a: '甲', zzz: 1 }, strictCommitted)).toBe(FAIL);
    const cleared = draftOf(committed) as Record<string, unknown>;
    cleared.b = undefined;
    const ok = checkChange(schema, cleared, committed);
    expect(ok !== FAIL && JSON.stringify(ok.data)).toBe('{"a":"甲","c":1}');
  });

  it('checks everything when there is no committed data to compare with', () => {
    const schema = z.object({ items: z.array(z.string().min(1)) });
    expect(checkChange(schema, { items: ['a', ''] }, undefined)).toBe(FAIL);
    const ok = checkChange(schema, { items: ['a'] }, undefined);
    expect(ok !== FAIL && ok.data).toEqual({ items: ['a'] });
  });

  it('serialises what JSON.stringify would for values zod lets through as they are', () => {
    const schema = z.object({ items: z.array(z.unknown()) });
    const committed = deepFreeze(schema.parse({ items: [1] }));
    const draft = draftOf(committed) as { items: unknown[] };
    draft.items.push(new Date(T0), undefined, { a: undefined, b: 2 });
    const checked = checkChange(schema, draft, committed);
    if (checked === FAIL) throw new Error('refused');
    expect(Buffer.from(serialize(checked.data, checked.built, new WeakMap(), new Map())).toString('utf8')).toBe(JSON.stringify(checked.data));
  });

  it('gives up when Object.prototype has been given an enumerable key', () => {
    const schema = z.object({ a: z.string() });
    const committed = deepFreeze(schema.parse({ a: '甲' }));
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 1;
    try {
      expect(checkChange(schema, { a: '乙' }, committed)).toBe(FAIL);
      const draft = draftOf({ a: '甲' }) as Record<string, unknown>;
      expect(Object.hasOwn(draft, 'polluted')).toBe(false);
    } finally {
      delete proto.polluted;
    }
  });
});

describe('sameJson and draftOf', () => {
  it('compare and copy JSON data, never class instances', () => {
    const value = deepFreeze({ a: [1, { b: '中' }], c: null, d: { e: true } });
    const copy = draftOf(value);
    expect(copy).toEqual(value);
    expect(Object.isFrozen(copy)).toBe(false);
    expect(copy.a).not.toBe(value.a);
    expect(sameJson(copy, value)).toBe(true);
    copy.d.e = false;
    expect(sameJson(copy, value)).toBe(false);
    expect(sameJson({ a: undefined }, {})).toBe(false);
    expect(sameJson({}, { a: undefined })).toBe(false);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
    expect(sameJson({ t: new Date(T0) }, { t: new Date(T0) })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    const own = JSON.parse('{"__proto__":{"x":1}}') as Record<string, unknown>;
    const ownCopy = draftOf(own);
    expect(Object.getPrototypeOf(ownCopy)).toBe(Object.prototype);
    expect(JSON.stringify(ownCopy)).toBe('{"__proto__":{"x":1}}');
  });
});
