// Electron's main process: wiring only. Decisions live in plain functions under shell/ (tested
// without Electron); the work lives in services/ (plain Node, shared with browser mode).
import path from 'node:path';
import { app, session } from 'electron';
import { createAppServices, type AppServices } from './services/app-services';
import { consoleLogger } from './services/deps';
import { StoreLockedError, StoreVersionError } from './services/store/store';
import { parseDesktopArgs } from './shell/args';
import { showStartupError } from './shell/dialogs';
import { registerCallHandler } from './shell/ipc';
import { installAppMenu } from './shell/menu';
import { isAllowedUrl } from './shell/navigation';
import { RoleRegistry } from './shell/role-registry';
import { hardenWebContents, installSessionPolicy, type RendererPaths } from './shell/security';
import { createWindowManager, type WindowManager } from './shell/windows';

const log = consoleLogger;
const args = parseDesktopArgs(process.argv);

// dist/electron/main.cjs → dist/renderer/index.html, the same inside app.asar.
const renderer: RendererPaths = {
  indexPath: path.join(__dirname, '..', 'renderer', 'index.html'),
  dir: path.join(__dirname, '..', 'renderer'),
};
const preloadPath = path.join(__dirname, 'preload.cjs');

// --home moves the app's own folder (pointer file, single-instance lock), so test runs with their
// own home never collide with an installed copy or with each other.
if (args.homeDir) app.setPath('userData', args.homeDir);

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

let services: AppServices | undefined;
let windows: WindowManager | undefined;
const registry = new RoleRegistry();

if (!app.requestSingleInstanceLock()) {
  // Another copy runs on this home folder: it gets the 'second-instance' event and comes forward.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (windows && !windows.focus('desk')) windows.openRoleWindow('desk');
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, renderer, log));

  app.whenReady().then(start).catch(fail);

  app.on('window-all-closed', () => app.quit());

  // Pending writes are finished and the data-folder lock released before the process ends.
  let closing = false;
  app.on('will-quit', (event) => {
    const running = services;
    if (!running) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    running
      .close()
      .catch((error: unknown) => log.error('closing the services failed', { error: String(error) }))
      .finally(() => {
        services = undefined;
        app.quit();
      });
  });
}

async function start(): Promise<void> {
  let running: AppServices;
  try {
    running = await createAppServices({
      homeDir: app.getPath('userData'),
      ...(args.dataDir ? { dataDir: args.dataDir } : {}),
      mode: 'desktop',
      version: app.getVersion(),
      log,
    });
  } catch (error) {
    fail(error);
    return;
  }
  services = running;
  installSessionPolicy(session.defaultSession, renderer, (id) => registry.roleOf(id), log);
  registerCallHandler({
    roleOf: (id) => registry.roleOf(id),
    isAllowedUrl: (url) => isAllowedUrl(url, renderer.indexPath),
    dispatch: running.dispatch,
  });
  installAppMenu();
  windows = createWindowManager({ preloadPath, renderer, hub: running.hub, registry, log });
  windows.openRoleWindow('desk');
}

function fail(error: unknown): void {
  // A data folder in use by another copy, or written by a newer version, is an expected
  // situation whose Chinese message already says what to do; anything else is a fault.
  const userFacing = error instanceof StoreLockedError || error instanceof StoreVersionError;
  if (!userFacing) log.error('start-up failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  showStartupError(error, userFacing);
  // If the services did start, release the data-folder lock before leaving.
  const running = services;
  services = undefined;
  void (running ? running.close() : Promise.resolve())
    .catch(() => {})
    .finally(() => app.exit(1));
}
