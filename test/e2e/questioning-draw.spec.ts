import type { Page } from '@playwright/test';
import { api, expect, holdPageClock, host, startThisYearsMeeting, test } from './support/fixtures';
import type { DrawEntry } from '../../shared/draw/log-schema';
import { recordPageTraffic } from './support/api';

/**
 * 随机询问 end to end in browser mode: what the console draws is what the hall shows and what
 * the log holds; a redraw is a logged cancellation with its reason; the minutes survive kill -9;
 * and nothing the hall page receives carries them.
 */

/** This year's meeting, everyone present, started, at the first in-person report's 随机询问. */
async function toQuestioning(page: Page, drawQuestion = false) {
  const meeting = await startThisYearsMeeting(page, async ({ id }) => {
    if (!drawQuestion) return;
    const view = await api(page, 'questions.list', { meetingId: id });
    const heard = view.evaluatees.find((e) => e.mode === 'report')!;
    await api(page, 'questions.add', { meetingId: id, evaluateeId: heard.id, items: [{ topic: '营商环境', text: '企业反映的审批时限过长问题何时解决？' }] });
    await api(page, 'questioning.settings', { meetingId: id, ...view.settings, drawQuestion: true });
  });
  const live = await api(page, 'live.state', {});
  const item = live.agenda.find((i) => i.stages.includes('questioning'))!;
  await page.getByRole('button', { name: `转到：第${item.index + 1}项 ${item.evaluatees[0]!.name} 随机询问` }).click();
  await expect(page.getByTestId('questioning-panel')).toBeVisible();
  return { meeting, item };
}

async function lastDraw(page: Page, meetingId: string): Promise<{ entry: DrawEntry; name: string; count: number }> {
  const log = await api(page, 'questioning.log', { meetingId, rehearsal: false });
  const entry = log.entries.findLast((e): e is DrawEntry => e.type === 'draw')!;
  return { entry, name: entry.candidates[entry.index]!.name, count: log.entries.length };
}

test('a draw on the console shows on the hall the name the log recorded; a redraw is logged with its reason', async ({ page, context }) => {
  const { meeting } = await toQuestioning(page);
  const hall = await context.newPage();
  await hall.goto(host.urls.hall);
  await expect(hall.getByTestId('hall-screen')).toHaveAttribute('data-kind', 'evaluatee');

  await page.keyboard.press('d');
  await expect(hall.getByTestId('hall-draw')).toBeVisible();
  // The hall runs the names, then settles on the one drawn at the moment the services gave.
  await expect(hall.getByTestId('hall-draw')).toHaveAttribute('data-settled', 'true');
  const first = await lastDraw(page, meeting.id);
  await expect(hall.getByTestId('hall-draw')).toHaveAttribute('data-draw-id', first.entry.id);
  await expect(hall.getByTestId('hall-draw-name')).toContainText(first.name);
  await expect(page.getByTestId('q-asker')).toHaveText(first.name);
  // 30 present, the presiding 主任 out of the draw, the one drawn has asked.
  await expect(page.getByTestId('q-candidate-count')).toHaveText('28人');

  // R asks for the reason; the reason goes into the log; a new draw follows at once.
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: '重新抽取' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('原因（记入抽取记录）').fill('该委员临时离场');
  await dialog.getByRole('button', { name: '作废并重新抽取' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await lastDraw(page, meeting.id)).entry.id).not.toBe(first.entry.id);
  const second = await lastDraw(page, meeting.id);
  const log = await api(page, 'questioning.log', { meetingId: meeting.id, rehearsal: false });
  expect(log.entries.map((e) => e.type)).toEqual(['draw', 'cancel', 'draw']);
  expect(log.entries[1]).toMatchObject({ type: 'cancel', kind: 'redraw', drawId: first.entry.id, reason: '该委员临时离场' });
  expect(log.ok).toBe(true);
  await expect(hall.getByTestId('hall-draw')).toHaveAttribute('data-draw-id', second.entry.id);
  await expect(hall.getByTestId('hall-draw')).toHaveAttribute('data-settled', 'true');
  await expect(hall.getByTestId('hall-draw-name')).toContainText(second.name);
  await expect(page.getByTestId('q-asker')).toHaveText(second.name);
  await expect(page.getByText(/重新抽取：作废询问.+第1次抽取，原因：该委员临时离场/)).toBeVisible();

  // The console's own audit view agrees.
  await page.getByRole('button', { name: '完整记录与公平性核查' }).click();
  await expect(page.getByTestId('q-verdict')).toHaveText('复核通过：2次抽取均可按记录重新演算，结果一致。');
  await page.keyboard.press('Escape');

  // N finishes the question: the hall goes back to the evaluatee, the member has asked.
  await page.keyboard.press('n');
  await expect(hall.getByTestId('hall-screen')).toHaveAttribute('data-kind', 'evaluatee');
  await expect(page.getByTestId('q-candidate-count')).toHaveText('28人');
  // A member steps out (signed out at the console): no longer a candidate.
  const leaving = (await api(page, 'questioning.state', {})).candidates[0]!;
  await page.getByRole('group', { name: `${leaving.name}的签到` }).getByRole('button', { name: '缺席', exact: true }).click();
  await expect(page.getByTestId('q-candidate-count')).toHaveText('27人');
});

