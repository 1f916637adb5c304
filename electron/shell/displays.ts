import type { DisplaySummary } from '../../shared/api/shell-types';

/**
 * Which display gets the hall, and where the hall window goes. Plain functions over what
 * Electron's `screen` reports (reduced to `DisplayLike`), so every case is unit-tested without
 * Electron; `hall-window.ts` feeds them the live display list.
 */

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's `Display` the decisions need. Bounds are in device-independent pixels. */
export interface DisplayLike {
  id: number;
  bounds: Bounds;
  /** A laptop's built-in panel: never where a projector's picture is. */
  internal?: boolean;
  label?: string;
}

export interface HallDisplayChoice {
  /** The display the hall is (or will be) on; null only when no display is reported at all. */
  displayId: number | null;
  /** The hall has a display to itself, away from the console: it goes fullscreen there. */
  external: boolean;
  /** Every display shows the same picture (duplicated / mirrored), so the hall would show the console. */
  mirrored: boolean;
  /** One picture for everyone (one display, or mirrored ones): the console must warn before the meeting. */
  singleScreen: boolean;
}

export interface HallWindowPlacement {
  fullscreen: boolean;
  bounds: Bounds;
}

/** The hall window when it has no display of its own: 16:9 and small enough to sit beside the console. */
const HALL_WINDOW_SIZE = { width: 1280, height: 720 } as const;

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function area(d: DisplayLike): number {
  return d.bounds.width * d.bounds.height;
}

function centreOf(b: Bounds): { x: number; y: number } {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

function contains(b: Bounds, p: { x: number; y: number }): boolean {
  return p.x >= b.x && p.x < b.x + b.width && p.y >= b.y && p.y < b.y + b.height;
}

/**
 * Chooses the hall's display.
 *
 * Electron reports mirrored displays with the same bounds; we treat any overlap as mirroring,
 * because in an extended desktop displays never overlap, while a duplicated pair with different
 * resolutions (common on Linux) shares an origin but not a size — either way the projector shows
 * the console. A display overlapping the primary is therefore never an automatic choice.
 *
 * Order: the operator's choice while it is connected (it returns when the display is plugged
 * back in, since the caller keeps remembering it); else a display other than the primary —
 * where the console and desk windows open — preferring external ones over a laptop's panel,
 * then the largest. With one picture for everyone the hall gets a normal window on the primary,
 * because a fullscreen hall would cover the console.
 */
export function chooseHallDisplay(displays: readonly DisplayLike[], primaryId: number, preferredId?: number): HallDisplayChoice {
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  if (!primary) return { displayId: null, external: false, mirrored: false, singleScreen: true };

  const others = displays.filter((d) => d !== primary);
  const mirrored = others.length > 0 && others.every((d) => overlaps(d.bounds, primary.bounds));
  if (others.length === 0 || mirrored) return { displayId: primary.id, external: false, mirrored, singleScreen: true };

  const preferred = preferredId === undefined ? undefined : displays.find((d) => d.id === preferredId);
  if (preferred) return { displayId: preferred.id, external: true, mirrored: false, singleScreen: false };

  const candidates = others
    .filter((d) => !overlaps(d.bounds, primary.bounds))
    // A stable sort: equal displays keep Electron's order, so the choice does not flicker.
    .sort((a, b) => Number(a.internal === true) - Number(b.internal === true) || area(b) - area(a));
  const chosen = candidates[0];
  // Unreachable while `mirrored` is false (some display then does not overlap the primary).
  if (!chosen) return { displayId: primary.id, external: false, mirrored: false, singleScreen: true };
  return { displayId: chosen.id, external: true, mirrored: false, singleScreen: false };
}

/**
 * The displays as the console lists them, left to right (as they stand on the desk). A display
 * without a name (common on Linux) is named by kind and position, in Chinese.
 */
export function toDisplaySummaries(displays: readonly DisplayLike[], primaryId: number): DisplaySummary[] {
  const ordered = [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y);
  return ordered.map((d, i) => ({
    id: String(d.id),
    label: d.label?.trim() || (d.internal ? '内置屏幕' : `显示器 ${i + 1}`),
    width: d.bounds.width,
    height: d.bounds.height,
    primary: d.id === primaryId,
    internal: d.internal === true,
  }));
}

/**
 * Fullscreen on the hall's own display; otherwise a normal 16:9 window centred on the chosen
 * display (the primary), shrunk to fit a smaller screen.
 */
export function hallWindowPlacement(choice: HallDisplayChoice, displays: readonly DisplayLike[]): HallWindowPlacement {
  const target = choice.displayId === null ? undefined : displays.find((d) => d.id === choice.displayId);
  if (target && choice.external) return { fullscreen: true, bounds: { ...target.bounds } };
  const room = target?.bounds ?? displays[0]?.bounds ?? { x: 0, y: 0, ...HALL_WINDOW_SIZE };
  const width = Math.min(HALL_WINDOW_SIZE.width, room.width);
  const height = Math.min(HALL_WINDOW_SIZE.height, room.height);
  return {
    fullscreen: false,
    bounds: { x: room.x + Math.floor((room.width - width) / 2), y: room.y + Math.floor((room.height - height) / 2), width, height },
  };
}

/** What to do with an open hall window after the displays or the choice changed. */
export type HallMove = { kind: 'none' } | { kind: 'fullscreen'; bounds: Bounds } | { kind: 'window'; bounds: Bounds };

/**
 * Moves the open hall window only when it must: into fullscreen on its display, out of
 * fullscreen when it lost its own display, or back on screen when its display went away. A
 * normal window the operator has placed by hand is left where it is.
 */
export function planHallMove(current: HallWindowPlacement, placement: HallWindowPlacement, displays: readonly DisplayLike[]): HallMove {
  const centre = centreOf(current.bounds);
  if (placement.fullscreen) {
    if (current.fullscreen && contains(placement.bounds, centre)) return { kind: 'none' };
    return { kind: 'fullscreen', bounds: placement.bounds };
  }
  if (current.fullscreen) return { kind: 'window', bounds: placement.bounds };
  if (displays.some((d) => contains(d.bounds, centre))) return { kind: 'none' };
  return { kind: 'window', bounds: placement.bounds };
}

/**
 * The window has reached the display it was sent to: its centre lies on the target's bounds.
 * X11 window managers move a window some time after it is asked to, and a window made
 * fullscreen before that goes fullscreen on the display it is still on.
 */
export function hasLanded(current: Bounds, target: Bounds): boolean {
  const x = current.x + current.width / 2;
  const y = current.y + current.height / 2;
  return x >= target.x && x < target.x + target.width && y >= target.y && y < target.y + target.height;
}
