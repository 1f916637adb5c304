// Packaging smoke test: electron-builder packs the app for Linux (`--dir`, no installer) against
// a stand-in Electron runtime — the real one cannot be downloaded here — and we read the
// resulting app.asar. It checks what the files globs and the fuses really produce, offline, in
// a few seconds. Everything happens in a temporary copy: the developer's dist/ is not touched.
// Packaging smoke test (npm run test:pack, not part of npm run test:unit: it takes about a minute on
// two busy cores): electron-builder packs the app for Linux (`--dir`, no installer) against a
// stand-in Electron runtime — the real one cannot be downloaded here — and we read the resulting
// app.asar. It checks what the files globs and the fuses really produce, offline. Everything happens
// in a temporary copy: the developer's dist/ is not touched.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage, extractFile } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSize, packLinuxDir, prepareProject, readFuses, run, toMb } from '../../build/scripts/pack-linux.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (...parts: string[]) => path.join(root, 'node_modules', ...parts);

/** Dev-only packages that must never ship (the runtime dependencies are bundled by esbuild). */
const DEV_ONLY = ['react', 'react-dom', 'vite', 'vitest', 'electron', 'electron-builder', 'typescript', 'esbuild', 'oxlint', '@playwright', 'playwright', '@types', '@vitejs', 'react-chartjs-2', '@electron', '@stryker-mutator'];
/** The one package shipped in node_modules: its native binary cannot be bundled (the documents' results chart). */
const NATIVE = /^\/node_modules(?:\/@napi-rs(?:\/canvas(?:-[a-z0-9-]+)?(?:\/.*)?)?)?$/;

/** Beside the bundles: the windows' icon and the 关于 screen's build file. */
const SHIPPED_EXTRAS = ['/dist/icons', '/dist/icons/png', '/dist/icons/png/256x256.png', '/dist/about', '/dist/about/about.json'];

