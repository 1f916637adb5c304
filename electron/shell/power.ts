import type { HallView, LiveConsoleState } from '../../shared/api/live-types';
import type { Logger } from '../services/deps';

/**
 * Whether the screen and the system must stay awake: a meeting is on. From the hall's view that
 * is anything on the hall but the idle screen (a black or blank slide is deliberate, and a
 * sleeping projector would show "no signal"); from the console's state, a session is open and
 * the meeting is running or the hall shows something.
 */
export function shouldKeepAwake(state: HallView | LiveConsoleState | null | undefined): boolean {
  if (!state) return false;
  if ('content' in state) return state.content.kind !== 'idle';
  if (!state.session) return false;
  return state.live?.status === 'running' || state.hall.content.kind !== 'idle';
}

/** The part of Electron's `powerSaveBlocker` used here. */
export interface SleepBlocker {
  start(type: 'prevent-display-sleep'): number;
  stop(id: number): boolean;
}

/**
 * Holds at most one 'prevent-display-sleep' blocker (which keeps the system awake too) and
 * follows the hall's views. The view read at start-up is older than any view pushed since, so it
 * counts only while nothing has been pushed.
 */
export class AwakeKeeper {
  private readonly blocker: SleepBlocker;
  private readonly log: Logger | undefined;
  private blockerId: number | undefined;
  private pushed = false;

  constructor(blocker: SleepBlocker, log?: Logger) {
    this.blocker = blocker;
    this.log = log;
  }

  get active(): boolean {
    return this.blockerId !== undefined;
  }

  /** A view the services pushed: always the newest. */
  onView(view: HallView): void {
    this.pushed = true;
    this.set(shouldKeepAwake(view));
  }

  /** The view read at start-up (a meeting resumed after a restart). */
  onInitialView(view: HallView): void {
    if (!this.pushed) this.set(shouldKeepAwake(view));
  }

  release(): void {
    this.set(false);
  }

  private set(awake: boolean): void {
    if (awake && this.blockerId === undefined) {
      this.blockerId = this.blocker.start('prevent-display-sleep');
      this.log?.info('keeping the screen awake during the meeting');
    } else if (!awake && this.blockerId !== undefined) {
      this.blocker.stop(this.blockerId);
      this.blockerId = undefined;
      this.log?.info('the screen may sleep again');
    }
  }
}
