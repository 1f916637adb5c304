import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import { silentLogger } from '../../electron/services/deps';
import type { CoreData } from '../../shared/domain/partitions';
import { generateArchive } from './archive-gen';
import { percentile, report } from './stats';

const ROUNDS = 60;
const WARMUP = 5;

/** The calls the workbench makes when it opens: the desk's figures and the closed loop's (stages, deadlines). */
const WORKBENCH_CALLS = ['desk.overview', 'loop.overview'] as const;

interface Workbench {
  /** One load of the workbench's data, in ms: every call through dispatch (validation, role check, handler). */
  load(): Promise<number>;
  /** What the loop holds: evaluations on record, year partitions, due list length. */
  shape(): Promise<{ years: number; cases: number; due: number }>;
  /** A change to the core partition (untimed): the next load computes every row again. */
  touch(): Promise<void>;
  /** One call alone, in ms. */
  time(call: (typeof WORKBENCH_CALLS)[number]): Promise<number>;
  close(): Promise<void>;
}

async function workbench(dataDir: string): Promise<Workbench> {
  const home = await mkdtemp(join(tmpdir(), 'pingyi-bench-ledger-'));
  const services: AppServices = await createAppServices({ homeDir: home, dataDir, mode: 'browser', version: 'bench', log: silentLogger, backupOnStart: false });
  let touches = 0;
  return {
    async load() {
      const t0 = performance.now();
      // As the page asks: both at once, the workbench drawn when both have answered.
      const replies = await Promise.all(WORKBENCH_CALLS.map((call) => services.dispatch('desk', call, {})));
      const ms = performance.now() - t0;
      for (const reply of replies) if (!reply.ok) throw new Error(reply.error.message);
      return ms;
    },
    async shape() {
      const reply = await services.dispatch('desk', 'loop.overview', {});
      if (!reply.ok) throw new Error(reply.error.message);
      const o = reply.result as { due: unknown[]; stages: { count: number }[] };
      return { years: services.store.list('year').length, cases: o.stages.reduce((n, s) => n + s.count, 0), due: o.due.length };
    },
    async touch() {
      // A real change (the short name, back and forth): a write that changes nothing keeps the partition as it is.
      touches++;
      await services.store.update<CoreData, void>('core', (core) => {
        const name = core.settings.organisation.shortName.replace(/·$/, '');
        core.settings.organisation.shortName = touches % 2 ? `${name}·` : name;
      });
    },
    async time(call) {
      const t0 = performance.now();
      const reply = await services.dispatch('desk', call, {});
      const ms = performance.now() - t0;
      if (!reply.ok) throw new Error(reply.error.message);
      return ms;
    },
    close: () => services.close(),
  };
}

/**
 * 工作台 with the 10-year archive (every year's loop complete) against the 1-year one: the service
 * time of the workbench's calls in-process, through the real dispatch, sampled in turn so a busy
 * machine weighs on both alike. Prints figures; asserts nothing.
 */
export async function ledgerBench(archive10: string, _archive1: string): Promise<void> {
  // The shared 1-year archive is the current year alone, planned, with no loop record at all: a
  // ratio against it would measure emptiness. The baseline is one year of the same shape instead,
  // the year before the current one with its whole loop and the meetings that hold it.
  const loopYear = await generateArchive(join(await mkdtemp(join(tmpdir(), 'pingyi-a1loop-')), 'data'), 1, new Date().getFullYear(), { loopYearOnly: true });
  const tenBench = await workbench(archive10);
  const oneBench = await workbench(loopYear.dataDir);
  try {
    const [s10, s1] = [await tenBench.shape(), await oneBench.shape()];
    report('ledger.archive.10y.cases', s10.cases, 'count');
    report('ledger.archive.10y.due', s10.due, 'count');
    report('ledger.archive.1y.cases', s1.cases, 'count');
    report('ledger.archive.1y.due', s1.due, 'count');
    for (let i = 0; i < WARMUP; i++) {
      await tenBench.load();
      await oneBench.load();
    }
    const ten: number[] = [];
    const one: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      if (i % 2 === 0) {
        ten.push(await tenBench.load());
        one.push(await oneBench.load());
      } else {
        one.push(await oneBench.load());
        ten.push(await tenBench.load());
      }
    }
    const p50ten = percentile(ten, 50);
    const p50one = percentile(one, 50);
    report('ledger.workbench.ms', p50ten, 'ms');
    report('ledger.workbench.p95.ms', percentile(ten, 95), 'ms');
    report('ledger.workbench.1y.ms', p50one, 'ms');
    report('ledger.workbench.growth', p50ten / p50one, 'ratio');
    // The first load after a change to core (every row computed again, the worst case after a write).
    const afterChange: number[] = [];
    for (let i = 0; i < ROUNDS / 4; i++) {
      await tenBench.touch();
      afterChange.push(await tenBench.load());
    }
    report('ledger.workbench.afterChange.ms', percentile(afterChange, 50), 'ms');
    // Where the time goes with ten years: each call made alone (p50).
    for (const call of WORKBENCH_CALLS) {
      const alone: number[] = [];
      for (let i = 0; i < ROUNDS / 2; i++) alone.push(await tenBench.time(call));
      report(`ledger.workbench.${call}.ms`, percentile(alone, 50), 'ms');
    }
  } finally {
    await tenBench.close();
    await oneBench.close();
  }
}
