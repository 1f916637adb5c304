import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { ApiError, type ApiErrorData, type Reply } from '../../../shared/api/errors';
import { calls, isCallName, roleMayCall, type CallName, type ParsedArgsOf, type ResultOf } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/define';
import { parseCallArgs } from '../../../shared/api/validation';
import type { Logger } from '../deps';
import { savedPartMessage } from '../store/messages';

export interface CallContext {
  /** The role of the window that made the call, decided by the transport, never by the page. */
  role: Role;
}

/** One handler per call of the contract; the compiler refuses a missing or mistyped one. */
export type Handlers = {
  [N in CallName]: (args: ParsedArgsOf<N>, ctx: CallContext) => Promise<ResultOf<N>> | ResultOf<N>;
};

export type Dispatch = (role: Role, name: unknown, rawArgs: unknown) => Promise<Reply>;

export interface DispatchOptions {
  log: Logger;
  /** Words for a failure of the disk the user can act on (full disk, read-only folder…), or null. */
  describeFault?: (error: unknown) => string | null;
  /** A fresh id for one call, quoted in the log and in the message the user sees. */
  requestId?: () => string;
  /** Asked after the role check and before anything else: an error refuses the call (the lock: a locked window). */
  gate?: (role: Role, name: CallName) => Promise<ApiError | null> | ApiError | null;
}

/** The partitions each call in flight has committed, so a failure says what was saved. */
const callScope = new AsyncLocalStorage<{ committed: string[] }>();

/**
 * The store's commit listener: attributes a durable commit to the call that made it (the async
 * context follows the call into the store's write queue). Commits outside any call are ignored.
 */
export function noteCommitted(keys: readonly string[]): void {
  const scope = callScope.getStore();
  if (!scope) return;
  for (const key of keys) if (!scope.committed.includes(key)) scope.committed.push(key);
}

export const newRequestId = (): string => `r-${randomBytes(3).toString('hex')}`;

/**
 * The single entry of both transports: checks the call exists, the role may make it and the
 * payload matches its schema and the text rules — in that order, before any handler runs.
 * Every refusal is logged with its reason; every fault with a request id that the user's
 * message quotes, and the message says what was saved (never a false "unchanged").
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions): Dispatch {
  const { log } = options;
  const requestId = options.requestId ?? newRequestId;
  return async (role, name, rawArgs) => {
    const scope = { committed: [] as string[] };
    return callScope.run(scope, async (): Promise<Reply> => {
      try {
        if (!isCallName(name)) throw new ApiError('unknown_call', `没有这个功能：${String(name).slice(0, 80)}`);
        if (!roleMayCall(role, name)) throw new ApiError('forbidden', `此窗口（${role}）无权使用该功能：${name}`);
        const refusal = options.gate ? await options.gate(role, name) : null;
        if (refusal) throw refusal;
        const args = parseCallArgs(calls[name].args, rawArgs === undefined ? {} : rawArgs);
        const handler = handlers[name] as (a: unknown, c: CallContext) => unknown;
        const result = await handler(args, { role });
        return { ok: true, result };
      } catch (err) {
        const id = requestId();
        const call = String(name).slice(0, 80);
        if (err instanceof ApiError) {
          log.info('call refused', { id, role, call, code: err.code, reason: err.message, ...(scope.committed.length ? { committed: scope.committed } : {}) });
          if (scope.committed.length === 0) return { ok: false, error: err.toJSON() };
          // Refused after part of the change was written: say what is on disk.
          return { ok: false, error: { ...err.toJSON(), message: `${err.message}（${savedPartMessage(scope.committed)}）` } };
        }
        const fault = options.describeFault?.(err) ?? null;
        log.error('call failed', {
          id,
          role,
          call,
          committed: scope.committed,
          error: err instanceof Error ? (err.stack ?? err.message) : String(err),
          ...((err as NodeJS.ErrnoException | null)?.code ? { errno: (err as NodeJS.ErrnoException).code } : {}),
        });
        const what = fault ?? '操作失败：程序内部出错，详情已记入日志。';
        const error: ApiErrorData = {
          code: fault ? 'unavailable' : 'internal',
          message: `${what}${savedPartMessage(scope.committed)}（编号 ${id}）`,
          requestId: id,
        };
        return { ok: false, error };
      }
    });
  };
}
