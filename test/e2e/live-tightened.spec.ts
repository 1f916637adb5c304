import { expect, test, type Page } from '@playwright/test';
import type { ArgsOf, CallName, ResultOf } from '../../shared/api/contract';
import { startHost, type Host } from './support/host';
import { callApi } from './support/api';

/**
 * The live meeting held to the committee's rules: no question drawn without the quorum (and the
 * console says so in its header), and an agenda item the meeting has begun on stays on the agenda.
 */

let host: Host;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

function api<N extends CallName>(page: Page, name: N, args: ArgsOf<N>, role: 'console' | 'desk' = 'console'): Promise<ResultOf<N>> {
  return callApi(page, host, name, args, role);
}

/** This year's meeting opened on the console, everyone present, started, at the first in-person report's 随机询问. */
async function toQuestioning(page: Page) {
  await page.goto(host.urls.console);
  const state = await api(page, 'live.state', {});
  const meeting = state.meetings.find((m) => m.date.startsWith(String(new Date().getFullYear())))!;
  await page.getByRole('button', { name: `开始正式会议：${meeting.name}` }).click();
  await page.getByRole('button', { name: '全部出席' }).click();
  await expect(page.getByTestId('header-quorum')).toHaveText('✔ 应到30人，实到30人，符合法定人数');
  await page.getByRole('button', { name: '开始会议', exact: true }).click();
  await expect(page.getByTestId('live-status')).toHaveText('进行中');
  const live = await api(page, 'live.state', {});
  const item = live.agenda.find((i) => i.stages.includes('questioning'))!;
  await page.getByRole('button', { name: `转到：第${item.index + 1}项 ${item.evaluatees[0]!.name} 随机询问` }).click();
  await expect(page.getByTestId('questioning-panel')).toBeVisible();
  return { meeting, item, live };
}

test('the quorum gate on questioning: at 15 of 30 nothing is drawn and nothing reaches the hall', async ({ page, context }) => {
  const { live } = await toQuestioning(page);
  const hall = await context.newPage();
  await hall.goto(host.urls.hall);
  await expect(hall.getByTestId('hall-screen')).toHaveAttribute('data-kind', 'evaluatee');

  // Half the members leave the hall: the header says so at once, wherever the operator is.
  for (const m of live.roster.slice(15)) await api(page, 'live.attendance', { memberId: m.id, status: 'absent' });
  const header = page.getByTestId('header-quorum');
  await expect(header).toHaveText('✘ 应到30人，实到15人，不足法定人数（至少需16人）');
  await expect(header).toHaveAttribute('data-met', 'false');
  const panel = page.getByTestId('questioning-panel');
  await expect(panel.getByText('应到30人，实到15人，不足法定人数（至少需16人），不能抽取。')).toBeVisible();
  await expect(panel.getByRole('button', { name: /抽取提问人/ })).toBeDisabled();

  // The key is refused by the services too, with the reason; the hall stays on the evaluatee.
  await page.keyboard.press('d');
  await expect(panel.getByRole('alert')).toContainText('不足法定人数（至少需16人），不能抽取');
  await expect(hall.getByTestId('hall-screen')).toHaveAttribute('data-kind', 'evaluatee');
  expect((await api(page, 'questioning.state', {})).logCount).toBe(0);

  // One member comes back: the draw goes ahead and the hall shows it.
  await page.getByRole('group', { name: `${live.roster[15]!.name}的签到` }).getByRole('button', { name: '出席' }).click();
  await expect(header).toHaveAttribute('data-met', 'true');
  await expect(panel.getByRole('button', { name: /抽取提问人/ })).toBeEnabled();
  await page.keyboard.press('d');
  await expect(hall.getByTestId('hall-draw')).toBeVisible();
});

test('removal of a started item refused: the desk marks it, the services refuse it, the agenda stays', async ({ page, browser }) => {
  const { meeting, item } = await toQuestioning(page);
  await page.keyboard.press('d');
  await expect(page.getByTestId('q-current')).toBeVisible();

  const desk = await browser.newPage();
  await desk.goto(host.urls.desk);
  await desk.evaluate((id) => (window.location.hash = `#/meetings/${id}`), meeting.id);
  const name = item.evaluatees[0]!.name;
  const row = desk.getByRole('row', { name: new RegExp(name) }).first();
  await expect(row.getByText('已进行随机询问')).toBeVisible();
  await expect(row.getByRole('button', { name: `移出议程：${name}` })).toBeDisabled();

  // A page that did not know yet (or any other client) is refused by the services, in words.
  const detail = await api(desk, 'meetings.get', { id: meeting.id }, 'desk');
  const itemId = detail.meeting.agenda[item.index]!.id;
  await expect(api(desk, 'meetings.setAgenda', { id: meeting.id, agenda: detail.meeting.agenda.filter((a) => a.id !== itemId) }, 'desk')).rejects.toThrow(
    `“${name}”的报告已进行随机询问，不能从议程中删除。`,
  );
  const after = await api(page, 'live.state', {});
  // The live agenda is the stored one, item for item, and the meeting is still where it was.
  expect(after.agenda.map((a) => a.evaluatees.map((e) => e.id))).toEqual(detail.meeting.agenda.map((a) => (a.kind === 'vote' ? a.evaluateeIds : [a.evaluateeId])));
  expect(after.agenda[item.index]!.evaluatees[0]!.name).toBe(name);
  expect(after.live!.position).toEqual({ itemIndex: item.index, stage: 'questioning' });
});

test('the desk has a favicon', async ({ page }) => {
  await page.goto(host.urls.desk);
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const res = await page.request.get(new URL(href!, page.url()).toString());
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('image/svg+xml');
});
