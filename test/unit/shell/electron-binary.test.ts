import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/support/electron-binary';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});
function fakeRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pingyi-bin-'));
  roots.push(root);
  return root;
}

describe('npm run test:electron finds the runtime by its files, never by loading electron', () => {
  it('skips, saying why, when the package or its runtime is missing', () => {
    const root = fakeRoot();
    expect(findElectronBinary(root, {}, 'linux')).toEqual({ ok: false, reason: expect.stringMatching(/not installed/) });
    mkdirSync(path.join(root, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), '{}');
    expect(findElectronBinary(root, {}, 'linux')).toEqual({ ok: false, reason: expect.stringMatching(/never downloaded.*path\.txt/) });
    writeFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronBinary(root, {}, 'linux')).toEqual({ ok: false, reason: expect.stringMatching(/does not exist/) });
  });

  it('finds the unpacked runtime, or the one ELECTRON_OVERRIDE_DIST_PATH names', () => {
    const root = fakeRoot();
    const dist = path.join(root, 'node_modules', 'electron', 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), '{}');
    writeFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    writeFileSync(path.join(dist, 'electron'), '');
    expect(findElectronBinary(root, {}, 'linux')).toEqual({ ok: true, path: path.join(dist, 'electron') });
    const other = path.join(root, 'elsewhere');
    mkdirSync(other);
    writeFileSync(path.join(other, 'electron.exe'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: other }, 'win32')).toEqual({ ok: true, path: path.join(other, 'electron.exe') });
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: other }, 'linux')).toMatchObject({ ok: false });
  });

  it('here: reports the real state of this checkout without throwing', () => {
    const result = findElectronBinary(path.resolve(__dirname, '..', '..', '..'));
    expect(typeof result.ok).toBe('boolean');
  });
});
