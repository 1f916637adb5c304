import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { api, expect, host, openThisYearsMeeting, test } from './support/fixtures';
import { HELP_PAGES, helpImages } from '../../renderer/src/desk/help/pages';
import { CONSOLE_KEYS, QUESTIONING_KEYS } from '../../shared/live/console-keys';

/**
 * 帮助: the screenshots its pages show are taken here, from the real screens on the demo county,
 * into renderer/src/desk/help/images/ (committed, so the next build ships them; each run rewrites
 * them, so they never show an old screen). Then the pages open on the desk with every picture
 * loaded, the 会议当天操作卡 exports from its page as one A4 page, F1 opens the key sheet on the
 * console, and the hall shows nothing of it.
 */

const IMAGES = resolve('renderer/src/desk/help/images');
const run = promisify(execFile);

test.beforeAll(() => {
  mkdirSync(IMAGES, { recursive: true });
});

/** A region of the screen, at most `maxHeight` pixels tall, as the help page shows it. */
async function shot(page: Page, region: Locator, file: string, maxHeight = 560, mask: Locator[] = []): Promise<void> {
  // Whole in view when it fits (clear of a sticky bar above it), else its top at the top of its scroller.
  await region.evaluate((el) => el.scrollIntoView({ block: el.getBoundingClientRect().height < window.innerHeight - 120 ? 'center' : 'start' }));
  const box = (await region.boundingBox())!;
  const viewport = page.viewportSize()!;
  const height = Math.min(box.height, maxHeight, viewport.height - box.y);
  await page.screenshot({ path: join(IMAGES, file), clip: { x: box.x, y: box.y, width: Math.min(box.width, viewport.width - box.x), height }, animations: 'disabled', caret: 'hide', mask, maskColor: '#f3f4f6' });
}

function has(command: string): boolean {
  return ['/usr/bin', '/usr/local/bin', '/bin'].some((dir) => existsSync(join(dir, command)));
}

