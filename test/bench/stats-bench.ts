import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices } from '../../electron/services/app-services';
import { silentLogger } from '../../electron/services/deps';
import { statsInput } from '../../electron/services/stats/stats-data';
import { computeStats } from '../../shared/stats';
import { percentile, report } from './stats';
import { routeRenderBench } from './ui-bench';

const ROUNDS = 40;
const WARMUP = 5;

/**
 * 统计 on the 10-year archive: `stats.compute.ms` — every figure of every year of the term, the running totals and
 * the charts' series computed from the records read (computeStats, p50); `stats.view.ms` — the call the screen
 * makes, through dispatch (reading the partitions and computing, p50).
 */
export async function statsComputeBench(archive10: string): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'pingyi-bench-stats-'));
  const services = await createAppServices({ homeDir: home, dataDir: archive10, mode: 'browser', version: 'bench', log: silentLogger, backupOnStart: false });
  try {
    const ctx = { store: services.store, clock: { now: () => Date.now() } } as unknown as Parameters<typeof statsInput>[0];
    const { input } = await statsInput(ctx);
    const compute: number[] = [];
    const view: number[] = [];
    for (let i = 0; i < ROUNDS + WARMUP; i++) {
      const t0 = performance.now();
      computeStats(input);
      const t1 = performance.now();
      const reply = await services.dispatch('desk', 'stats.view', {});
      const t2 = performance.now();
      if (!reply.ok) throw new Error(reply.error.message);
      if (i >= WARMUP) {
        compute.push(t1 - t0);
        view.push(t2 - t1);
      }
    }
    report('stats.archive.10y.years', input.years.length, 'count');
    report('stats.archive.10y.meetings', input.meetings.length, 'count');
    report('stats.compute.ms', percentile(compute, 50), 'ms');
    report('stats.compute.p95.ms', percentile(compute, 95), 'ms');
    report('stats.view.ms', percentile(view, 50), 'ms');
  } finally {
    await services.close();
  }
}

/** 统计 in Chromium on the 10-year archive: route change → figures and charts rendered (performance mark set by the page). */
export function statsRenderBench(archive10: string): Promise<void> {
  return routeRenderBench(archive10, '#/stats', 'stats-rendered', 'ui.stats.render');
}
