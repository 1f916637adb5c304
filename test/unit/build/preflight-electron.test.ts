import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronRuntimePresent, minimumOf, preflightDecision, versionAtLeast } from '../../../build/scripts/preflight-electron.mjs';

const RANGE = '>= 22.12.0';

describe('preflightDecision (npm start, before electron .)', () => {
  it('runs Electron on a new enough Node with the runtime on disk', () => {
    expect(preflightDecision({ nodeVersion: '22.12.0', nodeRange: RANGE, runtime: 'present' })).toEqual({ action: 'run' });
    expect(preflightDecision({ nodeVersion: '24.1.0', nodeRange: RANGE, runtime: 'present' })).toEqual({ action: 'run' });
  });

  it('stops on an older Node with one line in Chinese and English that names both versions and points to npm run serve', () => {
    const decision = preflightDecision({ nodeVersion: '20.20.2', nodeRange: RANGE, runtime: 'present' });
    expect(decision.action).toBe('stop');
    if (decision.action !== 'stop') return;
    expect(decision.message).not.toContain('\n');
    expect(decision.message).toMatch(/^无法启动桌面版：/);
    expect(decision.message).toContain('Cannot start the desktop app');
    expect(decision.message).toContain('22.12.0');
    expect(decision.message).toContain('20.20.2');
    expect(decision.message.match(/npm run serve/g)).toHaveLength(2);
    expect(preflightDecision({ nodeVersion: '22.11.9', nodeRange: RANGE, runtime: 'missing' }).action).toBe('stop');
  });

  it('asks for the download when the runtime was never fetched, and stops with the reason when it cannot be', () => {
    expect(preflightDecision({ nodeVersion: '22.12.1', nodeRange: RANGE, runtime: 'missing' })).toEqual({ action: 'download' });
    const failed = preflightDecision({ nodeVersion: '22.12.1', nodeRange: RANGE, runtime: 'download-failed' });
    expect(failed.action).toBe('stop');
    if (failed.action !== 'stop') return;
    expect(failed.message).not.toContain('\n');
    expect(failed.message).toContain('无法下载');
    expect(failed.message).toContain('could not be downloaded');
    expect(failed.message).toContain('npm run serve');
  });

  it('takes the minimum from Electron’s declared engines, falling back when the form is unknown', () => {
    expect(minimumOf('>= 22.12.0')).toEqual([22, 12, 0]);
    expect(minimumOf('>=24')).toEqual([24, 0, 0]);
    expect(minimumOf('^22 || ^24')).toBeNull();
    expect(preflightDecision({ nodeVersion: '22.12.0', nodeRange: '>=24', runtime: 'present' }).action).toBe('stop');
    expect(preflightDecision({ nodeVersion: '22.12.0', nodeRange: '^22 || ^24', runtime: 'present' }).action).toBe('run');
    expect(preflightDecision({ nodeVersion: '22.11.0', nodeRange: undefined, runtime: 'present' }).action).toBe('stop');
  });

  it('compares versions numerically, not as text', () => {
    expect(versionAtLeast('22.12.0', [22, 12, 0])).toBe(true);
    expect(versionAtLeast('v22.9.0', [22, 12, 0])).toBe(false);
    expect(versionAtLeast('100.0.0', [22, 12, 0])).toBe(true);
  });
});

describe('electronRuntimePresent (without loading the electron package)', () => {
  const dir = path.join('/p', 'node_modules', 'electron');
  const files = (entries: Record<string, string>) => ({
    exists: (f: string) => Object.prototype.hasOwnProperty.call(entries, f),
    read: (f: string) => entries[f] ?? '',
  });

  it('is present when path.txt names an executable that exists in dist/', () => {
    const fs = files({ [path.join(dir, 'path.txt')]: 'electron', [path.join(dir, 'dist', 'electron')]: '' });
    expect(electronRuntimePresent({ electronDir: dir, env: {}, ...fs })).toBe(true);
  });

  it('is missing without path.txt (never downloaded) or with a dist/ that lost the executable', () => {
    expect(electronRuntimePresent({ electronDir: dir, env: {}, ...files({}) })).toBe(false);
    expect(electronRuntimePresent({ electronDir: dir, env: {}, ...files({ [path.join(dir, 'path.txt')]: 'electron' }) })).toBe(false);
    expect(electronRuntimePresent({ electronDir: dir, env: {}, ...files({ [path.join(dir, 'path.txt')]: '' }) })).toBe(false);
  });

  it('trusts ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    expect(electronRuntimePresent({ electronDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, ...files({}) })).toBe(true);
  });
});

describe('preflight-electron.mjs as npm start runs it', () => {
  const script = fileURLToPath(new URL('../../../build/scripts/preflight-electron.mjs', import.meta.url));
  // The script as `node build/scripts/preflight-electron.mjs`, on a Node that reports `version`.
  const runAs = (version: string, env: Record<string, string> = {}) =>
    spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} }); process.argv[1] = ${JSON.stringify(script)}; await import(${JSON.stringify(pathToFileURL(script).href)});`],
      { encoding: 'utf8', env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '', ...env } },
    );

  it('stops an older Node with exit code 1 and exactly one line on stderr, before anything is downloaded', () => {
    const result = runAs('20.19.0');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('npm run serve');
  });

  it('lets npm start go on, silently, when the runtime is there', () => {
    const result = runAs('22.12.0', { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });
});
