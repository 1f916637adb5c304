import type { Download } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { api, expect, host, test } from './support/fixtures';

/**
 * 统计 on the demo county (term 2022–2026, seeded on 7 December 2026): 截至2024年 the published figures, each beside
 * its definition; 整改率 opens the items it was computed from; the 年度工作评议情况报告 exported and opened as the
 * .docx it must be. Screenshots go to /tmp/stats-*.png.
 */
test.use({ apiRole: 'desk', hostToday: '2026-12-07' });

async function docxParts(download: Download): Promise<{ text: string; files: string[] }> {
  const bytes = new Uint8Array(await readFile((await download.path())!));
  expect(strFromU8(bytes.subarray(0, 2))).toBe('PK');
  const files = unzipSync(bytes);
  expect(Object.keys(files)).toContain('word/document.xml');
  const text = strFromU8(files['word/document.xml']!)
    .replace(/<[^>]+>/g, '')
    .replaceAll('\u2060', '');
  return { text, files: Object.keys(files) };
}

test('截至2024年 shows the published figures with their definitions; 整改率 drills down to the items', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${host.urls.desk}#/stats`);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '统计' }).click();
  await page.getByLabel('统计范围').selectOption({ label: '截至某年（本届累计）' });
  await page.getByLabel('年度', { exact: true }).selectOption({ label: '2024年' });
  const panel = page.getByRole('region', { name: '截至2024年统计' });
  await expect(panel.getByRole('heading', { name: '截至2024年' })).toBeVisible();
  const value = (label: string) => panel.locator('tr', { has: page.getByRole('rowheader', { name: label, exact: true }) }).locator('.stats-value');
  await expect(value('听取政府组成部门负责人到会汇报')).toHaveText('15人');
  await expect(value('听取员额法官、员额检察官到会汇报')).toHaveText('5人');
  await expect(value('送达意见建议条目')).toHaveText('32条');
  await expect(value('整改率')).toHaveText('100.0%');
  await expect(value('满意率')).toHaveText('97.0%');
  // Each figure beside its definition; 满意率's follows the formula in the settings.
  const rateRow = panel.locator('tr', { has: page.getByRole('rowheader', { name: '满意率', exact: true }) });
  await expect(rateRow).toContainText('（满意票＋基本满意票）÷有效票');
  await expect(panel.locator('tr', { has: page.getByRole('rowheader', { name: '整改率', exact: true }) })).toContainText('整改率＝台账状态为“已完成”');
  await expect(page.getByRole('region', { name: '统计图表' }).locator('canvas')).toHaveCount(3);
  await page.getByRole('region', { name: '统计图表' }).screenshot({ path: '/tmp/stats-charts.png' });
  await page.screenshot({ path: '/tmp/stats-screen.png', fullPage: true });

  await value('整改率').click();
  const records = page.getByRole('region', { name: '整改率的依据' });
  await expect(records).toContainText('共32条记录');
  await expect(records.getByRole('row')).toHaveCount(33);
  await expect(records.getByRole('row').nth(1)).toContainText(/第1项（(已完成|需长期坚持)/);
  await page.screenshot({ path: '/tmp/stats-drill.png', fullPage: true });

  // A year with nothing counted yet: — and why, never 0% or NaN.
  await page.getByLabel('统计范围').selectOption({ label: '按年度' });
  await page.getByLabel('年度', { exact: true }).selectOption({ label: '2026年' });
  const year = page.getByRole('region', { name: '2026年统计' });
  const rate2026 = year.locator('tr', { has: page.getByRole('rowheader', { name: '满意率', exact: true }) });
  await expect(rate2026.locator('.stats-value')).toHaveText('—');
  await expect(rate2026).toContainText('所选期间没有已公布的民主测评结果');
  await expect(year).not.toContainText('NaN');

  // A definition changed in the settings recomputes at once.
  const settings = await api(page, 'settings.get', {});
  await api(page, 'settings.update', { settings: { ...settings, votes: { ...settings.votes, rateFormula: 'satisfied' } } });
  await page.getByLabel('统计范围').selectOption({ label: '截至某年（本届累计）' });
  await page.getByLabel('年度', { exact: true }).selectOption({ label: '2024年' });
  await expect(value('满意率')).not.toHaveText('97.0%');
  await expect(panel.locator('tr', { has: page.getByRole('rowheader', { name: '满意率', exact: true }) })).toContainText('满意票÷有效票');
});

test('the 2024 annual report is exported from the statistics screen with its figures, charts and quoted items', async ({ page }) => {
  await page.goto(`${host.urls.desk}#/stats`);
  await page.getByLabel('年度', { exact: true }).selectOption({ label: '2024年' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出2024年度工作评议情况报告' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('2024年度工作评议情况报告.docx');
  const { text, files } = await docxParts(file);
  expect(text).toContain('关于2024年度工作评议情况的报告');
  for (const section of ['一、基本情况', '二、评议对象和测评结果', '三、意见建议及整改情况', '四、统计图表', '五、指标口径']) expect(text).toContain(section);
  expect(text).toContain('截至2024年（本届2022—2024年）');
  expect(text).toContain('听取政府组成部门负责人到会汇报15人');
  expect(text).toContain('送达意见建议条目32条');
  expect(text).toContain('整改率100.0%');
  expect(text).toContain('满意率97.0%');
  expect(text).toContain('图1　本届评议覆盖情况（累计）');
  expect(text).toContain('图3　整改率和满意率（按年度）');
  expect(text).toMatch(/（一）.+（青人常〔2024〕\d+号）：“/);
  expect(files.filter((f) => f.startsWith('word/media/'))).toHaveLength(3);
});
