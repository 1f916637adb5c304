import type { Role } from './define';

export interface AppInfo {
  productName: string;
  version: string;
  role: Role;
  mode: 'desktop' | 'browser';
}

/**
 * What the store did that the office must know (a file recovered from a backup or the meeting
 * journal, a restore, a migration, a lock take-over): `message` is the sentence to show as it is.
 */
export interface StoreNoticeView {
  kind: string;
  at: string;
  message: string;
  severity: 'warn' | 'error';
}

export interface StoreStatus {
  dataDir: string;
  homeDir: string;
  pointerFile: string;
  /** Where the log files are (pingyi.log, rotated ones, exports.jsonl): a fault's id is found there. */
  logDir: string;
  notices: StoreNoticeView[];
}

export interface BackupView {
  id: string;
  createdAt: string;
  reason: string;
  label: string;
  files: number;
  bytes: number;
}

/** store.moveData: where the data now lives, or the desktop's folder dialog was closed and nothing moved. */
export type MoveDataResult = { kind: 'moved'; dataDir: string; files: number; bytes: number } | { kind: 'cancelled' };
