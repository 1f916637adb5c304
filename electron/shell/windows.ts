import { BrowserWindow, dialog } from 'electron';
import type { Role } from '../../shared/api/define';
import type { EventListener } from '../services/api/event-hub';
import type { Logger } from '../services/deps';
import { EVENT_CHANNEL } from './channels';
import type { HallWindowPlacement } from './displays';
import type { RoleRegistry } from './role-registry';
import type { RendererPaths } from './security';
import { CrashHistory, crashLoopMessage } from './crash-recovery';
import { rendererQueryFor, windowOptionsFor } from './window-options';
import { ROLE_LABELS } from '../../shared/api/define';

export interface WindowManagerOptions {
  preloadPath: string;
  /** The windows' icon file (appIconPath); Electron's default when absent. */
  icon?: string | undefined;
  renderer: RendererPaths;
  /** The services' event hub: each window subscribes with its own role. */
  hub: { subscribe(role: Role, listener: EventListener): () => void };
  registry: RoleRegistry;
  log: Logger;
  /** True once the app is quitting: a renderer that goes away then is not brought back. */
  isQuitting?: () => boolean;
}

export interface WindowManager {
  /**
   * Opens the window of a role, or brings the open one forward: one window per role.
   * `placement` applies to a new window only; an open one is moved by its owner (the hall controller).
   */
  openRoleWindow(role: Role, placement?: HallWindowPlacement): BrowserWindow;
  /** Brings a role's window forward; false when it is not open. */
  focus(role: Role): boolean;
  windowOf(role: Role): BrowserWindow | undefined;
}

function bringForward(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}

export function createWindowManager(options: WindowManagerOptions): WindowManager {
  const { registry, hub, log } = options;
  const open = new Map<Role, BrowserWindow>();
  const crashes = new CrashHistory();
  const load = (win: BrowserWindow, role: Role) => win.loadFile(options.renderer.indexPath, { query: rendererQueryFor(role) });

  const windowOf = (role: Role): BrowserWindow | undefined => {
    const win = open.get(role);
    return win && !win.isDestroyed() ? win : undefined;
  };

  function openRoleWindow(role: Role, placement?: HallWindowPlacement): BrowserWindow {
    const existing = windowOf(role);
    if (existing) {
      bringForward(existing);
      return existing;
    }
    const win = new BrowserWindow(windowOptionsFor(role, options.preloadPath, placement, options.icon));
    const contents = win.webContents;
    // Kept: after 'closed' the web contents is gone and its id unreadable.
    const id = contents.id;
    registry.add(id, role);
    open.set(role, win);

    // Events reach the window only for its role (the hub filters by the contract).
    const unsubscribe = hub.subscribe(role, (name, payload) => {
      if (contents.isDestroyed()) return;
      try {
        contents.send(EVENT_CHANNEL, name, payload);
      } catch (error) {
        log.error('could not forward event', { name, role, error: String(error) });
      }
    });

    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      unsubscribe();
      registry.remove(id);
      if (open.get(role) === win) open.delete(role);
    });
    // A crashed renderer leaves a blank window (a blank projector mid-meeting): load it again; it
    // reads the live state afresh. Not while quitting, and not in a crash loop (crash-recovery.ts).
    contents.on('render-process-gone', (_event, details) => {
      const decision = crashes.decide(role, details.reason, Date.now(), options.isQuitting?.() ?? false);
      log.error('renderer process gone', { role, reason: details.reason, exitCode: details.exitCode, next: decision.action === 'reload' ? 'reload' : decision.why });
      if (win.isDestroyed()) return;
      if (decision.action === 'reload') {
        load(win, role).then(
          () => log.info('window reloaded after its renderer was gone', { role }),
          (error: unknown) => log.error('could not reload the window', { role, error: String(error) }),
        );
      } else if (decision.why === 'crash-loop') {
        void dialog.showMessageBox(win, { type: 'error', title: '窗口意外退出', message: crashLoopMessage(role, ROLE_LABELS[role]) });
      }
    });

    load(win, role).catch((error: unknown) => {
      log.error('could not load the renderer', { role, error: String(error) });
      dialog.showErrorBox('界面无法加载', `找不到或无法打开界面文件：\n${options.renderer.indexPath}\n\n请重新安装程序。`);
      win.destroy();
    });
    return win;
  }

  return {
    openRoleWindow,
    focus(role) {
      const win = windowOf(role);
      if (!win) return false;
      bringForward(win);
      return true;
    },
    windowOf,
  };
}
