import type { Clock, Logger } from '../deps';
import type { BackupReason } from './types';

const TEN_MINUTES = 10 * 60_000;

/** How the schedule takes a backup: in the store's write queue. */
export interface ScheduleHost {
  readonly clock: Clock;
  readonly log: Logger;
  /** Runs a task in the store's write queue. */
  inQueue<R>(task: () => Promise<R>): Promise<R>;
  /** Takes a backup (already in the queue). */
  takeBackup(reason: BackupReason, label: string): Promise<unknown>;
}

/**
 * When the store backs itself up on its own: the 'startup' backup, and a 'periodic' one once ten
 * minutes (`everyMs`) have passed since the last backup of any reason, if changes were made since.
 * Background backups run in the write queue; close waits for them.
 */
export class BackupSchedule {
  private everyMs: number;
  private lastMs: number;
  /** Changes were committed since the last backup. */
  private dirty = false;
  private queued = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private background: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly host: ScheduleHost,
    everyMs = TEN_MINUTES,
  ) {
    this.everyMs = everyMs;
    // Counted from the start: the startup backup (or the newest one) stands for the state opened.
    this.lastMs = host.clock.now();
  }

  /** A backup was taken (of any reason): the next periodic one is counted from now. */
  taken(): void {
    this.lastMs = this.host.clock.now();
    this.dirty = false;
  }

  /** A backup the data needed failed: the next change tries again at once, as a periodic backup. */
  failed(): void {
    this.lastMs = Number.NEGATIVE_INFINITY;
  }

  /** The 'startup' backup: queued, not awaited by open, awaited by close. */
  startup(): void {
    this.inBackground('startup', () => this.host.takeBackup('startup', ''));
  }

  /**
   * After each commit: a 'periodic' backup once the interval has passed since the last one, or
   * when it will have (a timer that does not keep the process alive).
   */
  changed(): void {
    if (this.everyMs <= 0 || this.stopped) return;
    this.dirty = true;
    const wait = this.lastMs + this.everyMs - this.host.clock.now();
    if (wait <= 0) {
      if (this.queued) return;
      this.queued = true;
      this.inBackground('periodic', async () => {
        this.queued = false;
        if (this.dirty && !this.stopped) await this.host.takeBackup('periodic', '');
      });
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.dirty) this.changed();
      }, wait);
      this.timer.unref?.();
    }
  }

  /** Opening failed half-way: no periodic backup may follow. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.everyMs = 0;
  }

  /** Closing: no new backup is scheduled; the ones already under way finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.background.catch(() => undefined);
  }

  private inBackground(what: string, task: () => Promise<unknown>): void {
    const run = this.host.inQueue(task).catch((err: unknown) => this.host.log.error(`${what} backup failed`, { error: String(err) }));
    this.background = Promise.all([this.background, run]);
  }
}
