import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/**
 * Finds a Chromium to drive: CHROMIUM_PATH, Debian's /usr/bin/chromium, chromium-browser,
 * google-chrome, or a Playwright-installed build. Playwright cannot download browsers here.
 */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  try {
    // A Playwright-managed browser, where one was installed on a machine with internet access.
    const found = execFileSync(process.execPath, ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"], { encoding: 'utf8' }).trim();
    if (found && existsSync(found)) return found;
  } catch {
    // playwright-core has no browser
  }
  throw new Error('找不到 Chromium：请安装（Debian/Ubuntu：sudo apt-get install chromium fonts-noto-cjk）或设置 CHROMIUM_PATH。');
}
