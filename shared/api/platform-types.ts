import type { Role } from './define';

export interface AppInfo {
  productName: string;
  version: string;
  role: Role;
  mode: 'desktop' | 'browser';
}

export type StoreNoticeView =
  | { kind: 'recovered'; key: string; backupId: string; quarantinedAs: string; at: string }
  | { kind: 'started-empty'; key: string; quarantinedAs: string; at: string }
  | { kind: 'lock-taken-over'; previousPid: number; at: string }
  | { kind: 'migrated'; from: number; to: number; backupId: string; at: string };

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
