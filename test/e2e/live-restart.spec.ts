import { expect, test, type Page } from '@playwright/test';
import type { ArgsOf, CallName, ResultOf } from '../../shared/api/contract';
import { startHost, type Host } from './support/host';
import { callApi } from './support/api';

/**
 * kill -9 in the middle of a report: the host comes back with the same command line, both
 * pages reconnect by themselves, and the report's clock is where the wall clock says it is —
 * the speaker did not stop while the app was down.
 */

let host: Host;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

function api<N extends CallName>(page: Page, name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
  return callApi(page, host, name, args);
}

/** The clock a page shows, in seconds, read together with that page's own wall clock. */
async function readClock(page: Page, testId: string): Promise<{ seconds: number; at: number }> {
  return page.getByTestId(testId).evaluate((el) => {
    const m = /^(\+?)(\d+):(\d\d)$/.exec(el.textContent ?? '');
    if (!m) throw new Error(`not a clock: ${el.textContent}`);
    const s = Number(m[2]) * 60 + Number(m[3]);
    return { seconds: m[1] ? -s : s, at: Date.now() };
  });
}

/**
 * Within ±1 s of the wall-clock expectation, as a person reads it: the clock shows whole
 * seconds rounded up, so a correct clock would show ceil(expected); the page may differ from
 * that by at most one second (a tick landing just after the read, a message's transit time).
 */
function expectWithinOneSecond(shown: { seconds: number; at: number }, timer: { durationMs: number; elapsedBeforeMs: number; runningSince: number | null }, what: string) {
  const expected = timer.durationMs - timer.elapsedBeforeMs - (timer.runningSince === null ? 0 : shown.at - timer.runningSince);
  expect(Math.abs(shown.seconds - Math.ceil(expected / 1000)), `${what}: shows ${shown.seconds}s, expected ${(expected / 1000).toFixed(2)}s`).toBeLessThanOrEqual(1);
}

test('kill -9 mid-report: both pages come back to the same item, stage and remaining time', async ({ page, context }) => {
  await page.goto(host.urls.console);
  const meeting = (await api(page, 'live.state', {})).meetings.find((m) => m.date.startsWith(String(new Date().getFullYear())))!;
  await page.getByRole('button', { name: `开始正式会议：${meeting.name}` }).click();
  await page.getByRole('button', { name: '全部出席' }).click();
  await page.getByRole('button', { name: '开始会议', exact: true }).click();
  await expect(page.getByTestId('live-status')).toHaveText('进行中');
  const hall = await context.newPage();
  await hall.goto(host.urls.hall);

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

  await host.kill9();
  await expect(page.getByText('与程序服务的连接已断开')).toBeVisible();
  // The hall stays calm: no notice, the last picture, still counting on the wall clock.
  await expect(hall.getByTestId('hall-timer')).toHaveAttribute('data-phase', 'running');
  await expect(hall.getByText('连接')).toHaveCount(0);

  host = await host.restart();

  // Both pages reconnect by themselves (no reload).
  await expect(page.getByText('与程序服务的连接已断开')).toBeHidden({ timeout: 15_000 });
  await expect(page.getByTestId('current-stage')).toHaveText('听取报告');
  await expect(page.getByTestId('current-item')).toHaveText(`第${report.index + 1}项／共${state.agenda.length}项`);
  await expect(page.getByTestId('current-name')).toHaveText(person.name);
  await expect(hall.getByRole('heading', { name: person.name })).toBeVisible();
  await expect(hall.getByText('听取报告')).toBeVisible();
  await expect(hall.getByText(`第${report.index + 1}项／共${state.agenda.length}项`)).toBeVisible();

  // The restarted services kept the running segment: the timer did not stop or jump.
  const after = await api(page, 'live.state', {});
  expect(after.live!.timers[itemId]).toEqual(started);
  expectWithinOneSecond(await readClock(hall, 'hall-clock'), started, 'hall after restart');
  expectWithinOneSecond(await readClock(page, 'console-clock'), started, 'console after restart');

  // A hall page opened only now gets the same time from the restarted services alone.
  const freshHall = await context.newPage();
  await freshHall.goto(host.urls.hall);
  await expect(freshHall.getByRole('heading', { name: person.name })).toBeVisible();
  expectWithinOneSecond(await readClock(freshHall, 'hall-clock'), started, 'a hall opened after the restart');

  // The old pages really are connected to the new host: a pause from the console reaches the hall.
  await page.keyboard.press('Space');
  await expect(hall.getByTestId('hall-timer')).toHaveAttribute('data-phase', 'paused');
  const paused = (await api(page, 'live.state', {})).live!.timers[itemId]!;
  expect(paused.runningSince).toBeNull();
  // Paused: the time used is exactly the wall time since the start (the crash did not stop it).
  const shown = await readClock(hall, 'hall-clock');
  expectWithinOneSecond(shown, paused, 'hall while paused');
  expect(Math.abs(paused.elapsedBeforeMs - (shown.at - started.runningSince!))).toBeLessThan(5_000);
});
