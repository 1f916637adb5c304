import { existsSync } from 'node:fs';
import type { CallName } from '../../shared/api/contract';
import type { Role } from '../../shared/api/define';
import type { ApiError } from '../../shared/api/errors';
import { resolve } from 'node:path';
import { createDispatch, noteCommitted, type Dispatch } from './api/dispatch';
import { EventHub } from './api/event-hub';
import { createHandlers } from './api/handlers';
import type { ServiceContext } from './api/service-context';
import { demoSeed } from './demo/demo-seed';
import { cryptoRandom, systemClock, type Clock, type Logger, type RandomSource } from './deps';
import { partitionTypes } from './partitions';
import { createFileLogger, openStore, pointerPath, resolveDataDir, storeMigrations, STORE_SCHEMA_VERSION } from './store';
import type { Store, StoreFs } from './store';
import { faultMessage, faultOf } from './store/messages';
import { BrowserShellPort, type ShellPort } from './shell-port';
import { BrowserFilePort, type FilePort } from './file-port';
import { createDownloads, type DownloadRegistry } from './host/downloads';
import { createUploads, type UploadStaging } from './loop/uploads';
import { LockService } from './lock/lock-service';
import { lockFilePath } from './lock/lock-file';
import { countInProgress } from './lock/lock-handlers';
import { nodeStoreFs } from './store/store-fs';

/** Everything a transport (Electron IPC or the browser-mode host) needs from the services. */
export interface AppServices {
  readonly dataDir: string;
  readonly homeDir: string;
  readonly store: Store;
  readonly hub: EventHub;
  readonly dispatch: Dispatch;
  /** Browser mode's download links, shared with the HTTP host that serves them. */
  readonly downloads: DownloadRegistry;
  /** Evidence files staged for attaching, shared with the HTTP host's upload path. */
  readonly uploads: UploadStaging;
  /** The lock's check of a window (also before the browser host stages an upload): null lets it through. */
  gate?(role: Role, name: CallName): Promise<ApiError | null>;
  /** The services' log: `<data>/logs/pingyi.log` (it follows the data folder when that moves). */
  readonly log: Logger;
  /** Finishes pending writes and releases the data-folder lock. */
  close(): Promise<void>;
}

export interface AppServicesOptions {
  /** The app's own folder holding the pointer file (Electron userData, or --home). */
  homeDir: string;
  /** --data override; otherwise the pointer file in homeDir decides. */
  dataDir?: string | undefined;
  mode: 'desktop' | 'browser';
  version: string;
  clock?: Clock;
  random?: RandomSource;
  /** Replaces the log file (tests); by default the services write `<data>/logs/pingyi.log`. */
  log?: Logger;
  /** The log file's lines also go to the console (default true). */
  logToConsole?: boolean;
  fs?: StoreFs;
  /** Seed the demo county on a first start (default true). */
  seedDemo?: boolean;
  backupOnStart?: boolean;
  /** The desktop shell's displays and hall window; browser mode passes its own (the default). */
  shell?: ShellPort;
  /** The desktop's save and folder dialogs; browser mode (the default) offers downloads from `downloads`. */
  files?: FilePort;
  /** dist/about/about.json of this copy (written by build/scripts/build-about.mjs). */
  aboutFile?: string;
}


/**
 * Opens the data folder and builds the services. The store can be swapped at run time (moving
 * the data folder, restoring a backup), so handlers reach it through the context, never keep it.
 */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? cryptoRandom;
  const homeDir = resolve(options.homeDir);
  const dataDir = await resolveDataDir({ homeDir, dataOverride: options.dataDir, ...(options.fs ? { fs: options.fs } : {}) });
  const hub = new EventHub();
  const shell = options.shell ?? new BrowserShellPort();
  shell.onChange(() => hub.publish('shell.changed', shell.status()));
  const downloads = createDownloads({ clock });
  const uploads = createUploads({ clock });
  // A typed path never points into the app's own folder or the data folder (wherever it is now).
  const files = options.files ?? new BrowserFilePort(downloads, () => [homeDir, current.store.dataDir]);

  const open = async (dir: string): Promise<{ store: Store; log: Logger }> => {
    const log = options.log ?? createFileLogger(dir, { clock, console: options.logToConsole ?? true });
    const store = await openStore({
      dataDir: dir,
      partitions: partitionTypes(clock),
      schemaVersion: STORE_SCHEMA_VERSION,
      migrations: storeMigrations,
      clock,
      log,
      ...(options.fs ? { fs: options.fs } : {}),
      ...(options.backupOnStart === false ? { backupOnStart: false } : {}),
      ...(options.seedDemo !== false ? { seed: demoSeed(clock) } : {}),
    });
    // Pushed only after the write is durable: the store calls this after fsync + rename.
    store.onCommit((keys) => hub.publish('store.committed', { keys }));
    store.onCommit(noteCommitted);
    return { store, log };
  };

  let current = await open(dataDir);
  // The log follows the data folder when it moves.
  const log: Logger = {
    info: (m, d) => current.log.info(m, d),
    warn: (m, d) => current.log.warn(m, d),
    error: (m, d) => current.log.error(m, d),
  };
  // The lock belongs to this install (the app's own folder), so moving or restoring the data keeps it.
  const lock = await LockService.open({
    file: lockFilePath(homeDir),
    fs: options.fs ?? nodeStoreFs,
    clock,
    random,
    log,
    countInProgress: () => countInProgress(context),
  });
  hub.withholdFrom((role) => lock.withholdsEvents(role));
  log.info('services started', { mode: options.mode, version: options.version, dataDir: current.store.dataDir, pid: process.pid });
  const context: ServiceContext = {
    get store() {
      return current.store;
    },
    get log() {
      return current.log;
    },
    hub,
    clock,
    random,
    version: options.version,
    mode: options.mode,
    homeDir,
    pointerFile: pointerPath(homeDir),
    shell,
    files,
    uploads,
    aboutFile: options.aboutFile ?? null,
    lock,
    async reopen(dir: string) {
      await current.store.close();
      current = await open(dir);
      hub.publish('store.committed', { keys: current.store.list('core').concat(current.store.list('year'), current.store.list('meeting')) });
    },
  };
  const dispatch = createDispatch(createHandlers(context), {
    log,
    gate: (role, name) => lock.gate(role, name),
    describeFault: (error) => {
      const dir = current.store.dataDir;
      const fault = faultOf(error, existsSync(dir));
      return fault ? faultMessage(fault, dir) : null;
    },
  });

  return {
    get dataDir() {
      return current.store.dataDir;
    },
    homeDir,
    get store() {
      return current.store;
    },
    hub,
    dispatch,
    downloads,
    uploads,
    gate: (role, name) => lock.gate(role, name),
    log,
    close: async () => {
      log.info('services stopping', { dataDir: current.store.dataDir });
      await current.store.close();
    },
  };
}
