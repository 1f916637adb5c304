import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { ROLE_LABELS, type Role } from '../../shared/api/define';
import type { HallWindowPlacement } from './displays';
import { roleArgument } from './role-arg';

export const PRODUCT_NAME = '人大工作评议系统';

/**
 * The locked-down preferences of every window. The page gets no Node, runs sandboxed in its own
 * JavaScript world, and learns its role from an argument main passes (never from the page).
 */
export function webPreferencesFor(role: Role, preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // The hall shows live results; a hidden or covered hall window must not slow its timers.
    backgroundThrottling: role !== 'hall',
    additionalArguments: [roleArgument(role)],
  };
}

export function windowTitleFor(role: Role): string {
  return role === 'desk' ? PRODUCT_NAME : `${PRODUCT_NAME} · ${ROLE_LABELS[role]}`;
}

const SIZES: Record<Role, { width: number; height: number; minWidth: number; minHeight: number }> = {
  desk: { width: 1280, height: 800, minWidth: 1024, minHeight: 640 },
  console: { width: 1280, height: 800, minWidth: 1024, minHeight: 640 },
  // The default only; where the hall really goes is hallWindowPlacement (displays.ts).
  hall: { width: 1280, height: 720, minWidth: 800, minHeight: 450 },
};

/**
 * `placement` puts a new window straight where it belongs (the hall on its display), so it never
 * flashes up on the primary first. `fullscreen` is set only when true: an explicit false would
 * hide the fullscreen button on macOS. `icon` is appIconPath's answer (app-icon.ts).
 */
export function windowOptionsFor(role: Role, preloadPath: string, placement?: HallWindowPlacement, icon?: string): BrowserWindowConstructorOptions {
  return {
    ...SIZES[role],
    ...(icon ? { icon } : {}),
    ...(placement ? { ...placement.bounds, ...(placement.fullscreen ? { fullscreen: true } : {}) } : {}),
    title: windowTitleFor(role),
    // Shown on ready-to-show, so nobody sees an empty white frame while the page loads.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: role === 'hall',
    webPreferences: webPreferencesFor(role, preloadPath),
  };
}

/** The query the renderer reads to pick its screens; main's own role map stays authoritative. */
export function rendererQueryFor(role: Role): Record<string, string> {
  return { role };
}
