import type { Page } from '@playwright/test';
import { expect, host, test } from './support/fixtures';

async function openEvaluatees(page: Page) {
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '被评议对象' }).click();
  await expect(page.getByRole('heading', { name: '被评议对象', level: 1 })).toBeVisible();
  // The demo county: 26 department heads and 55 judges and prosecutors.
  await expect(page.getByText('显示81人')).toBeVisible();
}

const table = (page: Page) => page.getByRole('table', { name: '被评议对象名单' });
const rowOf = (page: Page, text: string) => table(page).getByRole('row').filter({ hasText: text });

test('create, edit and delete an evaluatee, with a validation error on the way that loses nothing', async ({ page }) => {
  await openEvaluatees(page);

  await page.getByRole('button', { name: '新增被评议对象' }).click();
  const dialog = page.getByRole('dialog', { name: '新增被评议对象' });
  await dialog.getByLabel('类别').selectOption('政府组成部门负责人');
  await dialog.getByLabel('所在单位').selectOption({ label: '县审计局' });
  await dialog.getByLabel('职务').fill('副局长');
  await dialog.getByLabel('任职日期').fill('2026-03-02');
  await dialog.getByLabel('性别').selectOption('女');
  // 姓名 left empty: the service refuses and names the field.
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog.getByText('姓名不能为空')).toBeVisible();
  // Nothing typed is lost and the dialog stays open.
  await expect(dialog.getByLabel('职务')).toHaveValue('副局长');
  await expect(dialog.getByLabel('任职日期')).toHaveValue('2026年3月2日');
  await expect(dialog.getByLabel('所在单位')).toHaveValue(/^un_/);
  await expect(dialog.getByLabel('性别')).toHaveValue('女');

  await dialog.getByLabel('姓名').fill('闻试新');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('显示82人')).toBeVisible();
  const row = rowOf(page, '闻试新');
  await expect(row).toContainText('县审计局');
  await expect(row).toContainText('副局长');
  await expect(row).toContainText('2026年3月2日');
  await expect(row).toContainText('未覆盖');
  await expect(row).toContainText('未列入');

  // Edit: the dialog opens with the stored values.
  await row.getByRole('button', { name: '编辑 闻试新' }).click();
  const edit = page.getByRole('dialog', { name: '编辑被评议对象：闻试新' });
  await expect(edit.getByLabel('职务')).toHaveValue('副局长');
  await edit.getByLabel('职务').fill('局长');
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  // The audit office already has a 局长 in office: asked, naming them, before anything is saved.
  await expect(edit.getByTestId('needs-confirmation')).toContainText('县审计局的“局长”岗位已有在任的被评议对象：');
  await edit.getByRole('button', { name: '仍然保存', exact: true }).click();
  await expect(edit).toBeHidden();
  await expect(rowOf(page, '闻试新')).toContainText('局长');
  await expect(rowOf(page, '闻试新')).not.toContainText('副局长');

  // Search finds the record by name, unit or position.
  await page.getByLabel('搜索').fill('审计');
  await expect(page.getByText('显示2人（共82人）')).toBeVisible();
  await page.getByRole('button', { name: '清除筛选' }).click();

  // Delete.
  await rowOf(page, '闻试新').getByRole('button', { name: '删除 闻试新' }).click();
  const confirm = page.getByRole('dialog', { name: '删除被评议对象' });
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(confirm).toBeHidden();
  await expect(rowOf(page, '闻试新')).toHaveCount(0);
  await expect(page.getByText('显示81人')).toBeVisible();
});

test('deleting someone in the plan is refused with the service message', async ({ page }) => {
  await openEvaluatees(page);
  const planned = rowOf(page, '县财政局').first();
  const name = (await planned.getByRole('cell').first().innerText()).split('（')[0]!.trim();
  await planned.getByRole('button', { name: `删除 ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: '删除被评议对象' });
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(confirm.getByRole('alert')).toContainText('评议计划');
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(rowOf(page, name)).toHaveCount(1);
});

test('a post handed over makes the successor a new, uncovered evaluatee', async ({ page }) => {
  await openEvaluatees(page);
  await page.getByLabel('覆盖情况').selectOption({ label: '未覆盖' });
  await expect(page.getByText('显示0人（共81人）')).toBeVisible();
  await page.getByRole('button', { name: '清除筛选' }).click();

  const old = rowOf(page, '县统计局').first();
  const oldName = (await old.getByRole('cell').first().innerText()).split('（')[0]!.trim();
  await old.getByRole('button', { name: `岗位交接 ${oldName}` }).click();
  const dialog = page.getByRole('dialog', { name: '岗位交接：县统计局局长' });
  await dialog.getByLabel('交接日期').fill('2026-11-02');
  await dialog.getByLabel('离任原因').selectOption('调任');
  await dialog.getByLabel('继任者姓名').fill('接任丙');
  await dialog.getByRole('button', { name: '确认交接' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByText('显示82人')).toBeVisible();
  // The successor's row names its predecessor too; the old holder's row is the one without 接任丙.
  const ended = rowOf(page, oldName).filter({ hasNotText: '接任丙' });
  await expect(ended).toContainText('已离任');
  await expect(ended).toContainText('2026年11月2日调任');
  // The old holder can no longer hand the post over.
  await expect(ended.getByRole('button', { name: `岗位交接 ${oldName}` })).toHaveCount(0);

  const successor = rowOf(page, '接任丙');
  await expect(successor).toContainText('县统计局');
  await expect(successor).toContainText('局长');
  await expect(successor).toContainText('2026年11月2日');
  await expect(successor).toContainText('未覆盖');
  await expect(successor).toContainText(`接任${oldName}`);

  // The uncovered filter now finds exactly the successor.
  await page.getByLabel('覆盖情况').selectOption({ label: '未覆盖' });
  await expect(page.getByText('显示1人（共82人）')).toBeVisible();
  await expect(rowOf(page, '接任丙')).toHaveCount(1);
  await page.getByLabel('在任情况').selectOption({ label: '已离任' });
  await expect(page.getByText('显示0人（共82人）')).toBeVisible();
});

test('units are managed on the same page; a unit with people cannot be deleted', async ({ page }) => {
  await openEvaluatees(page);
  await page.getByRole('tab', { name: '单位' }).click();
  await page.getByRole('button', { name: '新增单位' }).click();
  const dialog = page.getByRole('dialog', { name: '新增单位' });
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog.getByText('单位名称不能为空')).toBeVisible();
  await dialog.getByLabel('单位名称').fill('县数据局');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: '单位' }).getByRole('row').filter({ hasText: '县数据局' })).toContainText('0人');

  await page.getByRole('button', { name: '删除单位 县审计局' }).click();
  const confirm = page.getByRole('dialog', { name: '删除单位' });
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(confirm.getByRole('alert')).toContainText('不能删除');
  await confirm.getByRole('button', { name: '取消' }).click();

  await page.getByRole('button', { name: '删除单位 县数据局' }).click();
  await page.getByRole('dialog', { name: '删除单位' }).getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('table', { name: '单位' }).getByRole('row').filter({ hasText: '县数据局' })).toHaveCount(0);
});
