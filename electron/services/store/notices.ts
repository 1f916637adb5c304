import { partitionLabel } from './messages';
import type { PartitionKey, StoreNotice } from './types';

/*
 * The sentences of the store's notices (recoveries, restores, journal trouble), built once where
 * the notice is raised so the desk shows them as they are and tests read the same words. Kept
 * apart from messages.ts, which holds the store's refusals and errors.
 */

/** `2026年12月7日 14:03`, in the machine's local time (the office's clock). */
export function formatLocalTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** How long ago, roughly: `约 2 小时前`, `约 5 分钟前`, `不到 1 分钟前`. */
export function roughAge(nowMs: number, thenMs: number): string {
  const minutes = Math.floor(Math.max(0, nowMs - thenMs) / 60_000);
  if (minutes < 1) return '不到 1 分钟前';
  if (minutes < 60) return `约 ${minutes} 分钟前`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `约 ${hours} 小时前`;
  return `约 ${Math.round(hours / 24)} 天前`;
}

/** `已恢复到 2026年12月7日 14:03 的备份（约 2 小时前）` */
export function restoredTo(nowMs: number, backupAt: string): string {
  const t = Date.parse(backupAt);
  return Number.isFinite(t) ? `已恢复到 ${formatLocalTime(t)} 的备份（${roughAge(nowMs, t)}）` : '已恢复到一个日期不明的备份';
}

const fileOf = (file: string, key: PartitionKey) => `数据文件 ${file}（${partitionLabel(key)}）`;

/** What a partition holds, for a notice saying it is missing. */
export function contentsOf(key: PartitionKey): string {
  const [kind, id] = key.split('/');
  if (key === 'core') return '组成人员、单位、被评议对象、评价标准和系统设置';
  if (key === 'meta') return '数据文件夹的版本和创建日期';
  if (kind === 'year' && id) return `${id}年度的评议计划、评议意见、调研报告和发文登记`;
  if (kind === 'meeting' && id) return '这次会议的议程、出席、抽签、测评票和记录';
  return `数据分区 ${key} 的全部内容`;
}

type Of<K extends StoreNotice['kind']> = Omit<Extract<StoreNotice, { kind: K }>, 'message' | 'severity'>;

export const notices = {
  recovered: (n: Of<'recovered'>, nowMs: number): StoreNotice => ({
    ...n,
    severity: 'warn',
    message: `${fileOf(n.file, n.key)}损坏或无法读取，已原样移至 ${n.quarantinedAs} 保存；${restoredTo(nowMs, n.backupAt)}。该备份之后对这部分数据的修改需要重新录入。`,
  }),
  startedEmpty: (n: Of<'started-empty'>): StoreNotice => ({
    ...n,
    severity: 'error',
    message: `${fileOf(n.file, n.key)}损坏或无法读取，且没有可用的备份：原文件已原样移至 ${n.quarantinedAs} 保存，「${partitionLabel(n.key)}」（${contentsOf(n.key)}）现在缺失。请联系技术人员从该文件中找回数据。`,
  }),
  journalReplayed: (n: Of<'journal-replayed'>, nowMs: number): StoreNotice => ({
    ...n,
    severity: 'warn',
    message: `${fileOf(n.file, n.key)}${n.behind ? '比会议日志旧（可能被换成了较早的副本）' : '损坏或缺失'}${n.quarantinedAs ? `，已原样移至 ${n.quarantinedAs} 保存` : ''}；已用会议日志 ${n.journal} 恢复到 ${formatLocalTime(Date.parse(n.savedAt))}（${roughAge(nowMs, Date.parse(n.savedAt))}）最后保存的内容，已保存的修改没有丢失。`,
  }),
  journalDamaged: (n: Of<'journal-damaged'>): StoreNotice => ({
    ...n,
    severity: 'warn',
    message: `会议日志 ${n.journal} 已损坏，已原样移至 ${n.quarantinedAs} 保存；${fileOf(n.file, n.key)}完好，没有丢失数据，会议日志已重新开始。`,
  }),
  journalFailed: (n: Of<'journal-failed'>): StoreNotice => ({
    ...n,
    severity: 'error',
    message: `写入会议日志 ${n.journal} 失败（${n.detail}）。修改已保存到${fileOf(n.file, n.key)}，但在日志恢复之前，这个文件若再损坏只能从备份恢复。请检查磁盘。`,
  }),
  firstStartResumed: (n: Of<'first-start-resumed'>): StoreNotice => ({
    ...n,
    severity: 'warn',
    message: '上次首次打开这个数据文件夹时，写入初始数据的过程被中断；已重新完成。',
  }),
  lockTakenOver: (n: Of<'lock-taken-over'>): StoreNotice => ({
    ...n,
    severity: 'warn',
    // The process number means nothing to office staff; it stays in the log for support.
    message: '上次程序未正常退出，已接管数据文件夹。',
  }),
  migrated: (n: Of<'migrated'>): StoreNotice => ({
    ...n,
    severity: 'warn',
    message: `数据已从第 ${n.from} 版格式升级到第 ${n.to} 版，升级前已备份（${n.backupId}）。`,
  }),
  changeCompleted: (n: Of<'change-completed'>): StoreNotice => ({
    ...n,
    severity: 'warn',
    message: `上次关闭前，${formatLocalTime(Date.parse(n.savedAt))}的一次修改${n.label ? `（${n.label}）` : ''}只写完了一部分；它已完整记下，启动时已补全（涉及 ${n.files} 个数据文件），没有数据丢失。`,
  }),
  changeDamaged: (n: Of<'change-damaged'>): StoreNotice => ({
    ...n,
    severity: 'error',
    message: `上次关闭前有一次涉及多个数据文件的修改没有写完，而它的记录文件 ${n.file} 已损坏（${n.reason}），已原样移至 ${n.quarantinedAs} 保存。这次修改涉及的数据可能只改了一部分：请核对最近的修改，必要时在“设置 → 备份”中恢复较早的备份。`,
  }),
  restored: (n: Of<'restored'>, nowMs: number): StoreNotice => ({
    ...n,
    severity: 'warn',
    message: `${restoredTo(nowMs, n.backupAt)}；恢复之前的数据已另存为备份 ${n.safetyBackupId}。`,
  }),
};

/** Refusals about one data file (the store's other refusals are in messages.ts). */
export const dataMessages = {
  partitionFromNewerVersion: (file: string, version: number, appVersion: number) =>
    `数据文件 ${file} 由较新版本的程序写入（数据版本 ${version}，本程序只支持到版本 ${appVersion}）。请安装新版本的程序后再打开；该文件未作任何改动。`,
} as const;
