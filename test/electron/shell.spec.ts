import { existsSync } from 'node:fs';
import path from 'node:path';
import { call, expect, test, windowOf } from './support/app';

// The desktop shell as it runs: needs the Electron runtime (skipped with the reason printed where
// it is missing) and `npm run build`. On Linux without a display, run under `xvfb-run -a`.

test('three windows, each with its role; the services answer each role only what it may call', async ({ app, desk, home }) => {
  expect(await desk.evaluate(() => ({ role: window.pingyi?.role, mode: window.pingyi?.mode }))).toEqual({ role: 'desk', mode: 'desktop' });
  // the --home folder that did not exist was created
  expect(existsSync(path.join(home, 'home', 'new'))).toBe(true);

  // 会议 → 会议现场, then the console opens the hall
  await app.evaluate(({ Menu }) => {
    const meeting = Menu.getApplicationMenu()?.items.find((i) => i.label === '会议');
    meeting?.submenu?.items.find((i) => i.label === '会议现场')?.click();
  });
  const consoleWindow = await windowOf(app, 'console');
  expect((await call(consoleWindow, 'shell.openHall')).ok).toBe(true);
  const hall = await windowOf(app, 'hall');

  expect((await call(desk, 'settings.get')).ok).toBe(true);
  expect((await call(consoleWindow, 'live.state')).ok).toBe(true);
  expect((await call(hall, 'hall.view')).ok).toBe(true);
  expect(await call(hall, 'settings.get')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await call(desk, 'live.state')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(3);
});

test('the save and folder dialogs: the file goes where the dialog says, a cancelled dialog writes nothing', async ({ app, desk, home }) => {
  const target = path.join(home, '签到表.docx');
  await app.evaluate(({ dialog }, file) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
  }, target);
  const meetings = (await call(desk, 'meetings.list')).result as { id: string }[];
  const saved = await call(desk, 'documents.signIn', { meetingId: meetings[0]!.id });
  expect(saved).toMatchObject({ ok: true, result: { kind: 'saved', path: target } });
  expect(existsSync(target)).toBe(true);

  await app.evaluate(({ dialog }) => {
    dialog.showSaveDialog = (async () => ({ canceled: true, filePath: '' })) as typeof dialog.showSaveDialog;
  });
  expect(await call(desk, 'documents.signIn', { meetingId: meetings[0]!.id })).toMatchObject({ ok: true, result: { kind: 'cancelled' } });

  // The data folder moves where the main process's folder dialog says, whatever path the page sends.
  const moved = path.join(home, 'moved-data');
  await app.evaluate(({ dialog }, dir) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [dir] })) as typeof dialog.showOpenDialog;
  }, moved);
  const move = await call(desk, 'store.moveData', { targetDir: path.join(home, 'typed-by-the-page') });
  expect(move.ok).toBe(true);
  expect(existsSync(path.join(moved, 'core.json'))).toBe(true);
  expect(existsSync(path.join(home, 'typed-by-the-page'))).toBe(false);
});

test('IPC refuses a window main did not open and arguments that do not fit', async ({ app, desk }) => {
  expect(await call(desk, 'settings.update', { settings: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  expect(await call(desk, 'no.such.call', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  expect(await call(desk, 'settings.get', { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_args' } });

  // A window with the app's own preload claiming the desk role, but not registered by main.
  await app.evaluate(({ BrowserWindow, app: electronApp }) => {
    const stray = new BrowserWindow({
      show: false,
      webPreferences: {
        preload: require('node:path').join(electronApp.getAppPath(), 'dist', 'electron', 'preload.cjs'),
        sandbox: true,
        contextIsolation: true,
        additionalArguments: ['--pingyi-role=desk'],
      },
    });
    void stray.loadFile(require('node:path').join(electronApp.getAppPath(), 'dist', 'renderer', 'index.html'), { query: { role: 'desk' } });
  });
  await expect.poll(() => app.windows().length).toBe(2);
  const stray = app.windows().find((p) => p !== desk)!;
  await stray.waitForFunction(() => window.pingyi !== undefined);
  expect(await call(stray, 'settings.get')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('window.open and navigation away from the app are denied', async ({ app, desk }) => {
  const before = app.windows().length;
  expect(await desk.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(await desk.evaluate(() => window.open('index.html') === null)).toBe(true);
  expect(app.windows().length).toBe(before);

  const url = desk.url();
  await desk.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await desk.evaluate(() => {
    window.location.href = 'file:///etc/passwd';
  });
  // Both were refused: the desk is still the app's own page, and still answers.
  expect(desk.url()).toBe(url);
  expect((await call(desk, 'settings.get')).ok).toBe(true);
});

test('the lock over IPC: a locked desk is refused', async ({ desk }) => {
  expect((await call(desk, 'lock.setup', { password: 'qinglan-2026' })).ok).toBe(true);
  expect((await call(desk, 'lock.lockNow')).ok).toBe(true);
  expect(await call(desk, 'settings.get')).toMatchObject({ ok: false, error: { code: 'screen_locked' } });
  await expect(desk.getByRole('heading', { name: '办公桌已锁定' })).toBeVisible();
  expect((await call(desk, 'lock.unlock', { password: 'qinglan-2026' })).ok).toBe(true);
  expect((await call(desk, 'settings.get')).ok).toBe(true);
});
