import type { Role } from '../../../shared/api/define';

/** Wrong tries allowed before each further try has to wait. */
export const FREE_TRIES = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

/**
 * How long after the last wrong try the next one is accepted: nothing for the first five, then
 * 30 s, doubling with each further wrong try, at most 15 minutes.
 */
export function retryDelayMs(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_TRIES));
}

/** The roles the lock guards: the hall keeps showing what it shows. */
export function isGuardedRole(role: Role): boolean {
  return role === 'desk' || role === 'console';
}

interface RoleState {
  unlocked: boolean;
  lastActivity: number;
}

/**
 * Which windows are locked, from the clock: every guarded role starts locked, is unlocked by the
 * password, and locks again after `idleMs` without use. The console never locks while a vote
 * count is in progress, and its idle time starts again when the count ends.
 */
export class IdleLocks {
  private readonly roles = new Map<Role, RoleState>();

  constructor(private idleMs: number) {}

  setIdleMs(ms: number): void {
    this.idleMs = ms;
  }

  unlock(role: Role, now: number): void {
    this.roles.set(role, { unlocked: true, lastActivity: now });
  }

  lock(role: Role): void {
    this.roles.set(role, { unlocked: false, lastActivity: 0 });
  }

  /**
   * Every guarded window counts as in use from `now` (the lock was just set up: a console in the
   * middle of a count is not cut off; each window locks after its idle time).
   */
  unlockAll(now: number): void {
    for (const role of ['desk', 'console'] as const) this.unlock(role, now);
  }

  /** Use of an unlocked window: its idle time starts again. A locked one stays locked. */
  touch(role: Role, now: number): void {
    const state = this.roles.get(role);
    if (state?.unlocked) state.lastActivity = now;
  }

  /** Marked locked (by hand, at start, or once its idle time was found to have run out), without consulting the clock. */
  isMarkedLocked(role: Role): boolean {
    return isGuardedRole(role) && !this.roles.get(role)?.unlocked;
  }

  /** Locked now? Locks a window whose idle time has run out (unless `counting` holds the console open). */
  /** Unlocked but idle past the limit: only then does an open vote round matter (isLocked). */
  idleExpired(role: Role, now: number): boolean {
    const state = this.roles.get(role);
    return !!state?.unlocked && now - state.lastActivity >= this.idleMs;
  }

  isLocked(role: Role, now: number, counting: boolean): boolean {
    if (!isGuardedRole(role)) return false;
    const state = this.roles.get(role);
    if (!state?.unlocked) return true;
    if (role === 'console' && counting) {
      state.lastActivity = now;
      return false;
    }
    if (now - state.lastActivity >= this.idleMs) {
      state.unlocked = false;
      return true;
    }
    return false;
  }
}
