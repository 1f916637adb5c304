import type { Page } from '@playwright/test';
import { api, expect, host, startThisYearsMeeting, test } from './support/fixtures';

/**
 * kill -9 in the middle of a report: the host comes back with the same command line, both
 * pages reconnect by themselves, and the report's clock is where the wall clock says it is —
 * the speaker did not stop while the app was down.
 */

type Timer = { durationMs: number; elapsedBeforeMs: number; runningSince: number | null };

/** The clock a page shows, in seconds (negative in overtime), with that page's wall clock right after the read. */
async function readClock(page: Page, testId: string): Promise<{ seconds: number; at: number }> {
  return page.getByTestId(testId).evaluate((el) => {
    const m = /^(\+?)(\d+):(\d\d)$/.exec(el.textContent ?? '');
    if (!m) throw new Error(`not a clock: ${el.textContent}`);
    const s = Number(m[2]) * 60 + Number(m[3]);
    return { seconds: m[1] ? -s : s, at: Date.now() };
  });
}

/** The time left at wall-clock time `t`, in whole seconds rounded up as the clock shows it. */
function secondsLeft(timer: Timer, t: number): number {
  return Math.ceil((timer.durationMs - timer.elapsedBeforeMs - (timer.runningSince === null ? 0 : t - timer.runningSince)) / 1000);
}

const clockText = (seconds: number) => `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * A running clock after the restart, bounded on both sides whatever the machine's load: it is
 * never ahead of the wall clock at the read (a page estimates the services' clock from their
 * messages, which can only arrive late), and it shows no more time left than at the kill — the
 * count went on through the restart; it did not stop, start again or jump back.
 */
function expectCountingOn(shown: { seconds: number; at: number }, timer: Timer, killedAt: number, what: string) {
  expect(shown.seconds, `${what}: ahead of the wall clock`).toBeGreaterThanOrEqual(secondsLeft(timer, shown.at));
  expect(shown.seconds, `${what}: more time left than at the kill`).toBeLessThanOrEqual(secondsLeft(timer, killedAt));
}

test('kill -9 mid-report: both pages come back to the same item, stage and remaining time', async ({ page, context, hall }) => {
  await startThisYearsMeeting(page);

  // The second in-person report, so "the same item" is not simply the first one.
  let state = await api(page, 'live.state', {});
  const report = state.agenda.filter((i) => i.kind === 'report' && i.mode !== 'written')[1]!;
  const person = report.evaluatees[0]!;
  await page.getByRole('button', { name: `转到：第${report.index + 1}项 ${person.name} 听取报告` }).click();
  await expect(hall.getByRole('heading', { name: person.name })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(hall.getByTestId('hall-timer')).toHaveAttribute('data-phase', 'running');
  state = await api(page, 'live.state', {});
  const itemId = state.meeting!.agenda[report.index]!.id;
  const started = state.live!.timers[itemId]!;
  expect(started.runningSince).not.toBeNull();
  // Let the report run a little before the crash.
  await expect(hall.getByTestId('hall-clock')).not.toHaveText(`${String(state.reportMinutes).padStart(2, '0')}:00`);

  const killedAt = Date.now();
  await host.kill9();
  await expect(page.getByText('与程序服务的连接已断开')).toBeVisible();
  // The hall stays calm: no notice, the last picture, still counting on the wall clock.
  await expect(hall.getByTestId('hall-timer')).toHaveAttribute('data-phase', 'running');
  await expect(hall.getByText('连接')).toHaveCount(0);

  await host.restart();

  // Both pages reconnect by themselves (no reload).
  await expect(page.getByText('与程序服务的连接已断开')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('current-stage')).toHaveText('听取报告');
  await expect(page.getByTestId('current-item')).toHaveText(`第${report.index + 1}项／共${state.agenda.length}项`);
  await expect(page.getByTestId('current-name')).toHaveText(person.name);
  await expect(hall.getByRole('heading', { name: person.name })).toBeVisible();
  await expect(hall.getByText('听取报告')).toBeVisible();
  await expect(hall.getByText(`第${report.index + 1}项／共${state.agenda.length}项`)).toBeVisible();

  // The restarted services kept the running segment: the timer did not stop or jump.
  const after = await api(page, 'live.state', {});
  expect(after.live!.timers[itemId]).toEqual(started);
  expectCountingOn(await readClock(hall, 'hall-clock'), started, killedAt, 'hall after restart');
  expectCountingOn(await readClock(page, 'console-clock'), started, killedAt, 'console after restart');

  // A hall page opened only now gets the same time from the restarted services alone.
  const freshHall = await context.newPage();
  await freshHall.goto(host.urls.hall);
  await expect(freshHall.getByRole('heading', { name: person.name })).toBeVisible();
  expectCountingOn(await readClock(freshHall, 'hall-clock'), started, killedAt, 'a hall opened after the restart');

  // The old pages really are connected to the new host: a pause from the console reaches the hall.
  const pausedFrom = Date.now();
  await page.keyboard.press('Space');
  await expect(hall.getByTestId('hall-timer')).toHaveAttribute('data-phase', 'paused');
  const paused = (await api(page, 'live.state', {})).live!.timers[itemId]!;
  const pausedBy = Date.now();
  expect(paused.runningSince).toBeNull();
  // Paused: the time used is the wall time from the start to the pause, the crash included (the
  // pause fell between the key press and the answer read back)…
  expect(started.runningSince! + paused.elapsedBeforeMs).toBeGreaterThanOrEqual(pausedFrom);
  expect(started.runningSince! + paused.elapsedBeforeMs).toBeLessThanOrEqual(pausedBy);
  // …and every page shows exactly the time left.
  const left = clockText(secondsLeft(paused, pausedBy));
  await expect(hall.getByTestId('hall-clock')).toHaveText(left);
  await expect(freshHall.getByTestId('hall-clock')).toHaveText(left);
  await expect(page.getByTestId('console-clock')).toHaveText(left);
});
