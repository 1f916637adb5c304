import type { Role } from '../../shared/api/define';

/** Renderer crashes per window within this window of time before reloading stops (a crash loop). */
export const CRASH_LIMIT = 3;
export const CRASH_WINDOW_MS = 60_000;

export type CrashDecision = { action: 'reload' } | { action: 'leave'; why: 'clean-exit' | 'quitting' | 'crash-loop' };

/**
 * What to do when a window's renderer is gone (Electron's render-process-gone). A blank hall on
 * the projector is the worst failure a meeting can have, so every window is loaded again — it
 * reads the live state afresh — unless the app is quitting, the renderer ended normally, or it
 * keeps crashing (CRASH_LIMIT times within CRASH_WINDOW_MS), where reloading would only spin.
 * `recent`: the times of this window's earlier crashes (those older than the window are ignored).
 */
export function planCrashRecovery(reason: string, recent: readonly number[], now: number, quitting: boolean): CrashDecision {
  if (quitting) return { action: 'leave', why: 'quitting' };
  if (reason === 'clean-exit') return { action: 'leave', why: 'clean-exit' };
  const inWindow = recent.filter((t) => now - t < CRASH_WINDOW_MS).length;
  if (inWindow >= CRASH_LIMIT) return { action: 'leave', why: 'crash-loop' };
  return { action: 'reload' };
}

/** The crash times of each role's window, kept only as long as they matter. */
export class CrashHistory {
  private readonly times = new Map<Role, number[]>();

  /** Records a crash now and says what to do. */
  decide(role: Role, reason: string, now: number, quitting: boolean): CrashDecision {
    const recent = (this.times.get(role) ?? []).filter((t) => now - t < CRASH_WINDOW_MS);
    const decision = planCrashRecovery(reason, recent, now, quitting);
    this.times.set(role, [...recent, now]);
    return decision;
  }
}

/** Shown when a window keeps crashing and is no longer reloaded. */
export function crashLoopMessage(role: Role, label: string): string {
  return role === 'hall'
    ? `${label}窗口多次意外退出，已停止自动重新加载。请在会议现场重新打开大屏；如仍反复出现，请重新启动程序。`
    : `${label}窗口多次意外退出，已停止自动重新加载。请关闭该窗口后重新打开；如仍反复出现，请重新启动程序。数据已保存，不受影响。`;
}
