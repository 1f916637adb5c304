import { z } from 'zod';
import { OFFICE, call, event } from '../define';
import { idField } from '../../domain/fields';
import type { HandoffView, OpenedPackage, ArchiveJobView, ArchiveRestoreResult, ArchiveStart, PackageExportResult, PackageImportResult, PackagePreview } from '../package-types';

const uploadId = z.string({ error: '请先选择文件' }).regex(/^up_[0-9a-f]{8,64}$/, '上传的文件编号无效，请重新选择文件');
const jobId = z.string({ error: '备份任务编号不能为空' }).regex(/^ar_[0-9a-f]{6,32}$/, '备份任务编号无效');
const DESK = ['desk'] as const;

/**
 * 会议包 (desk → hall laptop), 会议结果包 (laptop → desk), 完整备份 and 从备份恢复 (a USB stick).
 * Packages and archives come in through the upload staging (browser: POST /<role>/upload; desktop:
 * loop.evidence.stage), go out like every other file (FileDelivery).
 */
export const packageCalls = {
  'package.export': call<PackageExportResult>()({
    args: z.strictObject({ meetingId: idField('mt', '会议') }),
    roles: DESK,
    summary: '导出会议包（带到会场电脑）',
  }),
  'package.exportResults': call<PackageExportResult>()({
    args: z.strictObject({ meetingId: idField('mt', '会议') }),
    roles: DESK,
    summary: '导出会议结果包（带回办公桌）',
  }),
  'package.inspect': call<PackagePreview>()({
    args: z.strictObject({ uploadId }),
    roles: DESK,
    summary: '检查会议包或会议结果包，列出将新增或更改的内容',
  }),
  'package.import': call<PackageImportResult>()({
    args: z.strictObject({
      uploadId,
      /** The package came from another data folder and the user confirmed it. */
      confirmForeign: z.boolean().optional(),
      /** Results package: the side taken for every conflict, by record key. */
      choices: z.record(z.string().max(120), z.enum(['here', 'package'])).optional(),
    }),
    roles: DESK,
    summary: '导入会议包或会议结果包',
  }),
  /** The meetings that travelled in a package: 已导出到会场 on the desk, 来自办公桌 on the laptop. */
  'package.handoffs': call<HandoffView[]>()({ args: z.strictObject({}), roles: OFFICE, summary: '已导出到会场或来自办公桌的会议' }),
  /** Desktop: the .pingyi file the app was started with (or given to the running copy), staged for 导入会议包; null when none waits. Taken once. */
  'package.takeOpened': call<OpenedPackage | null>()({ args: z.strictObject({}), roles: DESK, summary: '取出启动时打开的会议包文件' }),
  'archive.start': call<ArchiveStart>()({
    args: z.strictObject({
      includeBackups: z.boolean(),
      /** Browser mode: the folder typed by the user; the desktop asks in its folder dialog. */
      folder: z.string().max(1000, '文件夹路径不能超过1000个字符').optional(),
    }),
    roles: DESK,
    summary: '完整备份：整个数据文件夹写成一个压缩包',
  }),
  'archive.status': call<ArchiveJobView>()({ args: z.strictObject({ jobId }), roles: DESK, summary: '完整备份进度' }),
  'archive.cancel': call<ArchiveJobView>()({ args: z.strictObject({ jobId }), roles: DESK, summary: '取消完整备份' }),
  'archive.restore': call<ArchiveRestoreResult>()({
    args: z.strictObject({
      /** The archive file picked in the page (staged like every upload, 50 MB at most)… */
      uploadId: uploadId.optional(),
      /** …or, browser mode only, its full path on the host's computer typed by the user (any size). */
      archivePath: z.string().trim().min(1, '请填写完整备份文件的路径').max(1000, '完整备份文件路径过长').optional(),
      /** Browser mode: the new data folder typed by the user; the desktop asks in its folder dialog. */
      targetDir: z.string().trim().min(1, '请填写新的数据文件夹').max(400, '新的数据文件夹路径过长').optional(),
    }),
    roles: DESK,
    summary: '从完整备份恢复到新的数据文件夹并切换过去（原文件夹保留）',
  }),
};

export const packageEvents = {
  /** Desktop: a .pingyi file was opened with the app; the desk takes it (package.takeOpened) and opens 导入会议包. */
  'package.opened': event<OpenedPackage>()({ roles: DESK, summary: '打开了会议包文件' }),
};
