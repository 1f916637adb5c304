import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArchive } from './archive-gen';
import { distBench } from './dist-bench';
import { docxBatchBench, docxBench } from './docx-bench';
import { drawBench } from './draw-bench';
import { hallBench } from './hall-bench';
import { ledgerBench } from './ledger-bench';
import { packageBench } from './package-bench';
import { serveBench } from './serve-bench';
import { storeBench } from './store-bench';
import { reliabilityBench } from './reliability-bench';
import { planRenderBench } from './ui-bench';
import { voteBench } from './vote-bench';
import { xlsxBench } from './xlsx-bench';

import { statsComputeBench, statsRenderBench } from './stats-bench';

/**
 * npm run bench: prints every figure as `bench <name> <value> <unit>`. Measures; never asserts.
 * `npm run bench -- <group>` runs one group: store, serve, ui, hall, draw, vote, docx, ledger, package, stats, xlsx, reliability, dist.
 */
const GROUPS: Record<string, (a10: string, a1: string) => Promise<void>> = {
  store: storeBench,
  serve: (a10) => serveBench(a10),
  ui: (a10) => planRenderBench(a10),
  hall: (a10) => hallBench(a10),
  draw: (a10) => drawBench(a10),
  vote: voteBench,
  docx: async () => docxBatchBench(await docxBench()),
  ledger: ledgerBench,
  package: (a10) => packageBench(a10),
  stats: async (a10) => {
    await statsComputeBench(a10);
    await statsRenderBench(a10);
  },
};

/** Groups that build their own folders: run without generating the archives. */
const OWN_DATA: Record<string, () => Promise<void>> = {
  xlsx: xlsxBench,
  reliability: reliabilityBench,
  dist: distBench,
};

async function main() {
  const only = process.argv[2];
  if (only && !(only in GROUPS) && !(only in OWN_DATA)) throw new Error(`unknown group ${only}; one of ${[...Object.keys(GROUPS), ...Object.keys(OWN_DATA)].join(', ')}`);
  if (only && only in OWN_DATA) return OWN_DATA[only]!();
  const year = new Date().getFullYear();
  const archive10 = (await generateArchive(join(await mkdtemp(join(tmpdir(), 'pingyi-a10-')), 'data'), 10, year)).dataDir;
  const archive1 = (await generateArchive(join(await mkdtemp(join(tmpdir(), 'pingyi-a1-')), 'data'), 1, year)).dataDir;
  for (const [name, run] of Object.entries(GROUPS)) {
    if (!only || only === name) await run(archive10, archive1);
  }
  if (!only) for (const run of Object.values(OWN_DATA)) await run();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
