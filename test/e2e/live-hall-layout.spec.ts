import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { api, expect, holdPageClock, host, test } from './support/fixtures';
import type { LiveConsoleState } from '../../shared/api/live-types';
import { measureHall } from './support/hall-layout';

/**
 * The hall is read from 15 m: at 16:9, 16:10 and 4:3 every slide keeps all text at 4% of the
 * screen height or more, nothing overflows, and there is nothing to click. Screenshots go to
 * artifacts/hall/ (and the console's to artifacts/console/) for a person to look at.
 */

// The longest a unit (60), a position (40) may be; a long transliterated name.
const LONG_NAME = '阿卜杜热合曼·买买提依明·艾力';
const LONG_UNIT = '县人民政府办公室（县外事办公室、县政务服务和大数据管理局、县机关事务服务中心、县人民政府研究室）';
const LONG_POSITION = '党组书记、主任，兼县政务服务和大数据管理局党组书记、局长';

/** Gives the first in-person report's evaluatee the longest name, unit and position the forms allow. */
async function makeFirstReportLong(page: Page, state: LiveConsoleState) {
  const item = state.agenda.find((i) => i.kind === 'report' && i.mode !== 'written')!;
  const evaluatee = (await api(page, 'evaluatees.list', {})).find((e) => e.id === item.evaluatees[0]!.id)!;
  const unit = (await api(page, 'units.list', {})).find((u) => u.id === evaluatee.unitId)!;
  expect([...LONG_UNIT].length).toBeLessThanOrEqual(60);
  expect([...LONG_POSITION].length).toBeLessThanOrEqual(40);
  await api(page, 'units.update', { unit: { id: unit.id, name: LONG_UNIT, kind: unit.kind, note: unit.note } });
  await api(page, 'evaluatees.update', { evaluatee: { ...evaluatee, name: LONG_NAME, position: LONG_POSITION } });
  return item.index;
}

async function showAndCheck(hall: Page, rev: number, kind: string, file: string, expectText = true) {
  const screen = hall.getByTestId('hall-screen');
  await expect(screen).toHaveAttribute('data-kind', kind);
  await expect.poll(async () => Number(await screen.getAttribute('data-rev'))).toBeGreaterThanOrEqual(rev);
  // Let the quick fade finish so the screenshot shows the slide as the room sees it.
  await hall.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
  const report = await measureHall(hall);
  expect(report.small, `${file}: text smaller than 4% of the screen height`).toEqual([]);
  expect(report.overflow, `${file}: overflow`).toEqual([]);
  expect(report.outside, `${file}: outside the screen`).toEqual([]);
  expect(report.covered, `${file}: under the 彩排 mark`).toEqual([]);
  expect(report.lowContrast, `${file}: contrast below 7:1`).toEqual([]);
  expect(report.controls, `${file}: controls on the hall`).toBe(0);
  expect(report.pageScrolls, `${file}: the page scrolls`).toBe(false);
  if (expectText) expect(report.texts, `${file}: no text at all`).toBeGreaterThan(0);
  await hall.screenshot({ path: `artifacts/hall/${file}` });
}

/**
 * Holds the hall page's clock and moves it on until the report has `secondsLeft` to go (negative:
 * into overtime), to within the second the clock was showing: the picture then depends only on
 * the page's time, not on how long the machine took to get here.
 */
