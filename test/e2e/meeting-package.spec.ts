import type { Page } from '@playwright/test';
import { callApi } from './support/api';
import { api, expect, host, test } from './support/fixtures';
import { startHost } from './support/host';

/**
 * The meeting package between two hosts, each with its own data folder (the desk PC and the hall
 * laptop): exported on the desk, imported on the laptop, a member changed on both sides, the results
 * package brought back and the one conflict resolved side by side by the user.
 */
test.use({ apiRole: 'desk' });

async function openDataSettings(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '会议包（办公桌与会场电脑之间）' })).toBeVisible();
}

async function download(page: Page, button: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const d = await downloading;
  expect(d.suggestedFilename()).toMatch(/\.pingyi$/);
  return d.path();
}

async function importFile(page: Page, path: string) {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入会议包…' }).click();
  await (await choosing).setFiles(path);
}

test('a meeting goes to the hall laptop and back; the record changed on both sides is chosen by the user', async ({ page, browser }) => {
  const laptop = await startHost({});
  const hallContext = await browser.newContext();
  try {
    const hallPage = await hallContext.newPage();
    await openDataSettings(page, host.urls.desk);
    const meetings = await api(page, 'meetings.list', {});
    const meeting = meetings.find((m) => m.status === 'planned' && m.date.startsWith(String(new Date().getFullYear()))) ?? meetings.find((m) => m.status === 'planned')!;

    // Desk: 导出会议包; the meeting is marked.
    await page.getByLabel('会议', { exact: true }).selectOption(meeting.id);
    const pkg = await download(page, '导出会议包');
    await expect(page.getByTestId('handoff-banner')).toContainText('导出到会场');
    // The meeting's page warns, and asks before its details are edited.
    await page.goto(`${host.urls.desk.split('#')[0]}#/meetings/${meeting.id}`);
    await expect(page.getByTestId('handoff-banner')).toContainText('导出到会场');
    await page.getByRole('button', { name: '修改会议信息' }).click();
    const ask = page.getByRole('dialog', { name: '本会议已导出到会场' });
    await expect(ask).toContainText('逐项核对');
    await ask.getByRole('button', { name: '取消' }).click();
    await expect(ask).toHaveCount(0);
    await openDataSettings(page, host.urls.desk);

    // Laptop: the preview says what comes, then it is imported.
    await openDataSettings(hallPage, laptop.urls.desk);
    await importFile(hallPage, pkg);
    const preview = hallPage.getByLabel('导入预览');
    await expect(preview.getByRole('heading', { name: `会议包“${meeting.name}”` })).toBeVisible();
    await expect(preview).toContainText('将新增');
    await preview.getByRole('button', { name: '导入会议包' }).click();
    await expect(hallPage.getByRole('status').filter({ hasText: `已导入会议包“${meeting.name}”` })).toBeVisible();
    const hallMeetings = await callApi(hallPage, laptop, 'meetings.list', {}, 'desk');
    expect(hallMeetings.map((m) => m.id)).toEqual([meeting.id]);

    // The same member changed on both sides.
    const member = (await api(page, 'members.list', {}))[0]!;
    await api(page, 'members.update', { member: { ...member, note: '办公桌上改的备注' } });
    await callApi(hallPage, laptop, 'members.update', { member: { ...member, note: '会场上改的备注' } }, 'desk');

    // Laptop: 导出会议结果包.
    await hallPage.reload();
    await hallPage.getByLabel('会议', { exact: true }).selectOption(meeting.id);
    const results = await download(hallPage, '导出会议结果包');

    // Desk: both versions side by side; nothing is imported until a side is chosen.
    await page.reload();
    await importFile(page, results);
    const merge = page.getByLabel('导入预览');
    await expect(merge.getByRole('heading', { name: `会议结果包“${meeting.name}”` })).toBeVisible();
    const conflict = merge.getByRole('group', { name: `组成人员 ${member.name}` });
    await expect(conflict.getByRole('row', { name: /备注/ })).toContainText('办公桌上改的备注');
    await expect(conflict.getByRole('row', { name: /备注/ })).toContainText('会场上改的备注');
    const importButton = merge.getByRole('button', { name: '导入会议结果包' });
    await expect(importButton).toBeDisabled();
    await conflict.getByLabel('采用会议结果包').check();
    await importButton.click();
    await expect(page.getByRole('status').filter({ hasText: '1 项两边都改动的记录已按您的选择处理' })).toBeVisible();
    expect((await api(page, 'members.list', {})).find((m) => m.id === member.id)?.note).toBe('会场上改的备注');
    // The package is back: the mark is gone.
    expect(await api(page, 'package.handoffs', {})).toEqual([]);
  } finally {
    await hallContext.close();
    await laptop.stop();
  }
});

test('a file renamed to .pingyi is refused with a message naming what failed', async ({ page }, testInfo) => {
  const path = testInfo.outputPath('会议材料.pingyi');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, '这不是会议包');
  await openDataSettings(page, host.urls.desk);
  await importFile(page, path);
  await expect(page.getByRole('alert').filter({ hasText: '文件“会议材料.pingyi”不是会议包（不是压缩包格式），可能是由其他文件改名而来。' })).toBeVisible();
});

test('完整备份 to a folder with its manifest, then 从备份恢复 into a new data folder the app switches to', async ({ page }, testInfo) => {
  const { mkdir, readdir } = await import('node:fs/promises');
  const usb = testInfo.outputPath('U盘');
  await mkdir(usb, { recursive: true });
  await openDataSettings(page, host.urls.desk);
  const member = (await api(page, 'members.list', {}))[0]!;
  await api(page, 'members.update', { member: { ...member, note: '备份里的备注' } });

  await page.getByLabel('保存到文件夹').fill(usb);
  await page.getByRole('button', { name: '完整备份', exact: true }).click();
  await expect(page.getByTestId('archive-status')).toContainText('完整备份已写入');
  const [name] = await readdir(usb);
  expect(name).toMatch(/^人大工作评议-完整备份-\d{8}-\d{6}\.zip$/);

  await api(page, 'members.update', { member: { ...member, note: '备份之后改的' } });
  const target = testInfo.outputPath('恢复的数据');
  await page.getByLabel('恢复到的文件夹').fill(target);
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择完整备份文件并恢复…' }).click();
  await (await choosing).setFiles(`${usb}/${name}`);
  await expect(page.getByRole('status').filter({ hasText: `恢复到新的数据文件夹 ${target}` })).toBeVisible();
  await expect(page.getByTestId('data-dir')).toHaveText(target);
  expect((await api(page, 'members.list', {})).find((m) => m.id === member.id)?.note).toBe('备份里的备注');
});
