import type { PartitionKey } from './types';

/**
 * Every sentence of the store a user can see, in one place, so screens and tests use the
 * same words. Each names what is wrong and, where there is one, what to do.
 */
export const storeMessages = {
  invalidKey: (key: string) =>
    `数据分区名「${key}」无效：只能由小写字母、数字、短横线和下划线组成，形如 core、year/2026、meeting/m_1。`,
  unknownKind: (key: string, kind: string) => `没有「${kind}」这种数据分区（分区「${key}」），程序无法读写它。`,
  invalidData: (key: PartitionKey) => `「${partitionLabel(key)}」中的数据`,
  closed: '数据存储已关闭，不能再读写数据。',
  newerVersion: (dataDir: string, folderVersion: number, appVersion: number) =>
    `数据由较新版本的程序写入（数据版本 ${folderVersion}，本程序只支持到版本 ${appVersion}）：${dataDir}。请安装新版本的程序后再打开，数据未作任何改动。`,
  locked: (dataDir: string, pid: number) =>
    `数据文件夹 ${dataDir} 正被另一个程序使用（进程 ${pid}）。请先关闭它，或使用另一个数据文件夹。`,
  lockedOtherHost: (dataDir: string, pid: number, host: string) =>
    `数据文件夹 ${dataDir} 正被计算机「${host}」上的另一个程序使用（进程 ${pid}）。请先关闭它，或使用另一个数据文件夹；如确认它已关闭，可删除该文件夹中的 .lock 文件。`,
  migrationStepMissing: (version: number) => `缺少把数据升级到版本 ${version} 的步骤，程序无法打开这个数据文件夹。`,
  migrationFailed: (from: number, to: number, detail: string, backupId: string) =>
    `数据升级（版本 ${from} → ${to}）失败：${detail}。数据未作改动，升级前的备份为 ${backupId}。`,
  migrationInvalid: (key: PartitionKey, detail: string) => `升级后「${partitionLabel(key)}」中的数据无效：${detail}`,
  pendingBackupMissing: (dataDir: string, backupId: string) =>
    `上次恢复或升级数据时程序中途退出，需要用来补救的备份「${backupId}」却不见了，无法安全地打开数据文件夹 ${dataDir}。`,
  backupNotFound: (id: string) => `找不到备份「${id}」。`,
  backupNewer: (id: string, version: number, appVersion: number) =>
    `备份「${id}」由较新版本的程序写入（数据版本 ${version}，本程序只支持到版本 ${appVersion}），无法恢复。`,
  fileNotEnvelope: '文件格式不对（缺少 schemaVersion、savedAt 或 data）',
  fileFromNewerVersion: (version: number) => `文件由较新版本的程序写入（数据版本 ${version}）`,
  partitionRemovedByMigration: '升级步骤删除了这个分区',
  moveTargetNotEmpty: (target: string) => `目标文件夹不是空的：${target}。请选择一个空文件夹，或一个还不存在的新文件夹。`,
  moveTargetInside: (target: string, source: string) => `目标文件夹 ${target} 位于当前数据文件夹 ${source} 之内（或就是它本身），不能移到那里。`,
  moveTargetNotFolder: (target: string) => `目标 ${target} 是一个文件，不是文件夹。`,
  moveVerifyFailed: (file: string) => `复制后校验不一致：${file}。已取消移动，原数据文件夹未作改动。`,
  moveFailed: (detail: string) => `移动数据文件夹失败：${detail}。原数据文件夹未作改动。`,
  pointerCorrupt: (file: string) =>
    `记录数据文件夹位置的文件 ${file} 已损坏，无法得知数据在哪里。请用 --data 指定数据文件夹，或删除该文件后重新选择。`,
} as const;

/** A name for a partition that means something to the office staff. */
export function partitionLabel(key: PartitionKey): string {
  if (key === 'core') return '基础数据';
  if (key === 'meta') return '数据文件夹说明（meta.json）';
  const [kind, id] = key.split('/');
  if (kind === 'year' && id) return `${id}年度数据`;
  if (kind === 'meeting' && id) return `会议数据（${id}）`;
  return `数据分区 ${key}`;
}
