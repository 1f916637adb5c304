import path from 'node:path';

/** Where the build puts the windows' icon, relative to the main bundle (dist/electron/main.cjs). */
export const WINDOW_ICON_FROM_MAIN = ['..', 'icons', 'png', '256x256.png'] as const;

/**
 * The icon a window shows in its title bar and the taskbar. Windows and Linux take it from the
 * window (an unpacked `electron .` has no icon of its own, and Linux window managers read it from
 * the window when the desktop entry doesn't match); macOS ignores it and uses the app bundle's.
 * A build without icons (`build:node` only) gets Electron's default rather than a broken path.
 */
export function appIconPath(mainDir: string, platform: NodeJS.Platform, exists: (file: string) => boolean): string | undefined {
  if (platform === 'darwin') return undefined;
  const file = path.join(mainDir, ...WINDOW_ICON_FROM_MAIN);
  return exists(file) ? file : undefined;
}