async function moveHallClockTo(hall: Page, secondsLeft: number) {
  await holdPageClock(hall);
  const m = /^(\+?)(\d+):(\d\d)$/.exec((await hall.getByTestId('hall-clock').textContent()) ?? '');
  if (!m) throw new Error('the hall shows no report clock');
  const shown = (m[1] ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  await hall.clock.fastForward((shown - secondsLeft) * 1000);
}

for (const [w, h] of [
  [1920, 1080],
  [1920, 1200],
  [1024, 768],
] as const) {
  test(`every hall slide reads from the back of the room at ${w}×${h}`, async ({ browser }) => {
    // A dozen pictures measured and saved: on a busy machine that is slow work, not a failure.
    test.slow();
    mkdirSync('artifacts/hall', { recursive: true });
    const operator = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await operator.goto(host.urls.console);
    let state = await api(operator, 'live.state', {});
    const meeting = state.meetings.find((m) => m.date.startsWith(String(new Date().getFullYear())))!;
    const longIndex = await makeFirstReportLong(operator, await api(operator, 'live.open', { meetingId: meeting.id, rehearsal: true }));

    const hall = await browser.newPage({ viewport: { width: w, height: h } });
    await hall.clock.install();
    await hall.goto(host.urls.hall);
    const size = `${w}x${h}`;

    state = await api(operator, 'live.attendanceAll', { status: 'present' });
    await api(operator, 'live.attendance', { memberId: state.roster[0]!.id, status: 'leave' });
    await api(operator, 'live.attendees', { deputies: 12, citizens: 5 });
    state = await api(operator, 'live.start', {});
    await showAndCheck(hall, state.live!.rev, 'title', `title-${size}.png`);

    state = await api(operator, 'live.slide', { slide: 'attendance' });
    await expect(hall.getByTestId('hall-quorum')).toHaveText('应到30人，实到29人，符合法定人数');
    await showAndCheck(hall, state.live!.rev, 'attendance', `attendance-${size}.png`);

    await api(operator, 'live.goto', { itemIndex: longIndex, stage: 'report' });
    state = await api(operator, 'live.timer', { action: 'start' });
    await expect(hall.getByText(LONG_NAME)).toBeVisible();
    await expect(hall.getByTestId('hall-timer')).toHaveAttribute('data-phase', 'running');
    await showAndCheck(hall, state.live!.rev, 'evaluatee', `evaluatee-${size}.png`);

    // The same report later on (the page's clock moved on): the last minute, then overtime.
    await moveHallClockTo(hall, 30);
    await expect(hall.getByTestId('hall-timer')).toHaveAttribute('data-phase', 'warning');
    await hall.clock.resume();
    await showAndCheck(hall, state.live!.rev, 'evaluatee', `evaluatee-warning-${size}.png`);
    await moveHallClockTo(hall, -30);
    await expect(hall.getByTestId('hall-timer')).toHaveAttribute('data-phase', 'overtime');
    await expect(hall.getByTestId('hall-clock')).toHaveText(/^\+00:3\d$/);
    await hall.clock.resume();
    await showAndCheck(hall, state.live!.rev, 'evaluatee', `evaluatee-overtime-${size}.png`);

    // A written report and a vote that covers several evaluatees.
    const written = state.agenda.find((i) => i.mode === 'written')!;
    state = await api(operator, 'live.goto', { itemIndex: written.index, stage: 'written' });
    await showAndCheck(hall, state.live!.rev, 'evaluatee', `evaluatee-written-${size}.png`);
    const vote = [...state.agenda].sort((a, b) => b.evaluatees.length - a.evaluatees.length).find((i) => i.kind === 'vote')!;
    state = await api(operator, 'live.goto', { itemIndex: vote.index, stage: 'vote' });
    await showAndCheck(hall, state.live!.rev, 'evaluatee', `evaluatee-vote-${size}.png`);

    // Members leaving the hall: the longer "not met" wording still fits.
    await api(operator, 'live.attendanceAll', { status: 'absent' });
    state = await api(operator, 'live.slide', { slide: 'attendance' });
    await expect(hall.getByTestId('hall-quorum')).toHaveText('应到30人，实到0人，不足法定人数（至少需16人）');
    await showAndCheck(hall, state.live!.rev, 'attendance', `attendance-not-met-${size}.png`);

    state = await api(operator, 'live.slide', { slide: 'blank' });
    await showAndCheck(hall, state.live!.rev, 'blank', `blank-${size}.png`);
    state = await api(operator, 'live.slide', { slide: 'black' });
    await showAndCheck(hall, state.live!.rev, 'black', `black-${size}.png`);

    // Leaving the meeting: the calm idle picture (its rev restarts: a newer picture all the same).
    await api(operator, 'live.leave', {});
    await showAndCheck(hall, 0, 'idle', `idle-${size}.png`);
  });
}

test('the console at 1440×900 during a timed report', async ({ page }) => {
  mkdirSync('artifacts/console', { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.urls.console);
  await page.screenshot({ path: 'artifacts/console/picker-1440x900.png' });
  const meeting = (await api(page, 'live.state', {})).meetings.find((m) => m.date.startsWith(String(new Date().getFullYear())))!;
  await page.getByRole('button', { name: `开始正式会议：${meeting.name}` }).click();
  await expect(page.getByTestId('live-status')).toHaveText('未开始');
  await page.screenshot({ path: 'artifacts/console/before-start-1440x900.png' });
  await page.getByRole('button', { name: '全部出席' }).click();
  await page.getByRole('button', { name: '开始会议' }).click();
  await expect(page.getByTestId('live-status')).toHaveText('进行中');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('current-item')).toHaveText(/^第1项/);
  const state = await api(page, 'live.state', {});
  const report = state.agenda.find((i) => i.kind === 'report' && i.mode !== 'written')!;
  await page.getByRole('button', { name: `转到：第${report.index + 1}项 ${report.evaluatees[0]!.name} 听取报告` }).click();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('console-clock')).toHaveAttribute('data-phase', 'running');
  await page.screenshot({ path: 'artifacts/console/report-1440x900.png' });

  // The rehearsal of the same meeting: marked plainly.
  await page.getByRole('button', { name: '离开会议现场' }).click();
  await page.getByRole('dialog', { name: '离开会议现场' }).getByRole('button', { name: '离开' }).click();
  await page.getByRole('button', { name: `彩排：${meeting.name}` }).click();
  await expect(page.getByText('彩排模式 — 不影响正式记录')).toBeVisible();
  await page.screenshot({ path: 'artifacts/console/rehearsal-1440x900.png' });
});
