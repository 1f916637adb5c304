import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { api, expect, host, test } from './support/fixtures';
import { addDays } from '../../shared/format/dates';
import { docxParts, runs } from '../unit/opinions/docx-structure';
import { finishedContent } from '../unit/opinions/fixtures';

test.use({ apiRole: 'desk' });

/**
 * 设置 → 公文格式: the font profile, the red header's size and the red line are kept across a reload, the
 * sample shows them, and an opinion exported afterwards carries them. Screenshot: artifacts/settings/.
 */

const OUT = 'artifacts/settings';
test.beforeEach(() => {
  mkdirSync(OUT, { recursive: true });
});

async function openSettings(page: Page) {
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await expect(page.getByLabel('机关简称')).toHaveValue(/.+/);
}

const section = (page: Page) => page.getByRole('region', { name: '公文格式' });
const saveState = (page: Page) => page.getByRole('status', { name: '设置保存状态' });

test('the font profile, header size and red line are kept, shown in the sample and used by the export', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openSettings(page);
  const docs = section(page);
  await expect(docs.getByRole('radio', { name: /公文标准字体（仿宋_GB2312、方正小标宋简体、楷体_GB2312、黑体）/ })).toBeChecked();
  const size = docs.getByLabel('发文机关标志字号', { exact: true });
  const sample = docs.getByTestId('sample-header');
  // Automatic: the demo county's 16-character header at 36 pt, squeezed to about 150 mm.
  await expect(size).toBeDisabled();
  await expect(size).toHaveValue('36');
  await expect(docs.getByRole('figure', { name: '版头效果示例' })).toContainText('36磅，缩放74%，宽约150毫米');
  await expect(sample).toContainText('青岚县人民代表大会常务委员会文件');

  // A choice is saved at once.
  await docs.getByRole('radio', { name: /Windows 自带字体（仿宋、宋体、楷体、黑体）/ }).check();
  await expect.poll(async () => (await api(page, 'settings.get', {})).documents.fontProfile).toBe('windows');

  // The header size: off 自动, then a size of its own, typed and autosaved.
  await docs.getByRole('checkbox', { name: '发文机关标志字号自动' }).uncheck();
  await expect(size).toBeEnabled();
  await size.fill('40');
  await expect(saveState(page)).toHaveText(/^已保存 \d{2}:\d{2}:\d{2}$/);
  await expect.poll(async () => (await api(page, 'settings.get', {})).documents.organHeader.sizePt).toBe(40);
  await expect(sample).toHaveCSS('font-size', /^53\.3/); // 40 pt in CSS pixels
  await expect(docs.getByRole('figure', { name: '版头效果示例' })).toContainText('40磅，缩放66%');

  // The red line in 磅, stored in eighths; a value out of range is refused by its field, in Chinese.
  const line = docs.getByLabel('红色分隔线粗细');
  await expect(line).toHaveValue('1.5');
  await line.fill('8');
  await expect(docs.getByRole('alert').filter({ hasText: '红色分隔线粗细不能大于6磅' })).toBeVisible();
  await expect(saveState(page)).toContainText('未保存：');
  await line.fill('');
  await expect(docs.getByRole('alert').filter({ hasText: '红色分隔线粗细不能为空' })).toBeVisible();
  await line.fill('2');
  await line.blur();
  await expect(saveState(page)).toContainText('已保存');
  await expect.poll(async () => (await api(page, 'settings.get', {})).documents.redLineSize).toBe(16);
  await expect(docs.getByTestId('sample-red-line')).toHaveCSS('height', /^2\.6/); // 2 pt

  // A header text of its own; blank again means the full name with 文件.
  const text = docs.getByLabel('发文机关标志', { exact: true });
  await text.fill('青岚县人大常委会文件');
  await expect(sample).toHaveText('青岚县人大常委会文件');
  await expect(saveState(page)).toHaveText(/^已保存/);
  await expect.poll(async () => (await api(page, 'settings.get', {})).documents.organHeader.text).toBe('青岚县人大常委会文件');
  await docs.screenshot({ path: `${OUT}/document-format.png` });
  await text.fill('');
  await text.blur();
  await expect(sample).toHaveText('青岚县人民代表大会常务委员会文件');
  await expect.poll(async () => (await api(page, 'settings.get', {})).documents.organHeader.text).toBeNull();

  await page.reload();
  await expect(page.getByLabel('机关简称')).toHaveValue(/.+/);
  await expect(section(page).getByRole('radio', { name: /Windows 自带字体/ })).toBeChecked();
  await expect(section(page).getByLabel('发文机关标志字号', { exact: true })).toHaveValue('40');
  await expect(section(page).getByRole('checkbox', { name: '发文机关标志字号自动' })).not.toBeChecked();
  await expect(section(page).getByRole('checkbox', { name: '字符缩放（水平）自动' })).toBeChecked();
  await expect(section(page).getByLabel('红色分隔线粗细')).toHaveValue('2');

  // An opinion taken through the workflow and exported now prints with them.
  const row = (await api(page, 'opinions.list', {})).rows[0]!;
  const which = { year: row.year, evaluationId: row.evaluationId };
  await api(page, 'opinions.create', which);
  await api(page, 'opinions.saveDraft', { ...which, versionNo: 1, content: finishedContent(row.name) });
  const approved = await api(page, 'opinions.approve', { ...which, versionNo: 1, council: { date: addDays(row.meetingDate!, 2), sitting: 30 } });
  await api(page, 'opinions.issue', { ...which, versionNo: 1, issue: { docNumber: approved.suggestedNumber, issueDate: addDays(row.meetingDate!, 3) } });

  // The editor's A4 preview shows the header at its size, in the Windows fonts.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '评议意见' }).click();
  await page.getByRole('link', { name: row.name, exact: true }).click();
  const preview = page.getByRole('complementary', { name: 'A4预览' });
  await expect(preview.locator('.a4-preview')).toHaveAttribute('data-font-profile', 'windows');
  await expect(preview.getByTestId('a4-header').first()).toHaveCSS('font-size', /^53\.3/);

  const delivery = await api(page, 'opinions.export', which);
  if (delivery.kind !== 'download') throw new Error(`expected a download in browser mode, got ${delivery.kind}`);
  const res = await page.request.get(`${host.origin}${delivery.url}`);
  expect(res.ok()).toBe(true);
  const { document } = docxParts(new Uint8Array(await res.body()));
  const fonts = new Set([...document.matchAll(/<w:rFonts [^>]*w:eastAsia="([^"]+)"/g)].map((m) => m[1]));
  expect([...fonts].sort()).toEqual(['仿宋', '宋体', '楷体', '黑体'].sort());
  const header = runs(document).find((r) => r.text === '青岚县人民代表大会常务委员会文件');
  expect(header?.props).toMatch(/<w:sz w:val="80"\/>/);
  expect(header?.props).toMatch(/<w:w w:val="66"\/>/);
  const redLines = [...document.matchAll(/<w:bottom ([^>]*)\/>/g)].map((m) => m[1]!).filter((a) => a.includes('w:color="FF0000"'));
  expect(redLines).toHaveLength(1);
  expect(redLines[0]).toContain('w:sz="16"');
});
