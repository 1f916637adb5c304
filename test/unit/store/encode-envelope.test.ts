import { describe, expect, it } from 'vitest';
import { encodeEnvelope, encodeJson } from '../../../electron/services/store/durable-file';

describe('encodeEnvelope', () => {
  it('writes the same bytes as encoding the whole envelope', () => {
    const data = { a: [1, 2, { b: '中文“引号”\n' }], c: null };
    const env = { schemaVersion: 3, savedAt: '2026-10-28T01:02:03.004Z', data };
    expect(encodeEnvelope(env, JSON.stringify(data)).equals(encodeJson(env))).toBe(true);
  });
});
