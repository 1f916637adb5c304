import { describe, expect, it } from 'vitest';
import { chooseHallDisplay, hallWindowPlacement, planHallMove, toDisplaySummaries, type DisplayLike } from '../../../electron/shell/displays';

// The meeting-room setups seen in practice, as Electron's screen module reports them (DIP bounds).
const laptop: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, internal: true, label: '' };
const projector: DisplayLike = { id: 2, bounds: { x: 1920, y: 0, width: 1024, height: 768 }, internal: false, label: 'EPSON PJ' };
const monitor: DisplayLike = { id: 3, bounds: { x: -2560, y: 0, width: 2560, height: 1440 }, label: 'DELL U2723QE' };
const tv: DisplayLike = { id: 4, bounds: { x: 2944, y: 0, width: 1920, height: 1080 }, label: '' };

describe('chooseHallDisplay', () => {
  it('one display: the hall shares it, as a normal window, and the console must warn', () => {
    expect(chooseHallDisplay([laptop], 1)).toEqual({ displayId: 1, external: false, mirrored: false, singleScreen: true });
  });

  it('no display reported at all: nothing to choose', () => {
    expect(chooseHallDisplay([], 1)).toEqual({ displayId: null, external: false, mirrored: false, singleScreen: true });
  });

  it('two displays: the hall goes to the one that is not the primary', () => {
    expect(chooseHallDisplay([laptop, projector], 1)).toEqual({ displayId: 2, external: true, mirrored: false, singleScreen: false });
    // Order of the list does not matter.
    expect(chooseHallDisplay([projector, laptop], 1).displayId).toBe(2);
  });

  it('mirrored displays (same bounds): one picture for everyone, the hall stays a window on the primary', () => {
    const copy = { ...projector, bounds: { ...laptop.bounds } };
    expect(chooseHallDisplay([laptop, copy], 1)).toEqual({ displayId: 1, external: false, mirrored: true, singleScreen: true });
    // Even a remembered choice cannot give the hall a screen of its own while mirrored.
    expect(chooseHallDisplay([laptop, copy], 1, 2)).toEqual({ displayId: 1, external: false, mirrored: true, singleScreen: true });
  });

  it('duplicated displays of different resolutions (same origin) count as mirrored too', () => {
    const duplicate = { ...projector, bounds: { x: 0, y: 0, width: 1024, height: 768 } };
    expect(chooseHallDisplay([laptop, duplicate], 1)).toMatchObject({ mirrored: true, singleScreen: true, external: false, displayId: 1 });
  });

  it('displays that merely touch are not mirrored', () => {
    expect(chooseHallDisplay([laptop, projector], 1).mirrored).toBe(false);
  });

  it('an external display unplugged: falls back to a window on the primary, and re-chooses it when it returns', () => {
    expect(chooseHallDisplay([laptop, projector], 1).displayId).toBe(2);
    expect(chooseHallDisplay([laptop], 1)).toEqual({ displayId: 1, external: false, mirrored: false, singleScreen: true });
    expect(chooseHallDisplay([laptop, projector], 1)).toEqual({ displayId: 2, external: true, mirrored: false, singleScreen: false });
    // The same with the operator's choice remembered across the unplug.
    expect(chooseHallDisplay([laptop], 1, 2).displayId).toBe(1);
    expect(chooseHallDisplay([laptop, projector], 1, 2)).toMatchObject({ displayId: 2, external: true });
  });

  it("prefers the operator's choice while it is connected", () => {
    expect(chooseHallDisplay([laptop, projector, tv], 1, 2)).toMatchObject({ displayId: 2, external: true });
    expect(chooseHallDisplay([laptop, projector, tv], 1, 4)).toMatchObject({ displayId: 4, external: true });
    // Even the primary: the operator may have made the projector the main display.
    expect(chooseHallDisplay([laptop, projector], 1, 1)).toMatchObject({ displayId: 1, external: true, singleScreen: false });
  });

  it('preferred display gone: falls back to the automatic choice', () => {
    expect(chooseHallDisplay([laptop, tv], 1, 2)).toMatchObject({ displayId: 4, external: true });
    expect(chooseHallDisplay([laptop, tv], 1, 999)).toMatchObject({ displayId: 4, external: true });
  });

  it('three displays: the largest of the external ones', () => {
    expect(chooseHallDisplay([laptop, projector, tv], 1)).toMatchObject({ displayId: 4, external: true });
    expect(chooseHallDisplay([laptop, monitor, projector], 1)).toMatchObject({ displayId: 3, external: true });
    // Equal sizes keep Electron's order, so the choice does not flicker between them.
    const tv2 = { ...tv, id: 5, bounds: { ...tv.bounds, x: 4864 } };
    expect(chooseHallDisplay([laptop, tv, tv2], 1).displayId).toBe(4);
    expect(chooseHallDisplay([laptop, tv2, tv], 1).displayId).toBe(5);
  });

  it('internal flag: an external display wins over a larger laptop panel', () => {
    const desktopMonitor: DisplayLike = { id: 10, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, label: 'HP' };
    const bigPanel: DisplayLike = { id: 11, bounds: { x: -2560, y: 0, width: 2560, height: 1600 }, internal: true };
    const smallProjector: DisplayLike = { id: 12, bounds: { x: 1920, y: 0, width: 1280, height: 800 } };
    expect(chooseHallDisplay([desktopMonitor, bigPanel, smallProjector], 10).displayId).toBe(12);
  });

  it('internal flag: a laptop panel is chosen only when it is the one display away from the primary', () => {
    // The projector was made the main display: the hall still keeps off the console's screen.
    const projectorPrimary = { ...projector, bounds: { x: 0, y: 0, width: 1024, height: 768 } };
    const panel = { ...laptop, bounds: { x: 1024, y: 0, width: 1920, height: 1080 } };
    expect(chooseHallDisplay([panel, projectorPrimary], 2)).toMatchObject({ displayId: 1, external: true });
  });

  it('never chooses a display that mirrors the primary while another is free', () => {
    const mirrorOfLaptop = { ...projector, id: 7, bounds: { ...laptop.bounds } };
    expect(chooseHallDisplay([laptop, mirrorOfLaptop, tv], 1)).toEqual({ displayId: 4, external: true, mirrored: false, singleScreen: false });
  });

  it('an unknown primary id falls back to the first display listed', () => {
    expect(chooseHallDisplay([laptop, projector], 42)).toMatchObject({ displayId: 2, external: true });
  });
});

