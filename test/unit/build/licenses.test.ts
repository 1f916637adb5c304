import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledKeysOfSourceMap, collectLicenses, packageKeyOf } from '../../../build/scripts/build-about.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; version?: string; name?: string }> };
const nameOf = (key: string) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('the licence list (build/scripts/build-about.mjs)', () => {
  const list = collectLicenses({ projectDir: root, lock, runtime: ['node_modules/electron'] });

  it('names every production package of package-lock.json, at its locked version, with a licence', () => {
    const production = Object.entries(lock.packages).filter(([key, meta]) => key !== '' && meta.dev !== true);
    expect(production.length).toBeGreaterThan(0);
    for (const [key, meta] of production) {
      const entry = list.find((l) => l.name === (meta.name ?? nameOf(key)) && l.version === meta.version);
      expect(entry, key).toBeDefined();
      expect(entry!.license, key).not.toBe('UNKNOWN');
    }
  });

  it('carries the licence text of every installed package, and lists dev-only packages only when shipped', () => {
    const zod = list.find((l) => l.name === 'zod')!;
    expect(zod.text).toMatch(/MIT License|Permission is hereby granted/);
    expect(zod.shippedAs).toContain('dependency');
    expect(list.find((l) => l.name === 'electron')?.shippedAs).toEqual(['runtime']);
    expect(list.find((l) => l.name === 'vitest')).toBeUndefined();
    expect(list.find((l) => l.name === 'react')).toBeUndefined();
  });

  it('adds what the bundles were made from, read from their source maps', () => {
    const map = { sources: ['../../node_modules/react-dom/cjs/react-dom.production.js', '../../renderer/src/main.tsx', '../../node_modules/docx/node_modules/nanoid/index.js', 'webpack://x/node_modules/@kurkle/color/dist/color.esm.js'] };
    const keys = bundledKeysOfSourceMap(map);
    expect([...keys].sort()).toEqual(['node_modules/@kurkle/color', 'node_modules/docx/node_modules/nanoid', 'node_modules/react-dom']);
    const withBundles = collectLicenses({ projectDir: root, lock, bundled: new Set(['node_modules/react-dom']) });
    const reactDom = withBundles.find((l) => l.name === 'react-dom')!;
    expect(reactDom.shippedAs).toEqual(['bundled']);
    expect(reactDom.text).toMatch(/MIT/);
    expect(packageKeyOf('src/own.ts')).toBeNull();
  });

  it('falls back to the lock file for a platform variant not installed here, without a text', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'pingyi-lic-'));
    try {
      mkdirSync(path.join(tmp, 'node_modules', 'a'), { recursive: true });
      writeFileSync(path.join(tmp, 'node_modules', 'a', 'package.json'), JSON.stringify({ name: 'a', version: '1.0.0', license: { type: 'ISC' } }));
      writeFileSync(path.join(tmp, 'node_modules', 'a', 'LICENCE.txt'), 'ISC text');
      const fake = {
        packages: {
          '': { name: 'app' },
          'node_modules/a': { version: '1.0.0' },
          'node_modules/b-linux-arm64': { version: '2.0.0', license: 'MIT', optional: true },
          'node_modules/devonly': { version: '3.0.0', dev: true },
        },
      };
      expect(collectLicenses({ projectDir: tmp, lock: fake })).toEqual([
        { name: 'a', version: '1.0.0', license: 'ISC', text: 'ISC text', shippedAs: ['dependency'] },
        { name: 'b-linux-arm64', version: '2.0.0', license: 'MIT', text: null, shippedAs: ['dependency'] },
      ]);
      expect(() => collectLicenses({ projectDir: tmp, lock: {} })).toThrow(/lockfile v2/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
