import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { silentLogger } from '../../../electron/services/deps';
import { hasLanded, type Bounds, type DisplayLike, type HallWindowPlacement } from '../../../electron/shell/displays';
import type { HallPreference } from '../../../electron/shell/hall-preference';
import { HallController, type HallWindowLike, type HallWindows, type ScreenLike } from '../../../electron/shell/hall-window';

// Fakes with the shapes of Electron's screen and BrowserWindow: hall-window.ts only names types
// from 'electron', so it loads here without the runtime.

const laptop: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, internal: true, label: '' };
const projector: DisplayLike = { id: 2, bounds: { x: 1920, y: 0, width: 1024, height: 768 }, label: 'EPSON PJ' };
const tv: DisplayLike = { id: 4, bounds: { x: 2944, y: 0, width: 1920, height: 1080 }, label: '会议室电视' };

type Listener = () => void;

class FakeEmitter {
  private readonly listeners = new Map<string, Set<Listener>>();
  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }
  removeListener(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  emit(event: string): void {
    for (const l of Array.from(this.listeners.get(event) ?? [])) l();
  }
  count(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}

class FakeScreen extends FakeEmitter implements ScreenLike {
  constructor(
    public displays: DisplayLike[],
    public primaryId = 1,
  ) {
    super();
  }
  getAllDisplays(): DisplayLike[] {
    return this.displays.map((d) => ({ ...d, bounds: { ...d.bounds } }));
  }
  getPrimaryDisplay(): { id: number } {
    return { id: this.primaryId };
  }
  set(displays: DisplayLike[], event: 'display-added' | 'display-removed' | 'display-metrics-changed'): void {
    this.displays = displays;
    this.emit(event);
  }
}

class FakeWindow extends FakeEmitter implements HallWindowLike {
  destroyed = false;
  fullscreen: boolean;
  bounds: Bounds;
  /** macOS animates leaving fullscreen: the event comes later (the test fires it). */
  asyncLeave = false;
  readonly calls: string[] = [];
  constructor(placement: HallWindowPlacement) {
    super();
    this.fullscreen = placement.fullscreen;
    this.bounds = { ...placement.bounds };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isFullScreen(): boolean {
    return this.fullscreen;
  }
  setFullScreen(flag: boolean): void {
    this.calls.push(`fullscreen:${flag}`);
    if (flag === this.fullscreen) return;
    this.fullscreen = flag;
    if (!flag && !this.asyncLeave) this.emit('leave-full-screen');
  }
  getBounds(): Bounds {
    return { ...this.bounds };
  }
  setBounds(bounds: Partial<Bounds>): void {
    this.calls.push(`bounds:${bounds.x},${bounds.y},${bounds.width}x${bounds.height}`);
    // Like Electron: a fullscreen window keeps its size whatever it is told.
    if (!this.fullscreen) this.bounds = { ...this.bounds, ...bounds };
  }
}

class FakeWindows implements HallWindows {
  current: FakeWindow | undefined;
  created = 0;
  broughtForward = 0;
  openRoleWindow(_role: 'hall', placement?: HallWindowPlacement): FakeWindow {
    if (this.current) {
      this.broughtForward++;
      return this.current;
    }
    this.created++;
    const win = new FakeWindow(placement ?? { fullscreen: false, bounds: { x: 0, y: 0, width: 1280, height: 720 } });
    this.current = win;
    return win;
  }
  windowOf(): FakeWindow | undefined {
    return this.current;
  }
  /** As windows.ts does: forgets the window first, then 'closed' reaches the other listeners. */
  close(): void {
    const win = this.current!;
    win.destroyed = true;
    this.current = undefined;
    win.emit('closed');
  }
}

function memoryPreference(initial?: number): HallPreference & { saved: number[] } {
  let value = initial;
  const saved: number[] = [];
  return {
    saved,
    load: () => value,
    save: async (id) => {
      value = id;
      saved.push(id);
    },
  };
}

function setup(displays: DisplayLike[], options: { preference?: HallPreference; attach?: boolean } = {}) {
  const screen = new FakeScreen(displays);
  const controller = new HallController({ screen, log: silentLogger, settleMs: 200, leaveFullScreenMs: 1000, ...(options.preference ? { preference: options.preference } : {}) });
  const windows = new FakeWindows();
  if (options.attach !== false) controller.attach(windows);
  let changes = 0;
  controller.onChange(() => changes++);
  return { screen, controller, windows, changes: () => changes };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HallController.status', () => {
  it('reports the displays, the hall display and the warnings', () => {
    const { controller } = setup([laptop, projector]);
    expect(controller.status()).toEqual({
      mode: 'desktop',
      displays: [
        { id: '1', label: '内置屏幕', width: 1920, height: 1080, primary: true, internal: true },
        { id: '2', label: 'EPSON PJ', width: 1024, height: 768, primary: false, internal: false },
      ],
      hallDisplayId: '2',
      singleScreen: false,
      mirrored: false,
      hallWindowOpen: false,
    });
  });

  it('warns with one display and with mirrored displays', () => {
    expect(setup([laptop]).controller.status()).toMatchObject({ singleScreen: true, mirrored: false, hallDisplayId: '1' });
    const copy = { ...projector, bounds: { ...laptop.bounds } };
    expect(setup([laptop, copy]).controller.status()).toMatchObject({ singleScreen: true, mirrored: true, hallDisplayId: '1' });
  });
});

describe('HallController.openHall', () => {
  it('opens the hall fullscreen on the external display', async () => {
    const { controller, windows, changes } = setup([laptop, projector]);
    const status = await controller.openHall();
    expect(windows.created).toBe(1);
    expect(windows.current).toMatchObject({ fullscreen: true, bounds: projector.bounds });
    expect(status.hallWindowOpen).toBe(true);
    expect(changes()).toBe(1);
  });

  it('opens a normal window centred on the only display', async () => {
    const { controller, windows } = setup([laptop]);
    await controller.openHall();
    expect(windows.current).toMatchObject({ fullscreen: false, bounds: { x: 320, y: 180, width: 1280, height: 720 } });
  });

  it('brings an open hall forward instead of opening another', async () => {
    const { controller, windows } = setup([laptop, projector]);
    await controller.openHall();
    await controller.openHall();
    expect(windows.created).toBe(1);
    expect(windows.broughtForward).toBe(1);
    // Only the first open's: fullscreen once the new window was on its display.
    expect(windows.current?.calls).toEqual(['fullscreen:true']);
  });

  it('refuses before the windows exist', async () => {
    const { controller } = setup([laptop, projector], { attach: false });
    await expect(controller.openHall()).rejects.toMatchObject({ name: 'ApiError', code: 'unavailable' });
  });

  it('reports the hall window closing', async () => {
    const { controller, windows, changes } = setup([laptop, projector]);
    await controller.openHall();
    windows.close();
    expect(changes()).toBe(2);
    expect(controller.status().hallWindowOpen).toBe(false);
  });
});

describe('HallController following the displays', () => {
  it('projector unplugged: the hall leaves fullscreen for a window on the laptop; plugged back: fullscreen again', async () => {
    const { screen, controller, windows, changes } = setup([laptop, projector]);
    await controller.openHall();
    const win = windows.current!;

    screen.set([laptop], 'display-removed');
    // Nothing happens while the desktop is still settling.
    expect(win.fullscreen).toBe(true);
    vi.advanceTimersByTime(200);
    expect(win).toMatchObject({ fullscreen: false, bounds: { x: 320, y: 180, width: 1280, height: 720 } });
    expect(controller.status()).toMatchObject({ singleScreen: true, hallDisplayId: '1' });
    expect(changes()).toBe(2);

    screen.set([laptop, projector], 'display-added');
    vi.advanceTimersByTime(200);
    expect(win).toMatchObject({ fullscreen: true, bounds: projector.bounds });
    expect(controller.status()).toMatchObject({ singleScreen: false, hallDisplayId: '2' });
    expect(changes()).toBe(3);
  });

  it('reacts once to a burst of display events', () => {
    const { screen, changes } = setup([laptop, projector]);
    screen.set([laptop], 'display-removed');
    vi.advanceTimersByTime(100);
    screen.set([laptop, projector], 'display-added');
    vi.advanceTimersByTime(100);
    screen.set([laptop, projector], 'display-metrics-changed');
    expect(changes()).toBe(0);
    vi.advanceTimersByTime(200);
    expect(changes()).toBe(1);
  });

  it('displays becoming mirrored: the hall comes out of fullscreen', async () => {
    const { screen, controller, windows } = setup([laptop, projector]);
    await controller.openHall();
    screen.set([laptop, { ...projector, bounds: { ...laptop.bounds } }], 'display-metrics-changed');
    vi.advanceTimersByTime(200);
    expect(windows.current?.fullscreen).toBe(false);
    expect(controller.status()).toMatchObject({ mirrored: true, singleScreen: true });
  });

  it('notifies listeners even with the hall window closed, and stops after dispose', () => {
    const { screen, controller, changes } = setup([laptop, projector]);
    screen.set([laptop], 'display-removed');
    vi.advanceTimersByTime(200);
    expect(changes()).toBe(1);
    controller.dispose();
    expect(screen.count('display-added') + screen.count('display-removed') + screen.count('display-metrics-changed')).toBe(0);
  });
});

describe('HallController.chooseHallDisplay', () => {
  it("remembers the operator's choice, moves the hall there, and keeps it across an unplug", async () => {
    const preference = memoryPreference();
    const { screen, controller, windows, changes } = setup([laptop, projector, tv], { preference });
    await controller.openHall();
    // The larger external display is the automatic choice.
    expect(windows.current?.bounds).toEqual(tv.bounds);
    windows.current!.calls.length = 0;

    const status = await controller.chooseHallDisplay('2');
    expect(status.hallDisplayId).toBe('2');
    expect(preference.saved).toEqual([2]);
    expect(windows.current).toMatchObject({ fullscreen: true, bounds: projector.bounds });
    expect(windows.current?.calls).toEqual(['fullscreen:false', `bounds:1920,0,1024x768`, 'fullscreen:true']);
    expect(changes()).toBe(2);

    screen.set([laptop, tv], 'display-removed');
    vi.advanceTimersByTime(200);
    expect(controller.status().hallDisplayId).toBe('4');
    screen.set([laptop, projector, tv], 'display-added');
    vi.advanceTimersByTime(200);
    expect(controller.status().hallDisplayId).toBe('2');
    expect(windows.current?.bounds).toEqual(projector.bounds);
  });

  it('starts from the choice saved by an earlier run', () => {
    const { controller } = setup([laptop, projector, tv], { preference: memoryPreference(2) });
    expect(controller.status().hallDisplayId).toBe('2');
  });

  it('refuses a display that is not connected', async () => {
    const preference = memoryPreference();
    const { controller } = setup([laptop, projector], { preference });
    for (const id of ['9', 'abc', '']) {
      const error = await controller.chooseHallDisplay(id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: 'not_found' });
    }
    expect(preference.saved).toEqual([]);
  });

  it('waits for an animated fullscreen exit (macOS) before moving, and a newer move wins', async () => {
    const { controller, windows } = setup([laptop, projector, tv]);
    await controller.openHall();
    const win = windows.current!;
    win.asyncLeave = true;
    win.calls.length = 0;

    await controller.chooseHallDisplay('2');
    expect(win.calls).toEqual(['fullscreen:false']);
    // Another choice before the first move finished: only the newest is carried out.
    win.fullscreen = true;
    await controller.chooseHallDisplay('1');
    win.emit('leave-full-screen');
    expect(win.calls.filter((c) => c.startsWith('bounds'))).toEqual(['bounds:0,0,1920x1080']);
    expect(win.fullscreen).toBe(true);
  });

  it('moves anyway when the fullscreen exit is never reported', async () => {
    const { controller, windows } = setup([laptop, projector, tv]);
    await controller.openHall();
    const win = windows.current!;
    win.asyncLeave = true;
    await controller.chooseHallDisplay('2');
    vi.advanceTimersByTime(1000);
    expect(win).toMatchObject({ fullscreen: true, bounds: projector.bounds });
  });
});