describe('toDisplaySummaries', () => {
  it('lists displays left to right, with string ids, sizes and flags', () => {
    expect(toDisplaySummaries([laptop, projector, monitor], 1)).toEqual([
      { id: '3', label: 'DELL U2723QE', width: 2560, height: 1440, primary: false, internal: false },
      { id: '1', label: '内置屏幕', width: 1920, height: 1080, primary: true, internal: true },
      { id: '2', label: 'EPSON PJ', width: 1024, height: 768, primary: false, internal: false },
    ]);
  });

  it('names unnamed displays in Chinese by position', () => {
    expect(toDisplaySummaries([laptop, tv], 1).map((d) => d.label)).toEqual(['内置屏幕', '显示器 2']);
    expect(toDisplaySummaries([{ id: 9, bounds: laptop.bounds, label: '   ' }], 9)[0]?.label).toBe('显示器 1');
  });

  it('gives an empty list for no displays', () => {
    expect(toDisplaySummaries([], 1)).toEqual([]);
  });
});

describe('hallWindowPlacement', () => {
  it('fullscreen on the external display, at its bounds', () => {
    const displays = [laptop, monitor];
    expect(hallWindowPlacement(chooseHallDisplay(displays, 1), displays)).toEqual({ fullscreen: true, bounds: monitor.bounds });
  });

  it('a normal 1280×720 window centred on the primary otherwise', () => {
    expect(hallWindowPlacement(chooseHallDisplay([laptop], 1), [laptop])).toEqual({ fullscreen: false, bounds: { x: 320, y: 180, width: 1280, height: 720 } });
    const copy = { ...projector, bounds: { ...laptop.bounds } };
    expect(hallWindowPlacement(chooseHallDisplay([laptop, copy], 1), [laptop, copy]).fullscreen).toBe(false);
  });

  it('shrinks the window to fit a small primary', () => {
    const small: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1024, height: 768 } };
    expect(hallWindowPlacement(chooseHallDisplay([small], 1), [small])).toEqual({ fullscreen: false, bounds: { x: 0, y: 24, width: 1024, height: 720 } });
  });

  it('still gives a window when no display is reported', () => {
    expect(hallWindowPlacement(chooseHallDisplay([], 1), [])).toEqual({ fullscreen: false, bounds: { x: 0, y: 0, width: 1280, height: 720 } });
  });
});

describe('planHallMove', () => {
  const displays = [laptop, projector];
  const onProjector = { fullscreen: true, bounds: projector.bounds };
  const windowOnLaptop = { fullscreen: false, bounds: { x: 100, y: 100, width: 1280, height: 720 } };

  it('leaves a fullscreen hall alone on its display', () => {
    expect(planHallMove(onProjector, { fullscreen: true, bounds: projector.bounds }, displays)).toEqual({ kind: 'none' });
  });

  it('puts a windowed hall fullscreen once its display appears', () => {
    expect(planHallMove(windowOnLaptop, { fullscreen: true, bounds: projector.bounds }, displays)).toEqual({ kind: 'fullscreen', bounds: projector.bounds });
  });

  it('moves a fullscreen hall to another display', () => {
    expect(planHallMove(onProjector, { fullscreen: true, bounds: tv.bounds }, [laptop, projector, tv])).toEqual({ kind: 'fullscreen', bounds: tv.bounds });
  });

  it('brings the hall out of fullscreen when its display is unplugged', () => {
    const placement = hallWindowPlacement(chooseHallDisplay([laptop], 1), [laptop]);
    expect(planHallMove(onProjector, placement, [laptop])).toEqual({ kind: 'window', bounds: placement.bounds });
  });

  it('leaves a window the operator placed, unless it is off every screen', () => {
    const placement = hallWindowPlacement(chooseHallDisplay([laptop], 1), [laptop]);
    expect(planHallMove(windowOnLaptop, placement, [laptop])).toEqual({ kind: 'none' });
    const stranded = { fullscreen: false, bounds: { x: 2000, y: 50, width: 800, height: 450 } };
    expect(planHallMove(stranded, placement, [laptop])).toEqual({ kind: 'window', bounds: placement.bounds });
  });
});
