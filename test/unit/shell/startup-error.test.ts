import { describe, expect, it } from 'vitest';
import { startupFailureText } from '../../../electron/shell/startup-error';

describe('startupFailureText', () => {
  it('shows a user-facing message as it is', () => {
    const text = startupFailureText(new Error('数据文件夹正被另一个程序使用（进程 4242）。请先关闭它。'), true);
    expect(text.content).toBe('数据文件夹正被另一个程序使用（进程 4242）。请先关闭它。');
    expect(text.title).toBe('人大工作评议系统无法启动');
  });

  it('wraps an unexpected error in Chinese, keeping its text for support', () => {
    const text = startupFailureText(new Error('EACCES: permission denied'), false);
    expect(text.content).toContain('启动时发生错误，数据没有被更改');
    expect(text.content).toContain('EACCES: permission denied');
    expect(startupFailureText('boom', false).content).toContain('boom');
  });
});
