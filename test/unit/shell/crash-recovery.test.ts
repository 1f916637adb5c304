import { describe, expect, it } from 'vitest';
import { CRASH_LIMIT, CRASH_WINDOW_MS, CrashHistory, crashLoopMessage, planCrashRecovery } from '../../../electron/shell/crash-recovery';

describe('a renderer that is gone', () => {
  it('is reloaded (the window reads the live state again) whatever the crash', () => {
    for (const reason of ['crashed', 'killed', 'oom', 'abnormal-exit', 'launch-failed']) expect(planCrashRecovery(reason, [], 0, false)).toEqual({ action: 'reload' });
  });

  it('is left alone when the app is quitting or the renderer ended normally', () => {
    expect(planCrashRecovery('crashed', [], 0, true)).toEqual({ action: 'leave', why: 'quitting' });
    expect(planCrashRecovery('clean-exit', [], 0, false)).toEqual({ action: 'leave', why: 'clean-exit' });
  });

  it('stops reloading a window that keeps crashing, and starts again once that is past', () => {
    const history = new CrashHistory();
    for (let i = 0; i < CRASH_LIMIT; i++) expect(history.decide('hall', 'crashed', i * 1000, false)).toEqual({ action: 'reload' });
    expect(history.decide('hall', 'crashed', 5000, false)).toEqual({ action: 'leave', why: 'crash-loop' });
    // the console is counted apart
    expect(history.decide('console', 'crashed', 5000, false)).toEqual({ action: 'reload' });
    expect(history.decide('hall', 'crashed', 5000 + CRASH_WINDOW_MS, false)).toEqual({ action: 'reload' });
  });

  it('says in Chinese what to do when reloading stopped', () => {
    expect(crashLoopMessage('hall', '大屏')).toMatch(/^大屏窗口多次意外退出.*会议现场重新打开大屏/);
    expect(crashLoopMessage('desk', '办公桌')).toMatch(/数据已保存/);
  });
});
