import type { z } from 'zod';

/*
 * Cheap validated writes. A partition's committed data is deep-frozen zod output that was
 * validated when it was read or written. update() hands the mutator a deep copy of it; then
 * `checkChange` walks the schema, the draft and the committed data together and runs zod only
 * where the draft differs from the committed data at the same place. Unchanged parts are the
 * committed (frozen) objects themselves, so they need neither freezing nor serialising again:
 * `serialize` reuses the JSON cached for them.
 *
 * Why this accepts exactly what parsing the whole draft would accept:
 * - It descends only through schema nodes whose verdict is "every part is valid": objects without
 *   refinements, arrays without length checks or refinements, and the default / prefault /
 *   optional / nullable wrappers when they pass a value through. Everything else — a refined
 *   object, a union, a record, a string with its checks — is a leaf that zod parses whole.
 * - A leaf is taken as valid without zod only when it deep-equals the committed value at the same
 *   path, i.e. a value zod accepted under the same schema node. Committed data is only trusted
 *   when it came out of a full validation or out of this check (see the store's `trusted` set).
 * - Where zod's rules are subtle (a key absent or explicitly undefined, an unknown key, a shape
 *   key that also names an Object.prototype member, an object that is not a plain one) the
 *   surrounding node becomes a leaf, so zod decides.
 * - It returns FAIL rather than an error message (also when anything throws, e.g. a cycle): the
 *   caller then parses the whole draft, for zod's own verdict and message.
 */

/** The check found something zod rejects (or could not decide); parse the whole draft instead. */
export const FAIL: unique symbol = Symbol('fail');
const NONE: unique symbol = Symbol('none');

type Node = { _zod?: { def?: Def } };
interface Def {
  type?: string;
  checks?: readonly unknown[];
  shape?: Record<string, Node>;
  element?: Node;
  innerType?: Node;
}

/** Checks one value against one schema node, given the committed value there (or NONE). */
type Checker = (value: unknown, base: unknown, built: Set<object>) => unknown;

const checkers = new WeakMap<object, Checker>();

/** The checker of a schema node, made once per node (schemas are long-lived). */
function checkerOf(schema: Node): Checker {
  let checker = checkers.get(schema);
  if (checker === undefined) {
    checker = makeChecker(schema);
    checkers.set(schema, checker);
  }
  return checker;
}

function makeChecker(schema: Node): Checker {
  const def = schema._zod?.def;
  if (!def || (def.checks?.length ?? 0) !== 0) return leafChecker(schema);
  if (def.type === 'object' && def.shape) return objectChecker(schema, def);
  if (def.type === 'array' && def.element) return arrayChecker(schema, def.element);
  if ((def.type === 'default' || def.type === 'prefault' || def.type === 'optional' || def.type === 'nullable') && def.innerType) {
    return wrapperChecker(schema, def.type, def.innerType);
  }
  return leafChecker(schema);
}

function leafChecker(schema: Node): Checker {
  const zod = schema as unknown as z.ZodType;
  return (value, base) => {
    if (base !== NONE && sameJson(value, base)) return base;
    const result = zod.safeParse(value);
    return result.success ? result.data : FAIL;
  };
}

function wrapperChecker(schema: Node, type: string, innerType: Node): Checker {
  const leaf = leafChecker(schema);
  const substitutes = type === 'default' || type === 'prefault';
  let inner: Checker | undefined;
  return (value, base, built) => {
    // A value passes through these wrappers to the inner schema; undefined and null are theirs to decide.
    if (value === undefined || (value === null && type === 'nullable')) return leaf(value, base, built);
    inner ??= checkerOf(innerType);
    const out = inner(value, base, built);
    // zod's default/prefault put the default in place of an undefined result too.
    return out === undefined && substitutes ? leaf(value, base, built) : out;
  };
}

