import { ApiError } from '../../../shared/api/errors';
import type { EvidenceTarget, loopCalls } from '../../../shared/api/calls/loop';
import type { LoopData, FileRef } from '../../../shared/loop/schemas';
import { LOOP_LABELS } from '../../../shared/loop/labels';
import { evidenceFileProblem } from '../../../shared/loop/validation';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { recordFor } from '../opinions/opinion-data';
import { readEvidence, storeEvidence } from './evidence-files';
import { writableLoop } from './loop-records';
import { syncLedger } from './ledger-sync';
import { findCase } from './loop-read';
import { changeCase } from './loop-writes';
import type { YearData } from '../../../shared/domain/partitions';

type EvidenceHandlers = Pick<Handlers, Extract<keyof typeof loopCalls, `loop.evidence.${string}`>>;

/** Per list: the ledger's evidence and an escalation step's documents hold up to 200 files. */
const LIST_MAX = 200;

/** Where a target's files are kept, read-only or for a change. */
interface Slot {
  what: string;
  files: readonly FileRef[];
  /** Replaces the target's files (a plan or report keeps one file: the last attached). */
  set(files: FileRef[]): void;
  single: boolean;
}

function slotOf(loop: LoopData, data: Readonly<YearData>, evaluationId: string, target: EvidenceTarget): Slot {
  switch (target.kind) {
    case 'ledger': {
      const opinion = recordFor(data, evaluationId);
      const entry = opinion ? loop.ledger.find((e) => e.opinionId === opinion.id && e.itemNo === target.itemNo) : undefined;
      if (!entry) throw new ApiError('not_found', `整改台账中没有第${target.itemNo}项。`);
      return { what: `第${target.itemNo}项的佐证材料`, files: entry.evidence, set: (f) => (entry.evidence = f), single: false };
    }
    case 'plan': {
      const plan = loop.plans.find((p) => p.evaluationId === evaluationId);
      if (!plan) throw new ApiError('conflict', '请先登记收到整改方案，再添加其文件。');
      return { what: '整改方案文件', files: plan.file ? [plan.file] : [], set: (f) => (plan.file = f.at(-1) ?? null), single: true };
    }
    case 'report': {
      const report = loop.reports.find((p) => p.evaluationId === evaluationId);
      if (!report) throw new ApiError('conflict', '请先登记收到整改情况报告，再添加其文件或扫描件。');
      return { what: '整改情况报告文件', files: report.file ? [report.file] : [], set: (f) => (report.file = f.at(-1) ?? null), single: true };
    }
    case 'escalation': {
      const step = loop.escalation.find((s) => s.id === target.stepId && s.evaluationId === evaluationId);
      if (!step) throw new ApiError('not_found', '该监督措施记录已不存在，可能已被删除。');
      return { what: `${LOOP_LABELS.escalationKind[step.kind]}的相关文件`, files: step.documents, set: (f) => (step.documents = f), single: false };
    }
  }
}

/** The evaluation's loop records as a change would see them (ledger reconciled), without writing. */
async function currentView(ctx: ServiceContext, year: number, evaluationId: string): Promise<[LoopData, YearData]> {
  const { data } = await findCase(ctx, year, evaluationId);
  const draft = structuredClone(data) as YearData;
  syncLedger(draft, evaluationId);
  return [writableLoop(draft), draft];
}

export function evidenceHandlers(ctx: ServiceContext): EvidenceHandlers {
  return {
    'loop.evidence.stage': ({ fileName, bytes }, caller) => ctx.uploads.stage(caller.role, fileName, bytes),

    'loop.evidence.attach': async ({ year, evaluationId, target, uploadId }, caller) => {
      const staged = ctx.uploads.get(caller.role, uploadId);
      if (!staged) throw new ApiError('not_found', '上传的文件已失效（超过1小时未添加，或程序已重新启动），请重新选择文件。');
      const problem = evidenceFileProblem(staged.name, staged.bytes.byteLength);
      if (problem) throw new ApiError('invalid_args', problem);
      // The target is checked before the copy, so a refused attach leaves no file behind.
      slotOf(...(await currentView(ctx, year, evaluationId)), evaluationId, target);
      // The file is durable in the data folder before any record names it; in the store's queue, so
      // a data-folder move or a backup never runs half-way through the copy.
      const store = ctx.store;
      const ref = await store.exclusive(() => storeEvidence(store.dataDir, staged.name, staged.bytes));
      const result = await changeCase(ctx, year, evaluationId, (s) => {
        const slot = slotOf(writableLoop(s.data), s.data, evaluationId, target);
        if (slot.files.some((f) => f.sha256 === ref.sha256)) throw new ApiError('conflict', `${slot.what}中已有同样内容的文件“${slot.files.find((f) => f.sha256 === ref.sha256)?.name}”。`);
        if (!slot.single && slot.files.length >= LIST_MAX) throw new ApiError('conflict', `${slot.what}已有${LIST_MAX}个文件，不能再添加。`);
        slot.set([...slot.files, ref]);
      });
      ctx.uploads.discard(uploadId);
      return result;
    },

    'loop.evidence.remove': ({ year, evaluationId, target, sha256 }) =>
      changeCase(ctx, year, evaluationId, (s) => {
        const slot = slotOf(writableLoop(s.data), s.data, evaluationId, target);
        if (!slot.files.some((f) => f.sha256 === sha256)) throw new ApiError('not_found', `${slot.what}中没有该文件，可能已被移除。`);
        slot.set(slot.files.filter((f) => f.sha256 !== sha256));
      }),

    'loop.evidence.open': async ({ year, evaluationId, target, sha256 }, caller) => {
      const slot = slotOf(...(await currentView(ctx, year, evaluationId)), evaluationId, target);
      const ref = slot.files.find((f) => f.sha256 === sha256);
      if (!ref) throw new ApiError('not_found', `${slot.what}中没有该文件，可能已被移除。`);
      const bytes = await readEvidence(ctx.store.dataDir, ref);
      return ctx.files.open(caller, { fileName: ref.name, contentType: contentTypeOf(ref.name), bytes });
    },
  };
}

const TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ofd: 'application/ofd',
  txt: 'text/plain; charset=utf-8',
};

/** Downloads are always attachments (never shown in the page), so the type only helps the browser name it. */
function contentTypeOf(name: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'application/octet-stream';
}
