import { ApiError, type Reply } from '../../../shared/api/errors';
import { calls, isCallName, roleMayCall, type CallName, type ParsedArgsOf, type ResultOf } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/define';
import { parseOrThrow } from '../../../shared/api/validation';
import type { Logger } from '../deps';

export interface CallContext {
  /** The role of the window that made the call, decided by the transport, never by the page. */
  role: Role;
}

/** One handler per call of the contract; the compiler refuses a missing or mistyped one. */
export type Handlers = {
  [N in CallName]: (args: ParsedArgsOf<N>, ctx: CallContext) => Promise<ResultOf<N>> | ResultOf<N>;
};

export type Dispatch = (role: Role, name: unknown, rawArgs: unknown) => Promise<Reply>;

/**
 * The single entry of both transports: checks the call exists, the role may make it and the
 * payload matches its schema — in that order, before any handler runs.
 */
export function createDispatch(handlers: Handlers, log: Logger): Dispatch {
  return async (role, name, rawArgs) => {
    try {
      if (!isCallName(name)) throw new ApiError('unknown_call', `没有这个功能：${String(name).slice(0, 80)}`);
      if (!roleMayCall(role, name)) throw new ApiError('forbidden', `此窗口（${role}）无权使用该功能：${name}`);
      const args = parseOrThrow(calls[name].args, rawArgs === undefined ? {} : rawArgs);
      const handler = handlers[name] as (a: unknown, c: CallContext) => unknown;
      const result = await handler(args, { role });
      return { ok: true, result };
    } catch (err) {
      if (err instanceof ApiError) return { ok: false, error: err.toJSON() };
      log.error('handler failed', { name: String(name), error: err instanceof Error ? err.stack ?? err.message : String(err) });
      return { ok: false, error: { code: 'internal', message: `操作失败，数据未更改：${err instanceof Error ? err.message : String(err)}` } };
    }
  };
}
