// Electron's main process: wiring only. Decisions live in plain functions under shell/ (tested
// without Electron); the work lives in services/ (plain Node, shared with browser mode).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, powerSaveBlocker, screen, session, shell } from 'electron';
import type { HallView } from '../shared/api/live-types';
import { createAppServices, type AppServices } from './services/app-services';
import { consoleLogger, type Logger } from './services/deps';
import { StoreLockedError, StoreVersionError } from './services/store/store';
import { appIconPath } from './shell/app-icon';
import { parseDesktopArgs } from './shell/args';
import { packageFileFromArgv } from './shell/package-arg';
import { offerPackageFile } from './services/package/opened-file';
import { showStartupError } from './shell/dialogs';
import { DesktopFilePort } from './shell/file-dialogs';
import { fileHallPreference } from './shell/hall-preference';
import { HallController } from './shell/hall-window';
import { registerCallHandler } from './shell/ipc';
import { installAppMenu } from './shell/menu';
import { isAllowedUrl } from './shell/navigation';
import { AwakeKeeper, shouldKeepAwake } from './shell/power';
import { fileFolderMemory } from './shell/save-dialog';
import { RoleRegistry } from './shell/role-registry';
import { hardenWebContents, installSessionPolicy, type RendererPaths } from './shell/security';
import { boundedWait, desktopHome, ensureHome, ozonePlatformFor, QUIT_WAIT_MS } from './shell/startup';
import { PRODUCT_NAME } from './shell/window-options';
import { createWindowManager, type WindowManager } from './shell/windows';

const args = parseDesktopArgs(process.argv);

// dist/electron/main.cjs → dist/renderer/index.html, the same inside app.asar.
const renderer: RendererPaths = {
  indexPath: path.join(__dirname, '..', 'renderer', 'index.html'),
  dir: path.join(__dirname, '..', 'renderer'),
};
const preloadPath = path.join(__dirname, 'preload.cjs');
// Written by build/scripts/build-about.mjs; packed into the asar next to the bundles.
const aboutFile = path.join(__dirname, '..', 'about', 'about.json');

// --home moves the app's own folder (pointer file, single-instance lock), so test runs with their
// own home never collide with an installed copy or with each other; a checkout (`electron .`)
// gets a folder of its own, never the installed app's data. A missing folder is created.
const home = desktopHome({ homeArg: args.homeDir, isPackaged: app.isPackaged, appData: app.getPath('appData'), productName: PRODUCT_NAME });
const homeProblem = home ? ensureHome(home, (dir) => mkdirSync(dir, { recursive: true })) : null;
if (home && !homeProblem) app.setPath('userData', home);

// On a Wayland session the hall could not be placed on the projector: run as an X11 client.
const ozone = ozonePlatformFor(process.platform, process.env, process.argv);
if (ozone) app.commandLine.appendSwitch('ozone-platform', ozone);

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

let services: AppServices | undefined;
// Everything logs to the services' file (<data>/logs/pingyi.log) once they run; the console before.
const log: Logger = {
  info: (m, d) => (services?.log ?? consoleLogger).info(m, d),
  warn: (m, d) => (services?.log ?? consoleLogger).warn(m, d),
  error: (m, d) => (services?.log ?? consoleLogger).error(m, d),
};
let windows: WindowManager | undefined;
/** Set on the way out: a second launch is ignored and crashed windows are not brought back. */
let quitting = false;
let hall: HallController | undefined;
let awake: AwakeKeeper | undefined;
const registry = new RoleRegistry();
// A .pingyi file given at start (file association) waits until the services run; then the desk opens 导入会议包 with it.
let pendingPackage: string | null = packageFileFromArgv(process.argv, process.cwd());
const openPackageFile = (file: string) => {
  if (!services) {
    pendingPackage = file;
    return;
  }
  void offerPackageFile(file, { uploads: services.uploads, hub: services.hub, log });
  if (windows && !windows.focus('desk')) windows.openRoleWindow('desk');
};

