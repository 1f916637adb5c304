import type { Page } from '@playwright/test';
import { api, expect, host, test } from './support/fixtures';

/** Issue 17: dates a clerk can type, and duplicates and impossible records caught before saving. */

test.use({ apiRole: 'desk' });

async function openSection(page: Page, link: string) {
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: link }).click();
  await expect(page.getByRole('heading', { name: link, level: 1 })).toBeVisible();
}

test('the date 2024.10.28 typed into a member form is stored as 2024-10-28', async ({ page }) => {
  await openSection(page, '常委会组成人员');
  await page.getByRole('button', { name: '新增组成人员' }).click();
  const dialog = page.getByRole('dialog', { name: '新增组成人员' });
  await dialog.getByLabel('姓名').fill('日期甲');

  // What cannot be a date is refused beside the field with one message, and stays as typed.
  const start = dialog.getByLabel('任期开始日期');
  await start.fill('2023.2.29');
  await start.press('Tab');
  await expect(dialog.getByRole('alert')).toHaveText('任期开始日期有误：2023年2月没有29日（2023年不是闰年），该月只有28天');
  await expect(start).toHaveValue('2023.2.29');

  await start.fill('2024.10.28');
  await start.press('Tab');
  // Read and shown the Chinese way; the message is gone.
  await expect(start).toHaveValue('2024年10月28日');
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  // Full-width digits and the calendar both work in the end date.
  const end = dialog.getByLabel('任期结束日期');
  await end.fill('２０２９／１／５');
  await end.press('Tab');
  await expect(end).toHaveValue('2029年1月5日');
  await dialog.getByRole('button', { name: '日历' }).nth(1).click();
  const calendar = dialog.getByRole('group', { name: '日历' });
  await expect(calendar.getByText('2029年1月')).toBeVisible();
  await expect(calendar.getByText('一', { exact: true })).toBeVisible();
  await calendar.getByRole('button', { name: '下个月' }).click();
  await calendar.getByRole('button', { name: '2029年2月28日' }).click();
  await expect(calendar).toBeHidden();
  await expect(end).toHaveValue('2029年2月28日');
  // Esc closes the calendar, not the dialog.
  await dialog.getByRole('button', { name: '日历' }).nth(1).click();
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(dialog).toBeVisible();

  // Enter reads the box and saves, as in any other field of the form.
  await start.fill('2024.10.28');
  await start.press('Enter');
  await expect(dialog).toBeHidden();
  const saved = (await api(page, 'members.list', {})).find((m) => m.name === '日期甲');
  expect(saved).toMatchObject({ termStart: '2024-10-28', termEnd: '2029-02-28' });
});

test('a duplicate member asks, naming the existing record, and is saved only when confirmed', async ({ page }) => {
  const before = await (async () => {
    await page.goto(host.urls.desk);
    return api(page, 'members.list', {});
  })();
  const namesake = before.find((m) => m.active && m.role === '委员')!;
  await openSection(page, '常委会组成人员');
  await page.getByRole('button', { name: '新增组成人员' }).click();
  const dialog = page.getByRole('dialog', { name: '新增组成人员' });
  await dialog.getByLabel('姓名').fill(namesake.name);
  await dialog.getByLabel('备注').fill('重复录入测试');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();

  const asked = dialog.getByTestId('needs-confirmation');
  await expect(asked).toContainText(`名单中已有同名的在任组成人员：${namesake.name}（委员，名单第${namesake.rosterOrder}位）`);
  // Nothing saved yet, nothing typed lost.
  expect(await api(page, 'members.list', {})).toHaveLength(before.length);
  await expect(dialog.getByLabel('备注')).toHaveValue('重复录入测试');

  // Any change withdraws the question: the confirmation covers exactly what is saved.
  await dialog.getByLabel('备注').fill('重复录入测试（核对）');
  await expect(asked).toBeHidden();
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(asked).toBeVisible();
  await dialog.getByRole('button', { name: '仍然保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  expect((await api(page, 'members.list', {})).filter((m) => m.name === namesake.name)).toHaveLength(2);
});

test('a meeting outside the term is refused with the rule beside its date', async ({ page }) => {
  await page.goto(host.urls.desk);
  const { term } = await api(page, 'settings.get', {});
  const count = (await api(page, 'meetings.list', {})).length;
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '会议' }).click();
  await page.getByRole('button', { name: '新建会议' }).click();
  const dialog = page.getByRole('dialog', { name: '新建会议' });
  await dialog.getByLabel('会议次数（第几次会议）').fill('40');
  const date = dialog.getByLabel('会议日期');
  await date.fill(`${term.endYear + 1}年3月1日`);
  await dialog.getByRole('button', { name: '创建会议' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    `会议日期${term.endYear + 1}年3月1日不在本届任期内：第十九届的评议安排在${term.startYear}—${term.endYear}年，会议日期应在这些年度之内（本届起止年份在“设置”中修改）。`,
  );
  expect(await api(page, 'meetings.list', {})).toHaveLength(count);

  // Corrected into the term, it is saved.
  await date.fill(`${term.endYear}.3.1`);
  await dialog.getByRole('button', { name: '创建会议' }).click();
  await expect(dialog).toBeHidden();
  expect(await api(page, 'meetings.list', {})).toHaveLength(count + 1);
});

test('an evaluatee on a post already held asks, naming the holder', async ({ page }) => {
  await page.goto(host.urls.desk);
  const holder = (await api(page, 'evaluatees.list', {})).find((r) => !r.endedDate && r.category === '政府组成部门负责人')!;
  await openSection(page, '被评议对象');
  await page.getByRole('button', { name: '新增被评议对象' }).click();
  const dialog = page.getByRole('dialog', { name: '新增被评议对象' });
  await dialog.getByLabel('姓名').fill('岗位重复');
  await dialog.getByLabel('类别').selectOption('政府组成部门负责人');
  await dialog.getByLabel('所在单位').selectOption(holder.unitId);
  await dialog.getByLabel('职务').fill(holder.position);
  await dialog.getByLabel('任职日期').fill('2024/1/2');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog.getByTestId('needs-confirmation')).toContainText(`${holder.unitName}的“${holder.position}”岗位已有在任的被评议对象：${holder.name}`);
  await dialog.getByRole('button', { name: '取消' }).click();
  expect((await api(page, 'evaluatees.list', {})).some((r) => r.name === '岗位重复')).toBe(false);
});

test('a term whose years leave planned evaluations out is refused beside its end year; a six-year term is named so', async ({ page }) => {
  await page.goto(host.urls.desk);
  const { term } = await api(page, 'settings.get', {});
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  const end = page.getByLabel('本届结束年份');
  await end.fill(String(term.endYear - 1));
  await end.blur();
  const refusal = page.getByRole('alert').filter({ hasText: '届次不变时，起止年份须包含计划中已列入评议的全部年度' });
  await expect(refusal).toContainText(`已列入${term.endYear}年`);
  await expect(refusal).toContainText(`不在新的起止年份${term.startYear}—${term.endYear - 1}年之内`);
  expect((await api(page, 'settings.get', {})).term).toEqual(term);

  // One more year is allowed, and the plan is then a 六年计划 everywhere it is named.
  await end.fill(String(term.endYear + 1));
  await end.blur();
  await expect.poll(async () => (await api(page, 'settings.get', {})).term.endYear).toBe(term.endYear + 1);
  await expect(refusal).toHaveCount(0);
  await expect(page.getByTestId('term-length')).toContainText('共6个年度，不是通常的5年：本届计划称为“六年计划”');
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '六年计划' })).toBeVisible();
});
