import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { packageCalls } from '../../../shared/api/calls/package';
import type { ArchiveJobView } from '../../../shared/api/package-types';
import type { CallContext, Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { uniquePath } from '../file-port';
import { STORE_SCHEMA_VERSION, writePointer } from '../store';
import { errorForUser } from '../store/messages';
import { meetingKey, type MeetingData } from '../../../shared/domain/partitions';
import { ArchiveCancelled, openArchive, restoreArchiveTo, writeArchive } from './archive';
import { folderId } from './folder-id';
import { takeOpenedPackage } from './opened-file';
import { buildPackage, importPackage, inspectPackage, machineName } from './meeting-package';

type PackageHandlers = Pick<Handlers, keyof typeof packageCalls>;

const PACKAGE_TYPE = 'application/x-pingyi';
const KEEP_FINISHED = 10;

function staged(ctx: ServiceContext, caller: CallContext, uploadId: string) {
  const file = ctx.uploads.get(caller.role, uploadId);
  if (!file) throw new ApiError('not_found', '上传的文件已过期或不存在，请重新选择文件。');
  return file;
}

/** Browser mode: an archive file named by its full path on the host's computer (any size; never on the desktop). */
async function typedArchive(ctx: ServiceContext, typed: string | undefined): Promise<{ name: string; bytes: Uint8Array }> {
  const field = (message: string) => new ApiError('invalid_args', `完整备份文件：${message}`, [{ path: 'archivePath', message }]);
  if (!typed) throw field('请选择完整备份文件。');
  if (ctx.mode !== 'browser') throw field('桌面版请点“选择完整备份文件并恢复…”选择文件。');
  if (!isAbsolute(typed)) throw field(`“${typed}”不是完整路径，请从盘符或根目录写起。`);
  const info = await stat(typed).catch(() => null);
  if (!info) throw field(`找不到文件“${typed}”，请检查拼写或U盘是否插好。`);
  if (!info.isFile()) throw field(`“${typed}”不是文件。`);
  return { name: basename(typed), bytes: new Uint8Array(await readFile(typed)) };
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function packageHandlers(ctx: ServiceContext): PackageHandlers {
  const jobs = new Map<string, { view: ArchiveJobView; cancel: boolean }>();

  const exportOf = (kind: 'meeting' | 'results') => async ({ meetingId }: { meetingId: string }, caller: CallContext) => {
    // The desktop asks where first; nothing is marked when the dialog is closed.
    const probe = await buildName(meetingId, kind);
    const dest = await ctx.files.destination(caller, { fileName: probe, contentType: PACKAGE_TYPE });
    if (!dest) return { delivery: { kind: 'cancelled' as const }, packageId: '' };
    const built = await buildPackage(ctx, meetingId, kind);
    return { delivery: await dest.complete(built.bytes), packageId: built.packageId };
  };
  const buildName = async (meetingId: string, kind: 'meeting' | 'results') => {
    if (!ctx.store.has(meetingKey(meetingId))) throw new ApiError('not_found', '找不到该会议，可能已被删除。');
    const m = await ctx.store.read<{ meeting: { name: string } }>(meetingKey(meetingId));
    return `${m.meeting.name.replace(/[\\/:*?"<>|]/g, '－')}-${kind === 'meeting' ? '会议包' : '会议结果包'}.pingyi`;
  };

  return {
    'package.export': exportOf('meeting'),
    'package.exportResults': exportOf('results'),
    'package.inspect': async ({ uploadId }, caller) => {
      const file = staged(ctx, caller, uploadId);
      return inspectPackage(ctx, file.bytes, file.name);
    },
    'package.import': async ({ uploadId, confirmForeign, choices }, caller) => {
      const file = staged(ctx, caller, uploadId);
      const result = await importPackage(ctx, file.bytes, file.name, { ...(confirmForeign ? { confirmForeign } : {}), ...(choices ? { choices } : {}) });
      ctx.uploads.discard(uploadId);
      return result;
    },

    'package.handoffs': async () => {
      const out = [];
      for (const key of ctx.store.list('meeting')) {
        const data = await ctx.store.read<MeetingData>(key);
        if (data.handoff) out.push({ meetingId: data.meeting.id, meetingName: data.meeting.name, direction: data.handoff.direction, at: data.handoff.at, machine: data.handoff.machine });
      }
      return out;
    },
    'package.takeOpened': () => takeOpenedPackage(),
    'archive.start': async ({ includeBackups, folder }, caller) => {
      const dir = await ctx.files.chooseFolder(caller, folder);
      if (dir === null) return { kind: 'cancelled' };
      const now = ctx.clock.now();
      const target = await uniquePath(dir, `人大工作评议-完整备份-${stamp(now)}.zip`);
      const jobId = `ar_${randomBytes(8).toString('hex')}`;
      const job = { view: { jobId, state: 'running', done: 0, total: 0, bytes: 0, includeBackups, path: null, message: '正在读取数据文件夹…' } as ArchiveJobView, cancel: false };
      jobs.set(jobId, job);
      for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEEP_FINISHED))) if (jobs.get(old)?.view.state !== 'running') jobs.delete(old);
      const manifest = {
        schemaVersion: STORE_SCHEMA_VERSION,
        appVersion: ctx.version,
        createdAt: new Date(now).toISOString(),
        machine: machineName(),
        folderId: await folderId(ctx.store.dataDir, ctx.clock),
      };
      void writeArchive({
        store: ctx.store,
        target,
        includeBackups,
        manifest,
        isCancelled: () => job.cancel,
        onProgress: (done, total, bytes) => {
          job.view = { ...job.view, done, total, bytes, message: `正在写入第 ${done} / ${total} 个文件` };
        },
      }).then(
        (r) => {
          job.view = { ...job.view, state: 'done', path: r.path, message: `完整备份已写入 ${r.path}（${r.files} 个文件）` };
          ctx.log.info('archive written', { path: r.path, files: r.files, bytes: r.bytes, includeBackups });
        },
        (err: unknown) => {
          if (err instanceof ArchiveCancelled) {
            job.view = { ...job.view, state: 'cancelled', message: '已取消，没有留下不完整的文件' };
            ctx.log.info('archive cancelled', { target });
          } else {
            job.view = { ...job.view, state: 'failed', message: `完整备份失败，没有留下不完整的文件：${errorForUser(err, dir)}` };
            ctx.log.error('archive failed', { target, error: String(err) });
          }
        },
      );
      return { kind: 'started', job: job.view };
    },
    'archive.status': ({ jobId }) => {
      const job = jobs.get(jobId);
      if (!job) throw new ApiError('not_found', '找不到该备份任务。');
      return job.view;
    },
    'archive.cancel': ({ jobId }) => {
      const job = jobs.get(jobId);
      if (!job) throw new ApiError('not_found', '找不到该备份任务。');
      if (job.view.state === 'running') job.cancel = true;
      return job.view;
    },
    'archive.restore': async ({ uploadId, archivePath, targetDir }, caller) => {
      const file = uploadId ? staged(ctx, caller, uploadId) : await typedArchive(ctx, archivePath);
      const opened = openArchive(file.bytes, file.name, STORE_SCHEMA_VERSION);
      const target = await ctx.files.chooseDataFolder(caller, targetDir);
      if (target === null) return { kind: 'cancelled' };
      const previousDir = ctx.store.dataDir;
      const { files } = await restoreArchiveTo(opened, target);
      await writePointer(ctx.homeDir, target);
      await ctx.reopen(target);
      if (uploadId) ctx.uploads.discard(uploadId);
      ctx.log.info('archive restored into a new data folder', { from: file.name, dataDir: target, previousDir, files, createdAt: opened.manifest.createdAt });
      return { kind: 'restored', dataDir: target, previousDir, files };
    },
  };
}
