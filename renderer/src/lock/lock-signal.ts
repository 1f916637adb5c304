import type { PlatformApi } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';

/**
 * The renderer's side of the lock: every call goes through here, so a refusal from the services
 * ('screen_locked') turns the window into the lock screen wherever it came from, and a call that
 * asks for the password again ('password_again') is retried once after the lock screen's prompt.
 */
type Prompt = () => Promise<boolean>;

const lockedListeners = new Set<() => void>();
let prompt: Prompt | null = null;

/** Called when the services refuse a call because this window is locked. */
export function onScreenLocked(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

/** The lock gate's password prompt (resolves true once lock.confirm accepted the password). */
export function setPasswordPrompt(next: Prompt | null): void {
  prompt = next;
}

export function withLockSignal(platform: PlatformApi): PlatformApi {
  const call: PlatformApi['call'] = async (name, args) => {
    try {
      return await platform.call(name, args);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code === 'screen_locked') {
        for (const listener of lockedListeners) listener();
        throw err;
      }
      if (err.code === 'password_again' && prompt) {
        if (await prompt()) return platform.call(name, args);
        throw new ApiError('password_again', '已取消：未再次输入锁屏密码，数据未更改。');
      }
      throw err;
    }
  };
  return { role: platform.role, mode: platform.mode, call, on: platform.on.bind(platform), onConnection: platform.onConnection.bind(platform) };
}

const changedListeners = new Set<() => void>();

/** The lock was set up, turned off or locked from this window (设置 → 锁屏): the gate reads its state again. */
export function announceLockChanged(): void {
  for (const listener of changedListeners) listener();
}

export function onLockChanged(listener: () => void): () => void {
  changedListeners.add(listener);
  return () => changedListeners.delete(listener);
}
