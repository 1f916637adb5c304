import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
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
  /**
   * The folder is held by another program on this computer. `since`: when it took the folder
   * (`2026年12月7日 14:03`), null when its lock does not say. The process number is logged, never
   * shown: it means nothing to office staff.
   */
  locked: (dataDir: string, since: string | null) =>
    `数据文件夹 ${dataDir} 正被这台计算机上的另一个评议系统使用${since ? `（自 ${since} 起）` : ''}，通常是另一个评议系统窗口或浏览器模式主机。请先关闭另一个窗口（或在运行浏览器模式的命令窗口中按 Ctrl+C），再重新打开本程序；也可以使用另一个数据文件夹。` +
    `如确认没有其他评议系统在运行（可在任务管理器中查看），重新启动计算机后再打开即可自动解除占用。`,
  /** The folder (on a shared drive) is held by the app on another computer, named by its host name. */
  lockedOtherHost: (dataDir: string, host: string, since: string | null) =>
    `数据文件夹 ${dataDir} 正被计算机「${host}」上的另一个评议系统使用${since ? `（自 ${since} 起）` : ''}。请先在那台计算机上关闭它，或使用另一个数据文件夹。` +
    `如确认那台计算机上的程序已经关闭（或那台计算机已关机），可删除该文件夹中的 .lock 文件后重新打开；请勿在它仍在运行时删除，否则两边的更改会互相覆盖。`,
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

/** The file-system failures a secretary can act on, by errno code. */
export const FAULT_CODES = ['ENOSPC', 'EACCES', 'EROFS', 'EPERM', 'EBUSY', 'EMFILE', 'ENFILE', 'EIO', 'VANISHED'] as const;
export type FaultCode = (typeof FAULT_CODES)[number];

/**
 * What went wrong and what to do, for each failure of the disk the office can meet: never the
 * raw errno text, never a temp file's path. `dataDir` is the folder the user knows.
 */
export function faultMessage(code: FaultCode, dataDir: string, place = '数据文件夹'): string {
  switch (code) {
    case 'ENOSPC':
      return `磁盘空间不足，无法写入${place} ${dataDir}。请删除该磁盘上不需要的文件（或清空回收站）后重试。`;
    case 'EROFS':
      return `${place}为只读，无法写入：${dataDir}（可能是只读的U盘、光盘，或磁盘出错后被系统设为只读）。请改用可写的磁盘上的文件夹，或解除只读后重试。`;
    case 'EACCES':
    case 'EPERM':
      return `没有写入${place}的权限：${dataDir}。请检查该文件夹及其中文件是否被设为只读、当前用户是否有修改权限；如被杀毒软件拦截，请把该文件夹加入信任列表后重试。`;
    case 'EBUSY':
      return `${place}中的文件正被其他程序占用（杀毒、备份或同步软件，或在其他程序中打开了它）：${dataDir}。请关闭这些程序或稍等片刻后重试。`;
    case 'EMFILE':
    case 'ENFILE':
      return '同时打开的文件过多，系统暂时拒绝了操作。请关闭一些不用的程序后重试；如反复出现，请重新启动本程序。';
    case 'EIO':
      return `读写磁盘出错：${dataDir}。磁盘或U盘可能有故障或接触不良，请检查后重试，并尽快在 设置 → 数据与备份 中备份到其他磁盘。`;
    case 'VANISHED':
      return place === '数据文件夹'
        ? `找不到数据文件夹 ${dataDir}（U盘或移动硬盘可能已拔出，或网络盘已断开）。请重新接好后重新启动本程序。`
        : `找不到${place} ${dataDir}（U盘或移动硬盘可能已拔出，或网络盘已断开）。请重新接好后重试。`;
  }
}

/**
 * The fault behind an error, if it is one the office can act on. A missing file whose data
 * folder is also gone is a vanished folder (USB pulled); another missing file is not ours to name.
 */
export function faultOf(error: unknown, dataDirExists: boolean): FaultCode | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return null;
  if ((code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENODEV' || code === 'ENXIO') && !dataDirExists) return 'VANISHED';
  return (FAULT_CODES as readonly string[]).includes(code) ? (code as FaultCode) : null;
}

/**
 * Why the app could not start, in words for the user: the store's own refusals (folder in use,
 * newer version…) are already written for the user; a failure of the disk gets its advice; any
 * other error is a fault, shown with its text for support.
 */
export function startupFailureMessage(error: unknown, dataDir: string | undefined): string {
  return startupFault(error, dataDir) ?? (error instanceof Error ? error.message : String(error));
}

/** The advice for a start-up failure of the disk, or null when it is not one. */
export function startupFault(error: unknown, dataDir: string | undefined): string | null {
  const path = (error as NodeJS.ErrnoException | null)?.path;
  const folder = dataDir ?? (typeof path === 'string' ? dirname(path) : '');
  const fault = faultOf(error, folder === '' || existsSync(folder));
  return fault ? faultMessage(fault, folder || '（数据文件夹）') : null;
}

/**
 * An error as words for the user where a file outside the data folder failed (an export): a fault
 * of the disk with advice naming `place` and the failing file's folder, else the error's own
 * message (the services' own errors are written in Chinese).
 */
export function errorForUser(error: unknown, place: string): string {
  const path = (error as NodeJS.ErrnoException | null)?.path;
  let folder = typeof path === 'string' ? dirname(path) : '';
  // A hidden staging or temp folder means nothing to the user: name the folder they chose.
  while (folder !== '' && basename(folder).startsWith('.') && dirname(folder) !== folder) folder = dirname(folder);
  const fault = faultOf(error, folder === '' || existsSync(folder));
  if (fault) return faultMessage(fault, folder || '（所选位置）', place);
  return error instanceof Error ? error.message : String(error);
}

/** How a change that failed half-way is reported: what was saved, never a false "unchanged". */
export function savedPartMessage(keys: readonly PartitionKey[]): string {
  if (keys.length === 0) return '数据未更改。';
  return `已保存的部分：${keys.map((k) => `「${partitionLabel(k)}」`).join('、')}；其余部分未能保存，请核对后再操作。`;
}

/** A name for a partition that means something to the office staff. */
export function partitionLabel(key: PartitionKey): string {
  if (key === 'core') return '基础数据';
  if (key === 'meta') return '数据文件夹说明（meta.json）';
  const [kind, id] = key.split('/');
  if (kind === 'year' && id) return `${id}年度数据`;
  if (kind === 'meeting' && id) return `会议数据（${id}）`;
  return `数据分区 ${key}`;
}
