/** Every sentence of the lock a user can see, in one place. */
export const lockMessages = {
  locked: '窗口已锁定：请输入锁屏密码解锁后再操作。',
  askAgain: '清除数据、从备份恢复和迁移数据文件夹前，需要再次输入锁屏密码。',
  alreadyOn: '锁屏密码已经设置。如需更换，请先关闭锁屏（需输入当前密码），再重新设置。',
  notOn: '尚未设置锁屏密码。',
  wrongPassword: (failures: number, waitSeconds: number) =>
    waitSeconds > 0 ? `密码不正确（已连续输错 ${failures} 次），请 ${waitSeconds} 秒后再试。` : `密码不正确（已连续输错 ${failures} 次）。`,
  wrongRecoveryCode: (failures: number, waitSeconds: number) =>
    waitSeconds > 0 ? `恢复码不正确（已连续输错 ${failures} 次），请 ${waitSeconds} 秒后再试。` : `恢复码不正确（已连续输错 ${failures} 次）。请核对设置锁屏时记下的恢复码。`,
  tooManyTries: (seconds: number) => `密码连续输错次数过多，请 ${seconds} 秒后再试。`,
} as const;