describe('HallController: fullscreen only once the hall is on its display (X11 moves windows later)', () => {
  /** A window manager that places the window only when the test says so, like X11's. */
  class LateWindow extends FakeWindow {
    visible = false;
    pending: Partial<Bounds> | null = null;
    override setBounds(bounds: Partial<Bounds>): void {
      this.calls.push(`bounds:${bounds.x},${bounds.y},${bounds.width}x${bounds.height}`);
      if (!this.fullscreen) this.pending = bounds;
    }
    isVisible(): boolean {
      return this.visible;
    }
    show(): void {
      this.visible = true;
      this.emit('show');
    }
    land(): void {
      if (this.pending) this.bounds = { ...this.bounds, ...this.pending };
      this.pending = null;
      this.emit('move');
    }
  }
  class LateWindows extends FakeWindows {
    override openRoleWindow(_role: 'hall', placement?: HallWindowPlacement): FakeWindow {
      if (this.current) return this.current;
      this.created++;
      // Created hidden and (as X11 often does at first) on the primary display.
      const win = new LateWindow({ fullscreen: placement?.fullscreen ?? false, bounds: { ...laptop.bounds } });
      win.pending = placement?.bounds ?? null;
      this.current = win;
      return win;
    }
  }

  function lateSetup(displays: DisplayLike[]) {
    const screen = new FakeScreen(displays);
    const controller = new HallController({ screen, log: silentLogger, settleMs: 200, leaveFullScreenMs: 1000, landMs: 3000 });
    const windows = new LateWindows();
    controller.attach(windows);
    return { screen, controller, windows };
  }

  it('a new hall window is created windowed, shown, and goes fullscreen only after it reached the projector', async () => {
    const { controller, windows } = lateSetup([laptop, projector]);
    await controller.openHall();
    const win = windows.current as LateWindow;
    expect(win.fullscreen).toBe(false);
    win.show();
    // shown, but still on the laptop
    expect(win.fullscreen).toBe(false);
    win.land();
    expect(win).toMatchObject({ fullscreen: true, bounds: projector.bounds });
    expect(win.calls).toEqual(['fullscreen:true']);
  });

  it('goes fullscreen anyway when the move is never seen, after the wait', async () => {
    const { controller, windows } = lateSetup([laptop, projector]);
    await controller.openHall();
    const win = windows.current as LateWindow;
    win.show();
    vi.advanceTimersByTime(2999);
    expect(win.fullscreen).toBe(false);
    vi.advanceTimersByTime(1);
    expect(win.fullscreen).toBe(true);
  });

  it('a move to another display waits for the window to arrive there, and a newer move cancels it', async () => {
    const { screen, controller, windows } = lateSetup([laptop, projector, tv]);
    await controller.openHall();
    const win = windows.current as LateWindow;
    win.show();
    win.land();
    expect(win).toMatchObject({ fullscreen: true, bounds: tv.bounds });

    await controller.chooseHallDisplay('2');
    expect(win.fullscreen).toBe(false);
    expect(win.bounds).toEqual(tv.bounds);
    // unplugged before it arrived: the older move never goes fullscreen
    screen.set([laptop], 'display-removed');
    vi.advanceTimersByTime(200);
    win.land();
    vi.advanceTimersByTime(5000);
    expect(win.fullscreen).toBe(false);
  });

  it('a window that never lands nor shows is not made fullscreen once closed', async () => {
    const { controller, windows } = lateSetup([laptop, projector]);
    await controller.openHall();
    const win = windows.current as LateWindow;
    windows.close();
    vi.advanceTimersByTime(5000);
    expect(win.calls).toEqual([]);
  });
});

describe('hasLanded', () => {
  it('is true once the centre of the window lies on the target display', () => {
    expect(hasLanded(projector.bounds, projector.bounds)).toBe(true);
    expect(hasLanded(laptop.bounds, projector.bounds)).toBe(false);
    expect(hasLanded({ x: 1900, y: 0, width: 1024, height: 768 }, projector.bounds)).toBe(true);
    expect(hasLanded({ x: 1000, y: 0, width: 1024, height: 768 }, projector.bounds)).toBe(false);
  });
});
