import { ApiError } from '../../../shared/api/errors';
import {
  EXPORT_WHAT_LABELS,
  type ExportJobView,
  type ExportLogEntry,
  type ExportResult,
  type ExportStart,
  type exportCalls,
} from '../../../shared/api/calls/exports';
import { FILE_TYPES, type FileDelivery } from '../../../shared/api/file-types';
import type { MeetingData } from '../../../shared/domain/partitions';
import type { CallContext, Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { readMeeting } from '../desk/desk-data';
import { appendExportLog, readExportLog } from './export-log';
import { runBatch, type BatchItem, type BatchOutcome, type BatchSink } from './runner';
import { FolderSink, ZipSink } from './sinks';
import { StagingRegister } from './staging-register';
import { batchName, exportSources } from './sources';
import { errorForUser } from '../store/messages';

type ExportHandlers = Pick<Handlers, keyof typeof exportCalls>;

/** Finished jobs kept for `exports.status` after their last event (a window that reconnects asks). */
const KEEP_FINISHED = 20;

interface Job {
  view: ExportJobView;
  abort: AbortController;
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function doneMessage(view: ExportJobView, result: ExportResult, count: number): string {
  if (result.target === 'folder') return `已导出 ${count} 个文件到 ${result.path}`;
  const d = result.delivery;
  if (d.kind === 'saved') return `已导出 ${count} 个文件到压缩包 ${d.path}`;
  if (d.kind === 'download') return `已生成压缩包“${d.fileName}”（${count} 个${EXPORT_WHAT_LABELS[view.what]}文件），浏览器正在下载。`;
  return '已取消，未写入任何文件。';
}

function location(result: ExportResult): string | null {
  if (result.target === 'folder') return result.path;
  if (result.delivery.kind === 'saved') return result.delivery.path;
  if (result.delivery.kind === 'download') return result.delivery.fileName;
  return null;
}

/**
 * 批量导出 jobs: `exports.start` collects the meeting's files, asks where they go (the desktop's
 * dialog comes before any work), then runs the batch in the background and answers at once with
 * the job; `exports.progress` follows every file. The end of a job — done, cancelled or failed — is
 * written to the export log before the last event is published.
 */
export function exportHandlers(ctx: ServiceContext): ExportHandlers {
  const jobs = new Map<string, Job>();
  let sequence = 0;
  // Folder exports a crash interrupted leave a staging folder behind: removed at start and before each export.
  const staging = new StagingRegister(() => ctx.store.dataDir);
  const active = new Set<string>();
  const hooks = {
    staging: async (path: string) => {
      active.add(path);
      await staging.add(path);
    },
    settled: async (path: string) => {
      active.delete(path);
      await staging.forget(path);
    },
  };
  const sweep = () =>
    staging.sweep(active).then(
      (removed) => {
        if (removed.length > 0) ctx.log.info('removed staging folders of interrupted exports', { removed });
      },
      (err: unknown) => ctx.log.error('could not remove staging folders of interrupted exports', { error: errorText(err) }),
    );
  void sweep();

  /** ex_ + 10 random characters + a sequence number, so even a fixed test random never repeats an id. */
  const newJobId = () => {
    let body = '';
    for (const b of ctx.random.bytes(10)) body += ID_ALPHABET[b & 31];
    return `ex_${body}${(sequence++).toString(36)}`;
  };

  const publish = (job: Job) => ctx.hub.publish('exports.progress', structuredClone(job.view));

  const forget = () => {
    const finished = [...jobs.values()].filter((j) => j.view.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(j.view.jobId);
  };

  const find = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new ApiError('not_found', '找不到该导出任务（可能已结束较久或程序已重启），请查看导出记录。');
    return job;
  };

  async function finish<R>(job: Job, outcome: BatchOutcome<R>, toResult: (r: R) => ExportResult): Promise<void> {
    const view = job.view;
    const label = EXPORT_WHAT_LABELS[view.what];
    const files = outcome.files;
    view.state = outcome.state;
    if (outcome.state === 'done') {
      const result = toResult(outcome.result);
      view.result = result;
      view.message = doneMessage(view, result, files.length);
    } else if (outcome.state === 'cancelled') {
      view.message = `已取消导出${label}，未写入任何文件。`;
    } else {
      const where = outcome.fileName ? `生成“${outcome.fileName}”时出错` : '写入时出错';
      view.message = `导出${label}失败（${where}：${errorForUser(outcome.error, '导出位置')}），未写入任何文件。`;
      ctx.log.error('batch export failed', { jobId: view.jobId, what: view.what, file: outcome.fileName, error: outcome.error instanceof Error ? (outcome.error.stack ?? outcome.error.message) : String(outcome.error) });
    }
    view.current = null;
    const entry: ExportLogEntry = {
      at: new Date(ctx.clock.now()).toISOString(),
      jobId: view.jobId,
      what: view.what,
      meetingId: view.meetingId,
      meetingName: view.meetingName,
      target: view.target,
      state: outcome.state,
      location: view.result ? location(view.result) : null,
      files,
      message: view.message,
    };
    try {
      await appendExportLog(ctx.store.dataDir, entry);
    } catch (err) {
      ctx.log.error('could not append to the export log', { jobId: view.jobId, error: errorText(err) });
      view.message += `（导出记录未能写入：${errorForUser(err, '日志文件夹')}）`;
    }
    publish(job);
    forget();
  }

  function launch<R>(job: Job, items: BatchItem[], sink: BatchSink<R>, toResult: (r: R) => ExportResult): Promise<void> {
    return runBatch(items, sink, {
      signal: job.abort.signal,
      onProgress: ({ done, total, current }) => {
        job.view.done = done;
        job.view.total = total;
        job.view.current = current;
        job.view.message = current ? `正在生成 ${done + 1}/${total}：${current}` : `正在写入 ${total} 个文件…`;
        publish(job);
      },
    })
      .then((outcome) => finish(job, outcome, toResult))
      .catch((err: unknown) => {
        // finish itself failed (it never should): the job still ends, as failed.
        ctx.log.error('batch export ended abnormally', { jobId: job.view.jobId, error: errorText(err) });
        job.view.state = 'failed';
        job.view.message = `导出失败：${errorForUser(err, '导出位置')}`;
        publish(job);
      });
  }

  async function start(meeting: Readonly<MeetingData>, args: { what: ExportJobView['what']; target: ExportJobView['target']; folder?: string | undefined }, caller: CallContext): Promise<ExportStart> {
    const source = exportSources[args.what];
    const items = await source.collect(ctx, meeting);
    if (items.length === 0) throw new ApiError('conflict', source.empty);
    const name = batchName(meeting, args.what);
    const view: ExportJobView = {
      jobId: newJobId(),
      meetingId: meeting.meeting.id,
      meetingName: meeting.meeting.name,
      what: args.what,
      target: args.target,
      done: 0,
      total: items.length,
      current: null,
      state: 'running',
      message: `准备导出 ${items.length} 个${EXPORT_WHAT_LABELS[args.what]}文件…`,
      result: null,
    };
    const job: Job = { view, abort: new AbortController() };
    if (args.target === 'zip') {
      // The desktop's save dialog comes first: nothing is rendered for a zip nobody will save.
      const destination = await ctx.files.destination(caller, { fileName: `${name}.zip`, contentType: FILE_TYPES.zip });
      if (!destination) return { kind: 'cancelled' };
      jobs.set(view.jobId, job);
      void launch(job, items, new ZipSink(destination, new Date(ctx.clock.now())), (delivery: FileDelivery) => ({ target: 'zip', delivery }));
    } else {
      const parent = await ctx.files.chooseFolder(caller, args.folder);
      if (parent === null) return { kind: 'cancelled' };
      await sweep();
      jobs.set(view.jobId, job);
      void launch(job, items, new FolderSink(parent, name, undefined, hooks), (r) => ({ target: 'folder', path: r.path }));
    }
    return { kind: 'started', job: structuredClone(view) };
  }

  return {
    'exports.start': async (args, caller) => start(await readMeeting(ctx, args.meetingId), args, caller),

    'exports.cancel': ({ jobId }) => {
      const job = find(jobId);
      if (job.view.state === 'running') {
        job.abort.abort();
        job.view.message = '正在取消…';
      }
      return structuredClone(job.view);
    },

    'exports.status': ({ jobId }) => structuredClone(find(jobId).view),

    'exports.log': () => readExportLog(ctx.store.dataDir),
  };
}