function objectChecker(schema: Node, def: Def): Checker {
  const leaf = leafChecker(schema);
  // Resolved on first use: a shape may refer to its own schema through a getter.
  let fields: { key: string; check: Checker }[] | undefined;
  let shape: Record<string, Node> | undefined;
  let walkable = true;
  return (value, base, built) => {
    if (fields === undefined || shape === undefined) {
      shape = def.shape!;
      const keys = Object.keys(shape);
      // Keys zod would find on Object.prototype, or symbols, are beyond this walk.
      walkable = Object.getOwnPropertySymbols(shape).length === 0 && keys.every((k) => k !== '__proto__' && !(k in Object.prototype));
      fields = keys.map((key) => ({ key, check: checkerOf(shape![key]!) }));
    }
    if (!walkable || !isPlainObject(value)) return leaf(value, base, built);
    // Unknown keys are stripped, refused or parsed by a catchall depending on the schema: zod decides.
    for (const k in value) if (!Object.hasOwn(shape!, k)) return leaf(value, base, built);
    const prior = base !== NONE && isPlainObject(base) ? base : undefined;
    // The output object is made at the first difference: an unchanged object is `prior` itself.
    let out: Record<string, unknown> | undefined = prior === undefined ? {} : undefined;
    let count = 0;
    for (let i = 0; i < fields.length; i++) {
      const { key, check } = fields[i]!;
      const present = Object.hasOwn(value, key);
      const v = present ? value[key] : undefined;
      if (v === undefined) {
        // An absent key that was absent before is as valid as it was; any other undefined
        // (a key removed, or present but undefined) follows zod's presence rules: let zod decide.
        if (!present && prior !== undefined && !Object.hasOwn(prior, key)) continue;
        return leaf(value, base, built);
      }
      const b = prior !== undefined && Object.hasOwn(prior, key) ? prior[key] : NONE;
      const r = check(v, b, built);
      if (r === FAIL) return FAIL;
      if (out === undefined && r !== b) out = copyFields(prior!, fields, i);
      if (out !== undefined) setKey(out, key, r);
      count++;
    }
    if (out === undefined) {
      if (count === countKeys(prior!)) return prior;
      out = copyFields(prior!, fields, fields.length);
    }
    built.add(out);
    return out;
  };
}

/** A new object with prior's values of the first `n` fields (in shape order, as zod builds it). */
function copyFields(prior: Record<string, unknown>, fields: readonly { key: string }[], n: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const key = fields[i]!.key;
    if (Object.hasOwn(prior, key)) setKey(out, key, prior[key]);
  }
  return out;
}

function arrayChecker(schema: Node, elementType: Node): Checker {
  const leaf = leafChecker(schema);
  let element: Checker | undefined;
  return (value, base, built) => {
    if (!Array.isArray(value)) return leaf(value, base, built);
    element ??= checkerOf(elementType);
    const prior = base !== NONE && Array.isArray(base) ? (base as unknown[]) : undefined;
    // The output array is made at the first difference: an unchanged array is `prior` itself.
    let out: unknown[] | undefined = prior === undefined || prior.length !== value.length ? [] : undefined;
    for (let i = 0; i < value.length; i++) {
      const b = prior !== undefined && i < prior.length ? prior[i] : NONE;
      const r = element(value[i], b, built);
      if (r === FAIL) return FAIL;
      if (out === undefined && r !== b) out = prior!.slice(0, i);
      out?.push(r);
    }
    if (out === undefined) return prior;
    built.add(out);
    return out;
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function countKeys(value: object): number {
  let n = 0;
  for (const _ in value) n++;
  return n;
}

/**
 * True while Object.prototype has no enumerable property (nobody polluted it), so that `for…in`
 * over a plain object sees its own keys only. The checks below rely on it and give up otherwise.
 */
export function plainObjectsAreSafe(): boolean {
  for (const _ in Object.prototype) return false;
  return true;
}

/** Deep equality of JSON-like values; anything else (a Date, a class instance) is never equal. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const x: unknown = a[i];
      const y: unknown = b[i];
      if (x !== y && !sameJson(x, y)) return false;
    }
    return true;
  }
  if (Array.isArray(b) || !isPlainObject(a) || !isPlainObject(b)) return false;
  // Same own keys (plainObjectsAreSafe: for…in lists only own ones) and equal values.
  let n = 0;
  for (const k in a) {
    const x = a[k];
    const y = b[k];
    if (x !== y) {
      if (!sameJson(x, y)) return false;
    } else if (y === undefined && !Object.hasOwn(b, k)) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  // A plain assignment to '__proto__' would change the prototype instead of adding a key.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * A mutable deep copy of committed data for update()'s mutator. Strings are shared (they are
 * immutable); objects and arrays are new. Non-plain objects go through structuredClone.
 */
export function draftOf<T>(value: T): T {
  if (!plainObjectsAreSafe()) return structuredClone(value);
  return copy(value);
}

function copy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const x: unknown = value[i];
      out.push(x !== null && typeof x === 'object' ? copy(x) : x);
    }
    return out as T;
  }
  if (!isPlainObject(value)) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const k in value) {
    const x = value[k];
    setKey(out, k, x !== null && typeof x === 'object' ? copy(x) : x);
  }
  return out as T;
}

