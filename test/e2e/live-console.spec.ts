import type { Page } from '@playwright/test';
import { api, expect, host, openThisYearsMeeting, startThisYearsMeeting, test } from './support/fixtures';
import { LIVE_STAGE_LABELS } from '../../shared/domain/live';

/** The operator console drives the meeting; the hall page follows it. */

function toggle(page: Page, memberName: string, label: '出席' | '缺席' | '请假') {
  return page.getByRole('group', { name: `${memberName}的签到` }).getByRole('button', { name: label, exact: true });
}

test('attendance flips the quorum indicator and gates the start and the vote', async ({ page }) => {
  await openThisYearsMeeting(page);
  const quorum = page.getByTestId('quorum');
  const start = page.getByRole('button', { name: '开始会议', exact: true });
  await page.getByRole('button', { name: '全部缺席' }).click();
  await expect(quorum).toHaveText(/应到30人，实到0人，不足法定人数/);

  const roster = (await api(page, 'live.state', {})).roster;
  expect(roster).toHaveLength(30);
  for (const m of roster.slice(0, 15)) {
    await toggle(page, m.name, '出席').click();
    await expect(toggle(page, m.name, '出席')).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(quorum).toHaveText('✘ 应到30人，实到15人，不足法定人数（至少需16人）');
  await expect(quorum).toHaveAttribute('data-met', 'false');
  await expect(page.getByTestId('count-present')).toHaveText('15人');
  await expect(start).toBeDisabled();
  await expect(page.getByTestId('start-reason')).toHaveText(/不足法定人数，不能开始会议/);
  // Moving on is refused too, and the console says why.
  await expect(page.getByRole('button', { name: /^下一步/ })).toBeDisabled();
  await expect(page.getByText('请先开始会议')).toBeVisible();

  // A member on leave is not present: still 15.
  await toggle(page, roster[15]!.name, '请假').click();
  await expect(page.getByTestId('count-leave')).toHaveText('1人');
  await expect(quorum).toHaveAttribute('data-met', 'false');

  await toggle(page, roster[16]!.name, '出席').click();
  await expect(quorum).toHaveText('✔ 应到30人，实到16人，符合法定人数');
  await expect(quorum).toHaveAttribute('data-met', 'true');
  await expect(start).toBeEnabled();
  await expect(page.getByTestId('start-reason')).toBeHidden();

  await start.click();
  await expect(page.getByTestId('live-status')).toHaveText('进行中');
  await expect(page.getByRole('button', { name: /^下一步/ })).toBeEnabled();

  // Quorum lost during the meeting: the vote cannot begin, and the console says why.
  const state = await api(page, 'live.state', {});
  const vote = state.agenda.find((i) => i.kind === 'vote')!;
  const before = state.agenda[vote.index - 1]!;
  const lastStage = before.stages.at(-1)!;
  await page.getByRole('button', { name: `转到：第${before.index + 1}项 ${before.evaluatees[0]!.name} ${LIVE_STAGE_LABELS[lastStage]}` }).click();
  await expect(page.getByTestId('current-stage')).toHaveText(LIVE_STAGE_LABELS[lastStage]);
  await toggle(page, roster[0]!.name, '缺席').click();
  await expect(quorum).toHaveAttribute('data-met', 'false');
  await expect(page.getByRole('button', { name: /^下一步.*民主测评/ })).toBeDisabled();
  await expect(page.getByText(/出席人数不足，不能进行测评/)).toBeVisible();
  // The arrow key says the same instead of moving.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('alert')).toHaveText(/出席人数不足，不能进行测评/);
  await toggle(page, roster[0]!.name, '出席').click();
  await expect(page.getByRole('button', { name: /^下一步.*民主测评/ })).toBeEnabled();
});

test('starting the report timer on the console shows the countdown on the hall', async ({ page, hall }) => {
  await startThisYearsMeeting(page);
  await expect(hall.getByTestId('hall-screen')).toHaveAttribute('data-kind', 'title');

  const state = await api(page, 'live.state', {});
  const report = state.agenda.find((i) => i.kind === 'report' && i.mode !== 'written')!;
  const person = report.evaluatees[0]!;
  await page.getByRole('button', { name: `转到：第${report.index + 1}项 ${person.name} 听取报告` }).click();
  await expect(hall.getByRole('heading', { name: person.name })).toBeVisible();
  await expect(hall.getByTestId('hall-clock')).toHaveText(`${String(state.reportMinutes).padStart(2, '0')}:00`);
  await expect(hall.getByTestId('hall-timer')).toHaveAttribute('data-phase', 'idle');

  // Space starts the timer: the hall counts down, in step with the console.
  await page.keyboard.press('Space');
  await expect(hall.getByTestId('hall-timer')).toHaveAttribute('data-phase', 'running');
  const first = await hall.getByTestId('hall-clock').textContent();
  await expect(hall.getByTestId('hall-clock')).not.toHaveText(first!);
  const clocks = async () => [await page.getByTestId('console-clock').textContent(), await hall.getByTestId('hall-clock').textContent()].map((t) => {
    const [m, s] = t!.split(':').map(Number);
    return m! * 60 + s!;
  });
  // Running, the two pages are read one after the other: polled, so a page busy for a moment
  // catches up whatever the machine's load, they agree to the second.
  await expect.poll(async () => Math.abs((await clocks()).reduce((a, b) => a - b))).toBeLessThanOrEqual(1);
  expect((await clocks())[1]!).toBeLessThan(state.reportMinutes * 60);

  // +1分钟 gives the speaker a minute more; Space again pauses — and only pauses, although the
  // button just clicked still has the focus (Space must not press it a second time).
  await page.getByRole('button', { name: /^\+1分钟/ }).click();
  await expect.poll(async () => (await clocks())[1]).toBeGreaterThan(state.reportMinutes * 60);
  await page.keyboard.press('Space');
  await expect(hall.getByTestId('hall-timer')).toHaveAttribute('data-phase', 'paused');
  expect((await clocks())[1]).toBeLessThanOrEqual((state.reportMinutes + 1) * 60);
  // Paused, both show the time left exactly, to the second.
  await expect.poll(async () => new Set(await clocks()).size).toBe(1);
  await page.keyboard.press('+');
  await expect.poll(async () => (await clocks())[1]).toBeGreaterThan((state.reportMinutes + 1) * 60);
  await expect(hall.getByTestId('hall-timer')).toContainText('暂停');
  await expect(page.getByRole('button', { name: /^继续/ })).toBeVisible();

  // Resetting asks first.
  await page.getByRole('button', { name: '重置' }).click();
  const dialog = page.getByRole('dialog', { name: '重置汇报计时' });
  await dialog.getByRole('button', { name: '重置计时' }).click();
  await expect(hall.getByTestId('hall-timer')).toHaveAttribute('data-phase', 'idle');
  await expect(hall.getByTestId('hall-clock')).toHaveText(`${String(state.reportMinutes).padStart(2, '0')}:00`);
});

test('slides by key, undo of a move, and ending the meeting only after typing 结束会议', async ({ page, context }) => {
  await openThisYearsMeeting(page);
  await page.getByRole('button', { name: '全部出席' }).click();
  await page.getByRole('button', { name: '开始会议', exact: true }).click();
  const hall = await context.newPage();
  await hall.goto(host.urls.hall);
  const screen = hall.getByTestId('hall-screen');
  const slideButton = (name: string) => page.getByRole('group', { name: '大屏画面' }).getByRole('button', { name: new RegExp(`^${name}`) });

  await page.keyboard.press('a');
  await expect(screen).toHaveAttribute('data-kind', 'attendance');
  await expect(slideButton('出席情况')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('b');
  await expect(screen).toHaveAttribute('data-kind', 'black');
  await page.keyboard.press('b');
  await expect(screen).toHaveAttribute('data-kind', 'title');
  await expect(slideButton('随议程')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('t');
  await expect(slideButton('会标')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(slideButton('随议程')).toHaveAttribute('aria-pressed', 'true');

  // → twice, then Ctrl+Z: back one step.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('current-stage')).toHaveText('听取报告');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('current-stage')).toHaveText('随机询问');
  await expect(hall.getByText('随机询问')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('current-stage')).toHaveText('听取报告');
  await expect(hall.getByText('听取报告')).toBeVisible();

  // Keys typed into a field are text, not commands.
  await page.getByLabel('列席代表').fill('12');
  await page.getByLabel('列席代表').press('b');
  await expect(screen).not.toHaveAttribute('data-kind', 'black');
  await page.getByLabel('列席代表').press('Enter');

  await page.getByRole('button', { name: '结束会议' }).click();
  const dialog = page.getByRole('dialog', { name: '结束会议' });
  await expect(dialog.getByRole('button', { name: '结束会议' })).toBeDisabled();
  await dialog.getByLabel('请输入“结束会议”以确认').fill('结束会议');
  await dialog.getByRole('button', { name: '结束会议' }).click();
  await expect(page.getByTestId('live-status')).toHaveText('已结束');
  await expect(screen).toHaveAttribute('data-kind', 'title');
});

test('a rehearsal is marked on both screens, leaves the record alone and can be discarded', async ({ page, context }) => {
  await page.goto(host.urls.console);
  const meeting = (await api(page, 'live.state', {})).meetings.find((m) => m.date.startsWith(String(new Date().getFullYear())))!;
  // The real record: everyone signed in.
  await api(page, 'live.open', { meetingId: meeting.id, rehearsal: false });
  await api(page, 'live.attendanceAll', { status: 'present' });
  await api(page, 'live.leave', {});
  await page.reload();

  await page.getByRole('button', { name: `彩排：${meeting.name}` }).click();
  await expect(page.getByText('彩排模式 — 不影响正式记录')).toBeVisible();
  await expect(page.getByTestId('count-present')).toHaveText('30人');

  // The hall's address, opened from the console in a window of its own.
  expect(await page.getByLabel('大屏地址').inputValue()).toMatch(/\/hall\/\?token=/);
  const [hall] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: '在新窗口打开大屏' }).click()]);
  await expect(hall.getByTestId('hall-screen')).toHaveAttribute('data-kind', 'title');
  await expect(hall.getByText('彩排', { exact: true })).toBeVisible();

  // Practice on the copy, then throw it away.
  await page.getByRole('button', { name: '全部缺席' }).click();
  await expect(page.getByTestId('count-present')).toHaveText('0人');
  await page.getByRole('button', { name: '丢弃彩排' }).click();
  await page.getByRole('dialog', { name: '丢弃彩排' }).getByRole('button', { name: '丢弃彩排' }).click();
  await expect(page.getByRole('heading', { name: '选择会议' })).toBeVisible();
  await expect(hall.getByTestId('hall-screen')).toHaveAttribute('data-kind', 'idle');
  await expect(hall.getByText('彩排', { exact: true })).toHaveCount(0);

  // The real meeting never saw the practice's sign-in.
  await page.getByRole('button', { name: `开始正式会议：${meeting.name}` }).click();
  await expect(page.getByText('彩排模式 — 不影响正式记录')).toBeHidden();
  await expect(page.getByTestId('count-present')).toHaveText('30人');
});
