import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The browser-mode host bundled from the working tree by the project's own build script into a
 * temp folder (the unit tests run before `npm run build`, so dist/ may be missing or stale).
 * Pages are not built: these tests only call the API.
 */
export async function buildServe(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'pingyi-serve-build-'));
  await promisify(execFile)(process.execPath, [resolve('build/scripts/build-node.mjs'), '--out', out]);
  return join(out, 'serve', 'serve.mjs');
}
