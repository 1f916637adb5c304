#!/usr/bin/env node
// Bundles everything that runs in Node or Electron's main/preload into dist/ with esbuild.
//
//   node build/scripts/build-node.mjs [--out DIR]
//
// Runtime dependencies (lowdb, zod, docx, fflate, chart.js) are bundled into the outputs. The one
// exception is @napi-rs/canvas (the results chart of the documents): its native .node binary cannot
// be bundled, so it stays a real require and electron-builder ships it in node_modules (see
// build/electron-builder.json). Entries whose source file does not exist yet are skipped with a
// note, so the script works while the tree is growing.
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOut } from './cli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const outDir = parseOut(process.argv.slice(2), root);

// Bundled CommonJS dependencies call require(); an ES module has none, so give it one.
const esmBanner = "import { createRequire as __pingyiCreateRequire } from 'node:module';\nconst require = __pingyiCreateRequire(import.meta.url);";

/** Packages with native binaries: loaded from node_modules at run time, never bundled. */
const NATIVE = ['@napi-rs/canvas'];

const common = {
  bundle: true,
  external: NATIVE,
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  absWorkingDir: root,
};

const node20Esm = { ...common, format: 'esm', platform: 'node', target: 'node20', banner: { js: esmBanner } };

const entries = [
  // Electron's main process: CommonJS because package.json "main" points at a .cjs file.
  // dynamic-import off: `await import('@napi-rs/canvas')` becomes require(), which loads a native
  // module from app.asar.unpacked in Electron, rather than an ES import of a package inside the asar.
  // Shipped in the installers: whitespace and syntax minified (names kept, so logged stacks still read).
  { src: 'electron/main.ts', out: 'electron/main.cjs', options: { ...common, format: 'cjs', platform: 'node', target: 'node20', external: ['electron', ...NATIVE], supported: { 'dynamic-import': false }, minifyWhitespace: true, minifySyntax: true }, packages: true },
  // A sandboxed preload can be neither an ES module nor require project files: one CJS file.
  { src: 'electron/preload.ts', out: 'electron/preload.cjs', options: { ...common, format: 'cjs', platform: 'node', target: 'node20', external: ['electron'] }, packages: true },
  { src: 'electron/serve.ts', out: 'serve/serve.mjs', options: node20Esm },
  // The bench drives Chromium through Playwright, which must stay a real node_modules import.
  { src: 'test/bench/bench.ts', out: 'bench/bench.mjs', options: { ...node20Esm, external: [...NATIVE, '@playwright/test', 'playwright-core', 'playwright'] } },
  { src: 'test/bench/archive.ts', out: 'bench/archive.mjs', options: node20Esm },
];

const started = performance.now();
const jobs = [];
for (const entry of entries) {
  if (!existsSync(path.join(root, entry.src))) {
    console.log(`build-node: skipped ${entry.src} (not written yet)`);
    continue;
  }
  const outfile = path.join(outDir, entry.out);
  jobs.push(
    build({ ...entry.options, entryPoints: [entry.src], outfile, metafile: true }).then((result) => {
      const bytes = result.metafile.outputs[path.relative(root, outfile).split(path.sep).join('/')]?.bytes;
      if (entry.packages) {
        // The packages bundled into a shipped file, from esbuild's own record of its inputs (the
        // minified code has no module comments left): the packaging test checks none is dev-only.
        const names = new Set();
        for (const input of Object.keys(result.metafile.inputs)) {
          const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
          if (m) names.add(m[1]);
        }
        writeFileSync(`${outfile}.packages.json`, `${JSON.stringify([...names].sort(), null, 2)}\n`);
      }
      const shown = path.relative(root, outfile).startsWith('..') ? outfile : path.relative(root, outfile);
      console.log(`build-node: ${entry.src} → ${shown}${bytes ? ` (${Math.round(bytes / 1024)} KiB)` : ''}`);
    }),
  );
}

const results = await Promise.allSettled(jobs);
const failed = results.filter((r) => r.status === 'rejected');
if (failed.length > 0) {
  // esbuild has already printed the errors with file and line.
  console.error(`build-node: ${failed.length} bundle(s) failed`);
  process.exit(1);
}
// A sandboxed preload gets a require() that knows only 'electron' (and a few internals): any
// other require left in the bundle would fail only inside Electron, where tests here can't look.
const preloadOut = path.join(outDir, 'electron/preload.cjs');
if (existsSync(preloadOut)) {
  const requires = [...readFileSync(preloadOut, 'utf8').matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
  const foreign = requires.filter((name) => name !== 'electron');
  if (foreign.length > 0) {
    console.error(`build-node: the preload requires ${foreign.join(', ')}; a sandboxed preload may require only 'electron'`);
    process.exit(1);
  }
}

console.log(`build-node: done in ${Math.round(performance.now() - started)} ms`);
