#!/usr/bin/env node
// Writes what the 关于 screen shows about the build itself: the version, the build date and the
// licence of every third-party package the app ships.
//
//   node build/scripts/build-about.mjs [--out DIR]      (npm run build:about, after the bundles)
//
// Output: DIR/about/about.json (never committed). "Shipped" is read from what was really built,
// not from a hand-kept list:
//   - every production package of package-lock.json (dev !== true), installed or not — the
//     platform variants of @napi-rs/canvas are only installed on their own OS and architecture;
//   - every package the bundles were made from (the source maps of dist/electron and
//     dist/renderer name each bundled file under node_modules/) — React is a devDependency
//     because Vite bundles it, but its code ships in the renderer;
//   - the Electron runtime, which every desktop package carries.
// Each entry's licence text comes from the package's own LICENSE / COPYING / LICENCE file.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainModule, parseOut } from './cli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const LICENSE_FILE = /^(?:licen[cs]e|copying)(?:[.-].*)?$/i;

/** The package folder (lock key) a bundled file came from: the part up to its innermost package. */
export function packageKeyOf(modulePath) {
  const normal = modulePath.split('\\').join('/');
  const first = normal.indexOf('node_modules/');
  if (first < 0) return null;
  const match = /^((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(normal.slice(first));
  return match ? match[1] : null;
}

/** The node_modules paths a source map's `sources` name. */
export function bundledKeysOfSourceMap(map) {
  const keys = new Set();
  for (const source of Array.isArray(map?.sources) ? map.sources : []) {
    if (typeof source !== 'string') continue;
    const key = packageKeyOf(source);
    if (key) keys.add(key);
  }
  return keys;
}

function nameOfKey(key) {
  return key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

function readLicenseText(dir) {
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir)
    .filter((f) => LICENSE_FILE.test(f))
    .sort()[0];
  return file ? readFileSync(path.join(dir, file), 'utf8').trim() : null;
}

function licenseOf(meta) {
  if (typeof meta?.license === 'string') return meta.license;
  if (meta?.license && typeof meta.license.type === 'string') return meta.license.type;
  if (Array.isArray(meta?.licenses)) return meta.licenses.map((l) => l?.type ?? String(l)).join(' OR ');
  return null;
}

/**
 * The licence list. `lock` is package-lock.json (lockfile v2/v3 `packages`), `bundled` the lock
 * keys of the bundles' modules, `runtime` the lock keys shipped as a runtime (Electron).
 * Sorted by name then version; each package once.
 */
export function collectLicenses({ projectDir, lock, bundled = new Set(), runtime = [] }) {
  const packages = lock?.packages;
  if (!packages || typeof packages !== 'object') throw new Error('build-about: package-lock.json has no "packages" (lockfile v2 or later needed)');
  const shipped = new Map();
  const add = (key, why) => {
    const entry = shipped.get(key);
    if (entry) entry.shippedAs.add(why);
    else shipped.set(key, { key, shippedAs: new Set([why]) });
  };
  for (const [key, meta] of Object.entries(packages)) {
    if (key === '' || !key.includes('node_modules/') || meta?.dev === true || meta?.link === true) continue;
    add(key, 'dependency');
  }
  for (const key of bundled) add(key, 'bundled');
  for (const key of runtime) add(key, 'runtime');

  const list = [];
  for (const { key, shippedAs } of shipped.values()) {
    const dir = path.join(projectDir, key);
    const installed = existsSync(path.join(dir, 'package.json'));
    const own = installed ? JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) : null;
    const meta = packages[key] ?? {};
    list.push({
      name: own?.name ?? meta.name ?? nameOfKey(key),
      version: own?.version ?? meta.version ?? '',
      license: licenseOf(own) ?? licenseOf(meta) ?? 'UNKNOWN',
      text: installed ? readLicenseText(dir) : null,
      shippedAs: [...shippedAs].sort(),
      ...(typeof own?.homepage === 'string' ? { homepage: own.homepage } : {}),
    });
  }
  list.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  const seen = new Set();
  return list.filter((p) => {
    const id = `${p.name}@${p.version}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Every source map under the shipped bundle folders. */
function bundledKeys(distDir) {
  const keys = new Set();
  for (const sub of ['electron', 'renderer']) {
    const dir = path.join(distDir, sub);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir, { recursive: true }).map(String)) {
      if (!file.endsWith('.map')) continue;
      for (const key of bundledKeysOfSourceMap(JSON.parse(readFileSync(path.join(dir, file), 'utf8')))) keys.add(key);
    }
  }
  return keys;
}

if (isMainModule(import.meta.url)) {
  try {
    const outDir = parseOut(process.argv.slice(2), root);
    const lockFile = path.join(root, 'package-lock.json');
    if (!existsSync(lockFile)) throw new Error('build-about: package-lock.json is missing; run npm install first');
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const bundled = bundledKeys(outDir);
    if (bundled.size === 0) throw new Error(`build-about: no source maps under ${outDir}/electron or ${outDir}/renderer; run the bundles first (npm run build)`);
    const licenses = collectLicenses({ projectDir: root, lock: JSON.parse(readFileSync(lockFile, 'utf8')), bundled, runtime: ['node_modules/electron'] });
    const about = { version: pkg.version, builtAt: new Date().toISOString(), licenses };
    const file = path.join(outDir, 'about', 'about.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, `${JSON.stringify(about)}\n`);
    renameSync(`${file}.tmp`, file);
    const missing = licenses.filter((l) => l.text === null).length;
    console.log(`build-about: ${licenses.length} packages' licences → ${path.relative(root, file).startsWith('..') ? file : path.relative(root, file)}${missing ? ` (${missing} without a licence file here: not installed on this platform)` : ''}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
