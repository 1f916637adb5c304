import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/** The executable inside an Electron dist folder, per platform (as the electron package names it). */
function executableIn(dist: string, platform: NodeJS.Platform): string {
  if (platform === 'win32') return path.join(dist, 'electron.exe');
  if (platform === 'darwin') return path.join(dist, 'Electron.app', 'Contents', 'MacOS', 'Electron');
  return path.join(dist, 'electron');
}

/**
 * Where the Electron runtime is, decided by looking at files only — never by loading the
 * `electron` package, whose loading alone starts the download. The package writes `path.txt`
 * once its runtime is unpacked into `dist/`; ELECTRON_OVERRIDE_DIST_PATH points at a runtime
 * elsewhere (as the package itself honours it).
 */
export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ElectronBinary {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = executableIn(override, platform);
    return existsSync(exe) ? { ok: true, path: exe } : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${exe} does not exist` };
  }
  const pkg = path.join(root, 'node_modules', 'electron');
  if (!existsSync(path.join(pkg, 'package.json'))) return { ok: false, reason: 'the electron package is not installed (npm ci)' };
  const pathTxt = path.join(pkg, 'path.txt');
  if (!existsSync(pathTxt)) {
    return { ok: false, reason: 'the Electron runtime was never downloaded (node_modules/electron/path.txt is missing; it needs the internet once: run `npm start` or `node node_modules/electron/install.js`)' };
  }
  const exe = path.join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(exe) ? { ok: true, path: exe } : { ok: false, reason: `the Electron runtime is missing: ${exe} does not exist` };
}
