import { ApiError, isApiErrorData, type ApiErrorData, type Reply } from '../../shared/api/errors';

/**
 * What a failed call rejects with in the desktop app. contextBridge copies an Error thrown
 * across it with its message only — `code` and `issues` would be lost — but copies plain objects
 * whole. So the preload rejects with this plain object shaped like an ApiError (name, code,
 * message, issues). Renderer code reads failures with `isApiErrorData(e)` / `e.code`, which works
 * for this and for the ApiError the browser-mode client throws.
 */
export interface BridgedApiError extends ApiErrorData {
  name: 'ApiError';
}

function toBridgedError(error: ApiError): BridgedApiError {
  return { name: 'ApiError', ...error.toJSON() };
}

/** Unwraps a reply from main: the result, or a rejection carrying code, message and issues. */
export function unwrapReply<R>(reply: unknown): R {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    const r = reply as Reply<R>;
    if (r.ok === true) return r.result;
    if (r.ok === false && isApiErrorData(r.error)) throw toBridgedError(ApiError.from(r.error));
  }
  throw toBridgedError(new ApiError('internal', '程序内部通信出错，请重新启动程序'));
}
