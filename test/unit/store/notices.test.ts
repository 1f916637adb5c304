import { describe, expect, it } from 'vitest';
import { formatLocalTime, restoredTo, roughAge } from '../../../electron/services/store/notices';

describe('how notices tell time', () => {
  it('writes a local date and time the Chinese way', () => {
    const t = new Date(2026, 11, 7, 14, 3, 59).getTime();
    expect(formatLocalTime(t)).toBe('2026年12月7日 14:03');
    expect(formatLocalTime(new Date(2026, 0, 1, 9, 5).getTime())).toBe('2026年1月1日 09:05');
  });

  it('says roughly how long ago', () => {
    const now = Date.UTC(2026, 11, 7, 16, 0);
    const ago = (ms: number) => roughAge(now, now - ms);
    expect(ago(20_000)).toBe('不到 1 分钟前');
    expect(ago(5 * 60_000)).toBe('约 5 分钟前');
    expect(ago(59 * 60_000)).toBe('约 59 分钟前');
    expect(ago(2 * 3_600_000 - 60_000)).toBe('约 2 小时前');
    expect(ago(47 * 3_600_000)).toBe('约 47 小时前');
    expect(ago(3 * 86_400_000)).toBe('约 3 天前');
    // a backup dated after now (a clock set back) is not "in the future"
    expect(roughAge(now, now + 3_600_000)).toBe('不到 1 分钟前');
  });

  it('names the backup restored and its age', () => {
    const now = new Date(2026, 11, 7, 16, 3).getTime();
    expect(restoredTo(now, new Date(2026, 11, 7, 14, 3).toISOString())).toBe('已恢复到 2026年12月7日 14:03 的备份（约 2 小时前）');
    expect(restoredTo(now, 'not a date')).toBe('已恢复到一个日期不明的备份');
  });
});
