import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundedWait, desktopHome, ensureHome, ozonePlatformFor, type TimerPort } from '../../../electron/shell/startup';

describe('the app folder of a desktop run', () => {
  const appData = path.join('/home', 'ban', '.config');
  it('is --home when given, else for a checkout a folder of its own, else the installed default', () => {
    expect(desktopHome({ homeArg: '/tmp/h', isPackaged: true, appData, productName: '人大工作评议系统' })).toBe('/tmp/h');
    expect(desktopHome({ homeArg: '/tmp/h', isPackaged: false, appData, productName: '人大工作评议系统' })).toBe('/tmp/h');
    const dev = desktopHome({ homeArg: undefined, isPackaged: false, appData, productName: '人大工作评议系统' });
    expect(dev).toBe(path.join(appData, '人大工作评议系统-dev'));
    expect(dev).not.toBe(path.join(appData, '人大工作评议系统'));
    expect(desktopHome({ homeArg: undefined, isPackaged: true, appData, productName: '人大工作评议系统' })).toBeUndefined();
  });

  it('a --home folder that does not exist is created; one that cannot be is named in Chinese', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pingyi-home-'));
    try {
      const fresh = path.join(root, '新建', '程序');
      expect(ensureHome(fresh, (d) => mkdirSync(d, { recursive: true }))).toBeNull();
      expect(ensureHome(fresh, (d) => mkdirSync(d, { recursive: true }))).toBeNull();
      const file = path.join(root, 'a-file');
      writeFileSync(file, 'x');
      const problem = ensureHome(path.join(file, 'sub'), (d) => mkdirSync(d, { recursive: true }));
      expect(problem).toMatch(/^无法创建程序文件夹 .*a-file.sub（同名的文件已存在）。/);
      expect(ensureHome('/x', () => { throw Object.assign(new Error('denied'), { code: 'EACCES' }); })).toMatch(/没有权限/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the ozone platform on Linux', () => {
  const wayland = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' };
  it('is X11 on a Wayland session with XWayland, so the hall can be placed', () => {
    expect(ozonePlatformFor('linux', wayland, [])).toBe('x11');
    expect(ozonePlatformFor('linux', { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':1' }, [])).toBe('x11');
  });
  it('is left alone on X11, without XWayland, when chosen on the command line, and off Linux', () => {
    expect(ozonePlatformFor('linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, [])).toBeNull();
    expect(ozonePlatformFor('linux', { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' }, [])).toBeNull();
    expect(ozonePlatformFor('linux', wayland, ['--ozone-platform=wayland'])).toBeNull();
    expect(ozonePlatformFor('win32', wayland, [])).toBeNull();
  });
});

describe('quitting waits a bounded time', () => {
  function manualTimers() {
    const pending = new Map<number, () => void>();
    let next = 0;
    const timers: TimerPort = {
      set: (fn) => (pending.set(++next, fn), next),
      clear: (h) => void pending.delete(h as number),
    };
    return { timers, fire: () => [...pending.values()].forEach((fn) => fn()), pending };
  }

  it('is done when the services close in time', async () => {
    const { timers, pending } = manualTimers();
    expect(await boundedWait(Promise.resolve(), 8000, timers)).toBe('done');
    expect(pending.size).toBe(0);
  });

  it('gives up when closing hangs (a vanished data folder)', async () => {
    const { timers, fire } = manualTimers();
    const waiting = boundedWait(new Promise(() => {}), 8000, timers);
    fire();
    expect(await waiting).toBe('timed-out');
  });

  it('reports a failed close without waiting', async () => {
    const { timers } = manualTimers();
    expect(await boundedWait(Promise.reject(new Error('EIO')), 8000, timers)).toBe('failed');
  });
});
