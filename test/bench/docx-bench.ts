import { Document, Packer, Paragraph, TextRun } from 'docx';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoCounty } from '../../electron/services/demo/demo-county';
import { writeDocxAtomically } from '../../electron/services/documents';
import { runBatch } from '../../electron/services/exports/runner';
import { ZipSink } from '../../electron/services/exports/sinks';
import { opinionDocSettings } from '../../electron/services/opinions/doc-settings';
import { renderOpinion, type ExportFacts } from '../../electron/services/opinions/export';
import { opinionFileName, opinionTitleText, printedBody, type OpinionVersion } from '../../shared/domain/opinions';
import { formatDocNumber } from '../../shared/format/doc-number';
import { syntheticDraft } from '../unit/opinions/synthetic-draft';
import { percentile, report } from './stats';

/**
 * 评议意见 as Word files: one opinion for each of the demo county's 81 evaluatees, from synthetic
 * drafts of about 1,500 characters in the four sections (the demo county has no opinions).
 *
 *   docx.opinions.per_s   opinions laid out and packed per second
 *   docx.layout.ratio     time per opinion ÷ time per bare `docx` document holding the same paragraphs
 *                         as plain TextRuns (no page setup, fonts, header, grid estimate or 版记); goal ≤ 2
 *   docx.batch.s          the 81 opinions batch-exported to one zip through the export runner (rendered one
 *                         at a time, zipped, written atomically); goal ≤ docx.batch.goal_s = 2 × 81 ÷ per_s
 */

const ROUNDS = 5;
const CHARS = 1500;

interface Job {
  fileName: string;
  version: OpinionVersion;
  facts: ExportFacts;
  /** The same text, as the bare document's paragraphs. */
  paragraphs: string[];
}

export function opinionJobs(currentYear = new Date().getFullYear()): Job[] {
  const demo = buildDemoCounty({ currentYear });
  const org = demo.core.settings.organisation;
  const units = new Map(demo.core.units.map((u) => [u.id, u.name]));
  return demo.core.evaluatees.map((e, i) => {
    const content = syntheticDraft(e.name, i + 1, CHARS);
    const version: OpinionVersion = {
      no: 1,
      createdAt: `${currentYear}-10-29T08:00:00.000Z`,
      updatedAt: `${currentYear}-10-29T08:00:00.000Z`,
      reason: '',
      content,
      council: { date: `${currentYear}-10-30`, sitting: 30 },
      issue: { docNumber: formatDocNumber(org.docPrefix, currentYear, i + 1), issueDate: `${currentYear}-11-02` },
      delivery: null,
    };
    const paragraphs = [opinionTitleText(e.name), `${content.addressee}：`, ...printedBody(content).map((p) => p.text + (p.runIn ?? ''))];
    return {
      fileName: opinionFileName(e.name),
      version,
      facts: { name: e.name, unitName: units.get(e.unitId) ?? '', organisation: org, session: demo.core.settings.term.session },
      paragraphs,
    };
  });
}

function bareDocument(paragraphs: readonly string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] });
  return Packer.toBuffer(doc);
}

async function timeAll(jobs: readonly Job[], run: (job: Job) => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (const job of jobs) await run(job);
  return performance.now() - t0;
}

/** Reports docx.opinions.per_s and docx.layout.ratio; answers per_s for the batch goal. */
export async function docxBench(): Promise<number> {
  const jobs = opinionJobs();
  const settings = opinionDocSettings(jobs[0]!.facts.organisation);
  const opinion = (job: Job) => renderOpinion(job.version, job.facts, settings);
  const bare = (job: Job) => bareDocument(job.paragraphs);
  // Warm up both paths (JIT, docx's lazy tables) before measuring.
  await timeAll(jobs.slice(0, 10), opinion);
  await timeAll(jobs.slice(0, 10), bare);
  const opinionMs: number[] = [];
  const bareMs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Interleaved, so a slow moment of the machine falls on both.
    opinionMs.push(await timeAll(jobs, opinion));
    bareMs.push(await timeAll(jobs, bare));
  }
  const perOpinion = percentile(opinionMs, 50) / jobs.length;
  const perBare = percentile(bareMs, 50) / jobs.length;
  report('docx.opinions.per_s', 1000 / perOpinion, 'per_s');
  report('docx.layout.ratio', perOpinion / perBare, 'ratio');
  return 1000 / perOpinion;
}

/**
 * The batch export: the 81 opinions rendered one at a time by the export runner (electron/services/exports)
 * into its zip sink, and the zip written atomically (nothing half-written if it fails) — the path
 * `exports.start` takes for a zip saved on the desktop. Returns the seconds it took, for `docx.batch.s`.
 */
export async function batchOpinionsZip(outPath: string, jobs: readonly Job[] = opinionJobs()): Promise<{ seconds: number; files: number; bytes: number }> {
  const t0 = performance.now();
  const settings = opinionDocSettings(jobs[0]!.facts.organisation);
  const items = jobs.map((job) => ({ fileName: job.fileName, render: async () => new Uint8Array(await renderOpinion(job.version, job.facts, settings)) }));
  const destination = {
    fileName: 'opinions.zip',
    async complete(bytes: Uint8Array) {
      await writeDocxAtomically(outPath, bytes);
      return { kind: 'saved' as const, path: outPath, fileName: 'opinions.zip', bytes: bytes.length };
    },
  };
  const outcome = await runBatch(items, new ZipSink(destination), { signal: new AbortController().signal });
  if (outcome.state !== 'done') throw new Error(`batch export ${outcome.state}: ${outcome.state === 'failed' ? String(outcome.error) : ''}`);
  return { seconds: (performance.now() - t0) / 1000, files: outcome.files.length, bytes: (await stat(outPath)).size };
}

/** docx.batch.s (median of 3) beside its goal, 2 × the time 81 single opinions take at docx.opinions.per_s. */
export async function docxBatchBench(perSecond: number): Promise<void> {
  const jobs = opinionJobs();
  const dir = await mkdtemp(join(tmpdir(), 'pingyi-batch-bench-'));
  try {
    const seconds: number[] = [];
    for (let r = 0; r < 3; r++) {
      const run = await batchOpinionsZip(join(dir, `opinions-${r}.zip`), jobs);
      if (run.files !== jobs.length) throw new Error(`the zip holds ${run.files} of ${jobs.length} opinions`);
      seconds.push(run.seconds);
    }
    report('docx.batch.s', percentile(seconds, 50), 's');
    report('docx.batch.goal_s', (2 * jobs.length) / perSecond, 's');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
