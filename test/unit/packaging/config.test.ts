// The installers' configuration as build/electron-builder.json states it. What electron-builder makes
// of it (the asar's content, the icon, the size) is checked by the packaging smoke test,
// test/packaging/ (npm run test:pack); the installers themselves need the internet to build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PNG_SIZES } from '../../../build/scripts/build-icons.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));

interface Target { target: string; arch: string[] }
interface Config {
  directories: { buildResources: string };
  fileAssociations: { ext: string; name: string; mimeType: string }[];
  win: { target: Target[]; icon: string };
  nsis: Record<string, unknown>;
  linux: { target: Target[]; icon: string; desktop: { entry: Record<string, string> } };
  deb: { depends: string[]; recommends: string[] };
  executableName: string;
}
const config = JSON.parse(readFileSync(path.join(root, 'build', 'electron-builder.json'), 'utf8')) as Config;

describe('installers (build/electron-builder.json)', () => {
  it('Windows: an assisted NSIS installer for x64, per user, in Chinese, with shortcuts, keeping the data folder on uninstall', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      installerLanguages: ['zh_CN'],
      language: '2052',
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
    // perMachine false alone would still offer "for all users": the include forces the current user.
    const include = readFileSync(path.join(root, config.nsis.include as string), 'utf8');
    expect(include).toMatch(/!macro customInstallMode\s+StrCpy \$isForceCurrentInstall "1"\s+!macroend/);
  });

  it('.pingyi packages open the app, on Windows and in the Linux desktop entry', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'pingyi', name: '评议数据包', mimeType: 'application/x-pingyi' })]);
  });

  it('Linux: deb and AppImage for x64 and arm64, one window class for the dock', () => {
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux.desktop.entry.StartupWMClass).toBe(config.executableName);
  });

  it('the deb names the libraries Electron loads, each installable on UOS and Kylin (Debian 10 / Ubuntu 20.04 names, t64 names as alternatives)', () => {
    const names = config.deb.depends.flatMap((d) => d.split('|').map((n) => n.trim()));
    for (const lib of ['libgtk-3-0', 'libnss3', 'libxss1', 'libasound2', 'libgbm1', 'libxkbcommon0', 'libatk-bridge2.0-0', 'libcups2', 'xdg-utils']) expect(names, lib).toContain(lib);
    for (const d of config.deb.depends) expect(d).toMatch(/^[a-z0-9][a-z0-9.+-]*( \| [a-z0-9][a-z0-9.+-]*)*$/);
    // Chinese text needs a CJK font; both systems ship one, so it is a recommendation, not a must.
    expect(config.deb.recommends.join(' ')).toContain('fonts-noto-cjk');
  });

  it('icons come from what npm run build generates into dist/icons', () => {
    expect(config.win.icon).toBe('dist/icons/icon.ico');
    expect(config.linux.icon).toBe('dist/icons/png');
    expect(PNG_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 256, 512]));
  });
});