/** What checkChange built: new containers (serialised from their parts) besides reused committed ones. */
export interface Checked {
  data: unknown;
  built: Set<object>;
}

/**
 * Validates `draft` against `schema`, re-checking only what differs from `committed` (validated
 * data of the same schema, or undefined when there is none). Returns the data to commit — sharing
 * every unchanged part with `committed` — or FAIL.
 */
export function checkChange(schema: z.ZodType, draft: unknown, committed: unknown): Checked | typeof FAIL {
  if (!plainObjectsAreSafe()) return FAIL;
  const built = new Set<object>();
  let data: unknown;
  try {
    data = checkerOf(schema as Node)(draft, committed === undefined ? NONE : committed, built);
  } catch {
    // A cycle overflowing the comparison, an async refinement, a getter that throws: zod decides.
    return FAIL;
  }
  return data === FAIL ? FAIL : { data, built };
}

/**
 * UTF-8 JSON of checked data, the same bytes as JSON.stringify(data): containers built by
 * checkChange are assembled from their parts, everything else comes from `cache` or
 * JSON.stringify. The bytes computed are returned in `fresh`, to be cached once the data is
 * committed (frozen); unchanged parts of a partition are thus neither serialised nor encoded again.
 */
export function serialize(data: unknown, built: ReadonlySet<object>, cache: WeakMap<object, Uint8Array>, fresh: Map<object, Uint8Array>): Uint8Array {
  if (data === null || typeof data !== 'object') return Buffer.from(JSON.stringify(data), 'utf8');
  const known = cache.get(data) ?? fresh.get(data);
  if (known !== undefined) return known;
  let bytes: Uint8Array;
  if (!built.has(data)) bytes = Buffer.from(JSON.stringify(data), 'utf8');
  else if (Array.isArray(data)) {
    const parts: Uint8Array[] = [OPEN_BRACKET];
    for (let i = 0; i < data.length; i++) {
      if (i > 0) parts.push(COMMA);
      parts.push(isOmitted(data[i]) ? NULL : serialize(data[i], built, cache, fresh));
    }
    parts.push(CLOSE_BRACKET);
    bytes = Buffer.concat(parts);
  } else {
    const parts: Uint8Array[] = [OPEN_BRACE];
    const record = data as Record<string, unknown>;
    for (const k of Object.keys(record)) {
      if (isOmitted(record[k])) continue;
      if (parts.length > 1) parts.push(COMMA);
      parts.push(keyBytes(k), serialize(record[k], built, cache, fresh));
    }
    parts.push(CLOSE_BRACE);
    bytes = Buffer.concat(parts);
  }
  fresh.set(data, bytes);
  return bytes;
}

const OPEN_BRACKET = Buffer.from('[');
const CLOSE_BRACKET = Buffer.from(']');
const OPEN_BRACE = Buffer.from('{');
const CLOSE_BRACE = Buffer.from('}');
const COMMA = Buffer.from(',');
const NULL = Buffer.from('null');

/** `"key":` of the keys of built objects: schema shape keys, so few. */
const keyCache = new Map<string, Uint8Array>();
function keyBytes(key: string): Uint8Array {
  let bytes = keyCache.get(key);
  if (bytes === undefined) {
    bytes = Buffer.from(`${JSON.stringify(key)}:`, 'utf8');
    if (keyCache.size < 10_000) keyCache.set(key, bytes);
  }
  return bytes;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
