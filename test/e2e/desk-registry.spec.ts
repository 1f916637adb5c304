import type { Page } from '@playwright/test';
import { api, expect, host, test } from './support/fixtures';
import { clearYearsResearch } from './support/research';

/** Where a screenshot goes when SHOTS is set (for looking at the screens; no assertion depends on it). */
async function shot(page: Page, name: string) {
  if (process.env['SHOTS']) await page.screenshot({ path: `${process.env['SHOTS']}/registry-${name}.png`, fullPage: true });
}

test('a deputy and a specialist are added to the 人员库 and picked into a research group led by a member after a confirmation', async ({ page }) => {
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '人员库' }).click();
  await expect(page.getByRole('heading', { name: '人员库', level: 1 })).toBeVisible();

  // Two people in one go (保存并继续新增), the second of the same kind until changed.
  await page.getByRole('button', { name: '新增人员' }).click();
  const dialog = page.getByRole('dialog', { name: '新增人员' });
  await dialog.getByLabel('姓名').fill('陈代表');
  await dialog.getByLabel('类别').selectOption('人大代表');
  await dialog.getByLabel('工作单位').fill('县第一中学');
  await dialog.getByLabel('职务或专业领域').fill('教师');
  await dialog.getByLabel('联系方式').fill('13800000000');
  await dialog.getByRole('button', { name: '保存并继续新增' }).click();
  await expect(dialog.getByText('已新增1人：陈代表')).toBeVisible();
  await expect(dialog.getByLabel('姓名')).toHaveValue('');
  // The same name again is asked about, not saved.
  await dialog.getByLabel('姓名').fill('陈代表');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog.getByText('人员库中已有同名人员：陈代表（人大代表，县第一中学）')).toBeVisible();
  await dialog.getByLabel('姓名').fill('刘专家');
  await dialog.getByLabel('类别').selectOption('专家');
  await dialog.getByLabel('职务或专业领域').fill('律师');
  await dialog.getByLabel('工作单位').fill('县律师协会');
  await shot(page, 'dialog');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  const table = page.getByRole('table', { name: '人员库' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').filter({ hasText: '陈代表' })).toContainText('13800000000');
  await expect(page.getByTestId('registry-totals')).toContainText('在册2人：人大代表1人、专家1人');
  await shot(page, 'list');

  // The research group: a 委员 as 组长 only after a confirmation; the deputy and the specialist as members.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '评议意见' }).click();
  const first = (await api(page, 'opinions.list', {}, 'desk')).rows[0]!;
  // This year's research as the office finds it before recording any: the demo's removed.
  await clearYearsResearch(page, first.year, first.evaluationId);
  await page.getByRole('button', { name: `调研报告：${first.name}` }).click();
  await expect(page.getByRole('heading', { name: `关于对${first.name}同志履职情况的调研报告` })).toBeVisible();
  const member = (await api(page, 'members.list', {}, 'desk')).find((m) => m.active && m.role === '委员')!;
  await page.getByLabel('组内职务').selectOption('组长');
  await page.getByLabel('从组成人员或人员库中选择').selectOption({ label: `${member.name}（委员）` });
  await page.getByRole('button', { name: '添加到调研组' }).click();
  const ask = page.getByRole('dialog', { name: '确认调研组组长' });
  await expect(ask).toContainText(`组长${member.name}是常委会委员，不是主任或副主任`);
  await ask.getByRole('button', { name: '仍然设为组长' }).click();
  await expect(ask).toBeHidden();
  const group = page.getByRole('table', { name: '调研组成员' });
  await expect(group.getByRole('row').filter({ hasText: member.name })).toContainText('组长');

  // A typed-in leader is refused on the spot.
  await page.getByLabel('组内职务').selectOption('组长');
  await page.getByLabel('从组成人员或人员库中选择').selectOption({ label: '其他人员（手动填写，不能任组长）' });
  await page.getByLabel('成员姓名').fill('某人');
  await page.getByLabel('成员职务').fill('干部');
  await page.getByRole('button', { name: '添加到调研组' }).click();
  await expect(page.getByText('调研组组长应从组成人员或人员库中选择，“某人”不在其中')).toBeVisible();

  await page.getByLabel('组内职务').selectOption('成员');
  await page.getByLabel('从组成人员或人员库中选择').selectOption({ label: '陈代表（人大代表）' });
  await expect(page.getByLabel('成员职务')).toHaveValue('县第一中学教师（人大代表）');
  await page.getByRole('button', { name: '添加到调研组' }).click();
  await page.getByLabel('从组成人员或人员库中选择').selectOption({ label: '刘专家（专家）' });
  await page.getByRole('button', { name: '添加到调研组' }).click();
  await expect(group.getByRole('row')).toHaveCount(4);
  await shot(page, 'research-group');

  // Stored: the deputy by the registry's id (each pick is saved at once).
  const people = await api(page, 'registry.list', {}, 'desk');
  await expect
    .poll(async () => (await api(page, 'research.records', { year: first.year, evaluationId: first.evaluationId }, 'desk')).group?.members.length)
    .toBe(3);
  const detail = await api(page, 'research.records', { year: first.year, evaluationId: first.evaluationId }, 'desk');
  expect(detail.group?.members.map((g) => [g.role, g.name, g.memberId ?? g.personId])).toEqual([
    ['组长', member.name, member.id],
    ['成员', '陈代表', people.find((p) => p.name === '陈代表')!.id],
    ['成员', '刘专家', people.find((p) => p.name === '刘专家')!.id],
  ]);

  // 列席: the deputy named for a meeting, saved at once.
  const meeting = (await api(page, 'meetings.list', {}, 'desk')).find((m) => m.status !== 'closed')!;
  await page.goto(`${host.urls.desk}#/meetings/${meeting.id}`);
  const attend = page.getByRole('group', { name: '列席人员' });
  // The box shows what is stored: ticked once the save is through.
  await attend.getByRole('checkbox', { name: /陈代表/ }).click();
  await expect(attend.getByRole('checkbox', { name: /陈代表/ })).toBeChecked();
  await expect(page.getByText('已选1人')).toBeVisible();
  await expect.poll(async () => (await api(page, 'meetings.get', { id: meeting.id }, 'desk')).attendees).toEqual([people.find((p) => p.name === '陈代表')!.id]);
  await attend.scrollIntoViewIfNeeded();
  await shot(page, 'attendees');
});
