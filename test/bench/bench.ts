import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArchive } from './archive-gen';
import { serveBench } from './serve-bench';
import { storeBench } from './store-bench';
import { planRenderBench } from './ui-bench';
import { hallBench } from './hall-bench';

/**
 * npm run bench: prints every figure as `bench <name> <value> <unit>`. Measures; never asserts.
 * Run `npm run bench -- store` (or serve) for one group.
 */
async function main() {
  const only = process.argv[2];
  const year = new Date().getFullYear();
  const archive10 = (await generateArchive(join(await mkdtemp(join(tmpdir(), 'pingyi-a10-')), 'data'), 10, year)).dataDir;
  const archive1 = (await generateArchive(join(await mkdtemp(join(tmpdir(), 'pingyi-a1-')), 'data'), 1, year)).dataDir;
  if (!only || only === 'store') await storeBench(archive10, archive1);
  if (!only || only === 'serve') await serveBench(archive10);
  if (!only || only === 'ui') await planRenderBench(archive10);
  if (!only || only === 'hall') await hallBench(archive10);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
