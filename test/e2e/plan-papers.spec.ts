import type { Download, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { api, expect, host, test } from './support/fixtures';

test.use({ apiRole: 'desk' });

/**
 * The plan's papers from the plan page (browser mode): the five-year plan as a 请示 to the county committee under the
 * 上行文 organ and 机关代字 set in 设置 (签发人 on the number's line, 附注 under the date, the attachment table by year
 * and category), then the year's 评议工作公告: a period ending before it starts is refused naming the field, the
 * saved notice is offered as text to copy and exported as Word. Each download is opened as the .docx zip it must be.
 * Screenshots go to /tmp/plan-papers-*.png.
 */

interface Docx {
  /** Paragraph texts in order (table cells included). */
  paragraphs: string[];
  /** Table rows as cell texts. */
  rows: string[][];
  xml: string;
}

async function readDocx(download: Download): Promise<Docx> {
  const bytes = new Uint8Array(await readFile((await download.path())!));
  expect(strFromU8(bytes.subarray(0, 2))).toBe('PK');
  const files = unzipSync(bytes);
  expect(Object.keys(files)).toContain('word/document.xml');
  const xml = strFromU8(files['word/document.xml']!);
  const text = (x: string) => [...x.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replaceAll('\u2060', '');
  const paragraphs = (xml.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? []).map(text);
  const rows = (xml.match(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g) ?? []).map((tr) => (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(text));
  return { paragraphs, rows, xml };
}

async function openPlan(page: Page) {
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '五年计划' }).click();
  await expect(page.getByTestId('plan-table')).toBeVisible();
}

test('the plan page exports the 请示 to the county committee and the year’s public notice', async ({ page }) => {
  await page.goto(host.urls.desk);
  const settings = await api(page, 'settings.get', {});
  const organ = `中共${settings.organisation.fullName}党组`;
  await api(page, 'settings.update', { settings: { ...settings, upward: { organ, docPrefix: '青人常党', addressee: '' } } });
  const { term } = await api(page, 'plan.get', {});

  await openPlan(page);
  const papers = page.getByRole('region', { name: '计划文书' });
  await papers.scrollIntoViewIfNeeded();
  await papers.getByRole('button', { name: /请示…$/ }).click();
  const dialog = page.getByRole('dialog', { name: /请示$/ });
  await expect(dialog).toContainText(`以“${organ}”名义报县委`);
  const number = await dialog.getByLabel('发文字号').inputValue();
  expect(number).toMatch(/^青人常党〔\d{4}〕\d+号$/);
  // Without 签发人 nothing is exported: the refusal names the field.
  await dialog.getByLabel('联系人').fill('林晓');
  await dialog.getByLabel('联系电话').fill('0000-1234567');
  await dialog.getByRole('button', { name: '导出请示' }).click();
  await expect(dialog.getByRole('alert')).toContainText('签发人');
  await dialog.getByLabel('签发人').fill('周明远');
  await page.screenshot({ path: '/tmp/plan-papers-request-dialog.png' });
  const requestDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出请示' }).click();
  const requestFile = await requestDownload;
  expect(requestFile.suggestedFilename()).toMatch(/请示\.docx$/);
  await expect(dialog).toBeHidden();
  const request = await readDocx(requestFile);
  expect(request.paragraphs).toContain(`${organ}文件`);
  expect(request.paragraphs).toContain(`${number}签发人：周明远`);
  expect(request.paragraphs.find((p) => p.startsWith('关于') && p.endsWith('的请示'))).toMatch(/^关于县第.+届人大常委会任期内工作评议.年计划的请示$/);
  expect(request.paragraphs).toContain('县委：');
  expect(request.paragraphs).toContain('妥否，请批示。');
  // Signed by the organ, dated, the 附注 on the next line.
  const signed = request.paragraphs.indexOf(organ);
  expect(signed).toBeGreaterThan(0);
  expect(request.paragraphs[signed + 1]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  expect(request.paragraphs[signed + 2]).toBe('（联系人：林晓，电话：0000-1234567）');
  expect(request.paragraphs).toContain('附件');
  // The attachment table: every year of the term, by category, the header first.
  // (The 版记 is a table too, of two cells a row.)
  const table = request.rows.filter((r) => r.length === 5);
  expect(table[0]).toEqual(['序号', '年度', '类别', '姓名', '单位及职务']);
  const body = table.slice(1);
  const yearsInTable = [...new Set(body.map((r) => r[1]))];
  expect(yearsInTable).toEqual(Array.from({ length: term.endYear - term.startYear + 1 }, (_, i) => `${term.startYear + i}年`));
  const categories = ['政府组成部门负责人', '员额法官', '员额检察官', '其他'];
  for (const y of yearsInTable) {
    const ranks = body.filter((r) => r[1] === y && r[2] !== '—').map((r) => categories.indexOf(r[2]!));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks.every((k) => k >= 0)).toBe(true);
  }
  await expect(papers.getByLabel('已报请示')).toContainText(`已报请示 ${number}`);

  // The notice of the year shown: a period that ends before it starts is refused, naming the field.
  const year = Number(await papers.getByLabel('文书年度').inputValue());
  const form = page.getByRole('form', { name: `${year}年度评议工作公告` });
  await form.getByLabel(/意见反映渠道/).fill('电话：0000-1234567\n电子邮箱：rd@example.invalid');
  await form.getByLabel('征求意见开始日期').fill(`${year}-09-01`);
  await form.getByLabel('征求意见截止日期').fill(`${year}-08-31`);
  await form.getByLabel('征求意见截止日期').blur();
  // Saved like all free text (no save button): the refused period stays as typed with its message.
  await expect(form.getByRole('button', { name: /保存/ })).toHaveCount(0);
  await expect(form.getByRole('alert').first()).toContainText('征求意见截止日期不能早于开始日期');
  await expect(form.getByLabel('征求意见截止日期')).toHaveValue(`${year}年8月31日`);
  await form.getByLabel('征求意见开始日期').fill(`${year}-08-01`);
  await form.getByLabel('征求意见开始日期').blur();
  await expect(form.getByRole('status', { name: '公告内容保存状态' })).toHaveText(/^已保存 \d{2}:\d{2}:\d{2}$/);
  const text = form.getByLabel('公告文本（粘贴到网站发布）');
  await expect(text).toHaveValue(new RegExp(`关于开展${year}年度工作评议征求意见的公告`));
  await expect(text).toHaveValue(new RegExp(`征求意见时间：${year}年8月1日至${year}年8月31日。`));
  await form.getByRole('button', { name: '复制文本' }).click();
  await expect(form.getByRole('status').filter({ hasText: /已复制|已选中/ })).toBeVisible();
  await page.screenshot({ path: '/tmp/plan-papers-notice.png', fullPage: true });

  // Stored: the page read again shows it.
  await page.reload();
  await expect(page.getByRole('form', { name: `${year}年度评议工作公告` }).getByLabel('征求意见截止日期')).toHaveValue(`${year}年8月31日`);

  const noticeDownload = page.waitForEvent('download');
  await page.getByRole('form', { name: `${year}年度评议工作公告` }).getByRole('button', { name: '导出公告（Word）' }).click();
  const notice = await readDocx(await noticeDownload);
  expect(notice.paragraphs).toContain(`${settings.organisation.fullName}关于开展${year}年度工作评议征求意见的公告`);
  expect(notice.paragraphs).toContain(`征求意见时间：${year}年8月1日至${year}年8月31日。`);
  expect(notice.paragraphs).toContain('电子邮箱：rd@example.invalid');
  expect(notice.paragraphs).toContain('特此公告。');
  expect(notice.paragraphs.filter((p) => /^\d+\. /.test(p)).length).toBeGreaterThan(0);
});

test('switching the year shows the new year’s notice only once it has arrived, never the previous year’s', async ({ page }) => {
  await page.goto(host.urls.desk);
  const { term } = await api(page, 'plan.get', {});
  const [first, second] = [term.startYear, term.startYear + 1];
  await api(page, 'planPapers.saveNotice', { year: first, notice: { channels: '电话：0000-1111111', from: `${first}-09-01`, to: `${first}-09-30` } });
  await openPlan(page);
  const papers = page.getByRole('region', { name: '计划文书' });
  await papers.getByLabel('文书年度').selectOption(String(first));
  await expect(page.getByRole('form', { name: `${first}年度评议工作公告` }).getByLabel(/意见反映渠道/)).toHaveValue('电话：0000-1111111');

  // The second year's answer is held back until the test lets it through.
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let heldSent!: () => void;
  const sent = new Promise<void>((r) => (heldSent = r));
  await page.route('**/api/planPapers.view', async (route) => {
    if ((route.request().postDataJSON() as { year?: number }).year !== second) return route.continue();
    const response = await route.fetch();
    heldSent();
    await released;
    await route.fulfill({ response });
  });
  await papers.getByLabel('文书年度').selectOption(String(second));
  await sent;
  // Meanwhile: reading, and no form carrying the first year's channels under the second year.
  await expect(papers.getByText('正在读取…')).toBeVisible();
  await expect(page.getByRole('form', { name: `${second}年度评议工作公告` })).toHaveCount(0);
  await expect(page.getByRole('form', { name: `${first}年度评议工作公告` })).toHaveCount(0);
  release();
  const form = page.getByRole('form', { name: `${second}年度评议工作公告` });
  await expect(form.getByLabel(/意见反映渠道/)).toHaveValue('');
  // Nothing of the first year's was saved under the second.
  expect((await api(page, 'planPapers.view', { year: second })).notice).toBeNull();
});
