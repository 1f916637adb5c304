import { dirname } from 'node:path';
import { LOCK_IDLE_MINUTES, CALLS_ASKING_AGAIN, CALLS_WHEN_LOCKED } from '../../../shared/api/calls/lock';
import type { Role } from '../../../shared/api/define';
import { ApiError } from '../../../shared/api/errors';
import type { LockStatus, RecoveryCodeResult } from '../../../shared/api/lock-types';
import type { Clock, Logger, RandomSource } from '../deps';
import type { StoreFs } from '../store/store-fs';
import { hashSecret, newRecoveryCode, newSalt, normalizeRecoveryCode, verifySecret, type ScryptParams } from './lock-crypto';
import { readLockFile, writeLockFile, type LockFile } from './lock-file';
import { IdleLocks, isGuardedRole, retryDelayMs } from './lock-policy';
import { lockMessages } from './lock-messages';

export interface LockServiceOptions {
  /** The lock's file in the app's own folder (lockFilePath(homeDir)). */
  file: string;
  fs: StoreFs;
  clock: Clock;
  random: RandomSource;
  log: Logger;
  /** A vote count is in progress (a round handed out and not yet announced): the console stays unlocked. */
  countInProgress: () => Promise<boolean>;
  /** Tests pass cheap parameters; production keeps the default. */
  scrypt?: ScryptParams;
}

/** How long a password given again (lock.confirm) opens the next clear / restore / move of that window. */
export const CONFIRM_VALID_MS = 2 * 60_000;

/**
 * The optional lock of the desk and console, enforced here: `gate` is asked by the dispatcher
 * before any handler runs, so a locked window obtains nothing whatever its page does. Secrets
 * are hashed with scrypt and never logged; wrong tries are counted in the file, so a restart
 * does not reset the delay.
 */
export class LockService {
  private file: LockFile | null;
  private readonly idle: IdleLocks;
  private readonly confirmed = new Map<Role, number>();
  /** One password check at a time: parallel tries must not slip past the count of wrong ones. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly o: LockServiceOptions,
    file: LockFile | null,
  ) {
    this.file = file;
    this.idle = new IdleLocks((file?.idleMinutes ?? LOCK_IDLE_MINUTES.default) * 60_000);
  }

  static async open(o: LockServiceOptions): Promise<LockService> {
    let file: LockFile | null = null;
    try {
      file = await readLockFile(o.fs, o.file);
    } catch (error) {
      // The lock guards screens, not files: a damaged lock file turns it off rather than shutting the office out.
      o.log.error('the screen lock file is damaged; the lock is off until it is set again', { file: o.file, error: error instanceof Error ? error.message : String(error) });
    }
    if (file?.password) o.log.info('screen lock on', { idleMinutes: file.idleMinutes });
    return new LockService(o, file);
  }

  get enabled(): boolean {
    return this.file?.password != null;
  }

  /** The dispatcher's check before every call: null lets it through. */
  async gate(role: Role, name: string): Promise<ApiError | null> {
    if (!this.enabled || !isGuardedRole(role) || CALLS_WHEN_LOCKED.includes(name)) return null;
    if (await this.isLocked(role)) return new ApiError('screen_locked', lockMessages.locked);
    if (CALLS_ASKING_AGAIN.includes(name)) {
      const until = this.confirmed.get(role) ?? 0;
      this.confirmed.delete(role);
      if (this.o.clock.now() >= until) return new ApiError('password_again', lockMessages.askAgain);
    }
    return null;
  }

  /**
   * Events are withheld from a window marked locked: its page shows only the lock screen, and it
   * is built afresh (reading everything) once unlocked. Idle time is applied when the window next
   * asks (its lock screen polls), not here, so a count in progress is never cut off from its events.
   */
  withholdsEvents(role: Role): boolean {
    return this.enabled && this.idle.isMarkedLocked(role);
  }

  async status(role: Role): Promise<LockStatus> {
    const counting = this.enabled ? await this.o.countInProgress() : false;
    const now = this.o.clock.now();
    return {
      enabled: this.enabled,
      locked: this.enabled && this.idle.isLocked(role, now, counting),
      idleMinutes: this.file?.idleMinutes ?? LOCK_IDLE_MINUTES.default,
      retryAfterSeconds: Math.ceil(this.waitMs(now) / 1000),
      countInProgress: counting,
    };
  }

  setup(role: Role, password: string, idleMinutes?: number): Promise<RecoveryCodeResult> {
    return this.serial(async () => {
      if (this.enabled) throw new ApiError('conflict', lockMessages.alreadyOn);
      const base = this.file ?? this.freshFile();
      const recoveryCode = newRecoveryCode(this.o.random);
      const minutes = idleMinutes ?? base.idleMinutes;
      await this.save({
        ...base,
        password: await hashSecret(password, base.salt, this.params()),
        recovery: await hashSecret(normalizeRecoveryCode(recoveryCode), base.recoverySalt, this.params()),
        idleMinutes: minutes,
        failures: 0,
        lastFailureAt: null,
      });
      this.idle.setIdleMs(minutes * 60_000);
      this.idle.unlockAll(this.o.clock.now());
      this.o.log.info('screen lock set up', { role, idleMinutes: minutes });
      return { recoveryCode, status: await this.status(role) };
    });
  }

