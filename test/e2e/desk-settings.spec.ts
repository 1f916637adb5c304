import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { api, expect, host, test } from './support/fixtures';

async function openSettings(page: Page, url = host.urls.desk) {
  await page.goto(url);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await expect(page.getByLabel('机关简称')).toHaveValue(/.+/);
}

/** The settings as the service holds them, read with the page's own session. */
async function storedSettings(page: Page): Promise<{ quorum: { rule: string } }> {
  const res = await page.request.post(`${host.origin}/desk/api/settings.get`, { data: {}, headers: { 'Content-Type': 'application/json' } });
  return ((await res.json()) as { result: { quorum: { rule: string } } }).result;
}

const saveState = (page: Page) => page.getByRole('status', { name: '设置保存状态' });

test('free text is autosaved after typing and kept after a reload; a refused value stays by its field', async ({ page }) => {
  await openSettings(page);
  await expect(page.getByLabel('机关简称')).toHaveValue('县人大常委会');

  await page.getByLabel('机关简称').fill('青岚县人大常委会');
  // No blur, no button: the pause after typing is enough.
  await expect(saveState(page)).toHaveText(/^已保存 \d{2}:\d{2}:\d{2}$/);
  await page.reload();
  await expect(page.getByLabel('机关简称')).toHaveValue('青岚县人大常委会');

  // A 机关代字 with the year's brackets in it is refused; the message sits by the field and the text stays.
  await page.getByLabel('机关代字').fill('青人常〔');
  const prefixError = page.getByRole('alert').filter({ hasText: '机关代字中不应有括号' });
  await expect(prefixError).toBeVisible();
  await expect(saveState(page)).toContainText('未保存：');
  await expect(page.getByLabel('机关代字')).toHaveValue('青人常〔');
  await page.getByLabel('机关代字').fill('青人常发');
  await page.getByLabel('机关代字').blur();
  await expect(saveState(page)).toContainText('已保存');
  await expect(prefixError).toHaveCount(0);
  await expect(page.getByText('发文字号示例：青人常发〔')).toBeVisible();

  // A choice is saved at once.
  await page.getByLabel('法定人数').selectOption({ label: '全体组成人员半数以上出席' });
  // The status may still read 已保存 from the last save, so wait for the service to hold the choice.
  await expect.poll(async () => (await storedSettings(page)).quorum.rule).toBe('half-or-more');
  await page.reload();
  await expect(page.getByLabel('法定人数')).toHaveValue('half-or-more');
  await expect(page.getByLabel('机关代字')).toHaveValue('青人常发');
});

test('the votes’ titles, the opinion’s legal basis and the plan deadline are settings; no plan deadline until one is set', async ({ page }) => {
  await openSettings(page);
  await expect(page.getByLabel('评议会议上的测评名称')).toHaveValue('民主测评');
  await expect(page.getByLabel('回头看后的测评名称')).toHaveValue('满意度测评');
  await expect(page.getByLabel('不满意再次报告后的测评名称')).toHaveValue('整改情况测评');
  await expect(page.getByLabel('评议依据的法律')).toHaveValue('《中华人民共和国各级人民代表大会常务委员会监督法》');
  await expect(page.getByLabel('本级评议办法')).toHaveValue('');
  await expect(page.getByLabel('要求报送整改方案')).not.toBeChecked();
  await expect(page.getByLabel('整改方案报送期限')).toHaveCount(0);

  await page.getByLabel('要求报送整改方案').check();
  await expect(page.getByLabel('整改方案报送期限')).toHaveValue('15');
  await page.getByLabel('整改方案报送期限').fill('20');
  await page.getByLabel('本级评议办法').fill('青岚县人大常委会工作评议办法');
  // The ballot adds 票 itself: a title ending in 票 is refused by its field.
  await page.getByLabel('回头看后的测评名称').fill('满意度测评票');
  await expect(page.getByRole('alert').filter({ hasText: '不要以“票”结尾' })).toBeVisible();
  await page.getByLabel('回头看后的测评名称').fill('回头看满意度测评');
  await page.getByLabel('回头看后的测评名称').blur();
  await expect(saveState(page)).toContainText('已保存');

  await page.reload();
  await expect(page.getByLabel('整改方案报送期限')).toHaveValue('20');
  await expect(page.getByLabel('回头看后的测评名称')).toHaveValue('回头看满意度测评');
  await expect(page.getByText('评议意见开头：根据《中华人民共和国各级人民代表大会常务委员会监督法》《青岚县人大常委会工作评议办法》和县人大常委会某年度工作评议实施方案')).toBeVisible();
  await page.getByLabel('要求报送整改方案').uncheck();
  await expect(page.getByLabel('整改方案报送期限')).toHaveCount(0);

  // The grading rule: a preset by a name that describes it, and beneath it the rule in words.
  await expect(page.getByLabel('等次规则', { exact: true })).toHaveValue('half-three-level');
  await expect(page.getByTestId('settings-rule-text')).toHaveText(/^依次判定，满意票达到应到人数的半数以上（含半数）的，为“满意”/);
  await page.getByLabel('等次规则', { exact: true }).selectOption({ label: '过半两级' });
  await expect(page.getByTestId('settings-rule-text')).toHaveText(/^满意票超过应到人数的半数（即过半数）的，为“满意”；其余为“不满意”。/);
  await page.reload();
  await expect(page.getByLabel('等次规则', { exact: true })).toHaveValue('majority-two-level');
});

