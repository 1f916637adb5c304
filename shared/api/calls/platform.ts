import { z } from 'zod';
import { ALL_ROLES, OFFICE, call } from '../define';
import type { AppInfo, BackupView, MoveDataResult, StoreStatus } from '../platform-types';

const none = z.strictObject({});

/** Restore, move and clear: whole-folder operations on the data, each with a safety backup first. */
export const dataCalls = {
  'store.restore': call<{ restored: string; safetyBackup: string }>()({
    args: z.strictObject({ backupId: z.string().regex(/^[0-9A-Za-z_-]{1,80}$/, '备份编号无效') }),
    roles: OFFICE,
    summary: '从备份恢复（先自动备份当前数据）',
  }),
  'store.moveData': call<MoveDataResult>()({
    // Browser mode only: the desktop ignores a typed path and asks in its own folder dialog.
    args: z.strictObject({ targetDir: z.string().trim().min(1, '请填写新的数据文件夹').max(400, '新的数据文件夹路径过长').optional() }),
    roles: OFFICE,
    summary: '迁移数据文件夹（复制并校验后切换）',
  }),
  'demo.clear': call<{ backupId: string }>()({
    args: z.strictObject({ confirm: z.literal('清除演示数据', { error: '请输入“清除演示数据”以确认' }) }),
    roles: OFFICE,
    summary: '清除演示数据，从空白开始（先备份）',
  }),
};

/** The app and its data folder: who is asking, where the data is, its backups and whole-folder operations. */
export const platformCalls = {
  'app.info': call<AppInfo>()({ args: none, roles: ALL_ROLES, summary: '程序名称、版本和窗口角色' }),
  'store.status': call<StoreStatus>()({ args: none, roles: OFFICE, summary: '数据文件夹、日志文件夹、恢复提示' }),
  'store.listBackups': call<BackupView[]>()({ args: none, roles: OFFICE, summary: '备份列表' }),
  'store.backup': call<BackupView>()({
    args: z.strictObject({ label: z.string().max(100, '备份说明不能超过100个字').optional() }),
    roles: OFFICE,
    summary: '立即备份',
  }),
  ...dataCalls,
};
