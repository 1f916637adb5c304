import type { Page } from '@playwright/test';
import { api, expect, host, test } from './support/fixtures';

test.use({ apiRole: 'desk' });

const year = new Date().getFullYear();

async function openPlan(page: Page) {
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '五年计划' }).click();
  await expect(page.getByTestId('plan-table')).toBeVisible();
}

test('plan someone new, see coverage change, and remove them again', async ({ page }) => {
  await page.goto(host.urls.desk);
  const court = (await api(page, 'units.list', {})).find((u) => u.kind === 'court')!;
  const judge = await api(page, 'evaluatees.create', {
    evaluatee: { name: '温知远', category: '员额法官', unitId: court.id, position: '审判员', postKey: `${court.id}/员额e2e`, appointmentDate: `${year - 1}-03-01` },
  });

  await openPlan(page);
  await expect(page.getByTestId('plan-covered')).toHaveText('81');
  await expect(page.getByTestId('plan-uncovered')).toHaveText('1');
  const table = page.getByTestId('plan-table');
  const row = table.getByRole('row', { name: /温知远/ });
  await expect(row.getByText('未覆盖')).toBeVisible();
  // Appointed last year: the years before are not his to be planned in.
  await expect(page.getByRole('button', { name: `将温知远列入${year - 2}年评议计划` })).toHaveCount(0);

  await page.getByRole('button', { name: `将温知远列入${year}年评议计划` }).click();
  const dialog = page.getByRole('dialog', { name: '列入年度评议计划' });
  // Judges are heard on written reports by default.
  await expect(dialog.getByRole('radio', { name: '书面报告' })).toBeChecked();
  await dialog.getByRole('button', { name: '列入计划' }).click();
  await expect(dialog).toBeHidden();

  const cell = page.getByRole('button', { name: `温知远 ${year}年 已列入计划 书面报告，移出计划` });
  await expect(cell).toBeVisible();
  await expect(row.getByText('已覆盖')).toBeVisible();
  await expect(page.getByTestId('plan-covered')).toHaveText('82');
  await expect(page.getByTestId('plan-uncovered')).toHaveText('0');
  const planned = await api(page, 'plan.get', {});
  expect(planned.rows.find((r) => r.evaluateeId === judge.id)?.cells[planned.years.indexOf(year)]).toMatchObject({ stage: 'planned', mode: 'written' });
  expect(planned.counts.plannedPerYear[planned.years.indexOf(year)]).toBe(12);
  await expect(table.getByRole('columnheader', { name: new RegExp(`^${year}年 计划12项`) })).toBeVisible();

  await cell.click();
  const confirm = page.getByRole('dialog', { name: '移出评议计划' });
  await confirm.getByRole('button', { name: '移出计划' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('button', { name: `将温知远列入${year}年评议计划` })).toBeVisible();
  await expect(page.getByTestId('plan-uncovered')).toHaveText('1');
  const removed = await api(page, 'plan.get', {});
  expect(removed.rows.find((r) => r.evaluateeId === judge.id)?.status).toBe('uncovered');
});

test('a post changing hands: the successor is flagged, located and planned', async ({ page }) => {
  await page.goto(host.urls.desk);
  const before = await api(page, 'plan.get', {});
  // A head evaluated in an earlier year hands over the post this year.
  const head = before.rows.find((r) => r.category === '政府组成部门负责人' && r.cells[0] !== null)!;
  const { successor } = await api(page, 'evaluatees.succeed', { id: head.evaluateeId, date: `${year}-03-01`, successor: { name: '欧阳明远' } });

  await openPlan(page);
  const conflicts = page.getByRole('list', { name: '计划冲突' });
  await expect(conflicts.getByText(/欧阳明远尚未列入评议计划/)).toBeVisible();
  await expect(page.getByTestId('plan-uncovered')).toHaveText('1');
  // The predecessor stays on record, dimmed, with the date he left.
  await expect(page.getByTestId('plan-table').getByRole('row', { name: new RegExp(`${head.name}.*${year}年3月1日离任`) })).toBeVisible();

  await conflicts.getByRole('button', { name: '定位' }).click();
  await expect(page.locator(`#plan-row-${successor.id}`)).toHaveClass(/highlight/);
  await expect(page.locator(`#plan-row-${successor.id}`)).toBeInViewport();

  await page.getByRole('button', { name: `将欧阳明远列入${year}年评议计划` }).click();
  const dialog = page.getByRole('dialog', { name: '列入年度评议计划' });
  await expect(dialog.getByRole('radio', { name: '到会汇报' })).toBeChecked();
  await dialog.getByRole('button', { name: '列入计划' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: '计划冲突' })).toBeHidden();
  await expect(page.getByTestId('plan-uncovered')).toHaveText('0');
});

test("the service's refusal shows in the dialog, and filters find people", async ({ page }) => {
  await page.goto(host.urls.desk);
  const units = await api(page, 'units.list', {});
  const unit = units.find((u) => u.kind === 'government')!;
  const deputy = await api(page, 'evaluatees.create', {
    evaluatee: { name: '司马清和', category: '其他', unitId: unit.id, position: '副局长', postKey: `${unit.id}/副局长`, appointmentDate: `${year - 2}-06-01` },
  });

  await openPlan(page);
  await page.getByRole('searchbox', { name: '搜索姓名或单位' }).fill('司马');
  await expect(page.getByRole('status').filter({ hasText: '显示1人' })).toBeVisible();
  await page.getByRole('searchbox', { name: '搜索姓名或单位' }).fill('');
  await page.getByRole('combobox', { name: '覆盖情况' }).selectOption('uncovered');
  await expect(page.getByTestId('plan-table').getByRole('row', { name: /司马清和/ })).toBeVisible();
  await expect(page.getByTestId('plan-table').locator('tbody tr:not(.group)')).toHaveCount(1);

  // Someone else plans him for another year while the dialog is open: the service refuses.
  await page.getByRole('button', { name: `将司马清和列入${year}年评议计划` }).click();
  const dialog = page.getByRole('dialog', { name: '列入年度评议计划' });
  await api(page, 'plan.add', { evaluateeId: deputy.id, year: year - 1, mode: 'report' });
  await dialog.getByRole('button', { name: '列入计划' }).click();
  await expect(dialog.getByRole('alert')).toContainText(`已列入${year - 1}年计划`);
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.getByRole('combobox', { name: '覆盖情况' }).selectOption('all');
  await expect(page.getByRole('button', { name: `司马清和 ${year - 1}年 已列入计划 到会汇报，移出计划` })).toBeVisible();

  // The benchmark's mark was set once for this visit.
  expect(await page.evaluate(() => performance.getEntriesByName('plan-rendered').length)).toBe(1);
});
