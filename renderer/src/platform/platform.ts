import type { PlatformApi } from '../../../shared/api/contract';
import { ApiError, isApiErrorData } from '../../../shared/api/errors';
import { createBrowserPlatform, roleFromPath } from './browser-platform';
import { withLockSignal } from '../lock/lock-signal';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    pingyi?: PlatformApi;
  }
}

let platform: PlatformApi | null = null;

/** The one object the renderer talks to: the preload's API in Electron, the HTTP client in a browser. */
export function getPlatform(): PlatformApi {
  if (platform) return platform;
  if (window.pingyi) {
    const bridge = window.pingyi;
    // contextBridge carries errors as plain objects; the renderer always sees real ApiErrors.
    platform = {
      role: bridge.role,
      mode: bridge.mode,
      call: (name, args) =>
        bridge.call(name, args).catch((err: unknown) => {
          throw isApiErrorData(err) ? ApiError.from(err) : err;
        }),
      on: (name, handler) => bridge.on(name, handler),
      onConnection: (handler) => bridge.onConnection(handler),
    };
  } else {
    const role = roleFromPath(window.location.pathname);
    if (!role) throw new Error('无法确定窗口角色：请使用程序启动时显示的链接打开。');
    platform = createBrowserPlatform(role);
  }
  // A refusal because the window is locked shows the lock screen, whichever call met it.
  platform = withLockSignal(platform);
  return platform;
}
