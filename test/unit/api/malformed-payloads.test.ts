import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, calls, type CallName } from '../../../shared/api/contract';
import { malformedPayloads } from './malformed';
import { createDispatch, type Handlers } from '../../../electron/services/api/dispatch';
import { silentLogger } from '../../../electron/services/deps';

function spyHandlers() {
  const spies = {} as Record<CallName, ReturnType<typeof vi.fn>>;
  for (const name of CALL_NAMES) spies[name] = vi.fn(() => ({}));
  return { spies, handlers: spies as unknown as Handlers };
}

describe('every call of the contract rejects malformed payloads before its handler runs', () => {
  for (const name of CALL_NAMES) {
    it(name, async () => {
      const { spies, handlers } = spyHandlers();
      const dispatch = createDispatch(handlers, { log: silentLogger });
      const role = calls[name].roles[0]!;
      const payloads = malformedPayloads(name);
      expect(payloads.length).toBeGreaterThan(5);
      for (const payload of payloads) {
        const reply = await dispatch(role, name, payload);
        expect(reply.ok, JSON.stringify(payload)).toBe(false);
        if (!reply.ok) {
          expect(reply.error.code).toBe('invalid_args');
          expect(reply.error.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }
      expect(spies[name]).not.toHaveBeenCalled();
    });
  }
});

describe('dispatch', () => {
  it('refuses unknown calls and roles the contract does not list', async () => {
    const { spies, handlers } = spyHandlers();
    const dispatch = createDispatch(handlers, { log: silentLogger });
    const unknown = await dispatch('desk', 'nope.nothing', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    const hallOnly = CALL_NAMES.filter((n) => !calls[n].roles.includes('hall'));
    for (const name of hallOnly) {
      const reply = await dispatch('hall', name, {});
      expect(reply, name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(spies[name]).not.toHaveBeenCalled();
    }
  });

  it('prototype keys in a name are not calls', async () => {
    const { handlers } = spyHandlers();
    const dispatch = createDispatch(handlers, { log: silentLogger });
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await dispatch('desk', name, {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
  });

  it('a handler that throws reports a Chinese message and the reply says nothing changed', async () => {
    const { handlers } = spyHandlers();
    (handlers as Record<string, unknown>)['app.info'] = () => {
      throw new Error('boom');
    };
    const dispatch = createDispatch(handlers, { log: silentLogger });
    const reply = await dispatch('desk', 'app.info', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!reply.ok) expect(reply.error.message).toContain('数据未更改');
  });
});
