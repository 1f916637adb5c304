import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../electron/shell/menu-template';

// The item type without importing 'electron' here: tests must not touch that module (lint rule).
type MenuItemConstructorOptions = ReturnType<typeof menuTemplate>[number];

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const noop = { showAbout: () => {}, openConsole: () => {}, openHall: () => {} };

describe('menuTemplate', () => {
  it('labels every entry in Chinese', () => {
    for (const item of flatten(menuTemplate({ isPackaged: false, platform: 'linux' }, noop))) {
      if (item.type === 'separator') continue;
      expect(item.label, JSON.stringify(item.role)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (packaged: boolean) => flatten(menuTemplate({ isPackaged: packaged, platform: 'win32' }, noop)).map((i) => i.role);
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('shows the about box through the given action', () => {
    let shown = 0;
    const about = flatten(menuTemplate({ isPackaged: true, platform: 'linux' }, { ...noop, showAbout: () => shown++ })).find((i) => i.label === '关于人大工作评议系统');
    expect(about?.click).toBeTypeOf('function');
    (about!.click as () => void)();
    expect(shown).toBe(1);
  });

  it('opens the console and the hall from the 会议 menu', () => {
    const opened: string[] = [];
    const items = flatten(menuTemplate({ isPackaged: true, platform: 'win32' }, { ...noop, openConsole: () => opened.push('console'), openHall: () => opened.push('hall') }));
    const meeting = items.find((i) => i.label === '会议');
    expect(Array.isArray(meeting?.submenu) && meeting.submenu.map((i) => i.label)).toEqual(['会议现场', '大屏']);
    (items.find((i) => i.label === '会议现场')!.click as () => void)();
    (items.find((i) => i.label === '大屏')!.click as () => void)();
    expect(opened).toEqual(['console', 'hall']);
  });

  it('adds the app menu on macOS only', () => {
    expect(menuTemplate({ isPackaged: true, platform: 'darwin' }, noop)[0]?.role).toBe('appMenu');
    expect(menuTemplate({ isPackaged: true, platform: 'win32' }, noop)[0]?.label).toBe('文件');
  });
});
