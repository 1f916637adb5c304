import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost, type Host } from './support/host';

let host: Host;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

test('关于 tells the version, build, folders and the searchable licences of what ships; the page carries the app icon', async ({ page }) => {
  const about = JSON.parse(readFileSync(resolve('dist/about/about.json'), 'utf8')) as { version: string; licenses: { name: string; text: string | null }[] };
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '关于' }).click();
  await expect(page.getByRole('heading', { name: '关于', level: 1 })).toBeVisible();

  await expect(page.getByTestId('about-version')).toHaveText(about.version);
  await expect(page.getByTestId('about-built')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  await expect(page.getByTestId('about-data-dir')).toHaveText(host.dataDir);
  await expect(page.getByTestId('about-log-dir')).toHaveText(join(host.dataDir, 'logs'));

  const list = page.getByRole('list', { name: '许可证列表' });
  await expect(list.getByRole('listitem')).toHaveCount(about.licenses.length);
  await expect(page.getByRole('status').filter({ hasText: `共 ${about.licenses.length} 个` })).toBeVisible();

  await page.getByRole('searchbox', { name: '查找许可证' }).fill('zod');
  await expect(list.getByRole('listitem')).toHaveCount(about.licenses.filter((l) => `${l.name} ${l.text ?? ''}`.toLowerCase().includes('zod')).length);
  const zod = list.getByRole('listitem').filter({ has: page.locator('.name', { hasText: /^zod$/ }) });
  const text = zod.locator('pre');
  await expect(text).toBeHidden();
  await zod.locator('summary').click();
  await expect(text).toBeVisible();
  await expect(text).toContainText('Permission is hereby granted');

  await page.getByRole('searchbox', { name: '查找许可证' }).fill('没有这个软件');
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await expect(page.getByText('没有符合“没有这个软件”的软件。')).toBeVisible();

  // The favicon the tab shows is the app's own drawing, served by the host.
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBe('./favicon.svg');
  const icon = await page.request.get(new URL(href!, page.url()).toString());
  expect(icon.ok()).toBe(true);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  expect(await icon.text()).toBe(readFileSync(resolve('build/icon.svg'), 'utf8'));
});
