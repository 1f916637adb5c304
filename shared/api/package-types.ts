import type { FileDelivery } from './file-types';

/**
 * The meeting package (会议包 / 会议结果包) between the desk PC and the hall laptop, and the whole-folder
 * archive (完整备份) for a USB stick. The services are in electron/services/package.
 */

export type PackageKind = 'meeting' | 'results';
export const PACKAGE_KIND_LABELS: Readonly<Record<PackageKind, string>> = { meeting: '会议包', results: '会议结果包' };

/** One record of a package compared with this data folder. */
export interface PackageChange {
  key: string;
  /** What it is, in Chinese: 组成人员 张三, 会议记录与议程, 评议 李四（2026年）. */
  label: string;
  change: 'new' | 'changed';
}

/** A record changed on both sides since the meeting package was made: the user picks one. */
export interface PackageConflict {
  key: string;
  label: string;
  /** The fields that differ, each side's value as short text. */
  fields: { field: string; here: string; package: string }[];
}

export interface PackagePreview {
  kind: PackageKind;
  fileName: string;
  meetingId: string;
  meetingName: string;
  createdAt: string;
  machine: string;
  appVersion: string;
  /** True when the package came from another data folder than this one knows: importing needs a confirmation. */
  foreign: boolean;
  /** The sentence the window shows about that (null when not foreign). */
  foreignMessage: string | null;
  changes: PackageChange[];
  unchanged: number;
  /** Results package only: records changed both here and at the hall. */
  conflicts: PackageConflict[];
  /** Results package only: records changed here only, kept as they are. */
  keptHere: number;
}

export type ConflictChoice = 'here' | 'package';

export interface PackageImportResult {
  kind: PackageKind;
  meetingId: string;
  meetingName: string;
  written: number;
  /** Conflicts resolved, with the side taken. */
  resolved: { key: string; label: string; choice: ConflictChoice }[];
  /** The safety backup taken before the import. */
  backupId: string;
}

export interface PackageExportResult {
  delivery: FileDelivery;
  packageId: string;
}

export type ArchiveState = 'running' | 'done' | 'cancelled' | 'failed';
export const ARCHIVE_STATE_LABELS: Readonly<Record<ArchiveState, string>> = { running: '正在备份', done: '已完成', cancelled: '已取消', failed: '失败' };

export interface ArchiveJobView {
  jobId: string;
  state: ArchiveState;
  done: number;
  total: number;
  bytes: number;
  includeBackups: boolean;
  /** The finished file (only when done). */
  path: string | null;
  message: string;
}

export type ArchiveStart = { kind: 'started'; job: ArchiveJobView } | { kind: 'cancelled' };

export type ArchiveRestoreResult = { kind: 'restored'; dataDir: string; previousDir: string; files: number } | { kind: 'cancelled' };

/** A .pingyi file opened with the desktop app, staged like an upload. */
export interface OpenedPackage {
  uploadId: string;
  name: string;
}

/** A meeting out at the hall (desk: `out`) or brought from the desk (laptop: `in`). */
export interface HandoffView {
  meetingId: string;
  meetingName: string;
  direction: 'out' | 'in';
  at: string;
  machine: string;
}
