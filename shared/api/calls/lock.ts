import { z } from 'zod';
import { OFFICE, call } from '../define';
import type { LockStatus, RecoveryCodeResult } from '../lock-types';

export const LOCK_PASSWORD_MIN = 6;
export const LOCK_PASSWORD_MAX = 64;
export const LOCK_IDLE_MINUTES = { min: 1, max: 240, default: 10 } as const;

const password = z
  .string({ error: '请输入锁屏密码' })
  .min(1, '请输入锁屏密码')
  .max(LOCK_PASSWORD_MAX, `锁屏密码不能超过${LOCK_PASSWORD_MAX}个字符`);
const newPassword = z
  .string({ error: '请输入新的锁屏密码' })
  .min(LOCK_PASSWORD_MIN, `锁屏密码至少${LOCK_PASSWORD_MIN}个字符`)
  .max(LOCK_PASSWORD_MAX, `锁屏密码不能超过${LOCK_PASSWORD_MAX}个字符`);
const idleMinutes = z
  .number({ error: '自动锁屏时间应为分钟数' })
  .int('自动锁屏时间应为整数分钟')
  .min(LOCK_IDLE_MINUTES.min, `自动锁屏时间至少${LOCK_IDLE_MINUTES.min}分钟`)
  .max(LOCK_IDLE_MINUTES.max, `自动锁屏时间不能超过${LOCK_IDLE_MINUTES.max}分钟`);
const recoveryCode = z.string({ error: '请输入恢复码' }).trim().min(1, '请输入恢复码').max(64, '恢复码过长');

/**
 * The optional lock of the desk and console (锁屏). These are the only calls a locked window may
 * make; the hall has none of them and is never locked.
 */
export const lockCalls = {
  'lock.status': call<LockStatus>()({ args: z.strictObject({}), roles: OFFICE, summary: '锁屏状态' }),
  'lock.setup': call<RecoveryCodeResult>()({
    args: z.strictObject({ password: newPassword, idleMinutes: idleMinutes.optional() }),
    roles: OFFICE,
    summary: '启用锁屏：设置密码，返回只显示一次的恢复码',
  }),
  'lock.unlock': call<LockStatus>()({ args: z.strictObject({ password }), roles: OFFICE, summary: '输入密码解锁' }),
  'lock.recover': call<RecoveryCodeResult>()({
    args: z.strictObject({ recoveryCode, password: newPassword }),
    roles: OFFICE,
    summary: '用恢复码重设密码（数据不受影响），返回新的恢复码',
  }),
  'lock.lockNow': call<LockStatus>()({ args: z.strictObject({}), roles: OFFICE, summary: '立即锁屏' }),
  'lock.touch': call<LockStatus>()({ args: z.strictObject({}), roles: OFFICE, summary: '窗口正在使用（重新计算空闲时间）' }),
  'lock.confirm': call<LockStatus>()({ args: z.strictObject({ password }), roles: OFFICE, summary: '再次输入密码，以便清除、恢复或迁移数据' }),
  'lock.update': call<LockStatus>()({ args: z.strictObject({ idleMinutes }), roles: OFFICE, summary: '修改自动锁屏时间' }),
  'lock.disable': call<LockStatus>()({ args: z.strictObject({ password }), roles: OFFICE, summary: '关闭锁屏（需输入密码）' }),
};

/** The calls a locked window may still make. */
export const CALLS_WHEN_LOCKED: readonly string[] = ['lock.status', 'lock.unlock', 'lock.recover'];

/** Whole-folder operations that ask for the password again when the lock is on. */
export const CALLS_ASKING_AGAIN: readonly string[] = ['demo.clear', 'store.restore', 'store.moveData'];
