import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppServices } from '../../electron/services/app-services';
import { silentLogger } from '../../electron/services/deps';
import { writeFileDurably } from '../../electron/services/store/durable-file';
import { nodeStoreFs } from '../../electron/services/store/store-fs';
import type { Member } from '../../shared/domain/people';
import { percentile, report } from './stats';

const ROUNDS = 200;

/** One small change through the API handler: validation + operation + serialization + durable write. */
async function handlerWrites(dataDir: string): Promise<{ samples: number[]; coreBytes: Buffer }> {
  const home = await mkdtemp(join(tmpdir(), 'pingyi-bench-home-'));
  const services = await createAppServices({ homeDir: home, dataDir, mode: 'browser', version: 'bench', log: silentLogger, backupOnStart: false });
  const list = await services.dispatch('desk', 'members.list', {});
  if (!list.ok) throw new Error(list.error.message);
  const member = (list.result as Member[])[0]!;
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS + 10; i++) {
    const t0 = performance.now();
    const reply = await services.dispatch('desk', 'members.update', { member: { ...member, note: `备注${i}` } });
    const dt = performance.now() - t0;
    if (!reply.ok) throw new Error(reply.error.message);
    if (i >= 10) samples.push(dt);
  }
  await services.close();
  const coreBytes = await readFile(join(dataDir, 'core.json'));
  return { samples, coreBytes };
}

/** The same bytes through the same durable steps (temp, write, fsync, rename, dir fsync), nothing else. */
async function bareWrites(bytes: Buffer): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pingyi-bench-bare-'));
  const target = join(dir, 'core.json');
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS + 10; i++) {
    const t0 = performance.now();
    await writeFileDurably(nodeStoreFs, target, bytes);
    const dt = performance.now() - t0;
    if (i >= 10) samples.push(dt);
  }
  await rm(dir, { recursive: true, force: true });
  return samples;
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

export async function storeBench(archive10: string, archive1: string): Promise<void> {
  const ten = await handlerWrites(archive10);
  const one = await handlerWrites(archive1);
  const bare = await bareWrites(ten.coreBytes);
  const p95ten = percentile(ten.samples, 95);
  const p95one = percentile(one.samples, 95);
  report('store.write.p50.ms', percentile(ten.samples, 50), 'ms');
  report('store.write.p95.ms', p95ten, 'ms');
  report('store.write.p95.1y.ms', p95one, 'ms');
  report('store.write.growth', p95ten / p95one, 'ratio');
  report('store.write.ratio', p95ten / percentile(bare, 95), 'ratio');
  report('store.write.bare.p95.ms', percentile(bare, 95), 'ms');
  report('disk.fsync.p95.ms', percentile(await fsyncs(), 95), 'ms');
}
