import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../e2e/support/host';
import { percentile, report } from './stats';

const SERVE = resolve('dist/serve/serve.mjs');

/** Starts the host, waits for the first API answer, returns the elapsed time, stops the host. */
async function coldStart(dataDir: string, home: string, port: number, token?: string): Promise<{ ms: number; token: string }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [SERVE, '--port', String(port), '--home', home, '--data', dataDir], { stdio: 'ignore' });
  try {
    let tok = token;
    for (;;) {
      if (!tok) {
        try {
          const file = JSON.parse(await readFile(join(dataDir, 'host-tokens.json'), 'utf8')) as { tokens: { desk: string } };
          tok = file.tokens.desk;
        } catch {
          // not written yet
        }
      }
      if (tok) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/desk/api/desk.overview`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Cookie: `pingyi_desk=${tok}` },
            body: '{}',
          });
          if (res.ok && ((await res.json()) as { ok: boolean }).ok) return { ms: performance.now() - t0, token: tok };
        } catch {
          // not listening yet
        }
      }
      await new Promise((r) => setTimeout(r, 5));
      if (performance.now() - t0 > 30_000) throw new Error('host did not answer within 30 s');
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/** Browser-mode cold start (process spawn → first API answer) on the 10-year archive. */
export async function serveBench(archive10: string): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'pingyi-bench-serve-'));
  const port = await freePort();
  const warm = await coldStart(archive10, home, port); // creates the tokens; not counted
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) samples.push((await coldStart(archive10, home, port, warm.token)).ms);
  report('serve.coldstart.ms', percentile(samples, 50), 'ms');
}
