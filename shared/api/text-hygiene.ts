import type { z } from 'zod';
import type { ApiIssue } from './errors';

/**
 * Text hygiene at the contract's input: one check for every string argument of every call,
 * derived from the call's zod schema (never applied to stored data, which is not re-judged).
 *
 * - Everywhere: a lone UTF-16 surrogate (half of a rare character or an emoji, cut by a bad
 *   copy or a script) and control characters other than newline, carriage return and tab.
 * - In names, titles and labels (a string field of at most LABEL_MAX_LENGTH characters, or
 *   whose key is …name, …title or …label): also newline and tab, the bidirectional controls
 *   U+202A–202E and U+2066–2069 (they reorder what a reader sees: a file name can be made to
 *   look like another) and the zero-width characters U+200B–200D, U+2060 and U+FEFF (two names
 *   that look the same but differ).
 *
 * Nothing is rewritten: text is accepted as typed or refused with a message naming the field.
 * In particular no Unicode normalisation happens — NFC would fold compatibility ideographs
 * (U+F900…) that occur in personal names into other characters.
 */
export type TextKind = 'label' | 'free';

/** A string field this short is a name or label: one line, nothing invisible. */
const LABEL_MAX_LENGTH = 120;
const LABEL_KEY = /(name|title|label)$/i;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// oxlint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_FREE = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;
// oxlint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_LABEL = /[\0-\x1f\x7f-\x9f]/;
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]/;

/**
 * Text made safe to show as a file name or header: lone surrogates and control characters
 * become `_`, bidi controls and zero-width characters are dropped (a right-to-left override
 * can make `通报.exe.docx` read as another name). Everything else, CJK included, is kept.
 */