describe('packaging (electron-builder --dir --linux, stand-in Electron)', () => {
  let tmp = '';
  let appOutDir = '';
  let entries: string[] = [];
  let asarPath = '';
  let project = '';

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'pingyi-pack-'));
    project = path.join(tmp, 'project');
    prepareProject(root, project);

    // The same bundles `npm run build` makes, written into the temporary project.
    run(process.execPath, [path.join(root, 'build/scripts/build-node.mjs'), '--out', path.join(project, 'dist')], root);
    const rendererOut = path.join(project, 'dist', 'renderer');
    if (existsSync(path.join(root, 'renderer', 'vite.config.ts'))) {
      run(process.execPath, [bin('vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--outDir', rendererOut, '--emptyOutDir', '--logLevel', 'warn'], root);
    } else {
      mkdirSync(rendererOut, { recursive: true });
      writeFileSync(path.join(rendererOut, 'index.html'), '<!doctype html><title>stand-in</title>');
    }

    // The icons and the about file (version, build date, licences), as `npm run build` makes them.
    run(process.execPath, [path.join(root, 'build/scripts/build-icons.mjs'), '--out', path.join(project, 'dist')], root);
    run(process.execPath, [path.join(root, 'build/scripts/build-about.mjs'), '--out', path.join(project, 'dist')], root);

    ({ appOutDir, asarPath } = packLinuxDir({ root, project, tmp, arch: 'x64' }));
    entries = listPackage(asarPath, { isPack: false }).map((e) => e.split(path.sep).join('/'));
  }, 120_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('holds the main, preload and renderer builds', () => {
    for (const file of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html']) {
      expect(entries, file).toContain(file);
    }
    const pkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main: string; name: string };
    expect(pkg.name).toBe('pingyi');
    expect(entries).toContain(`/${pkg.main}`);
  });

  it('holds nothing else: no node_modules but the native canvas, no dev-only packages, no source maps, no other bundles', () => {
    expect(entries.filter((e) => e.includes('/node_modules') && !NATIVE.test(e))).toEqual([]);
    for (const name of DEV_ONLY) expect(entries.filter((e) => e.includes(`/node_modules/${name}/`) || e.endsWith(`/node_modules/${name}`)), name).toEqual([]);
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
    const outside = entries.filter(
      (e) =>
        !['/package.json', '/dist', '/dist/electron', '/dist/renderer', ...SHIPPED_EXTRAS].includes(e) &&
        !e.startsWith('/dist/electron/') &&
        !e.startsWith('/dist/renderer/') &&
        !NATIVE.test(e),
    );
    expect(outside).toEqual([]);
  });

  it('ships @napi-rs/canvas with its native binary unpacked next to the asar (a .node file cannot load from inside it)', () => {
    expect(entries).toContain('/node_modules/@napi-rs/canvas/index.js');
    const unpacked = path.join(appOutDir, 'resources', 'app.asar.unpacked', 'node_modules', '@napi-rs');
    const binaries = readdirSync(unpacked, { recursive: true }).map(String).filter((f) => f.endsWith('.node'));
    expect(binaries.length).toBeGreaterThanOrEqual(1);
    const main = extractFile(asarPath, 'dist/electron/main.cjs').toString('utf8');
    expect(main).toMatch(/require\(["']@napi-rs\/canvas["']\)/);
  });

  it('ships the production build of React, as npm run build makes it (not the development one)', () => {
    const scripts = entries.filter((e) => e.startsWith('/dist/renderer/') && e.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    // A line only React DOM's development build carries.
    for (const file of scripts) expect(extractFile(asarPath, file.slice(1)).toString('utf8'), file).not.toContain('Download the React DevTools');
  });

  it('bundles no dev-only package into the main or preload code', () => {
    // The build writes, beside each shipped bundle, the packages esbuild bundled into it (from its
    // metafile: the minified main process has no module comments left).
    for (const file of ['dist/electron/main.cjs', 'dist/electron/preload.cjs']) {
      const bundled = new Set(JSON.parse(extractFile(asarPath, `${file}.packages.json`).toString('utf8')) as string[]);
      // Proof the marker format still holds: the runtime dependencies are in there.
      if (file.endsWith('main.cjs')) expect([...bundled].some((name) => name === 'zod' || name === 'lowdb')).toBe(true);
      const devOnly = [...bundled].filter((name) => DEV_ONLY.some((dev) => name === dev || name.startsWith(`${dev}/`)));
      expect(devOnly, file).toEqual([]);
    }
  });

  it('ships a preload that requires nothing but electron (a sandboxed preload can require nothing else)', () => {
    const preload = extractFile(asarPath, 'dist/electron/preload.cjs').toString('utf8');
    const required = [...preload.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('names the executable, keeps only Chinese and English locales and flips the fuses', () => {
    expect(statSync(path.join(appOutDir, 'pingyi')).isFile()).toBe(true);
    expect(existsSync(path.join(appOutDir, 'locales', 'zh-CN.pak'))).toBe(true);
    expect(existsSync(path.join(appOutDir, 'locales', 'de.pak'))).toBe(false);
    expect(readFuses(path.join(appOutDir, 'pingyi'))).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('carries the icon: the windows’ PNG in the asar, the .ico and the Linux icon set the config points to', () => {
    expect(entries).toContain('/dist/icons/png/256x256.png');
    const png = extractFile(asarPath, 'dist/icons/png/256x256.png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(256);
    const config = JSON.parse(readFileSync(path.join(root, 'build', 'electron-builder.json'), 'utf8')) as { win: { icon: string }; linux: { icon: string } };
    const ico = readFileSync(path.join(project, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = readdirSync(path.join(project, config.linux.icon)).filter((f) => /^\d+x\d+\.png$/.test(f));
    expect(sizes).toEqual(expect.arrayContaining(['16x16.png', '32x32.png', '256x256.png', '512x512.png', '1024x1024.png']));
    // The renderer links its favicon, and the build copied it.
    expect(extractFile(asarPath, 'dist/renderer/index.html').toString('utf8')).toContain('href="./favicon.svg"');
    expect(entries).toContain('/dist/renderer/favicon.svg');
  });

  it('carries the about file: the build date and the licence of every production package and of what the bundles hold', () => {
    const about = JSON.parse(extractFile(asarPath, 'dist/about/about.json').toString('utf8')) as { version: string; builtAt: string; licenses: { name: string; version: string; shippedAs: string[] }[] };
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(about.version).toBe(pkg.version);
    expect(Number.isNaN(Date.parse(about.builtAt))).toBe(false);
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; version?: string }> };
    for (const [key, meta] of Object.entries(lock.packages)) {
      if (key === '' || meta.dev === true) continue;
      const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
      expect(about.licenses.some((l) => l.name === name && l.version === meta.version), key).toBe(true);
    }
    // React is a devDependency only because Vite bundles it: its code ships in the renderer.
    expect(about.licenses.find((l) => l.name === 'react')?.shippedAs).toContain('bundled');
    expect(about.licenses.find((l) => l.name === 'electron')?.shippedAs).toContain('runtime');
  });

  it('unpacks only the canvas binary of the target (Linux x64): an ELF for x86-64, no other platform’s', () => {
    const unpacked = path.join(appOutDir, 'resources', 'app.asar.unpacked', 'node_modules', '@napi-rs');
    const packages = readdirSync(unpacked).sort();
    expect(packages[0]).toBe('canvas');
    expect(packages.slice(1).length).toBeGreaterThanOrEqual(1);
    for (const name of packages.slice(1)) expect(name).toMatch(/^canvas-linux-x64-(gnu|musl)$/);
    const binaries = readdirSync(unpacked, { recursive: true }).map(String).filter((f) => f.endsWith('.node'));
    for (const binary of binaries) {
      const head = readFileSync(path.join(unpacked, binary)).subarray(0, 20);
      expect(head.subarray(0, 4).toString('latin1'), binary).toBe('\x7fELF');
      expect(head.readUInt16LE(18), `${binary}: e_machine`).toBe(0x3e); // EM_X86_64
    }
    expect(readdirSync(unpacked, { recursive: true }).map(String).filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('reports the app’s own size: app.asar plus the unpacked files', () => {
    const size = appSize(appOutDir);
    console.log(`bench asar.size ${size.asarBytes} bytes`);
    console.log(`bench dist.app.mb ${toMb(size.totalBytes)} MB`);
    expect(size.asarBytes).toBe(statSync(asarPath).size);
    expect(size.unpackedBytes).toBeGreaterThan(0);
    expect(size.totalBytes).toBe(size.asarBytes + size.unpackedBytes);
  });
});
