import type { Reply } from '../../shared/api/errors';
import type { Role } from '../../shared/api/define';
import type { Logger } from '../services/deps';

type Dispatch = (role: Role, name: unknown, rawArgs: unknown) => Promise<Reply>;

export interface CallSource {
  /** The sending web contents' id. */
  webContentsId: number;
  /** URL of the frame that sent the call; undefined when the frame is gone. */
  frameUrl: string | undefined;
  /** Was it the window's top frame? Sub-frames (none exist in our pages) get nothing. */
  isMainFrame: boolean;
}

export interface CallRouterDeps {
  roleOf(webContentsId: number): Role | undefined;
  isAllowedUrl(url: string): boolean;
  dispatch: Dispatch;
  /** Where a refusal is recorded (the services' log file). */
  log?: Logger;
}

const refused = (message: string): Reply => ({ ok: false, error: { code: 'forbidden', message } });

/**
 * Turns one IPC call into a dispatch with the sender's role. The role comes from main's own
 * registry, never from the message; a sender that is not one of our windows showing our page is
 * refused before the services see anything.
 */
export function createCallRouter(deps: CallRouterDeps) {
  return async (source: CallSource, name: unknown, args: unknown): Promise<Reply> => {
    const refuse = (reason: string, message: string) => {
      deps.log?.warn('IPC call refused', { reason, webContentsId: source.webContentsId, call: String(name).slice(0, 80), url: source.frameUrl?.slice(0, 200) });
      return refused(message);
    };
    const role = deps.roleOf(source.webContentsId);
    if (role === undefined) return refuse('not one of our windows', '此窗口不属于本程序，已拒绝');
    if (!source.isMainFrame || source.frameUrl === undefined || !deps.isAllowedUrl(source.frameUrl)) {
      return refuse('not our page or a sub-frame', '此页面不属于本程序，已拒绝');
    }
    return deps.dispatch(role, name, args);
  };
}