test('the desk screens of the guide, its pages with their pictures, and the 操作卡 on one page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1300 });
  await page.goto(host.urls.desk);
  const year = new Date().getFullYear();

  // 准备会议 and 导入导出: this year's meeting page.
  const meeting = (await api(page, 'meetings.list', {}, 'desk')).find((m) => m.date.startsWith(String(year)))!;
  await page.goto(`${host.urls.desk}#/meetings/${meeting.id}`);
  const agenda = page.locator('section[aria-labelledby="mt-agenda-title"]');
  await expect(agenda.getByRole('row').nth(1)).toBeVisible();
  await shot(page, agenda, 'prepare-agenda.png');
  const prep = page.locator('section[aria-labelledby="vote-prep-title"]');
  await expect(prep.getByRole('heading', { name: '民主测评准备' })).toBeVisible();
  await shot(page, prep, 'prepare-vote.png');
  const docs = page.locator('section[aria-labelledby="md-title"]');
  await expect(docs.getByRole('heading', { name: '会议文件' })).toBeVisible();
  await shot(page, docs, 'meeting-documents.png');

  // 评议意见: an earlier year's opinion, delivered.
  const opinions = await api(page, 'opinions.list', { year: year - 1 }, 'desk');
  const delivered = opinions.rows.find((r) => r.status === 'delivered')!;
  await page.goto(`${host.urls.desk}#/opinions/${delivered.year}/${delivered.evaluationId}`);
  const flow = page.getByRole('region', { name: '办理流程' });
  await expect(flow).toBeVisible();
  const main = page.locator('.desk-main');
  const top = (await main.boundingBox())!;
  const bottom = (await flow.boundingBox())!;
  await page.screenshot({ path: join(IMAGES, 'opinion-workflow.png'), clip: { x: top.x, y: top.y, width: top.width, height: bottom.y + bottom.height + 12 - top.y }, animations: 'disabled', caret: 'hide' });

  // 整改跟踪: the list, and a case of an earlier year with its ledger.
  await page.goto(`${host.urls.desk}#/loop`);
  const list = page.getByRole('table', { name: '跟踪整改列表' });
  await expect(list.getByRole('row').nth(1)).toBeVisible();
  await shot(page, main, 'loop-list.png', 520);
  const cases = await api(page, 'loop.cases', { year: year - 2 }, 'desk');
  const withLedger = cases.find((c) => c.name === delivered.name) ?? cases[0]!;
  await page.goto(`${host.urls.desk}#/loop/${withLedger.year}/${withLedger.evaluationId}`);
  const ledger = page.locator('section[aria-labelledby="loop-ledger-title"]');
  await expect(ledger.getByRole('article').first()).toBeVisible();
  await shot(page, ledger.getByRole('article').first(), 'loop-case.png', 560);

  // 备份与恢复: 设置's backups.
  await page.goto(`${host.urls.desk}#/settings`);
  const backups = page.locator('section[aria-labelledby="backup-title"]');
  await expect(backups.getByRole('table', { name: '备份列表' }).getByRole('row').nth(1)).toBeVisible();
  // The times are this run's: masked, so the picture changes only when the screen does.
  await shot(page, backups, 'settings-backup.png', 360, [backups.locator('tbody td:first-child')]);

  // Every picture a page names is on disk (this run wrote the desk's; the console's test writes its own).
  for (const file of helpImages()) {
    expect(existsSync(join(IMAGES, file)), `${file} exists`).toBe(true);
    expect(statSync(join(IMAGES, file)).size, `${file} is small`).toBeLessThan(250 * 1024);
  }

  // 帮助 from the navigation: every page opens, with every picture it names loaded.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '帮助' }).click();
  await expect(page.getByRole('heading', { name: '帮助', level: 1 })).toBeVisible();
  for (const p of HELP_PAGES) {
    await page.getByRole('navigation', { name: '帮助目录' }).getByRole('link', { name: p.title }).click();
    const article = page.getByRole('article', { name: p.title });
    await expect(article.getByRole('heading', { name: p.title, level: 2 })).toBeVisible();
    const files = p.blocks.flatMap((b) => (b.kind === 'image' ? [b.file] : []));
    const images = article.locator('img');
    await expect(images).toHaveCount(files.length);
    for (const [i, file] of files.entries()) {
      await expect(images.nth(i)).toHaveAttribute('data-file', file);
      await images.nth(i).scrollIntoViewIfNeeded();
      await expect.poll(() => images.nth(i).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { message: `${file} loads` }).toBe(true);
    }
  }
  await page.screenshot({ path: 'test-results/help-page.png' });

  // The 会议当天 page lists the console's keys and exports the 操作卡.
  await page.getByRole('navigation', { name: '帮助目录' }).getByRole('link', { name: '会议当天' }).click();
  const day = page.getByRole('article', { name: '会议当天' });
  await page.screenshot({ path: 'test-results/help-meeting-day.png' });
  for (const k of CONSOLE_KEYS) await expect(day.getByRole('region', { name: '议程、计时与大屏' })).toContainText(k.label);
  const download = page.waitForEvent('download');
  await day.getByRole('button', { name: '导出会议当天操作卡（Word）' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('会议当天操作卡.docx');
  const bytes = new Uint8Array(await readFile((await file.path())!));
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  expect(xml.replace(/<[^>]+>/g, '')).toContain('会议当天操作卡');
  expect(xml).toContain('w:w="11906"');
  if (!has('soffice') || !has('pdfinfo')) {
    console.log('help-screens: soffice or pdfinfo missing, the 操作卡 page count is not rendered (the unit test renders it too)');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'pingyi-card-e2e-'));
  const docx = join(dir, 'card.docx');
  writeFileSync(docx, bytes);
  await run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 150_000 });
  const { stdout } = await run('pdfinfo', [join(dir, 'card.pdf')]);
  expect(/Pages:\s+(\d+)/.exec(stdout)?.[1]).toBe('1');
});

