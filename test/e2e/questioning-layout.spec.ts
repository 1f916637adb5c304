import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { api, expect, holdPageClock, host, test } from './support/fixtures';
import { measureHall } from './support/hall-layout';

/**
 * 随机询问 on the hall reads from the back of the room at 16:9, 16:10 and 4:3 — while the draw
 * runs, when it settles, with a drawn question and the answer timer — and the console panel and
 * the desk's question bank look right. Screenshots go to artifacts/questioning/ to be looked at.
 */

const OUT = 'artifacts/questioning';

const QUESTIONS = [
  '县里优化营商环境三年行动已到期，企业反映的“办证多、审批慢”问题整改到了哪一步？请说明还有哪些事项没有实现“一网通办”，什么时候能够全部办结？',
  '去年审议意见提出的农村饮水安全问题，目前还有多少个村没有通上自来水？',
  '执法过程中群众反映的“多头检查”问题，贵局有何具体整改措施？',
];

/** Opens this year's meeting at its first in-person report's 随机询问, with a bank and a question drawn too. */
async function toQuestioning(page: Page) {
  const state = await api(page, 'live.state', {});
  const meeting = state.meetings.find((m) => m.date.startsWith(String(new Date().getFullYear())))!;
  const view = await api(page, 'questions.list', { meetingId: meeting.id });
  const heard = view.evaluatees.find((e) => e.mode === 'report')!;
  await api(page, 'questions.add', { meetingId: meeting.id, evaluateeId: heard.id, items: QUESTIONS.map((text, i) => ({ topic: ['营商环境', '民生实事', '执法规范'][i]!, text })) });
  await api(page, 'questioning.settings', { meetingId: meeting.id, ...view.settings, drawQuestion: true });
  await api(page, 'live.open', { meetingId: meeting.id, rehearsal: false });
  await api(page, 'live.attendanceAll', { status: 'present' });
  await api(page, 'live.start', {});
  await api(page, 'live.goto', { itemIndex: heard.itemIndex, stage: 'questioning' });
  return { meeting, heard };
}

async function check(hall: Page, file: string) {
  const report = await measureHall(hall);
  expect(report.small, `${file}: text smaller than 4% of the screen height`).toEqual([]);
  expect(report.overflow, `${file}: overflow`).toEqual([]);
  expect(report.outside, `${file}: outside the screen`).toEqual([]);
  expect(report.lowContrast, `${file}: contrast below 7:1`).toEqual([]);
  expect(report.texts).toBeGreaterThan(3);
  await hall.screenshot({ path: `${OUT}/${file}` });
}

for (const [w, h] of [
  [1920, 1080],
  [1920, 1200],
  [1024, 768],
] as const) {
  test(`the draw slide reads from the back of the room at ${w}×${h}`, async ({ browser }) => {
    mkdirSync(OUT, { recursive: true });
    const size = `${w}x${h}`;
    const operator = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await operator.goto(host.urls.console);
    const { heard } = await toQuestioning(operator);
    const hall = await browser.newPage({ viewport: { width: w, height: h } });
    await hall.clock.install();
    await hall.goto(host.urls.hall);
    await expect(hall.getByTestId('hall-screen')).toHaveAttribute('data-kind', 'evaluatee');

    // Mid-animation: the page's clock is stopped just before the draw, so the picture holds still
    // on the running names however slow this machine is.
    await holdPageClock(hall, 1_000);
    const drawn = await api(operator, 'questioning.draw', {});
    await expect(hall.getByTestId('hall-draw')).toHaveAttribute('data-settled', 'false');
    await expect(hall.getByTestId('hall-draw-reel')).toBeVisible();
    await check(hall, `draw-running-${size}.png`);
    await hall.clock.resume();

    // Settled on the drawn member, with the drawn question.
    await expect(hall.getByTestId('hall-draw-name')).toContainText(drawn.current!.memberName);
    await expect(hall.getByTestId('hall-draw-question')).toContainText(drawn.current!.questionText);
    await hall.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
    await check(hall, `draw-settled-${size}.png`);

    // The answer timer: the evaluatee has the floor, the questioner is named above.
    await api(operator, 'questioning.timer', { which: 'answer', action: 'start' });
    await expect(hall.getByTestId('hall-timer')).toHaveAttribute('data-phase', 'running');
    await expect(hall.getByText('答复计时')).toBeVisible();
    await expect(hall.getByTestId('hall-answering')).toHaveText(`${heard.name}同志　回答中`);
    await expect(hall.getByTestId('hall-draw-asker')).toHaveText(`${drawn.current!.memberName}${drawn.current!.memberRole}提问`);
    await expect(hall.getByText('请提问')).toHaveCount(0);
    await hall.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
    await check(hall, `draw-answer-${size}.png`);

    // A follow-up: the questioner has the floor again.
    await api(operator, 'questioning.timer', { which: 'followUp', action: 'start' });
    await expect(hall.getByText('追问计时')).toBeVisible();
    await expect(hall.getByTestId('hall-draw-name')).toContainText(drawn.current!.memberName);
    await expect(hall.getByTestId('hall-answering')).toHaveCount(0);
    await hall.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
    await check(hall, `draw-follow-up-${size}.png`);
  });
}

test('the console panel and the desk bank page', async ({ browser }) => {
  mkdirSync(OUT, { recursive: true });
  for (const [w, h] of [
    [1920, 1080],
    [1024, 768],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    await page.goto(host.urls.console);
    const size = `${w}x${h}`;
    if (w === 1920) {
      const { heard } = await toQuestioning(page);
      await expect(page.getByTestId('questioning-panel')).toBeVisible();
      await page.screenshot({ path: `${OUT}/console-ready-${size}.png` });
      await page.keyboard.press('d');
      await expect(page.getByTestId('q-current')).toBeVisible();
      await page.keyboard.press('Space');
      await expect(page.getByTestId('q-clock-answer')).toHaveAttribute('data-phase', 'running');
      await page.getByLabel('询问记录（答复、追问要点）').fill('答复要点：一是已完成23项审批事项整合；二是年底前实现全部事项网上可办。');
      await expect(page.getByTestId('q-current').getByTestId('notes-save-state')).toHaveText(/已保存/);
      await page.screenshot({ path: `${OUT}/console-asking-${size}.png` });
      expect(heard).toBeDefined();
    } else {
      await expect(page.getByTestId('questioning-panel')).toBeVisible();
      await page.screenshot({ path: `${OUT}/console-asking-${size}.png` });
    }
    await page.close();
  }
  const desk = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await desk.goto(host.urls.desk);
  const meeting = (await api(desk, 'meetings.list', {}, 'desk')).find((m) => m.date.startsWith(String(new Date().getFullYear())))!;
  await desk.evaluate((id) => (window.location.hash = `#/meetings/${id}`), meeting.id);
  await desk.getByRole('link', { name: '题库与随机询问' }).click();
  await expect(desk.getByRole('heading', { name: '题库与随机询问' })).toBeVisible();
  await expect(desk.getByTestId('qb-verdict')).toContainText('复核通过');
  await desk.screenshot({ path: `${OUT}/desk-bank-1920x1080.png` });
  await desk.getByRole('heading', { name: '抽取记录与公平性核查' }).scrollIntoViewIfNeeded();
  await desk.screenshot({ path: `${OUT}/desk-log-1920x1080.png` });
  await desk.setViewportSize({ width: 1024, height: 768 });
  await desk.evaluate(() => document.querySelector('.desk-main')?.scrollTo(0, 0));
  await desk.screenshot({ path: `${OUT}/desk-bank-1024x768.png` });
});
