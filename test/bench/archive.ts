import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateArchive } from './archive-gen';

/** npm run bench:archive -- --years 10 [--out DIR] : writes a synthetic archive for the benchmarks. */
async function main() {
  const argv = process.argv.slice(2);
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const years = Number(get('--years') ?? 10);
  if (!Number.isInteger(years) || years < 1 || years > 50) throw new Error('--years 应为 1–50 的整数');
  const out = get('--out') ? resolve(get('--out')!) : join(await mkdtemp(join(tmpdir(), 'pingyi-archive-')), 'data');
  const result = await generateArchive(out, years, new Date().getFullYear());
  console.log(`archive ${result.years[0]}–${result.years.at(-1)} (${years} years, ${result.files} partitions) → ${result.dataDir}`);
  console.log(`use: npm run serve -- --data ${result.dataDir}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
