#!/usr/bin/env node
// Packs the app for Linux as a folder (electron-builder `--dir`, no installer) against a stand-in
// Electron runtime, and measures the app's own size — offline: the real runtime and the installer
// tools come from GitHub, which the build machines cannot reach.
//
//   node build/scripts/pack-linux.mjs       (npm run bench -- dist, after npm run build)
//
// Uses the bundles already in dist/ (npm run build), packs them in a temporary copy of the project
// (dist/ is not touched) and prints `bench dist.app.mb <n> MB`: app.asar plus app.asar.unpacked
// (the native canvas), 1 MB = 1 048 576 bytes. The Electron runtime itself is not counted.
// The packaging smoke test (test/packaging/) uses the same functions and then reads the asar.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainModule } from './cli.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The fuse wire as Electron binaries carry it: a sentinel, a version byte, a length byte, then
// one ASCII '0'/'1' per fuse (RunAsNode, CookieEncryption, NodeOptions, CliInspect,
// AsarIntegrity, OnlyLoadFromAsar, V8Snapshot, FileProtocolPrivileges) with Electron's defaults.
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const FUSE_NAMES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];
const DEFAULT_FUSES = '10110001';

/** What of dist/ the packed app is made from (the files globs of electron-builder.json pick from these). */
export const DIST_PARTS = ['electron', 'renderer', 'icons', 'about'];

/**
 * Runs a command; on failure the error carries its output (electron-builder explains itself there).
 * NODE_ENV is production whatever the caller's (vitest sets `test`, and Vite would then bundle
 * React's development build, 0.4 MB more than what `npm run build` ships).
 */
export function run(command, args, cwd) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, CI: 'true', NODE_ENV: 'production' } });
  } catch (error) {
    throw new Error(`${path.basename(args[0] ?? command)} failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}\n${error.message}`);
  }
}

/**
 * A folder standing in for Electron's dist: an `electron` shell script carrying the fuse wire (so
 * electron-builder can flip the fuses), the `version` file it reads, a licence and four locales
 * (to check that only the Chinese and English ones are kept).
 */
export function makeElectronStandIn(dir, version) {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, FUSE_NAMES.length]), Buffer.from(DEFAULT_FUSES)]);
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in for the Electron runtime"\nexit 0\n# '), wire, Buffer.from('\n')]));
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'version'), version);
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  for (const locale of ['zh-CN', 'en-US', 'de', 'ja']) writeFileSync(path.join(dir, 'locales', `${locale}.pak`), locale);
}

/** The fuses as written in an executable carrying the wire. */
export function readFuses(executable) {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const wire = bytes.subarray(at + 2, at + 2 + FUSE_NAMES.length).toString('latin1');
  return Object.fromEntries(FUSE_NAMES.map((name, i) => [name, wire[i] === '1']));
}

/**
 * A temporary project electron-builder can pack: package.json, the lock file, build/ and
 * node_modules (hard links, instant and real to npm; a symlink where links are refused).
 */
export function prepareProject(root, project) {
  mkdirSync(project, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) {
    if (existsSync(path.join(root, file))) cpSync(path.join(root, file), path.join(project, file));
  }
  cpSync(path.join(root, 'build'), path.join(project, 'build'), { recursive: true });
  try {
    execFileSync('cp', ['-al', path.join(root, 'node_modules'), path.join(project, 'node_modules')], { stdio: 'pipe' });
  } catch {
    rmSync(path.join(project, 'node_modules'), { recursive: true, force: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'junction');
  }
}

/**
 * electron-builder `--dir --linux --<arch>` on a prepared project whose dist/ is built, with the
 * project's own config, `electronDist` pointed at a stand-in and the output in `tmp/out`.
 */
export function packLinuxDir({ root, project, tmp, arch = 'x64' }) {
  const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const standIn = path.join(tmp, 'electron-dist');
  makeElectronStandIn(standIn, electronVersion);
  const config = JSON.parse(readFileSync(path.join(root, 'build', 'electron-builder.json'), 'utf8'));
  const output = path.join(tmp, 'out');
  const configFile = path.join(tmp, 'electron-builder.json');
  writeFileSync(configFile, JSON.stringify({ ...config, electronDist: standIn, directories: { ...config.directories, output } }));
  run(process.execPath, [path.join(root, 'node_modules', 'electron-builder', 'cli.js'), '--dir', '--linux', `--${arch}`, '--config', configFile, '--projectDir', project], project);
  const appOutDir = path.join(output, arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`);
  return { appOutDir, asarPath: path.join(appOutDir, 'resources', 'app.asar') };
}

function folderBytes(dir) {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** The app's own size: app.asar plus what is unpacked beside it (the Electron runtime excluded). */
export function appSize(appOutDir) {
  const resources = path.join(appOutDir, 'resources');
  const asarBytes = statSync(path.join(resources, 'app.asar')).size;
  const unpackedBytes = folderBytes(path.join(resources, 'app.asar.unpacked'));
  return { asarBytes, unpackedBytes, totalBytes: asarBytes + unpackedBytes };
}

export const toMb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;

/** Packs what `npm run build` left in `<root>/dist` and returns the app's size. */
export function packBuiltApp(root) {
  const missing = DIST_PARTS.filter((part) => !existsSync(path.join(root, 'dist', part)));
  if (missing.length > 0) throw new Error(`pack-linux: dist/${missing.join(', dist/')} missing; run npm run build first`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pingyi-pack-'));
  try {
    const project = path.join(tmp, 'project');
    prepareProject(root, project);
    for (const part of DIST_PARTS) cpSync(path.join(root, 'dist', part), path.join(project, 'dist', part), { recursive: true });
    const { appOutDir } = packLinuxDir({ root, project, tmp });
    return appSize(appOutDir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (isMainModule(import.meta.url)) {
  try {
    const size = packBuiltApp(here);
    console.log(`bench dist.app.mb ${toMb(size.totalBytes)} MB`);
    console.log(`bench dist.asar.mb ${toMb(size.asarBytes)} MB`);
    console.log(`bench dist.unpacked.mb ${toMb(size.unpackedBytes)} MB`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
