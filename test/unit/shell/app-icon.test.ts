import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appIconPath } from '../../../electron/shell/app-icon';
import { windowOptionsFor } from '../../../electron/shell/window-options';

const mainDir = path.join('/opt', 'pingyi', 'resources', 'app.asar', 'dist', 'electron');
const icon = path.join('/opt', 'pingyi', 'resources', 'app.asar', 'dist', 'icons', 'png', '256x256.png');

describe('appIconPath', () => {
  it('points Windows and Linux windows at the built 256 px icon next to the bundles', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(appIconPath(mainDir, platform, (file) => file === icon)).toBe(icon);
    }
  });

  it('leaves macOS to its bundle icon', () => {
    expect(appIconPath(mainDir, 'darwin', () => true)).toBeUndefined();
  });

  it('gives no icon when the build made none, rather than a path that does not exist', () => {
    expect(appIconPath(mainDir, 'linux', () => false)).toBeUndefined();
  });
});

describe('windowOptionsFor with an icon', () => {
  it('sets the icon on every window only when there is one', () => {
    expect(windowOptionsFor('desk', 'p', undefined, icon).icon).toBe(icon);
    expect(windowOptionsFor('hall', 'p', { fullscreen: true, bounds: { x: 0, y: 0, width: 10, height: 10 } }, icon).icon).toBe(icon);
    expect('icon' in windowOptionsFor('console', 'p')).toBe(false);
  });
});
