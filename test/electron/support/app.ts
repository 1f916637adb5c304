import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';

export { expect };
import { findElectronBinary } from './electron-binary';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const binary = findElectronBinary(root);

/** The built app (npm run build), started with its own home and data folder per test. */
export const test = base.extend<{ app: ElectronApplication; desk: Page; home: string }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern: this one has none.
  // oxlint-disable-next-line no-empty-pattern
  home: async ({}, provide) => {
    const home = await mkdtemp(path.join(tmpdir(), 'pingyi-electron-'));
    await provide(home);
    await rm(home, { recursive: true, force: true });
  },
  app: async ({ home }, provide) => {
    test.skip(!binary.ok, binary.ok ? '' : binary.reason);
    if (!binary.ok) return;
    const app = await _electron.launch({
      executablePath: binary.path,
      // A home folder that does not exist yet: the app creates it.
      args: [path.join(root, 'dist', 'electron', 'main.cjs'), '--home', path.join(home, 'home', 'new'), '--data', path.join(home, 'data')],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    await provide(app);
    await app.close();
  },
  desk: async ({ app }, provide) => {
    const desk = await app.firstWindow();
    await desk.waitForFunction(() => (window as unknown as { pingyi?: { role: string } }).pingyi?.role === 'desk');
    await provide(desk);
  },
});


/** A call through the window's own bridge; resolves to the result or the plain error object. */
export function call(page: Page, name: string, args: unknown = {}): Promise<{ ok: boolean; result?: unknown; error?: { code: string; message: string } }> {
  return page.evaluate(
    async ([n, a]) => {
      const api = (window as unknown as { pingyi: { call(n: string, a: unknown): Promise<unknown> } }).pingyi;
      try {
        return { ok: true, result: await api.call(n as string, a) };
      } catch (error) {
        const e = error as { code?: string; message?: string };
        return { ok: false, error: { code: String(e.code), message: String(e.message) } };
      }
    },
    [name, args] as const,
  );
}

/** The window of a role, once it has opened and its bridge is there. */
export async function windowOf(app: ElectronApplication, role: string): Promise<Page> {
  let found: Page | undefined;
  await expect
    .poll(async () => {
      for (const page of app.windows()) {
        const r = await page.evaluate(() => (window as unknown as { pingyi?: { role: string } }).pingyi?.role).catch(() => undefined);
        if (r === role) found = page;
      }
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}