test('the console: its screens, the key sheet on F1 and ?, never on the hall', async ({ page, hall }) => {
  await page.setViewportSize({ width: 1280, height: 760 });
  await hall.setViewportSize({ width: 768, height: 432 });
  await page.goto(host.urls.console);
  await expect(page.getByRole('heading', { name: '选择会议' })).toBeVisible();
  await shot(page, page.locator('.console-picker-main .picker'), 'console-picker.png', 320);

  const meeting = await openThisYearsMeeting(page);
  await page.getByRole('button', { name: '全部出席' }).click();
  await page.getByRole('button', { name: '开始会议', exact: true }).click();
  await expect(page.getByTestId('live-status')).toHaveText('进行中');
  // The hall's address carries this test host's random token: masked, it is nobody's business.
  await shot(page, page.locator('.console'), 'console-session.png', 560, [page.getByLabel('大屏地址')]);
  await expect(hall.locator('.hall-title-slide')).toBeVisible();
  await hall.screenshot({ path: join(IMAGES, 'hall-title.png'), animations: 'disabled' });

  // F1: the sheet with every key the console acts on; a key pressed behind it does nothing.
  await page.keyboard.press('F1');
  const sheet = page.getByRole('dialog', { name: '帮助' });
  await expect(sheet).toBeVisible();
  for (const k of [...CONSOLE_KEYS, ...QUESTIONING_KEYS.map((q) => ({ label: q.label }))]) await expect(sheet).toContainText(k.label);
  await shot(page, sheet, 'console-keys.png', 700);
  const before = await page.getByTestId('live-status').textContent();
  await page.keyboard.press('ArrowRight');
  await expect(sheet).toBeVisible();
  // The guide's pages are there too.
  await sheet.getByRole('tab', { name: '计票' }).click();
  await expect(sheet.getByRole('article', { name: '计票' })).toBeVisible();
  await page.keyboard.press('F1');
  await expect(sheet).toHaveCount(0);
  await expect(page.getByTestId('live-status')).toHaveText(before!);
  // → now moves one step, from the opening to the first report: the → behind the sheet moved nothing.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.stage-panel').first()).not.toContainText('会议开幕');
  expect((await api(page, 'live.state', {})).live?.position).toEqual({ itemIndex: 0, stage: 'report' });
  // ? opens it as well, Esc closes it; the header's button too.
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await page.getByRole('button', { name: '帮助 F1' }).click();
  await expect(sheet.getByRole('region', { name: '随机询问' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The hall: F1 and ? do nothing there. The console's A (出席情况) is shown after them, so the keys
  // were handled before the hall is looked at.
  await hall.keyboard.press('F1');
  await hall.keyboard.press('?');
  await page.keyboard.press('A');
  await expect(hall.locator('.hall-attendance')).toBeVisible();
  await expect(hall.getByRole('dialog')).toHaveCount(0);
  await expect(hall.getByText('快捷键一览')).toHaveCount(0);
  await expect(hall.locator('kbd')).toHaveCount(0);

  // 计票: the vote item, a round prepared, issued, returned, two sheets keyed.
  const agenda = (await api(page, 'meetings.get', { id: meeting.id })).meeting.agenda;
  const at = agenda.findIndex((a) => a.kind === 'vote');
  await api(page, 'live.goto', { itemIndex: at, stage: 'vote' });
  const panel = page.getByTestId('vote-panel');
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: '准备测评' }).click();
  await panel.getByLabel('计票人').fill('周计票、吴计票');
  await panel.getByLabel('监票人').fill('郑监票');
  await panel.getByRole('button', { name: '保存计票人、监票人' }).click();
  await expect(panel.getByRole('button', { name: '保存计票人、监票人' })).toBeDisabled();
  const issued = await panel.getByLabel('常委会组成人员发出票数').inputValue();
  await panel.getByRole('button', { name: '发票', exact: true }).click();
  await panel.getByLabel('常委会组成人员收回票数').fill(issued);
  await panel.getByRole('button', { name: '收票', exact: true }).click();
  await expect(page.getByTestId('vote-round')).toHaveAttribute('data-state', 'closed');
  const n = (await api(page, 'vote.state', {})).items.find((i) => i.agendaItemId === agenda[at]!.id)!.evaluatees.length;
  const keys = page.getByRole('textbox', { name: /号票的测评意见/ });
  await keys.fill('1'.repeat(n));
  await keys.press('Enter');
  await expect(page.getByTestId('vote-keyed')).toContainText('已录入 1 张');
  await keys.fill('12'.repeat(n).slice(0, n - 1));
  await shot(page, page.locator('.vote-sheet-entry'), 'vote-sheets.png', 640);
});
