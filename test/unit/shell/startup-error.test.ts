import { describe, expect, it } from 'vitest';
import { startupFailureText } from '../../../electron/shell/startup-error';

describe('startupFailureText', () => {
  it('shows a user-facing message as it is', () => {
    const text = startupFailureText(new Error('数据文件夹正被这台计算机上的另一个评议系统使用（自 2026年12月7日 14:03 起）。请先关闭它。'), true);
    expect(text.content).toBe('数据文件夹正被这台计算机上的另一个评议系统使用（自 2026年12月7日 14:03 起）。请先关闭它。');
    expect(text.title).toBe('人大工作评议系统无法启动');
  });

  it('wraps an unexpected error in Chinese, keeping its text for support', () => {
    const text = startupFailureText(new Error('Unexpected token in migration'), false);
    expect(text.content).toContain('启动时发生错误，数据没有被更改');
    expect(text.content).toContain('Unexpected token in migration');
    expect(startupFailureText('boom', false).content).toContain('boom');
  });

  it('says what to do about the disk, as the app does, never the raw errno text', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open '/srv/data/.lock.123.tmp'"), { code: 'EACCES', path: '/srv/data/.lock.123.tmp' });
    const text = startupFailureText(denied, false, '/srv/data');
    expect(text.content).toMatch(/^没有写入数据文件夹的权限：\/srv\/data。/);
    expect(text.content).not.toMatch(/EACCES|\.tmp/);
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(startupFailureText(full, false, '/srv/data').content).toMatch(/^磁盘空间不足/);
    const gone = Object.assign(new Error("ENOENT: no such file or directory, mkdir '/media/usb/评议数据'"), { code: 'ENOENT' });
    expect(startupFailureText(gone, false, '/media/usb-that-is-not-there/评议数据').content).toMatch(/^找不到数据文件夹 .*U盘/);
  });
});