test('the criteria can be renamed, reordered, added and removed', async ({ page }) => {
  await openSettings(page);
  const criteriaState = page.getByRole('status', { name: '评价标准保存状态' });
  await expect(page.getByLabel('第1项评价标准名称')).toHaveValue('贯彻执行国家法律法规情况');

  await page.getByRole('button', { name: '下移第1项' }).click();
  await expect(criteriaState).toContainText('已保存');
  await page.getByRole('button', { name: '添加评价标准' }).click();
  await page.getByLabel('第7项评价标准名称').fill('办理代表建议情况');
  await expect(criteriaState).toContainText('已保存');
  await page.getByRole('button', { name: '删除第6项评价标准' }).click();
  await expect(criteriaState).toContainText('已保存');

  await page.reload();
  await expect(page.getByLabel('第1项评价标准名称')).toHaveValue('贯彻执行县委重大决策部署情况');
  await expect(page.getByLabel('第2项评价标准名称')).toHaveValue('贯彻执行国家法律法规情况');
  await expect(page.getByLabel('第6项评价标准名称')).toHaveValue('办理代表建议情况');
  await expect(page.getByLabel('第7项评价标准名称')).toHaveCount(0);
});

test('moving the data folder survives kill -9: the restarted host finds the data in the new folder', async ({ page }) => {
  const target = join(await mkdtemp(join(tmpdir(), 'pingyi-move-')), '评议数据');
  const oldDir = host.dataDir;
  await openSettings(page);
  await page.getByLabel('机关简称').fill('迁移后县人大常委会');
  await expect(saveState(page)).toContainText('已保存');

  await page.getByLabel('新的数据文件夹').fill(target);
  await page.getByRole('button', { name: '迁移数据文件夹' }).click();
  await expect(page.getByRole('status').filter({ hasText: '数据已迁移到' })).toContainText(target);
  await expect(page.getByTestId('data-dir')).toHaveText(target);
  expect(existsSync(join(target, 'core.json'))).toBe(true);

  // A change made after the move is written to the new folder only.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '被评议对象' }).click();
  await page.getByRole('button', { name: '新增被评议对象' }).click();
  const dialog = page.getByRole('dialog', { name: '新增被评议对象' });
  await dialog.getByLabel('姓名').fill('迁后新任');
  await dialog.getByLabel('所在单位').selectOption({ label: '县林业局' });
  await dialog.getByLabel('职务').fill('副局长');
  await dialog.getByLabel('任职日期').fill('2026-09-01');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(readFileSync(join(target, 'core.json'), 'utf8')).toContain('迁后新任');
  // The old folder stays as it was before the move.
  expect(readFileSync(join(oldDir, 'core.json'), 'utf8')).not.toContain('迁后新任');

  await host.kill9();
  await host.restart();
  await openSettings(page, host.urls.desk);
  await expect(page.getByTestId('data-dir')).toHaveText(target);
  await expect(page.getByLabel('机关简称')).toHaveValue('迁移后县人大常委会');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '被评议对象' }).click();
  await expect(page.getByRole('table', { name: '被评议对象名单' }).getByRole('row').filter({ hasText: '迁后新任' })).toContainText('县林业局');
});

test('restoring a backup undoes a later change, after a confirmation', async ({ page }) => {
  await openSettings(page);
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已备份' })).toBeVisible();

  await page.getByLabel('机关简称').fill('备份之后改的名称');
  await expect(saveState(page)).toContainText('已保存');

  const backupRow = page.getByRole('table', { name: '备份列表' }).getByRole('row').filter({ hasText: '手动备份' });
  await backupRow.getByRole('button', { name: /^恢复/ }).click();
  const confirm = page.getByRole('dialog', { name: '从备份恢复' });
  await expect(confirm).toContainText('先把当前数据另存为一份');
  await confirm.getByRole('button', { name: '恢复' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByLabel('机关简称')).toHaveValue('县人大常委会');
  // The data from before the restore is kept as a backup of its own.
  await expect(page.getByRole('table', { name: '备份列表' }).getByRole('row').filter({ hasText: '恢复前' })).not.toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel('机关简称')).toHaveValue('县人大常委会');
});

test('the demo county can be cleared after typing the confirmation', async ({ page }) => {
  await openSettings(page);
  await page.getByRole('button', { name: '清除演示数据…' }).click();
  const confirm = page.getByRole('dialog', { name: '清除演示数据' });
  const go = confirm.getByRole('button', { name: '清除', exact: true });
  await expect(go).toBeDisabled();
  await confirm.getByLabel('请输入“清除演示数据”以确认').fill('清除演示数据');
  await go.click();
  await expect(confirm).toBeHidden();
  // The emptied folder opens on the guided start (desk-guided-start.spec.ts goes through it).
  await expect(page.getByRole('heading', { name: '初始设置', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: '清除演示数据…' })).toHaveCount(0);
  expect(await api(page, 'members.list', {}, 'desk')).toEqual([]);
  expect(await api(page, 'settings.get', {}, 'desk')).toMatchObject({ demo: false, setupPending: true });
});
