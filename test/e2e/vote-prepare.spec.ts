import { expect, host, test } from './support/fixtures';

test('a vote round is prepared on the desk days before the meeting, with its tellers and scrutineers', async ({ page }) => {
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '会议' }).click();
  await page.getByRole('link', { name: '县第十九届人大常委会第二十三次会议' }).first().click();
  const panel = page.getByRole('region', { name: '民主测评准备' });
  await expect(panel).toBeVisible();
  const first = panel.getByTestId('vote-prep-item').first();
  await first.getByRole('button', { name: '准备测评轮次' }).click();
  await expect(first.getByText('第一轮')).toBeVisible();
  await first.getByLabel('第一轮计票人').fill('赵计票、钱计票');
  await first.getByLabel('第一轮监票人').fill('孙监票');
  // Saved like all free text of the desk: on leaving the box (and within a second of the last keystroke).
  await first.getByLabel('第一轮监票人').press('Tab');
  await expect(first.getByRole('status', { name: '第一轮：计票人、监票人的保存状态' })).toHaveText(/^已保存 /);
  await page.reload();
  const again = page.getByRole('region', { name: '民主测评准备' }).getByTestId('vote-prep-item').first();
  await expect(again.getByLabel('第一轮计票人')).toHaveValue('赵计票、钱计票');
  await expect(again.getByLabel('第一轮监票人')).toHaveValue('孙监票');
  await expect(again.getByRole('button', { name: '准备测评轮次' })).toHaveCount(0);
});
