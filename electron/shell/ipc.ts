import { ipcMain } from 'electron';
import type { Role } from '../../shared/api/define';
import type { Reply } from '../../shared/api/errors';
import { CALL_CHANNEL } from './channels';
import { createCallRouter } from './call-router';

/**
 * Registers the one IPC handler of the app. The sender's role comes from main's registry; the
 * services' dispatch validates name, role and arguments before any handler runs.
 */
export function registerCallHandler(deps: {
  roleOf(webContentsId: number): Role | undefined;
  isAllowedUrl(url: string): boolean;
  dispatch(role: Role, name: unknown, rawArgs: unknown): Promise<Reply>;
}): () => void {
  const route = createCallRouter(deps);
  ipcMain.handle(CALL_CHANNEL, (event, name: unknown, args: unknown) => {
    const frame = event.senderFrame;
    return route(
      {
        webContentsId: event.sender.id,
        frameUrl: frame?.url,
        isMainFrame: frame !== null && frame.parent === null,
      },
      name,
      args,
    );
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}
