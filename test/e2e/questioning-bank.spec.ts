import { api, expect, host, test } from './support/fixtures';

test.use({ apiRole: 'desk' });

/** The desk prepares 随机询问: questions pasted one per line, withdrawn and restored; the settings. */

test('questions pasted one per line, withdrawn, restored; the settings saved', async ({ page }) => {
  await page.goto(host.urls.desk);
  const meeting = (await api(page, 'meetings.list', {})).find((m) => m.date.startsWith(String(new Date().getFullYear())))!;
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '会议' }).click();
  await page.getByRole('link', { name: meeting.name }).click();
  await page.getByRole('link', { name: '题库与随机询问' }).click();
  await expect(page.getByRole('heading', { name: '题库与随机询问' })).toBeVisible();

  const first = page.getByTestId('qb-evaluatee').first();
  const name = (await first.getByRole('heading').textContent())!.replace(/^第\d+项\s*/, '');
  const form = first.getByRole('group', { name: `为${name}添加问题` });
  await form.getByRole('tab', { name: '批量粘贴（每行一个）' }).click();
  await form.getByLabel('问题主题').fill('营商环境');
  await form.getByLabel(/问题（每行一个/).fill('1. 审批时限为何仍然过长？\n\n2. “一网通办”何时全覆盖？\n3、企业反映的检查过多问题如何整改？');
  await expect(form.getByText('识别出3个问题，主题均为“营商环境”')).toBeVisible();
  await form.getByRole('button', { name: '添加3个问题' }).click();
  const table = first.getByRole('table', { name: `${name}的题库` });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').nth(2)).toContainText('“一网通办”何时全覆盖？');
  await expect(table.getByRole('row').nth(2)).toContainText('批量粘贴');

  await table.getByRole('button', { name: '撤回第2个问题' }).click();
  await expect(table.getByRole('row').nth(2)).toContainText('已撤回');
  await table.getByRole('button', { name: '恢复第2个问题' }).click();
  await expect(table.getByRole('row').nth(2)).toContainText('待提问');

  await table.getByRole('button', { name: '修改第3个问题' }).click();
  const dialog = page.getByRole('dialog', { name: '修改问题' });
  await dialog.getByLabel('问题内容').fill('涉企检查过多的问题，具体整改措施是什么？');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(table.getByRole('row').nth(3)).toContainText('涉企检查过多的问题，具体整改措施是什么？');

  // Settings: per meeting, the chair out of the draw (by default) and one member named, a question drawn too, 4 minutes to answer.
  await page.getByLabel('按会议').check();
  await expect(page.getByLabel(/^主持会议的主任（.+）不参加抽取$/)).toBeChecked();
  const named = (await api(page, 'questions.list', { meetingId: meeting.id })).members.find((m) => m.role === '委员')!;
  await page.getByRole('checkbox', { name: new RegExp(`^${named.name}`) }).check();
  await page.getByLabel('抽取提问人时同时从题库抽取问题').check();
  // Saved like every other setting: choices at once, a number on leaving its box (no save button to forget).
  await expect(page.getByRole('button', { name: '保存设置' })).toHaveCount(0);
  await page.getByLabel('答复时长（分钟）').fill('4');
  await page.getByLabel('答复时长（分钟）').press('Tab');
  await expect.poll(async () => (await api(page, 'questions.list', { meetingId: meeting.id })).settings.answerMinutes).toBe(4);
  await expect(page.getByRole('status', { name: '询问设置保存状态' })).toHaveText(/^已保存 \d{2}:\d{2}:\d{2}$/);
  const saved = await api(page, 'questions.list', { meetingId: meeting.id });
  expect(saved.settings).toEqual({ scope: 'meeting', exclusions: [named.id], excludeChair: true, drawQuestioners: true, drawQuestion: true, answerMinutes: 4, followUpMinutes: 3 });
  expect(saved.questions.map((q) => q.text)).toEqual(['审批时限为何仍然过长？', '“一网通办”何时全覆盖？', '涉企检查过多的问题，具体整改措施是什么？']);

  // After a reload everything is still there, and the log panel gives its verdict.
  await page.reload();
  await expect(page.getByRole('heading', { name: '题库与随机询问' })).toBeVisible();
  await expect(page.getByLabel('按会议')).toBeChecked();
  await expect(page.getByRole('checkbox', { name: new RegExp(`^${named.name}`) })).toBeChecked();
  await expect(page.getByLabel(/^主持会议的主任（.+）不参加抽取$/)).toBeChecked();
  await expect(page.getByTestId('qb-verdict')).toHaveText('尚未抽取。');
});

test('a choice made while an earlier settings save is still on its way is neither undone on screen nor lost', async ({ page }) => {
  await page.goto(host.urls.desk);
  const meeting = (await api(page, 'meetings.list', {})).find((m) => m.date.startsWith(String(new Date().getFullYear())))!;
  // Each save's answer is held back until the test lets it through.
  const held: Array<() => void> = [];
  const secondSent = new Promise<void>((resolve) => {
    void page.route('**/api/questioning.settings', async (route) => {
      const response = await route.fetch();
      const release = new Promise<void>((r) => held.push(r));
      if (held.length === 2) resolve();
      await release;
      await route.fulfill({ response });
    });
  });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '会议' }).click();
  await page.getByRole('link', { name: meeting.name }).click();
  await page.getByRole('link', { name: '题库与随机询问' }).click();
  const status = page.getByRole('status', { name: '询问设置保存状态' });
  await page.getByLabel('按会议').check();
  await expect(status).toHaveText('正在保存…');
  const drawQuestion = page.getByLabel('抽取提问人时同时从题库抽取问题');
  await drawQuestion.check();
  // The first answer (made before the second choice) arrives; the second save is then sent and held.
  await expect.poll(() => held.length).toBe(1);
  held[0]!();
  await secondSent;
  await expect(drawQuestion).toBeChecked();
  await expect(status).toHaveText('正在保存…');
  // A number typed meanwhile is saved with both choices.
  await page.getByLabel('答复时长（分钟）').fill('4');
  await page.getByLabel('答复时长（分钟）').press('Tab');
  held[1]!();
  await expect.poll(() => held.length).toBe(3);
  held[2]!();
  await expect(status).toHaveText(/^已保存 \d{2}:\d{2}:\d{2}$/);
  await expect(drawQuestion).toBeChecked();
  const saved = await api(page, 'questions.list', { meetingId: meeting.id });
  expect(saved.settings).toMatchObject({ scope: 'meeting', drawQuestion: true, answerMinutes: 4 });
});
