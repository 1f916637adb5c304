import { describe, expect, it } from 'vitest';

/**
 * shared/vote imported inside the tests, never at the top of this file: a module that fails while
 * loading then fails a test here, which a mutation run (`npm run mutation`) counts as caught,
 * instead of only failing to load a test file, which it would not.
 */

describe('the sheet module', () => {
  it('loads, reads every key, and its schema refuses an empty or unlisted sheet', async () => {
    const { parseKeys, sheetSchema, MARK_KEYS, MARKS } = await import('../../../shared/vote');
    expect(parseKeys(MARKS.map((mk) => MARK_KEYS[mk]).join(''))).toEqual({ ok: true, marks: [...MARKS] });
    expect(sheetSchema.parse({ no: 2, marks: ['blank'] })).toEqual({ no: 2, marks: ['blank'] });
    const messages = (v: unknown) => {
      const r = sheetSchema.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(messages({ no: 2, marks: [] })).toEqual(['每张票至少应有1名被测评对象的意见']);
    expect(messages({ no: 2, marks: '1' })).toEqual(['测评意见应为列表']);
    expect(messages({ no: 0, marks: ['blank'] })).toEqual(['票号不能小于1']);
  });
});