if (homeProblem) {
  dialog.showErrorBox('无法启动人大工作评议系统', homeProblem);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // Another copy runs on this home folder: it gets the 'second-instance' event and comes forward.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (quitting) {
      log.info('a second launch was ignored: the app is quitting');
      return;
    }
    if (windows && !windows.focus('desk')) windows.openRoleWindow('desk');
    const file = packageFileFromArgv(argv, workingDirectory);
    if (file) openPackageFile(file);
  });
  // macOS hands a double-clicked file over as an event, not in argv.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (/\.pingyi$/i.test(file)) openPackageFile(file);
  });
  app.on('before-quit', () => {
    quitting = true;
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, renderer, log));

  app.whenReady().then(start).catch(fail);

  app.on('window-all-closed', () => app.quit());

  // Pending writes are finished and the data-folder lock released before the process ends — but
  // the app exits after QUIT_WAIT_MS whatever happens (a vanished data folder can hang a write).
  let closing = false;
  app.on('will-quit', (event) => {
    quitting = true;
    awake?.release();
    hall?.dispose();
    const running = services;
    if (!running) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    const closed = running.close();
    closed.catch((error: unknown) => log.error('closing the services failed', { error: String(error) }));
    void boundedWait(closed, QUIT_WAIT_MS).then((outcome) => {
      services = undefined;
      if (outcome === 'timed-out') {
        log.error('the services did not close in time; exiting anyway', { waitedMs: QUIT_WAIT_MS });
        app.exit(0);
      } else app.quit();
    });
  });
}

async function start(): Promise<void> {
  // `screen` is usable only once the app is ready; the services need the controller as their shell.
  const hallController = new HallController({
    screen,
    log,
    preference: fileHallPreference(app.getPath('userData'), (error) => log.warn('could not save the hall display', { error: String(error) })),
  });
  hall = hallController;
  // Exports go through the save / folder dialog of the window that asked (windows exist by then).
  const files = new DesktopFilePort({
    dialog,
    windowOf: (role) => windows?.windowOf(role),
    documentsDir: app.getPath('documents'),
    memory: fileFolderMemory(app.getPath('userData'), (error) => log.warn('could not remember the export folder', { error: String(error) })),
    log,
    openPath: (p) => shell.openPath(p),
    tempDir: app.getPath('temp'),
  });
  let running: AppServices;
  try {
    running = await createAppServices({
      homeDir: app.getPath('userData'),
      ...(args.dataDir ? { dataDir: args.dataDir } : {}),
      mode: 'desktop',
      version: app.getVersion(),
      aboutFile,
      shell: hallController,
      files,
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
    log,
  });
  const openHall = () => {
    hallController.openHall().catch((error: unknown) => log.error('could not open the hall window', { error: String(error) }));
  };
  installAppMenu({ openConsole: () => windows?.openRoleWindow('console'), openHall });
  windows = createWindowManager({ preloadPath, icon: appIconPath(__dirname, process.platform, existsSync), renderer, hub: running.hub, registry, log, isQuitting: () => quitting });
  hallController.attach(windows);
  // The screen and the system stay awake while anything is on the hall. The hall's own stream
  // (least privilege) is enough to tell.
  const keeper = new AwakeKeeper(powerSaveBlocker, log);
  awake = keeper;
  running.hub.subscribe('hall', (name, payload) => {
    if (name === 'hall.view') keeper.onView(payload as HallView);
  });
  windows.openRoleWindow('desk');
  if (pendingPackage) {
    const file = pendingPackage;
    pendingPackage = null;
    openPackageFile(file);
  }

  // A restart mid-meeting brings the console and the hall straight back, on the hall's display.
  const reply = await running.dispatch('hall', 'hall.view', {});
  if (!reply.ok) {
    log.warn('could not read the hall view', { error: reply.error.message });
    return;
  }
  const view = reply.result as HallView;
  keeper.onInitialView(view);
  if (shouldKeepAwake(view)) {
    windows.openRoleWindow('console');
    openHall();
  }
}

function fail(error: unknown): void {
  // A data folder in use by another copy, or written by a newer version, is an expected
  // situation whose Chinese message already says what to do; anything else is a fault.
  const userFacing = error instanceof StoreLockedError || error instanceof StoreVersionError;
  log.error('start-up failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error), userFacing });
  showStartupError(error, userFacing, args.dataDir);
  // If the services did start, release the data-folder lock before leaving.
  const running = services;
  services = undefined;
  void (running ? running.close() : Promise.resolve())
    .catch(() => {})
    .finally(() => app.exit(1));
}