export function visibleText(text: string, replacement = '_'): string {
  return text.replace(new RegExp(LONE_SURROGATE.source, 'g'), replacement).replace(new RegExp(CONTROL_LABEL.source, 'g'), replacement).replace(new RegExp(INVISIBLE.source, 'g'), '');
}

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is wrong with `text` as a field of this kind (a phrase to follow the field's name), or null. */
export function textProblem(text: string, kind: TextKind): string | null {
  if (LONE_SURROGATE.test(text)) return '含有残缺的字符（生僻字或表情符号只复制了一半），请删除后重新输入';
  const control = (kind === 'label' ? CONTROL_LABEL : CONTROL_FREE).exec(text);
  if (control) {
    const ch = control[0];
    if (ch === '\n' || ch === '\r') return '不能换行，请写成一行';
    if (ch === '\t') return '不能含有制表符，请改用空格';
    return `含有不可见的控制字符（${codePoint(ch)}），请删除后重新输入`;
  }
  if (kind === 'label') {
    const hidden = INVISIBLE.exec(text);
    if (hidden) return `含有不可见的格式字符（${codePoint(hidden[0])}），会让文字看起来与实际不同，请删除后重新输入`;
  }
  return null;
}

type AnySchema = z.ZodType;
interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (schema: AnySchema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The Chinese name a field's own messages use (the project's field builders name every field). */
const labelCache = new WeakMap<AnySchema, string | null>();
function fieldLabel(schema: AnySchema): string | null {
  if (labelCache.has(schema)) return labelCache.get(schema) ?? null;
  let label: string | null = null;
  const probes: unknown[] = [undefined];
  const max = (schema as { maxLength?: number | null }).maxLength;
  if (typeof max === 'number' && max < 100_000) probes.push('字'.repeat(max + 1));
  for (const probe of probes) {
    const result = schema.safeParse(probe);
    const message = result.success ? undefined : result.error.issues[0]?.message;
    const match = message ? /^([^\s，。：；、（）]{1,20}?)(不能为空|应为|不能超过)/.exec(message) : null;
    if (match?.[1]) {
      label = match[1];
      break;
    }
  }
  labelCache.set(schema, label);
  return label;
}

function kindOf(schema: AnySchema | undefined, key: string | undefined): TextKind {
  if (key !== undefined && LABEL_KEY.test(key)) return 'label';
  const max = schema ? (schema as { maxLength?: number | null }).maxLength : undefined;
  return typeof max === 'number' && max <= LABEL_MAX_LENGTH ? 'label' : 'free';
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/**
 * Every hygiene problem of `value` read against `schema` (a value the schema produced, so what a
 * trimming field drops is not judged). Each issue's message names the field: its Chinese name where the schema's messages
 * give one, else its path.
 */
export function textIssues(schema: AnySchema, value: unknown): ApiIssue[] {
  const issues: ApiIssue[] = [];
  const report = (path: readonly (string | number)[], text: string, kind: TextKind, field: AnySchema | undefined) => {
    const problem = textProblem(text, kind);
    if (problem === null) return;
    const dotted = path.map(String).join('.');
    const name = (field && fieldLabel(field)) ?? (dotted === '' ? '参数' : `字段 ${dotted} `);
    issues.push({ path: dotted, message: `${name}${problem}` });
  };
  const lastKey = (path: readonly (string | number)[]): string | undefined => {
    for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
    return undefined;
  };

  /** No schema to go by: every string is checked as free text (the rules that hold everywhere). */
  const walkLoose = (v: unknown, path: (string | number)[], depth: number) => {
    if (depth > 64) return;
    if (typeof v === 'string') report(path, v, 'free', undefined);
    else if (Array.isArray(v)) v.forEach((item, i) => walkLoose(item, [...path, i], depth + 1));
    else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        report([...path, k], k, 'free', undefined);
        walkLoose(item, [...path, k], depth + 1);
      }
    }
  };

  const walk = (schema: AnySchema, v: unknown, path: (string | number)[], depth: number): void => {
    if (depth > 64 || v === undefined || v === null) return;
    const def = defOf(schema);
    if (WRAPPERS.has(def.type)) return walk(def.innerType as AnySchema, v, path, depth + 1);
    switch (def.type) {
      case 'string':
        if (typeof v === 'string') report(path, v, kindOf(schema, lastKey(path)), schema);
        return;
      case 'enum':
      case 'literal':
      case 'number':
      case 'boolean':
      case 'bigint':
      case 'date':
      case 'null':
      case 'undefined':
      case 'never':
        return; // only values the schema lists (or no text) got through
      case 'pipe':
        return walk(def.in as AnySchema, v, path, depth + 1);
      case 'lazy':
        return walk((def.getter as () => AnySchema)(), v, path, depth + 1);
      case 'object': {
        if (typeof v !== 'object' || Array.isArray(v)) return;
        const shape = def.shape as Record<string, AnySchema>;
        const rest = def.catchall as AnySchema | undefined;
        for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
          const field = Object.hasOwn(shape, k) ? shape[k] : rest && defOf(rest).type !== 'never' ? rest : undefined;
          if (field) walk(field, item, [...path, k], depth + 1);
        }
        return;
      }
      case 'array':
        if (Array.isArray(v)) v.forEach((item, i) => walk(def.element as AnySchema, item, [...path, i], depth + 1));
        return;
      case 'tuple': {
        if (!Array.isArray(v)) return;
        const items = def.items as AnySchema[];
        const rest = def.rest as AnySchema | null | undefined;
        v.forEach((item, i) => {
          const field = items[i] ?? rest ?? undefined;
          if (field) walk(field, item, [...path, i], depth + 1);
        });
        return;
      }
      case 'record':
        if (typeof v !== 'object' || Array.isArray(v)) return;
        for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
          walk(def.keyType as AnySchema, k, [...path, k], depth + 1);
          walk(def.valueType as AnySchema, item, [...path, k], depth + 1);
        }
        return;
      case 'union': {
        const match = (def.options as AnySchema[]).find((option) => option.safeParse(v).success);
        if (match) walk(match, v, path, depth + 1);
        else walkLoose(v, path, depth + 1);
        return;
      }
      case 'intersection':
        walk(def.left as AnySchema, v, path, depth + 1);
        walk(def.right as AnySchema, v, path, depth + 1);
        return;
      default:
        walkLoose(v, path, depth + 1);
    }
  };

  walk(schema, value, [], 0);
  // An intersection checks a string against both sides: one issue per field is enough.
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(`${i.path}\n${i.message}`) && seen.add(`${i.path}\n${i.message}`));
}
