import { z } from 'zod';
import { OFFICE, call, event } from '../define';
import { idField } from '../../domain/fields';
import type { FileDelivery } from '../file-types';

/**
 * 批量导出: every opinion, ballot or delivery receipt of a meeting, as one zip or into a folder, one
 * file at a time with progress and cancel. Nothing is half-written: a zip is made whole before it is
 * saved or offered, a folder is filled under a hidden name and renamed into place at the end. Every
 * finished, cancelled or failed export is appended to the export log in the data folder.
 */

export const EXPORT_WHATS = ['opinions', 'ballots', 'receipts'] as const;
export type ExportWhat = (typeof EXPORT_WHATS)[number];
export const EXPORT_WHAT_LABELS: Readonly<Record<ExportWhat, string>> = { opinions: '评议意见', ballots: '测评票', receipts: '送达回证' };

export const EXPORT_TARGETS = ['zip', 'folder'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];
export const EXPORT_TARGET_LABELS: Readonly<Record<ExportTarget, string>> = { zip: '压缩包（zip）', folder: '文件夹' };

export type ExportState = 'running' | 'done' | 'cancelled' | 'failed';
export const EXPORT_STATE_LABELS: Readonly<Record<ExportState, string>> = { running: '正在导出', done: '已完成', cancelled: '已取消', failed: '失败' };

/** Where a finished export went: the zip as delivered (download or saved), or the folder it fills. */
export type ExportResult = { target: 'zip'; delivery: FileDelivery } | { target: 'folder'; path: string };

/** A batch export job as the windows see it; also the payload of `exports.progress`. */
export interface ExportJobView {
  jobId: string;
  meetingId: string;
  meetingName: string;
  what: ExportWhat;
  target: ExportTarget;
  /** Files rendered so far, of `total`. */
  done: number;
  total: number;
  /** The file being made now; null before the first and after the last. */
  current: string | null;
  state: ExportState;
  /** One Chinese sentence for the window (what happened, where it went, or why it failed). */
  message: string;
  result: ExportResult | null;
}

/** exports.start: the job, or the user closed the save / folder dialog and nothing started. */
export type ExportStart = { kind: 'started'; job: ExportJobView } | { kind: 'cancelled' };

export interface ExportedFile {
  name: string;
  bytes: number;
}

/** One line of the export log (logs/exports.jsonl in the data folder). */
export interface ExportLogEntry {
  at: string;
  jobId: string;
  what: ExportWhat;
  meetingId: string;
  meetingName: string;
  target: ExportTarget;
  state: Exclude<ExportState, 'running'>;
  /** The folder or the saved zip's path; the zip's file name when it went to the browser; null when nothing was written. */
  location: string | null;
  files: ExportedFile[];
  message: string;
}

const jobId = z.string({ error: '导出任务编号不能为空' }).regex(/^ex_[0-9a-z]{6,32}$/, '导出任务编号无效');

export const exportCalls = {
  'exports.start': call<ExportStart>()({
    args: z.strictObject({
      meetingId: idField('mt', '会议'),
      what: z.enum(EXPORT_WHATS, { error: '请选择导出内容（评议意见、测评票或送达回证）' }),
      target: z.enum(EXPORT_TARGETS, { error: '请选择导出到压缩包或文件夹' }),
      /** Browser mode: the folder typed by the user (an existing absolute path on the host's machine). */
      folder: z.string({ error: '导出文件夹应为文字' }).max(1000, '导出文件夹路径不能超过1000个字符').optional(),
    }),
    roles: OFFICE,
    summary: '批量导出会议的评议意见、测评票或送达回证',
  }),
  'exports.cancel': call<ExportJobView>()({ args: z.strictObject({ jobId }), roles: OFFICE, summary: '取消批量导出' }),
  'exports.status': call<ExportJobView>()({ args: z.strictObject({ jobId }), roles: OFFICE, summary: '批量导出进度' }),
  'exports.log': call<ExportLogEntry[]>()({ args: z.strictObject({}), roles: OFFICE, summary: '导出记录（最近在前）' }),
};

export const exportEvents = {
  /** A batch export moved on (a file made) or ended (done, cancelled, failed: after the log line is on disk). */
  'exports.progress': event<ExportJobView>()({ roles: OFFICE, summary: '批量导出进度' }),
};
