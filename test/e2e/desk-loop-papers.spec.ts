import type { Download, Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { readFile } from 'node:fs/promises';
import { api, expect, host, test } from './support/fixtures';
import { addDays } from '../../shared/format/dates';
import { announceThisYearsVote, deliveredCase, hostToday, LOOP_DAY, openCase } from './support/loop-cases';

test.use({ apiRole: 'desk', hostToday: LOOP_DAY });

/**
 * The closed loop's papers from the 跟踪整改 case screen (browser mode): a 督办函 for an overdue
 * 整改情况报告, numbered in the 函 series and then listed as sent; the 回头看调研报告 (disabled with
 * its reason until a 回头看 is recorded) and the 整改台账. Each download is opened as the .docx zip
 * it must be and its text checked. Screenshots go to /tmp/loopui2-*.png.
 */

/**
 * This year's demo meeting moved to 15 January, so that an opinion delivered after it is long
 * past its report deadline on the host's day (LOOP_DAY, early December).
 */
async function meetingInJanuary(page: Page): Promise<void> {
  const year = (await hostToday(page)).slice(0, 4);
  const meeting = (await api(page, 'meetings.list', {})).find((m) => m.date.startsWith(String(year)) && m.status !== 'closed')!;
  const detail = await api(page, 'meetings.get', { id: meeting.id });
  await api(page, 'meetings.update', { meeting: { ...detail.meeting, date: `${year}-01-15` } });
}

/** The body text of a downloaded .docx: it must be a zip holding word/document.xml (tags and word joiners dropped). */
async function docxText(download: Download): Promise<string> {
  const bytes = new Uint8Array(await readFile((await download.path())!));
  expect(strFromU8(bytes.subarray(0, 2))).toBe('PK');
  const files = unzipSync(bytes);
  expect(Object.keys(files)).toContain('word/document.xml');
  return strFromU8(files['word/document.xml']!)
    .replace(/<[^>]+>/g, '')
    .replaceAll('\u2060', '');
}

test('an overdue 整改情况报告 gets a numbered 督办函, then listed as sent', async ({ page }) => {
  await page.goto(host.urls.desk);
  await meetingInJanuary(page);
  const voted = await announceThisYearsVote(page);
  const c = await deliveredCase(page, 0, voted);
  await openCase(page, c);
  const year = (await hostToday(page)).slice(0, 4);

  // The header counts the days from the service's day.
  const header = page.getByRole('region', { name: '办理情况' });
  await expect(header.locator('.loop-deadline').filter({ hasText: '整改情况报告' })).toContainText(/已逾期\d+天/);

  await header.getByRole('button', { name: '督办函…' }).click();
  const dialog = page.getByRole('dialog', { name: '督办函' });
  await expect(dialog).toContainText(/整改情况报告应于.+前报送，已逾期\d+天/);
  const number = dialog.getByLabel('发文字号');
  await expect(number).toHaveValue(new RegExp(`^.人常函〔${year}〕\\d+号$`));
  const docNumber = await number.inputValue();
  await expect(dialog.getByLabel('成文日期')).not.toHaveValue('');
  await expect(dialog.getByLabel('报送期限')).not.toHaveValue('');
  await page.screenshot({ path: '/tmp/loopui2-letter-dialog.png', fullPage: false });

  // A number outside the 函 series is refused in Chinese and nothing is downloaded.
  await number.fill(docNumber.replace('函', ''));
  await dialog.getByRole('button', { name: '导出督办函' }).click();
  await expect(dialog.getByRole('alert')).toContainText('督办函以函的形式发出');
  await number.fill(docNumber);

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出督办函' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.docx$/);
  await expect(dialog).toBeHidden();
  const text = await docxText(file);
  expect(text).toContain(docNumber);
  expect(text).toContain(`关于督促报送${c.name}同志评议意见整改情况报告的函`);

  // Listed as sent; a second letter is offered the next number of the series.
  await expect(header.getByRole('list', { name: '已发督办函' })).toContainText(docNumber);
  await page.screenshot({ path: '/tmp/loopui2-letter-sent.png', fullPage: false });
  await header.getByRole('button', { name: '督办函…' }).click();
  const again = page.getByRole('dialog', { name: '督办函' });
  await expect(again.getByRole('list', { name: '已发督办函' })).toContainText(docNumber);
  await expect(again.getByLabel('发文字号')).not.toHaveValue(docNumber);
  await again.getByRole('button', { name: '取消' }).click();
  await expect(again).toBeHidden();
});

test('the 回头看调研报告 waits for a 回头看 record; it and the 整改台账 are exported as Word files', async ({ page }) => {
  const c = await deliveredCase(page, 1);
  await openCase(page, c);

  // The ledger gets its first entry (typed on its card), then prints.
  const card = page.getByRole('article', { name: '第1项整改台账' });
  await card.getByLabel('第1项整改措施').fill('开展作风建设专项整治，建立月度督查通报制度。');
  await card.getByLabel('第1项整改措施').blur();
  await expect(card.getByRole('status', { name: '第1项保存状态' })).toContainText('已保存');
  const ledgerPanel = page.locator('section', { has: page.getByRole('heading', { name: '整改台账', level: 2 }) });
  const ledgerButton = ledgerPanel.getByRole('button', { name: '导出整改台账' });
  await expect(ledgerButton).toBeEnabled();
  const ledgerDownload = page.waitForEvent('download');
  await ledgerButton.click();
  const ledgerText = await docxText(await ledgerDownload);
  expect(ledgerText).toContain(`${c.name}同志评议意见整改台账`);
  expect(ledgerText).toContain('开展作风建设专项整治');
  await page.getByRole('heading', { name: '整改台账', level: 2 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/loopui2-ledger.png', fullPage: false });

  // No 回头看 yet: the report's button is disabled with the reason beside it.
  const followUp = page.locator('section', { has: page.getByRole('heading', { name: '回头看（问效调研）' }) });
  const reportButton = followUp.getByRole('button', { name: '导出回头看调研报告' });
  await expect(reportButton).toBeDisabled();
  await expect(followUp).toContainText('还没有回头看记录');
  await followUp.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/loopui2-followup-blocked.png', fullPage: false });

  await followUp.getByRole('button', { name: '开始回头看' }).click();
  const start = page.getByRole('dialog', { name: '开始回头看' });
  await start.getByLabel('开始日期').fill(addDays(c.deliveredOn, 25));
  await start.getByLabel('结束日期').fill(addDays(c.deliveredOn, 27));
  await start.getByRole('button', { name: '开始' }).click();
  await expect(start).toBeHidden();
  await expect(reportButton).toBeEnabled();
  await expect(followUp).not.toContainText('还没有回头看记录');
  const reportDownload = page.waitForEvent('download');
  await reportButton.click();
  const reportText = await docxText(await reportDownload);
  expect(reportText).toContain(`关于${c.name}同志落实评议意见情况的回头看调研报告`);
  await followUp.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/loopui2-followup.png', fullPage: false });
  await page.screenshot({ path: '/tmp/loopui2-case.png', fullPage: true });
});

test('a recorded 质询案 and the 结果运用登记表 (of the case and of the year) are exported', async ({ page }) => {
  const c = await deliveredCase(page, 2);
  const which = { year: c.year, evaluationId: c.evaluationId };
  const proposers = (await api(page, 'members.list', {}))
    .filter((m) => m.active)
    .slice(0, 3)
    .map((m) => ({ memberId: m.id, name: m.name }));
  const step = {
    kind: 'interpellation' as const,
    proposedOn: addDays(c.deliveredOn, 10),
    proposers,
    object: '县交通运输局',
    questions: '整改措施为何未落实到位？',
    reasons: '群众反映问题未解决。',
  };
  await api(page, 'loop.escalation.save', { ...which, step, confirm: true });
  await openCase(page, c);

  const card = page.getByRole('article', { name: '质询案' });
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: '导出质询案' }).click();
  const text = await docxText(await download);
  expect(text).toContain('关于对县交通运输局的质询案');
  for (const p of proposers) expect(text).toContain(p.name);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/loopui2-interpellation.png', fullPage: false });

  // The case's register, printed empty until something is recorded.
  const uses = page.locator('section', { has: page.getByRole('heading', { name: '结果运用', level: 2 }) });
  const caseDownload = page.waitForEvent('download');
  await uses.getByRole('button', { name: '导出结果运用登记表' }).click();
  expect(await docxText(await caseDownload)).toContain(`${c.name}同志评议结果运用登记表`);

  // The year's register from the list.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '跟踪整改' }).click();
  const yearDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: `导出${c.year}年度结果运用登记表` }).click();
  expect(await docxText(await yearDownload)).toContain(`${c.year}年度评议结果运用登记表`);
});
