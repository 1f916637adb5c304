import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, host, test } from './support/fixtures';

/** A members sheet as an office keeps it: a title row above the header, dates as typed. */
async function membersFile(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['新增组成人员']);
  ws.mergeCells('A1:E1');
  ws.addRow(['姓名', '职务', '性别', '任期开始日期', '名单顺序']);
  for (const r of rows) ws.addRow(r);
  const path = join(await mkdtemp(join(tmpdir(), 'pingyi-e2e-sheet-')), '新增组成人员.xlsx');
  await writeFile(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return path;
}

async function openPage(page: Page, link: string, heading: string | RegExp) {
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: link }).click();
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

test('members import from an xlsx with two bad rows: preview, fix the file, import', async ({ page }) => {
  await openPage(page, '常委会组成人员', '常委会组成人员');
  await expect(page.getByTestId('member-totals')).toHaveText('共30人：主任1人、副主任4人、委员25人');
  await page.getByRole('button', { name: '从表格导入' }).click();
  const dialog = page.getByRole('dialog', { name: '从表格导入常委会组成人员' });

  const bad = await membersFile([
    ['导入甲', '委员', '男', '2026.01.10', 31],
    ['导入乙', '组员', '女', '2026/01/10', 32],
    ['导入丙', '委员', '女', '2026年2月30日', 33],
  ]);
  await dialog.getByLabel('选择要导入的表格文件').setInputFiles(bad);
  await expect(dialog.getByTestId('import-counts')).toContainText('新增1行，修改0行，无变化0行，有错误2行');
  const preview = dialog.getByRole('table', { name: '导入预览' });
  await expect(preview.getByRole('row').filter({ hasText: '导入乙' })).toContainText('职务：职务“组员”无效，应为主任、副主任、委员之一');
  await expect(preview.getByRole('row').filter({ hasText: '导入丙' })).toContainText('2026年2月没有30日');
  // Nothing is written by the preview.
  await expect(page.getByTestId('member-totals')).toHaveText('共30人：主任1人、副主任4人、委员25人');
  await expect(dialog.getByRole('button', { name: '仅导入正确的行（1行）' })).toBeEnabled();

  const fixed = await membersFile([
    ['导入甲', '委员', '男', '2026.01.10', 31],
    ['导入乙', '委员', '女', '2026/01/10', 32],
    ['导入丙', '委员', '女', '2026年2月28日', 33],
  ]);
  await dialog.getByLabel('选择要导入的表格文件').setInputFiles(fixed);
  await expect(dialog.getByTestId('import-counts')).toContainText('新增3行，修改0行，无变化0行，有错误0行');
  await dialog.getByRole('button', { name: '导入全部（3行）' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已导入常委会组成人员：新增3条。')).toBeVisible();
  await expect(page.getByTestId('member-totals')).toHaveText('共33人：主任1人、副主任4人、委员28人');
  await expect(page.getByRole('table', { name: '组成人员名单' }).getByRole('row').filter({ hasText: '导入丙' })).toContainText('2026年2月28日');
});

test('the plan exports as an .xlsx the library opens, laid out for A4', async ({ page }) => {
  await openPage(page, '五年计划', /计划/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/年评议计划\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('评议计划')!;
  expect(ws.getRow(2).getCell(1).value).toBe('评议年度');
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, printTitlesRow: '2:2' });
  expect(ws.rowCount).toBeGreaterThan(3);
});

test('the guided start offers the import: units from a UTF-8 csv, counted at once', async ({ page }) => {
  await page.goto(host.urls.desk);
  await page.evaluate(() => {
    location.hash = '#/setup';
  });
  await page.getByRole('button', { name: '下一步：录入人员' }).click();
  // The count reads '…' until the list has arrived.
  await expect(page.getByTestId('setup-count-unit')).toHaveText(/^\d+个$/);
  const before = Number((await page.getByTestId('setup-count-unit').innerText()).replace('个', ''));
  await page.getByRole('button', { name: '从表格导入单位' }).click();
  const dialog = page.getByRole('dialog', { name: '从表格导入单位' });
  const path = join(await mkdtemp(join(tmpdir(), 'pingyi-e2e-sheet-')), '单位.csv');
  await writeFile(path, '\uFEFF单位名称,单位类别\r\n县引导测试局,政府组成部门\r\n县引导测试办, 其他 \r\n');
  await dialog.getByLabel('选择要导入的表格文件').setInputFiles(path);
  await expect(dialog.getByTestId('import-counts')).toContainText('新增2行，修改0行，无变化0行，有错误0行');
  await dialog.getByRole('button', { name: '导入全部（2行）' }).click();
  await expect(page.getByText('已导入单位：新增2条。')).toBeVisible();
  await expect(page.getByTestId('setup-count-unit')).toHaveText(`${before + 2}个`);
});
