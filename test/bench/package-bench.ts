import { cp, mkdtemp, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import { silentLogger } from '../../electron/services/deps';
import type { FileDelivery } from '../../shared/api/file-types';
import type { MeetingSummary } from '../../shared/api/desk-types';
import type { PackageExportResult, PackageImportResult } from '../../shared/api/package-types';
import { percentile, report } from './stats';

const ROUNDS = 5;

async function call<T>(s: AppServices, name: string, args: Record<string, unknown>): Promise<T> {
  const reply = await s.dispatch('desk', name as never, args as never);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
  return reply.result as T;
}

function take(s: AppServices, d: FileDelivery): { name: string; bytes: Uint8Array } {
  if (d.kind !== 'download') throw new Error(`expected a download, got ${d.kind}`);
  const id = decodeURIComponent(d.url.split('/').pop()!);
  const entry = s.downloads.take('desk', id);
  if (!entry || typeof entry.body === 'string' || !entry.body) throw new Error('no download');
  return { name: entry.fileName, bytes: entry.body };
}

/**
 * The meeting package's whole trip for the biggest meeting of the 10-year archive (a copy of it, so
 * the other groups' archive is not marked): the desk exports it, a fresh hall laptop (the demo county)
 * imports it, exports the results, the desk checks and merges them. In-process, through the real
 * dispatch and the real stores (fsync included). Prints `package.roundtrip.ms` (p50) and its parts.
 */
export async function packageBench(archive10: string): Promise<void> {
  const deskDir = join(await mkdtemp(join(tmpdir(), 'pingyi-bench-pkg-desk-')), 'data');
  await cp(archive10, deskDir, { recursive: true, filter: (src) => !src.endsWith('.lock') });
  const homes = [await mkdtemp(join(tmpdir(), 'pingyi-bench-pkg-h1-')), await mkdtemp(join(tmpdir(), 'pingyi-bench-pkg-h2-'))] as const;
  const desk = await createAppServices({ homeDir: homes[0], dataDir: deskDir, mode: 'browser', version: 'bench', log: silentLogger, backupOnStart: false });
  const laptop = await createAppServices({ homeDir: homes[1], mode: 'browser', version: 'bench', log: silentLogger, backupOnStart: false });
  try {
    const meetings = await call<MeetingSummary[]>(desk, 'meetings.list', {});
    const size = (m: MeetingSummary) => m.reportItems + m.writtenItems + m.voteItems + m.hearingItems + m.laterVoteItems;
    const meeting = [...meetings].sort((a, b) => size(b) - size(a) || b.date.localeCompare(a.date))[0]!;
    const parts = { export: [] as number[], import: [] as number[], results: [] as number[], merge: [] as number[], total: [] as number[] };
    let bytes = 0;
    let records = 0;
    for (let round = 0; round <= ROUNDS; round++) {
      const t0 = performance.now();
      const pkg = take(desk, (await call<PackageExportResult>(desk, 'package.export', { meetingId: meeting.id })).delivery);
      const t1 = performance.now();
      const up1 = laptop.uploads.stage('desk', pkg.name, pkg.bytes).uploadId;
      await call(laptop, 'package.inspect', { uploadId: up1 });
      const imported = await call<PackageImportResult>(laptop, 'package.import', { uploadId: up1 });
      const t2 = performance.now();
      const res = take(laptop, (await call<PackageExportResult>(laptop, 'package.exportResults', { meetingId: meeting.id })).delivery);
      const t3 = performance.now();
      const up2 = desk.uploads.stage('desk', res.name, res.bytes).uploadId;
      await call(desk, 'package.inspect', { uploadId: up2 });
      await call(desk, 'package.import', { uploadId: up2 });
      const t4 = performance.now();
      if (round === 0) {
        bytes = pkg.bytes.length;
        records = imported.written;
        continue; // warm-up
      }
      parts.export.push(t1 - t0);
      parts.import.push(t2 - t1);
      parts.results.push(t3 - t2);
      parts.merge.push(t4 - t3);
      parts.total.push(t4 - t0);
    }
    report('package.meeting.agendaItems', size(meeting), 'count');
    report('package.bytes', bytes, 'count');
    report('package.records', records, 'count');
    report('package.roundtrip.ms', percentile(parts.total, 50), 'ms');
    report('package.export.ms', percentile(parts.export, 50), 'ms');
    report('package.import.ms', percentile(parts.import, 50), 'ms');
    report('package.exportResults.ms', percentile(parts.results, 50), 'ms');
    report('package.merge.ms', percentile(parts.merge, 50), 'ms');
  } finally {
    await desk.close();
    await laptop.close();
    for (const dir of [dirname(deskDir), ...homes]) await rm(dir, { recursive: true, force: true });
  }
}
