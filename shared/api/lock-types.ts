/** What a window knows of the optional lock (锁屏): never a secret, only states and numbers. */
export interface LockStatus {
  /** A password is set. Off by default. */
  enabled: boolean;
  /** This window's role is locked now (always false for the hall, which is never locked). */
  locked: boolean;
  /** Minutes without use after which the desk and console lock again. */
  idleMinutes: number;
  /** Seconds until the next password try is accepted (after five wrong ones), 0 when it may be tried now. */
  retryAfterSeconds: number;
  /** A vote count is in progress: the console does not lock while it lasts. */
  countInProgress: boolean;
}

/** Shown once, when the password is set or reset: the only way back in without the password. */
export interface RecoveryCodeResult {
  recoveryCode: string;
  status: LockStatus;
}
