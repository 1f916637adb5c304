import { isAbsolute, join, posix, resolve, win32 } from 'node:path';
import { CorruptFileError, readJsonFile, writeJsonDurably } from './durable-file';
import { storeMessages } from './messages';
import { nodeStoreFs, type StoreFs } from './store-fs';

export const PRODUCT_NAME = '人大工作评议系统';
export const POINTER_FILE = 'data-location.json';

/**
 * The app's own folder, the same one Electron's `app.getPath('userData')` gives, so the
 * desktop app and browser mode find the same pointer file without asking Electron.
 */
export function defaultHomeDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  homedir: string,
  productName: string = PRODUCT_NAME,
): string {
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(homedir, 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Application Support', productName);
  return posix.join(env.XDG_CONFIG_HOME || posix.join(homedir, '.config'), productName);
}

export function pointerPath(homeDir: string): string {
  return join(homeDir, POINTER_FILE);
}

export interface ResolveDataDirOptions {
  homeDir: string;
  /** `--data DIR`: wins over the pointer (tests, a second county on one machine). */
  dataOverride?: string | undefined;
  fs?: StoreFs;
}

/**
 * Where the data lives: the override, else the folder the pointer file names, else
 * `<homeDir>/data`. A damaged pointer is an error, not a reason to fall back to the default:
 * falling back would open an empty folder and look like all data was lost.
 */
export async function resolveDataDir(options: ResolveDataDirOptions): Promise<string> {
  if (options.dataOverride) return resolve(options.dataOverride);
  const file = pointerPath(options.homeDir);
  let raw: unknown;
  try {
    raw = await readJsonFile(options.fs ?? nodeStoreFs, file);
  } catch (err) {
    if (err instanceof CorruptFileError) throw new Error(storeMessages.pointerCorrupt(file));
    throw err;
  }
  if (raw === null) return join(resolve(options.homeDir), 'data');
  const dataDir = (raw as { dataDir?: unknown }).dataDir;
  if (typeof dataDir !== 'string' || !isAbsolute(dataDir)) throw new Error(storeMessages.pointerCorrupt(file));
  return dataDir;
}

/** Records, durably, which folder holds the data (the desk's "move data folder" uses this). */
export async function writePointer(homeDir: string, dataDir: string, fs: StoreFs = nodeStoreFs): Promise<void> {
  await fs.mkdir(homeDir, { recursive: true });
  await writeJsonDurably(fs, pointerPath(homeDir), { dataDir: resolve(dataDir) }, true);
}
