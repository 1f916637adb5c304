#!/usr/bin/env node
// Runs before `electron .` in `npm start`: stops with one line in Chinese and English, pointing to
// browser mode, where the desktop app cannot start — instead of npm's engine warnings followed by
// "Downloading Electron binary… TypeError: fetch failed" and a stack trace.
//
//   node build/scripts/preflight-electron.mjs
//
// It never loads the `electron` package: requiring it starts the runtime download. It reads the
// files that package reads (node_modules/electron/path.txt and the dist/ folder it names), and
// when the runtime is missing it runs Electron's own installer once, quietly, to fetch it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainModule } from './cli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const electronDir = path.join(root, 'node_modules', 'electron');

/** What Electron 45's tooling (@electron/get, extract-zip) declares; read from the package when it can be. */
export const FALLBACK_NODE_RANGE = '>= 22.12.0';

/** The lowest version a ">= x.y.z" range allows, as [major, minor, patch]; null for any other form. */
export function minimumOf(range) {
  const m = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(range ?? '');
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : null;
}

export function versionAtLeast(version, minimum) {
  const parts = String(version).replace(/^v/, '').split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < 3; i++) {
    if ((parts[i] ?? 0) !== minimum[i]) return (parts[i] ?? 0) > minimum[i];
  }
  return true;
}

const SERVE = 'npm run serve';

/**
 * The decision. `runtime` is 'present', 'missing' (never downloaded) or 'download-failed'.
 * Returns { action: 'run' }, { action: 'download' } or { action: 'stop', message } — the message
 * is one line, Chinese then English.
 */
export function preflightDecision({ nodeVersion, nodeRange, runtime }) {
  const minimum = minimumOf(nodeRange) ?? minimumOf(FALLBACK_NODE_RANGE);
  if (!versionAtLeast(nodeVersion, minimum)) {
    const need = minimum.join('.');
    return {
      action: 'stop',
      message: `无法启动桌面版：Electron 的工具需要 Node.js ${need} 或更高版本，当前是 ${nodeVersion}；请升级 Node.js，或运行 ${SERVE} 以浏览器模式使用。 / Cannot start the desktop app: Electron's tooling needs Node.js >= ${need}, this is ${nodeVersion}; upgrade Node.js or run \`${SERVE}\` (browser mode).`,
    };
  }
  if (runtime === 'present') return { action: 'run' };
  if (runtime === 'missing') return { action: 'download' };
  return {
    action: 'stop',
    message: `无法启动桌面版：Electron 运行时尚未安装，且无法下载（首次运行需要联网）；请联网后重试，或运行 ${SERVE} 以浏览器模式使用。 / Cannot start the desktop app: the Electron runtime is not installed and could not be downloaded (the first run needs the internet); retry online or run \`${SERVE}\` (browser mode).`,
  };
}

/** Whether the runtime `require('electron')` would return is on disk, judged the way that package judges it. */
export function electronRuntimePresent({ electronDir, env, exists, read }) {
  // The package itself trusts this variable without checking (tests and custom builds use it).
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  const pathFile = path.join(electronDir, 'path.txt');
  if (!exists(pathFile)) return false;
  const executable = read(pathFile).trim();
  return executable !== '' && exists(path.join(electronDir, 'dist', executable));
}

function nodeRangeOfElectron() {
  try {
    return JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).engines?.node ?? FALLBACK_NODE_RANGE;
  } catch {
    return FALLBACK_NODE_RANGE;
  }
}

if (isMainModule(import.meta.url)) {
  const nodeRange = nodeRangeOfElectron();
  const present = () => electronRuntimePresent({ electronDir, env: process.env, exists: existsSync, read: (f) => readFileSync(f, 'utf8') });
  let decision = preflightDecision({ nodeVersion: process.versions.node, nodeRange, runtime: present() ? 'present' : 'missing' });
  if (decision.action === 'download') {
    if (!existsSync(path.join(electronDir, 'install.js'))) {
      decision = preflightDecision({ nodeVersion: process.versions.node, nodeRange, runtime: 'download-failed' });
    } else {
      console.log('正在下载 Electron 运行时（仅首次运行）… / Downloading the Electron runtime (first run only)…');
      // Output captured: on failure the installer prints a stack trace nobody in an office can use.
      const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
      decision = preflightDecision({ nodeVersion: process.versions.node, nodeRange, runtime: result.status === 0 && present() ? 'present' : 'download-failed' });
    }
  }
  if (decision.action === 'stop') {
    console.error(decision.message);
    process.exit(1);
  }
}
