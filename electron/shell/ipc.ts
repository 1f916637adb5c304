import { ipcMain } from 'electron';
import { CALL_CHANNEL } from './channels';
import { createCallRouter, type CallRouterDeps } from './call-router';

/**
 * Registers the one IPC handler of the app. The sender's role comes from main's registry; the
 * services' dispatch validates name, role and arguments before any handler runs.
 */
export function registerCallHandler(deps: CallRouterDeps): () => void {
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
