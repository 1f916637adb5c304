import type { ShellStatus } from '../../shared/api/shell-types';
import { ApiError } from '../../shared/api/errors';
import type { Logger } from '../services/deps';
import type { ShellPort } from '../services/shell-port';
import { chooseHallDisplay, hallWindowPlacement, hasLanded, planHallMove, toDisplaySummaries, type Bounds, type DisplayLike, type HallMove, type HallWindowPlacement } from './displays';
import type { HallPreference } from './hall-preference';

/*
 * The hall window on the right display. Electron's `screen` and the window manager are passed
 * in (main hands over the real ones), and only their shapes are named here, so this file loads
 * without Electron and its tests drive it with fakes. The decisions are in displays.ts.
 */

const DISPLAY_EVENTS = ['display-added', 'display-removed', 'display-metrics-changed'] as const;
type DisplayEvent = (typeof DISPLAY_EVENTS)[number];

/** The part of Electron's `screen` the controller uses. */
export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): { id: number };
  on(event: DisplayEvent, listener: () => void): unknown;
  removeListener(event: DisplayEvent, listener: () => void): unknown;
}

/** The part of a `BrowserWindow` the controller uses. */
export interface HallWindowLike {
  isDestroyed(): boolean;
  isFullScreen(): boolean;
  setFullScreen(flag: boolean): void;
  getBounds(): Bounds;
  setBounds(bounds: Partial<Bounds>): void;
  /** A window not shown yet (it shows on ready-to-show) is not placed by the window manager yet. */
  isVisible?(): boolean;
  on(event: HallWindowEvent, listener: () => void): unknown;
  removeListener(event: HallWindowEvent, listener: () => void): unknown;
}

type HallWindowEvent = 'closed' | 'leave-full-screen' | 'move' | 'show';

/** The part of the window manager (windows.ts) the controller uses. */
export interface HallWindows {
  openRoleWindow(role: 'hall', placement?: HallWindowPlacement): HallWindowLike;
  windowOf(role: 'hall'): HallWindowLike | undefined;
}

export interface HallControllerOptions {
  screen: ScreenLike;
  log: Logger;
  preference?: HallPreference;
  /**
   * Display changes arrive in bursts (added, then metrics changed while the desktop settles);
   * the controller reacts once they have been quiet this long.
   */
  settleMs?: number;
  /** How long to wait for a window to leave fullscreen before moving it anyway. */
  leaveFullScreenMs?: number;
  /** How long to wait for a moved window to reach its display before making it fullscreen anyway. */
  landMs?: number;
}

export class HallController implements ShellPort {
  private readonly screen: ScreenLike;
  private readonly log: Logger;
  private readonly preference: HallPreference | undefined;
  private readonly settleMs: number;
  private readonly leaveFullScreenMs: number;
  private readonly landMs: number;
  private readonly listeners = new Set<() => void>();
  private readonly tracked = new WeakSet<HallWindowLike>();
  private readonly onDisplayEvent = () => this.displaysChanged();
  private windows: HallWindows | undefined;
  private preferredId: number | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every move, so a move still waiting for fullscreen to end yields to a newer one. */
  private moveGeneration = 0;

  constructor(options: HallControllerOptions) {
    this.screen = options.screen;
    this.log = options.log;
    this.preference = options.preference;
    this.settleMs = options.settleMs ?? 250;
    this.leaveFullScreenMs = options.leaveFullScreenMs ?? 1500;
    this.landMs = options.landMs ?? 3000;
    this.preferredId = this.preference?.load();
    for (const name of DISPLAY_EVENTS) this.screen.on(name, this.onDisplayEvent);
  }

  /** The window manager exists only after the services (it needs their event hub). */
  attach(windows: HallWindows): void {
    this.windows = windows;
  }

  status(): ShellStatus {
    const { displays, primaryId, choice } = this.read();
    return {
      mode: 'desktop',
      displays: toDisplaySummaries(displays, primaryId),
      hallDisplayId: choice.displayId === null ? null : String(choice.displayId),
      singleScreen: choice.singleScreen,
      mirrored: choice.mirrored,
      hallWindowOpen: this.openWindow() !== undefined,
    };
  }

  async chooseHallDisplay(displayId: string): Promise<ShellStatus> {
    const id = Number(displayId);
    if (!Number.isFinite(id) || !this.read().displays.some((d) => d.id === id)) {
      throw new ApiError('not_found', '所选显示器已断开或不存在，请刷新后重新选择。');
    }
    this.preferredId = id;
    void this.preference?.save(id);
    this.placeOpenWindow();
    this.notify();
    return this.status();
  }

