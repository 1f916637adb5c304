import type { AppServices } from '../../../electron/services/app-services';
import type { CallName, ResultOf } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/define';
import { postCall, type Host } from '../../e2e/support/host';

/** One typed call that throws the Chinese message on a refusal: over HTTP or straight into dispatch. */
export type Caller = <N extends CallName>(name: N, args: unknown) => Promise<ResultOf<N>>;

export function httpCaller(host: () => Pick<Host, 'origin' | 'tokens'>, role: Role = 'console'): Caller {
  return async (name, args) => {
    const { status, reply } = await postCall(host(), role, name, args);
    if (!reply?.ok) throw new Error(`${name} (HTTP ${status}): ${reply?.error?.message ?? 'no reply'}`);
    return reply.result as ResultOf<typeof name>;
  };
}

export function dispatchCaller(services: () => AppServices, role: Role = 'console'): Caller {
  return async (name, args) => {
    const reply = await services().dispatch(role, name, args);
    if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
    return reply.result as ResultOf<typeof name>;
  };
}
