/** Error codes every transport carries unchanged from the services to the windows. */
export type ApiErrorCode =
  | 'invalid_args' // the payload failed its schema; nothing ran
  | 'unknown_call' // no such call in the contract
  | 'forbidden' // the window's role may not make this call
  | 'not_found'
  | 'conflict' // the request contradicts the current state (e.g. duplicate number)
  | 'needs_confirmation' // possible but usually a slip (a duplicate name): nothing saved; the call again with confirm: true saves it
  | 'unavailable' // the host or store is not reachable / locked
  | 'screen_locked' // the window is locked (锁屏): nothing ran; the page shows the lock screen
  | 'password_again' // the lock is on and this call asks for the password again first: nothing ran
  | 'internal';

export interface ApiIssue {
  /** Dotted path of the offending field, '' for the payload as a whole. */
  path: string;
  /** Chinese message naming what is wrong. */
  message: string;
}

export interface ApiErrorData {
  code: ApiErrorCode;
  /** One Chinese sentence for the user. */
  message: string;
  issues?: ApiIssue[];
  /** A fault's id, as quoted in the message and the log (设置 → 数据与备份 shows the log folder). */
  requestId?: string;
}

export class ApiError extends Error implements ApiErrorData {
  readonly code: ApiErrorCode;
  readonly issues?: ApiIssue[];
  constructor(code: ApiErrorCode, message: string, issues?: ApiIssue[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (issues) this.issues = issues;
  }
  toJSON(): ApiErrorData {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
  static from(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.issues);
  }
}

export function isApiErrorData(value: unknown): value is ApiErrorData {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorData).code === 'string' && typeof (value as ApiErrorData).message === 'string';
}

/** What both transports put on the wire for one call. */
export type Reply<R = unknown> = { ok: true; result: R } | { ok: false; error: ApiErrorData };
