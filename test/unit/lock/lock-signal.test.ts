import { afterEach, describe, expect, it } from 'vitest';
import type { PlatformApi } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { onScreenLocked, setPasswordPrompt, withLockSignal } from '../../../renderer/src/lock/lock-signal';

/** A platform whose calls answer from a script, recording each call. */
function scripted(answers: (() => unknown)[]) {
  const calls: string[] = [];
  const platform = {
    role: 'desk',
    mode: 'browser',
    call: async (name: string) => {
      calls.push(name);
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      return next();
    },
    on: () => () => undefined,
    onConnection: () => () => undefined,
  } as unknown as PlatformApi;
  return { platform: withLockSignal(platform), calls };
}

afterEach(() => setPasswordPrompt(null));

describe('the renderer side of the lock', () => {
  it('a call refused because the window is locked tells the lock gate, and still fails', async () => {
    const { platform } = scripted([
      () => {
        throw new ApiError('screen_locked', '窗口已锁定：请输入锁屏密码解锁后再操作。');
      },
    ]);
    let told = 0;
    const off = onScreenLocked(() => told++);
    await expect(platform.call('settings.get', {})).rejects.toMatchObject({ code: 'screen_locked' });
    expect(told).toBe(1);
    off();
  });

  it('a call that asks for the password again is sent once more after the prompt; cancelling fails it, nothing sent', async () => {
    const again = () => {
      throw new ApiError('password_again', '需要再次输入锁屏密码');
    };
    const first = scripted([again, () => ({ backupId: 'b1' })]);
    setPasswordPrompt(async () => true);
    expect(await first.platform.call('demo.clear', { confirm: '清除演示数据' })).toEqual({ backupId: 'b1' });
    expect(first.calls).toEqual(['demo.clear', 'demo.clear']);

    const second = scripted([again]);
    setPasswordPrompt(async () => false);
    await expect(second.platform.call('demo.clear', { confirm: '清除演示数据' })).rejects.toThrow(/已取消.*数据未更改/);
    expect(second.calls).toEqual(['demo.clear']);
  });

  it('other errors and results pass through untouched', async () => {
    const { platform } = scripted([() => 42, () => Promise.reject(new ApiError('conflict', '冲突'))]);
    expect(await platform.call('settings.get', {})).toBe(42);
    await expect(platform.call('settings.get', {})).rejects.toMatchObject({ code: 'conflict', message: '冲突' });
  });
});
