import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * `bench dist.app.mb`: the packed app's own size (app.asar plus the unpacked native canvas), from
 * build/scripts/pack-linux.mjs packing what `npm run build` left in dist/ against a stand-in
 * Electron runtime (offline). Run as its own process: it prints its own lines.
 */
export async function distBench(): Promise<void> {
  // dist/bench/bench.mjs → the project root.
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['build/scripts/pack-linux.mjs'], { cwd: root, stdio: 'inherit' });
}
