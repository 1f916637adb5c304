import { describe, expect, it } from 'vitest';
import { isApiErrorData } from '../../../shared/api/errors';
import { unwrapReply } from '../../../electron/shell/bridge-reply';

function rejection(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('unwrapReply', () => {
  it('returns the result of a successful call', () => {
    expect(unwrapReply({ ok: true, result: { version: '0.1.0' } })).toEqual({ version: '0.1.0' });
    expect(unwrapReply({ ok: true, result: null })).toBeNull();
  });

  it('rejects with a plain object keeping code, message and issues (they survive contextBridge)', () => {
    const issues = [{ path: 'label', message: '备份说明不能超过100个字' }];
    const error = rejection(() => unwrapReply({ ok: false, error: { code: 'invalid_args', message: '参数无效：备份说明不能超过100个字', issues } }));
    expect(error).toEqual({ name: 'ApiError', code: 'invalid_args', message: '参数无效：备份说明不能超过100个字', issues });
    // A plain object: contextBridge copies it whole, where an Error would lose code and issues.
    expect(Object.getPrototypeOf(error)).toBe(Object.prototype);
    expect(isApiErrorData(error)).toBe(true);
  });

  it('omits issues when there are none', () => {
    expect(rejection(() => unwrapReply({ ok: false, error: { code: 'forbidden', message: '无权' } }))).toEqual({ name: 'ApiError', code: 'forbidden', message: '无权' });
  });

  it('turns a malformed reply into an internal error', () => {
    for (const reply of [undefined, null, 'x', {}, { ok: false }, { ok: false, error: { code: 1 } }]) {
      const error = rejection(() => unwrapReply(reply));
      expect(error).toMatchObject({ name: 'ApiError', code: 'internal' });
    }
  });
});