  unlock(role: Role, password: string): Promise<LockStatus> {
    return this.serial(async () => {
      if (!this.enabled) return this.status(role);
      await this.checkPassword(role, password, 'unlock');
      this.idle.unlock(role, this.o.clock.now());
      this.o.log.info('window unlocked', { role });
      return this.status(role);
    });
  }

  /** The recovery code sets a new password; the data is untouched. A new code replaces the used one. */
  recover(role: Role, code: string, password: string): Promise<RecoveryCodeResult> {
    return this.serial(async () => {
      const file = this.file;
      if (!file?.password || !file.recovery) throw new ApiError('conflict', lockMessages.notOn);
      this.refuseWhileWaiting();
      if (!(await verifySecret(normalizeRecoveryCode(code), file.recoverySalt, file.recovery))) {
        await this.fail(role, 'recover', lockMessages.wrongRecoveryCode, 'recoveryCode');
      }
      const recoveryCode = newRecoveryCode(this.o.random);
      await this.save({
        ...file,
        password: await hashSecret(password, file.salt, this.params()),
        recovery: await hashSecret(normalizeRecoveryCode(recoveryCode), file.recoverySalt, this.params()),
        failures: 0,
        lastFailureAt: null,
      });
      // Only this window: the others stay as they are (a console in a count is not cut off).
      this.idle.unlock(role, this.o.clock.now());
      this.o.log.warn('screen lock password reset with the recovery code', { role });
      return { recoveryCode, status: await this.status(role) };
    });
  }

  async lockNow(role: Role): Promise<LockStatus> {
    if (this.enabled && isGuardedRole(role)) {
      this.idle.lock(role);
      this.o.log.info('window locked by hand', { role });
    }
    return this.status(role);
  }

  async touch(role: Role): Promise<LockStatus> {
    this.idle.touch(role, this.o.clock.now());
    return this.status(role);
  }

  /** The password given again opens the window's next clear / restore / move, for a short while. */
  confirm(role: Role, password: string): Promise<LockStatus> {
    return this.serial(async () => {
      if (!this.enabled) return this.status(role);
      await this.checkPassword(role, password, 'confirm');
      this.confirmed.set(role, this.o.clock.now() + CONFIRM_VALID_MS);
      this.idle.touch(role, this.o.clock.now());
      return this.status(role);
    });
  }

  update(role: Role, idleMinutes: number): Promise<LockStatus> {
    return this.serial(async () => {
      if (!this.file?.password) throw new ApiError('conflict', lockMessages.notOn);
      await this.save({ ...this.file, idleMinutes });
      this.idle.setIdleMs(idleMinutes * 60_000);
      this.o.log.info('screen lock idle time changed', { role, idleMinutes });
      return this.status(role);
    });
  }

  disable(role: Role, password: string): Promise<LockStatus> {
    return this.serial(async () => {
      if (!this.file?.password) return this.status(role);
      await this.checkPassword(role, password, 'disable');
      await this.save({ ...this.file, password: null, recovery: null, failures: 0, lastFailureAt: null });
      this.confirmed.clear();
      this.o.log.info('screen lock turned off', { role });
      return this.status(role);
    });
  }

  private async isLocked(role: Role): Promise<boolean> {
    const now = this.o.clock.now();
    // The meeting is read only when the console's idle time is up (not on every call of a count).
    const counting = role === 'console' && this.idle.idleExpired(role, now) ? await this.o.countInProgress() : false;
    return this.idle.isLocked(role, now, counting);
  }

  private waitMs(now: number): number {
    const file = this.file;
    if (!file || file.lastFailureAt === null) return 0;
    return Math.max(0, file.lastFailureAt + retryDelayMs(file.failures) - now);
  }

  private refuseWhileWaiting(): void {
    const wait = this.waitMs(this.o.clock.now());
    if (wait > 0) throw new ApiError('conflict', lockMessages.tooManyTries(Math.ceil(wait / 1000)));
  }

  private async checkPassword(role: Role, password: string, why: string): Promise<void> {
    const file = this.file;
    if (!file?.password) return;
    this.refuseWhileWaiting();
    if (await verifySecret(password, file.salt, file.password)) {
      if (file.failures > 0) await this.save({ ...file, failures: 0, lastFailureAt: null });
      return;
    }
    await this.fail(role, why, lockMessages.wrongPassword, 'password');
  }

  private async fail(role: Role, why: string, message: (failures: number, waitSeconds: number) => string, field: string): Promise<never> {
    const file = this.file as LockFile;
    const failures = file.failures + 1;
    const now = this.o.clock.now();
    await this.save({ ...file, failures, lastFailureAt: now });
    this.o.log.warn('wrong screen lock secret', { role, why, failures });
    const text = message(failures, Math.ceil(retryDelayMs(failures) / 1000));
    throw new ApiError('invalid_args', text, [{ path: field, message: text }]);
  }

  private freshFile(): LockFile {
    return {
      version: 1,
      salt: newSalt(this.o.random),
      recoverySalt: newSalt(this.o.random),
      password: null,
      recovery: null,
      idleMinutes: LOCK_IDLE_MINUTES.default,
      failures: 0,
      lastFailureAt: null,
    };
  }

  private params(): ScryptParams | undefined {
    return this.o.scrypt;
  }

  private async save(file: LockFile): Promise<void> {
    await this.o.fs.mkdir(dirname(this.o.file), { recursive: true });
    await writeLockFile(this.o.fs, this.o.file, file);
    this.file = file;
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