test('minutes typed during an answer are saved within a second and survive kill -9', async ({ page }) => {
  // The page's own clock, held while typing, decides when the minutes go out (not the machine's load).
  await page.clock.install();
  const { meeting } = await toQuestioning(page);
  await page.keyboard.press('d');
  await expect(page.getByTestId('q-current')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('q-clock-answer')).toHaveAttribute('data-phase', 'running');
  // Space drove the answer timer, not the report timer.
  expect((await api(page, 'questioning.state', {})).current!.answerTimer.runningSince).not.toBeNull();

  const notes = page.getByLabel('询问记录（答复、追问要点）');
  const text = '答复要点：审批事项已整合23项；追问：剩余7项何时办结？答：年底前。';
  await notes.click();
  const saving = page.waitForRequest((r) => r.url().endsWith('/api/questioning.notes') && (r.postData() ?? '').includes(JSON.stringify(text).slice(1, -1)));
  await holdPageClock(page);
  await page.keyboard.type(text, { delay: 5 });
  // The page sends the minutes within a second of the last keystroke (of the page's time, which
  // stood still while typing); the answer means durable.
  await page.clock.runFor(1_000);
  const request = await saving;
  await page.clock.resume();
  expect(((await (await request.response())!.json()) as { ok: boolean }).ok).toBe(true);
  await expect(page.getByTestId('q-current').getByTestId('notes-save-state')).toHaveText(/已保存/);
  const before = await api(page, 'questioning.state', {});
  expect(before.current!.notes).toBe(text);
  // Space in the minutes was a space, not the timer.
  expect(before.current!.answerTimer.runningSince).not.toBeNull();

  await host.kill9();
  await expect(page.getByText('与程序服务的连接已断开')).toBeVisible();
  await host.restart();
  await expect(page.getByText('与程序服务的连接已断开')).toBeHidden({ timeout: 30_000 });

  const after = await api(page, 'questioning.state', {});
  expect(after.current!.notes).toBe(text);
  expect(after.current!.answerTimer).toEqual(before.current!.answerTimer);
  const fresh = await page.context().newPage();
  await fresh.goto(host.urls.console);
  await expect(fresh.getByLabel('询问记录（答复、追问要点）')).toHaveValue(text);
  await expect(fresh.getByTestId('q-clock-answer')).toHaveAttribute('data-phase', 'running');
  const bank = await api(page, 'questions.list', { meetingId: meeting.id });
  expect(bank.records[0]!.notes).toBe(text);
});

test('nothing the hall page receives carries the minutes', async ({ browser }) => {
  const consoleContext = await browser.newContext();
  const hallContext = await browser.newContext();
  const operator = await consoleContext.newPage();
  const hall = await hallContext.newPage();
  const traffic = await recordPageTraffic(hall);
  await hall.goto(host.urls.hall);

  await toQuestioning(operator, true);
  const NOTES = '秘书记录：答复称整改已完成八成，追问后承认尚有三项未落实';
  const SPOT = '现场追问：三项未落实的原因是什么';
  for (let round = 0; round < 2; round++) {
    await operator.keyboard.press('d');
    await expect(operator.getByTestId('q-current')).toBeVisible();
    await operator.keyboard.press('Space');
    await expect(hall.getByTestId('hall-timer')).toBeVisible();
    const notes = operator.getByLabel('询问记录（答复、追问要点）');
    await notes.fill(`${NOTES}（第${round + 1}问）`);
    await notes.blur();
    await expect(operator.getByTestId('q-current').getByTestId('notes-save-state')).toHaveText(/已保存/);
    const spot = operator.getByLabel('现场提出的问题（记录用，不上大屏）');
    if (await spot.count()) {
      await spot.fill(SPOT);
      await spot.press('Enter');
    }
    await operator.keyboard.press('f');
    await expect(hall.getByText('追问计时')).toBeVisible();
    await operator.keyboard.press('n');
    await expect(hall.getByTestId('hall-screen')).toHaveAttribute('data-kind', 'evaluatee');
  }
  const state = await api(operator, 'questioning.state', {});
  expect(state.records.map((r) => r.notes)).toEqual([`${NOTES}（第1问）`, `${NOTES}（第2问）`]);

  const events = await traffic.events();
  expect(events.filter((e) => e.name === 'hall.view').length).toBeGreaterThan(6);
  expect(new Set(events.map((e) => e.name))).toEqual(new Set(['hello', 'hall.view']));
  const responses = (await traffic.responses()).map((r) => `${r.url} ${r.body}`);
  const everything = [...responses, ...[...events, ...traffic.wire].map((e) => `${e.name} ${e.data}`)];
  expect(everything.some((t) => t.includes('"kind":"draw"')), 'the hall did see the draws').toBe(true);
  for (const t of everything) {
    expect(t).not.toContain('秘书记录');
    expect(t).not.toContain(SPOT);
    expect(t).not.toContain('"notes"');
    expect(t).not.toContain('questionText');
  }
  await consoleContext.close();
  await hallContext.close();
});
