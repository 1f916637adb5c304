import { z } from 'zod';
import { calls, type CallName } from '../../../shared/api/contract';

/** Wrong-typed stand-ins for each JSON-schema type. */
function wrongFor(schema: Record<string, unknown> | undefined): unknown[] {
  const type = schema?.type;
  switch (type) {
    case 'string':
      return [12345, null, { x: 1 }];
    case 'number':
    case 'integer':
      return ['十二', null, 1.5e308 * 10, []];
    case 'boolean':
      return ['是', 0];
    case 'array':
      return ['列表', { 0: 'a' }];
    case 'object':
      return ['对象', [1, 2]];
    default:
      return [Symbol.for('never-valid').toString(), { nested: [[[]]] }, -1];
  }
}

/** Malformed payloads generated from each call's schema, so new calls are covered automatically. */
export function malformedPayloads(name: CallName): unknown[] {
  const schema = calls[name].args as z.ZodType;
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as { properties?: Record<string, Record<string, unknown>> };
  const out: unknown[] = [null, 42, 'x', [], true, { zzz_unexpected_field: 1 }];
  for (const [key, prop] of Object.entries(json.properties ?? {})) {
    for (const wrong of wrongFor(prop)) out.push({ [key]: wrong });
  }
  return out.filter((p) => !schema.safeParse(p).success);
}

