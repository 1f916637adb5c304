import type { Page } from '@playwright/test';
import { expect, host, test } from './support/fixtures';

const PASSWORD = 'qinglan-2026';

async function openSettings(page: Page) {
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '锁屏' })).toBeVisible();
}

/** Sets the lock up from 设置 → 锁屏 and returns the recovery code it showed once. */
async function setUpLock(page: Page): Promise<string> {
  await openSettings(page);
  const section = page.getByRole('region', { name: '锁屏' });
  await expect(section).toContainText('不加密数据文件');
  await section.getByLabel('锁屏密码', { exact: true }).fill(PASSWORD);
  await section.getByLabel('再次输入密码').fill(PASSWORD);
  await section.getByRole('button', { name: '启用锁屏' }).click();
  const code = (await page.getByTestId('recovery-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  await page.getByLabel('我已抄下恢复码').check();
  await page.getByRole('button', { name: '完成' }).click();
  await expect(section.getByText('已启用', { exact: true })).toBeVisible();
  return code;
}

async function rawCall(page: Page, role: string, name: string, args: unknown = {}) {
  const res = await page.request.post(`${host.origin}/${role}/api/${name}`, { data: args, headers: { 'Content-Type': 'application/json' } });
  return (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
}

test('set a password, lock, a wrong password is refused, unlock; a locked window obtains nothing; both ask at start', async ({ page, context }) => {
  await setUpLock(page);

  const consolePage = await context.newPage();
  const hall = await context.newPage();
  await hall.goto(host.urls.hall);
  // The hall's first view has arrived (not the loading picture): only then is "not locked" worth asserting.
  await expect(hall.getByTestId('hall-screen')).not.toHaveAttribute('data-kind', 'loading');
  await expect(hall.getByRole('heading', { name: /已锁定/ })).toHaveCount(0);
  expect((await rawCall(hall, 'hall', 'hall.view')).ok).toBe(true);

  await page.getByRole('button', { name: '立即锁屏' }).click();
  await expect(page.getByRole('heading', { name: '办公桌已锁定' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);

  // A call from the locked window is refused by the services, whatever the page shows.
  const refused = await rawCall(page, 'desk', 'settings.get');
  expect(refused).toMatchObject({ ok: false, error: { code: 'screen_locked' } });
  expect(refused.error?.message).toContain('窗口已锁定');
  expect(await rawCall(page, 'desk', 'members.list')).toMatchObject({ ok: false, error: { code: 'screen_locked' } });

  await page.getByLabel('锁屏密码').fill('not-the-password');
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('alert')).toHaveText('密码不正确（已连续输错 1 次）。');
  await expect(page.getByRole('heading', { name: '办公桌已锁定' })).toBeVisible();

  await page.getByLabel('锁屏密码').fill(PASSWORD);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  expect((await rawCall(page, 'desk', 'settings.get')).ok).toBe(true);

  // After a restart the desk and the console ask for the password; the hall keeps showing.
  await host.stop();
  await host.restart();
  await page.reload();
  await expect(page.getByRole('heading', { name: '办公桌已锁定' })).toBeVisible();
  await consolePage.goto(host.urls.console);
  await expect(consolePage.getByRole('heading', { name: '会议现场已锁定' })).toBeVisible();
  expect(await rawCall(consolePage, 'console', 'live.state')).toMatchObject({ ok: false, error: { code: 'screen_locked' } });
  await hall.reload();
  expect((await rawCall(hall, 'hall', 'hall.view')).ok).toBe(true);
  await expect(hall.getByRole('heading', { name: /已锁定/ })).toHaveCount(0);
  // unlocking the desk leaves the console locked
  await page.getByLabel('锁屏密码').fill(PASSWORD);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  expect(await rawCall(consolePage, 'console', 'live.state')).toMatchObject({ ok: false, error: { code: 'screen_locked' } });
});

test('the recovery code resets a forgotten password; clearing the data asks for the password again', async ({ page }) => {
  const code = await setUpLock(page);
  await page.getByRole('button', { name: '立即锁屏' }).click();
  await page.getByRole('button', { name: '忘记密码？' }).click();
  await page.getByLabel('恢复码').fill(code.toLowerCase());
  await page.getByLabel('新密码', { exact: true }).fill('another-secret');
  await page.getByLabel('再次输入新密码').fill('another-secret');
  await page.getByRole('button', { name: '重设密码并解锁' }).click();
  await expect(page.getByRole('heading', { name: '密码已重设' })).toBeVisible();
  await expect(page.getByTestId('recovery-code')).not.toHaveText(code);
  await page.getByLabel('我已抄下恢复码').check();
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await page.getByRole('button', { name: '清除演示数据…' }).click();
  await page.getByRole('dialog', { name: '清除演示数据' }).getByRole('textbox').fill('清除演示数据');
  await page.getByRole('dialog', { name: '清除演示数据' }).getByRole('button', { name: '清除' }).click();
  const again = page.getByRole('dialog', { name: '请再次输入锁屏密码' });
  await again.getByLabel('锁屏密码').fill(PASSWORD);
  await again.getByRole('button', { name: '确定' }).click();
  await expect(again.getByRole('alert')).toContainText('密码不正确');
  await again.getByLabel('锁屏密码').fill('another-secret');
  await again.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('heading', { name: '初始设置' })).toBeVisible();
});