  async openHall(): Promise<ShellStatus> {
    const windows = this.windows;
    if (!windows) throw new ApiError('unavailable', '窗口尚未准备好，请稍后再试。');
    const { displays, choice } = this.read();
    const placement = hallWindowPlacement(choice, displays);
    const existing = this.openWindow();
    // Brings an open hall forward; a new one is created on its display as a normal window and
    // goes fullscreen once it is shown there.
    const win = windows.openRoleWindow('hall', { ...placement, fullscreen: false });
    if (existing) this.apply(win, planHallMove(this.stateOf(win), placement, displays));
    else if (placement.fullscreen) this.fullScreenWhenLanded(win, placement.bounds, ++this.moveGeneration);
    if (!this.tracked.has(win)) {
      this.tracked.add(win);
      win.on('closed', () => this.notify());
    }
    this.notify();
    return this.status();
  }

  onChange(listener: () => void): () => void {
    const entry = () => listener();
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  /** Stops following the displays (quitting). */
  dispose(): void {
    for (const name of DISPLAY_EVENTS) this.screen.removeListener(name, this.onDisplayEvent);
    if (this.settleTimer !== undefined) clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    this.listeners.clear();
  }

  private read() {
    const displays = this.screen.getAllDisplays();
    const primaryId = this.screen.getPrimaryDisplay().id;
    return { displays, primaryId, choice: chooseHallDisplay(displays, primaryId, this.preferredId) };
  }

  private openWindow(): HallWindowLike | undefined {
    const win = this.windows?.windowOf('hall');
    return win && !win.isDestroyed() ? win : undefined;
  }

  private stateOf(win: HallWindowLike): HallWindowPlacement {
    return { fullscreen: win.isFullScreen(), bounds: win.getBounds() };
  }

  private displaysChanged(): void {
    if (this.settleTimer !== undefined) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      this.placeOpenWindow();
      this.notify();
    }, this.settleMs);
  }

  private placeOpenWindow(): void {
    const win = this.openWindow();
    if (!win) return;
    const { displays, choice } = this.read();
    const move = planHallMove(this.stateOf(win), hallWindowPlacement(choice, displays), displays);
    if (move.kind !== 'none') this.log.info('moving the hall window', { move: move.kind, displayId: choice.displayId });
    this.apply(win, move);
  }

  private apply(win: HallWindowLike, move: HallMove): void {
    if (move.kind === 'none') return;
    const generation = ++this.moveGeneration;
    const finish = () => {
      if (generation !== this.moveGeneration || win.isDestroyed()) return;
      win.setBounds(move.bounds);
      if (move.kind === 'fullscreen') this.fullScreenWhenLanded(win, move.bounds, generation);
    };
    if (!win.isFullScreen()) {
      finish();
      return;
    }
    // A fullscreen window ignores new bounds, and leaving fullscreen is animated on macOS:
    // move it once it has left (or after a while, should the event never come).
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      win.removeListener('leave-full-screen', settle);
      finish();
    };
    win.on('leave-full-screen', settle);
    const timer = setTimeout(settle, this.leaveFullScreenMs);
    win.setFullScreen(false);
  }

  /**
   * Fullscreen only once the window is shown and has reached `target` (X11 window managers move
   * it asynchronously; fullscreen before that fills the display it is still on), or after
   * `landMs` should it never be seen there. A newer move cancels this one.
   */
  private fullScreenWhenLanded(win: HallWindowLike, target: Bounds, generation: number): void {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stale = () => generation !== this.moveGeneration || win.isDestroyed();
    const finish = (landed: boolean) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      win.removeListener('move', check);
      win.removeListener('show', check);
      if (stale()) return;
      if (!landed) this.log.warn('the hall window was not seen on its display in time; making it fullscreen anyway', { target });
      win.setFullScreen(true);
    };
    function check(): void {
      if (stale()) finish(false);
      else if (win.isVisible?.() !== false && hasLanded(win.getBounds(), target)) finish(true);
    }
    win.on('move', check);
    win.on('show', check);
    check();
    if (!settled) timer = setTimeout(() => finish(false), this.landMs);
  }

  private notify(): void {
    for (const listener of Array.from(this.listeners)) {
      try {
        listener();
      } catch (error) {
        this.log.error('a shell listener failed', { error: String(error) });
      }
    }
  }
}
