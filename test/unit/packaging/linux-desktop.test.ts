// The Linux desktop entry and the AppImage launcher, as build/electron-builder.json, package.json and
// the installed electron-builder make them (nothing here needs the Electron runtime).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const config = JSON.parse(readFileSync(path.join(root, 'build', 'electron-builder.json'), 'utf8')) as {
  executableName: string;
  linux: { desktop: { entry: Record<string, string> } };
  appImage?: { executableArgs?: string[] };
};
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { desktopName?: string };

describe('the desktop entry and the window class', () => {
  it('matches: Electron (41 and later) names the window class after package.json desktopName, the entry says the same', () => {
    expect(pkg.desktopName).toBe(`${config.executableName}.desktop`);
    const windowClass = pkg.desktopName!.replace(/\.desktop$/, '');
    expect(config.linux.desktop.entry.StartupWMClass).toBe(windowClass);
  });
});

describe('the AppImage launcher and the Chromium sandbox', () => {
  it('leaves the sandbox on in the desktop entry: the launcher decides', () => {
    expect(config.appImage?.executableArgs).toEqual([]);
  });

  it('the installed electron-builder launcher adds --no-sandbox only where user namespaces are off (Debian 10 based UOS)', () => {
    const require = createRequire(import.meta.url);
    const util = require(path.join(root, 'node_modules', 'app-builder-lib', 'out', 'targets', 'appimage', 'appImageUtil.js')) as {
      generateAppRunScript: (c: Record<string, unknown>) => string;
    };
    const script = util.generateAppRunScript({ DesktopFileName: 'pingyi.desktop', ExecutableName: 'pingyi', ProductName: '人大工作评议系统', ProductFilename: 'pingyi', ResourceName: 'pingyi' });
    expect(script).toContain('! unshare -Ur true');
    expect(script).toMatch(/NO_SANDBOX=\(--no-sandbox\)/);
    expect(script).toMatch(/exec "\$BIN" "\$\{NO_SANDBOX\[@\]\}"/);
  });
});
