import type { Session, WebContents } from 'electron';
import type { Role } from '../../shared/api/define';
import type { Logger } from '../services/deps';
import { withCspHeader } from './csp';
import { isAllowedRequest, isAllowedUrl } from './navigation';
import { isPermissionAllowed } from './permissions';

export interface RendererPaths {
  /** dist/renderer/index.html: the only page a window may show. */
  indexPath: string;
  /** dist/renderer: the only folder a page may load files from. */
  dir: string;
}

/**
 * Locks down any web contents the app creates (main calls it from 'web-contents-created', so no
 * window escapes it): no new windows, no navigation away from the app, no <webview>. Links to the
 * outside world are not opened anywhere — the app is offline and meant to stay inside itself.
 */
export function hardenWebContents(contents: WebContents, renderer: RendererPaths, log: Logger): void {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('refused window.open', { url: url.slice(0, 200) });
    return { action: 'deny' };
  });
  const guard = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAllowedUrl(event.url, renderer.indexPath)) return;
    event.preventDefault();
    log.warn(`refused ${kind}`, { url: event.url.slice(0, 200) });
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-frame-navigate', guard('frame navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('refused <webview>');
  });
}

/**
 * Session-wide rules: the CSP header on every response, permissions from the role's allow-list,
 * no device access, and no request outside the renderer folder (nothing remote, ever).
 */
export function installSessionPolicy(session: Session, renderer: RendererPaths, roleOf: (webContentsId: number) => Role | undefined, log: Logger): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, renderer.dir);
    if (!allowed) log.warn('blocked request', { url: details.url.slice(0, 200) });
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const granted = isPermissionAllowed(permission, roleOf(contents.id)) && isAllowedUrl(details.requestingUrl, renderer.indexPath);
    if (!granted) log.info('denied permission', { permission });
    callback(granted);
  });
  session.setPermissionCheckHandler((contents, permission) => contents !== null && isPermissionAllowed(permission, roleOf(contents.id)));
  session.setDevicePermissionHandler(() => false);
}
