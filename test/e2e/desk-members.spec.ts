import type { Page } from '@playwright/test';
import { expect, host, test } from './support/fixtures';

async function openMembers(page: Page) {
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '常委会组成人员' }).click();
  await expect(page.getByRole('heading', { name: '常委会组成人员', level: 1 })).toBeVisible();
}

const totals = (page: Page) => page.getByTestId('member-totals');
const rowOf = (page: Page, name: string) => page.getByRole('table', { name: '组成人员名单' }).getByRole('row').filter({ hasText: name });

test('the roster shows the demo county in roster order with its totals', async ({ page }) => {
  await openMembers(page);
  await expect(totals(page)).toHaveText('共30人：主任1人、副主任4人、委员25人');
  const rows = page.getByRole('table', { name: '组成人员名单' }).getByRole('row');
  await expect(rows).toHaveCount(31);
  await expect(rows.nth(1)).toContainText('主任');
  await expect(rows.nth(1).getByRole('cell').first()).toHaveText('1');

  await page.getByLabel('职务').selectOption('副主任');
  await expect(page.getByText('显示4人（名单共30人）')).toBeVisible();
});

test('create, edit and delete a member with a validation error on the way; totals follow', async ({ page }) => {
  await openMembers(page);
  await expect(totals(page)).toHaveText('共30人：主任1人、副主任4人、委员25人');

  await page.getByRole('button', { name: '新增组成人员' }).click();
  const dialog = page.getByRole('dialog', { name: '新增组成人员' });
  // A new member goes to the end of the roster, in the current term.
  await expect(dialog.getByLabel('名单顺序')).toHaveValue('31');
  await expect(dialog.getByLabel('届次')).toHaveValue('19');
  await dialog.getByLabel('职务').selectOption('副主任');
  await dialog.getByLabel('性别').selectOption('女');
  await dialog.getByLabel('任期开始日期').fill('2026-06-18');
  await dialog.getByLabel('备注').fill('补选');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog.getByText('姓名不能为空')).toBeVisible();
  // Nothing typed is lost and the dialog stays open.
  await expect(dialog.getByLabel('职务')).toHaveValue('副主任');
  await expect(dialog.getByLabel('任期开始日期')).toHaveValue('2026年6月18日');
  await expect(dialog.getByLabel('备注')).toHaveValue('补选');

  await dialog.getByLabel('姓名').fill('补选甲');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(totals(page)).toHaveText('共31人：主任1人、副主任5人、委员25人');
  await expect(rowOf(page, '补选甲')).toContainText('2026年6月18日');
  await expect(rowOf(page, '补选甲')).toContainText('第十九届');

  // Edit: a member who leaves is kept on the roster but no longer counted.
  await rowOf(page, '补选甲').getByRole('button', { name: '编辑 补选甲' }).click();
  const edit = page.getByRole('dialog', { name: '编辑组成人员：补选甲' });
  await edit.getByLabel('任期结束日期').fill('2026-01-01');
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  // The end before the start is refused by the field, and the dialog keeps the value.
  await expect(edit.getByText('任期结束日期不能早于任期开始日期')).toBeVisible();
  await expect(edit.getByLabel('任期结束日期')).toHaveValue('2026年1月1日');
  await edit.getByLabel('任期结束日期').fill('2026-11-20');
  await edit.getByLabel('在任').uncheck();
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  await expect(edit).toBeHidden();
  await expect(totals(page)).toHaveText('共30人：主任1人、副主任4人、委员25人');
  await expect(page.getByText('另有不在任1人')).toBeVisible();
  await expect(rowOf(page, '补选甲')).toContainText('不在任');

  await page.getByLabel('在任状态').selectOption('inactive');
  await expect(page.getByText('显示1人（名单共31人）')).toBeVisible();
  await page.getByLabel('在任状态').selectOption('');

  // Delete.
  await rowOf(page, '补选甲').getByRole('button', { name: '删除 补选甲' }).click();
  await page.getByRole('dialog', { name: '删除组成人员' }).getByRole('button', { name: '删除' }).click();
  await expect(rowOf(page, '补选甲')).toHaveCount(0);
  await expect(page.getByText('另有不在任')).toHaveCount(0);
  await expect(page.getByText('显示30人')).toBeVisible();
});
