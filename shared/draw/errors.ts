import { ApiError, type ApiErrorCode } from '../api/errors';

/**
 * A draw that cannot be made or an entry the log refuses. An ApiError, so a service can let it
 * through unchanged and the console shows the Chinese message; `problems` lists every reason when
 * there are several (the message joins them).
 */
export class DrawError extends ApiError {
  readonly problems: string[];
  constructor(problems: string[] | string, code: ApiErrorCode = 'conflict') {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(code, list.join('；'));
    this.name = 'DrawError';
    this.problems = list;
  }
}
