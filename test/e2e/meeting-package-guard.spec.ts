import type { Page } from '@playwright/test';
import { api, expect, host, test } from './support/fixtures';

/**
 * 已导出到会场 on the desk: once a meeting's package is out, an edit of that meeting asks first
 * (once per meeting per page visit); 取消 writes nothing, 仍要修改 writes.
 */
test.use({ apiRole: 'desk' });

const deskAt = (path: string) => `${host.urls.desk.split('#')[0]}#${path}`;
const question = (page: Page) => page.getByRole('dialog', { name: '本会议已导出到会场' });

test('after 导出会议包, editing the agenda and the vote preparation asks first; 取消 writes nothing', async ({ page }) => {
  await page.goto(host.urls.desk);
  const meetings = await api(page, 'meetings.list', {});
  const meeting = meetings.find((m) => m.status === 'planned' && m.date.startsWith(String(new Date().getFullYear()))) ?? meetings.find((m) => m.status === 'planned')!;

  // Desk: 设置 → 会议包 → 导出会议包.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await page.getByLabel('会议', { exact: true }).selectOption(meeting.id);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出会议包', exact: true }).click();
  await downloading;
  await expect(page.getByTestId('handoff-banner')).toContainText('导出到会场');

  // The agenda: moving an item asks; 取消 leaves the stored agenda as it was.
  await page.goto(deskAt(`/meetings/${meeting.id}`));
  const before = (await api(page, 'meetings.get', { id: meeting.id })).meeting.agenda.map((a) => a.id);
  const agenda = page.getByRole('table', { name: '会议议程' });
  await agenda.getByRole('button', { name: /^下移：/ }).first().click();
  await expect(question(page)).toContainText(`“${meeting.name}”的会议包已于`);
  await expect(question(page)).toContainText('逐项核对');
  await question(page).getByRole('button', { name: '取消' }).click();
  await expect(question(page)).toHaveCount(0);
  expect((await api(page, 'meetings.get', { id: meeting.id })).meeting.agenda.map((a) => a.id)).toEqual(before);

  // 仍要修改 writes it; a second edit on the same visit does not ask again.
  await agenda.getByRole('button', { name: /^下移：/ }).first().click();
  await question(page).getByRole('button', { name: '仍要修改' }).click();
  const moved = [before[1], before[0], ...before.slice(2)];
  await expect.poll(async () => (await api(page, 'meetings.get', { id: meeting.id })).meeting.agenda.map((a) => a.id)).toEqual(moved);
  await agenda.getByRole('button', { name: /^上移：/ }).nth(1).click();
  await expect.poll(async () => (await api(page, 'meetings.get', { id: meeting.id })).meeting.agenda.map((a) => a.id)).toEqual(before);
  await expect(question(page)).toHaveCount(0);

  // Another visit asks again: the vote preparation.
  await page.reload();
  const prep = page.getByRole('region', { name: '民主测评准备' }).getByTestId('vote-prep-item').first();
  const rounds = async () => (await api(page, 'vote.state', { meetingId: meeting.id })).items.flatMap((i) => i.rounds);
  expect(await rounds()).toEqual([]);
  await prep.getByRole('button', { name: '准备测评轮次' }).click();
  await question(page).getByRole('button', { name: '取消' }).click();
  await expect(question(page)).toHaveCount(0);
  expect(await rounds()).toEqual([]);
  await prep.getByRole('button', { name: '准备测评轮次' }).click();
  await question(page).getByRole('button', { name: '仍要修改' }).click();
  await expect(prep.getByText('第一轮')).toBeVisible();
  expect(await rounds()).toHaveLength(1);

  // An autosaved box asks on its first change: after 取消 it shows what is stored and nothing is saved.
  await page.reload();
  const tellers = page.getByRole('region', { name: '民主测评准备' }).getByTestId('vote-prep-item').first().getByLabel('第一轮计票人');
  await tellers.fill('赵计票');
  await question(page).getByRole('button', { name: '取消' }).click();
  await expect(tellers).toHaveValue('');
  expect((await rounds())[0]!.tellers).toEqual([]);
  await tellers.fill('赵计票');
  await question(page).getByRole('button', { name: '仍要修改' }).click();
  await expect(tellers).toHaveValue('赵计票');
  await expect.poll(async () => (await rounds())[0]!.tellers).toEqual(['赵计票']);
});

test('the question bank, the 列席人员 and the meeting list ask too; another meeting goes ahead at once', async ({ page }) => {
  await page.goto(host.urls.desk);
  const meetings = await api(page, 'meetings.list', {});
  const meeting = meetings.find((m) => m.status === 'planned' && m.date.startsWith(String(new Date().getFullYear()))) ?? meetings.find((m) => m.status === 'planned')!;
  await api(page, 'registry.create', { person: { name: '陈代表', kind: '人大代表', organisation: '县第一中学', field: '教师', contact: '' } });
  await api(page, 'package.export', { meetingId: meeting.id });

  // 询问设置: a choice asks; after 取消 the box shows what is stored.
  await page.goto(deskAt(`/meetings/${meeting.id}/questions`));
  const draw = page.getByRole('checkbox', { name: /随机抽取提问人/ });
  const stored = (await api(page, 'questions.list', { meetingId: meeting.id })).settings.drawQuestioners;
  await expect(draw).toBeChecked({ checked: stored });
  await draw.click();
  await question(page).getByRole('button', { name: '取消' }).click();
  await expect(draw).toBeChecked({ checked: stored });
  expect((await api(page, 'questions.list', { meetingId: meeting.id })).settings.drawQuestioners).toBe(stored);

  // 列席人员 on the meeting's page: the tick asks.
  await page.goto(deskAt(`/meetings/${meeting.id}`));
  const attendee = page.getByRole('group', { name: '列席人员' }).getByRole('checkbox', { name: /陈代表/ });
  const attendees = async () => (await api(page, 'meetings.get', { id: meeting.id })).attendees;
  const was = await attendees();
  await attendee.click();
  await question(page).getByRole('button', { name: '取消' }).click();
  await expect(attendee).not.toBeChecked();
  expect(await attendees()).toEqual(was);

  // The list: 删除 asks first, then its own question says the results package could not come back.
  await page.goto(deskAt('/meetings'));
  await page.getByRole('button', { name: `删除：${meeting.name}`, exact: true }).click();
  await question(page).getByRole('button', { name: '仍要修改' }).click();
  const del = page.getByRole('dialog', { name: '删除会议' });
  await expect(del).toContainText('删除后会场带回的会议结果包将不能导入');
  await del.getByRole('button', { name: '取消' }).click();
  expect((await api(page, 'meetings.list', {})).some((m) => m.id === meeting.id)).toBe(true);
  // Another meeting of the list goes ahead at once.
  const other = meetings.find((m) => m.id !== meeting.id)!;
  await page.getByRole('button', { name: `修改：${other.name}`, exact: true }).click();
  await expect(page.getByRole('dialog', { name: '修改会议' })).toBeVisible();
  await expect(question(page)).toHaveCount(0);
});
