import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import { silentLogger } from '../../electron/services/deps';
import { writeFileDurably } from '../../electron/services/store/durable-file';
import { nodeStoreFs } from '../../electron/services/store/store-fs';
import type { Member } from '../../shared/domain/people';
import { percentile, report } from './stats';

const ROUNDS = 400;
const WARMUP = 20;

interface Writer {
  /** One timed write, in ms. */
  write(i: number): Promise<number>;
  close(): Promise<void>;
}

/** One small change through the API handler: validation + operation + serialization + durable write. */
async function handlerWriter(dataDir: string): Promise<Writer> {
  const home = await mkdtemp(join(tmpdir(), 'pingyi-bench-home-'));
  const services: AppServices = await createAppServices({ homeDir: home, dataDir, mode: 'browser', version: 'bench', log: silentLogger, backupOnStart: false });
  const list = await services.dispatch('desk', 'members.list', {});
  if (!list.ok) throw new Error(list.error.message);
  const member = (list.result as Member[])[0]!;
  return {
    async write(i) {
      const t0 = performance.now();
      const reply = await services.dispatch('desk', 'members.update', { member: { ...member, note: `备注${i}` } });
      const dt = performance.now() - t0;
      if (!reply.ok) throw new Error(reply.error.message);
      return dt;
    },
    close: () => services.close(),
  };
}

/** The same bytes through the same durable steps (temp, write, fsync, rename, dir fsync), nothing else. */
async function bareWriter(bytes: Buffer): Promise<Writer> {
  const dir = await mkdtemp(join(tmpdir(), 'pingyi-bench-bare-'));
  const target = join(dir, 'core.json');
  return {
    async write() {
      const t0 = performance.now();
      await writeFileDurably(nodeStoreFs, target, bytes);
      return performance.now() - t0;
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

async function fsyncs(): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pingyi-bench-fsync-'));
  const handle = await open(join(dir, 'f'), 'w');
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    await handle.write(`${i}\n`);
    const t0 = performance.now();
    await handle.sync();
    samples.push(performance.now() - t0);
  }
  await handle.close();
  await rm(dir, { recursive: true, force: true });
  return samples;
}

/**
 * The three series are sampled in turn (10-year handler, 1-year handler, bare write, in rotating
 * order), so that the load of a busy machine falls on all of them alike and the ratios compare
 * like with like; the bare write uses the bytes of the 10-year core partition as written.
 */
export async function storeBench(archive10: string, archive1: string): Promise<void> {
  const ten = await handlerWriter(archive10);
  const one = await handlerWriter(archive1);
  for (let i = 0; i < WARMUP; i++) {
    await ten.write(i);
    await one.write(i);
  }
  const bare = await bareWriter(await readFile(join(archive10, 'core.json')));
  for (let i = 0; i < WARMUP; i++) await bare.write(i);
  const series: [Writer, number[]][] = [
    [ten, []],
    [one, []],
    [bare, []],
  ];
  for (let i = 0; i < ROUNDS; i++) {
    for (let k = 0; k < series.length; k++) {
      const [writer, samples] = series[(i + k) % series.length]!;
      samples.push(await writer.write(WARMUP + i));
    }
  }
  for (const [writer] of series) await writer.close();
  const [tenSamples, oneSamples, bareSamples] = series.map(([, samples]) => samples) as [number[], number[], number[]];
  const p95ten = percentile(tenSamples, 95);
  const p95one = percentile(oneSamples, 95);
  const p95bare = percentile(bareSamples, 95);
  report('store.write.p50.ms', percentile(tenSamples, 50), 'ms');
  report('store.write.p95.ms', p95ten, 'ms');
  report('store.write.p95.1y.ms', p95one, 'ms');
  report('store.write.growth', p95ten / p95one, 'ratio');
  report('store.write.ratio', p95ten / p95bare, 'ratio');
  report('store.write.bare.p50.ms', percentile(bareSamples, 50), 'ms');
  report('store.write.bare.p95.ms', p95bare, 'ms');
  report('disk.fsync.p95.ms', percentile(await fsyncs(), 95), 'ms');
}
