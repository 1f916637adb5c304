import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, host, test } from './support/fixtures';

test('the desk opens from the printed URL and the token leaves the address bar', async ({ page }) => {
  await page.goto(host.urls.desk);
  await expect(page.getByText('人大工作评议系统').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  expect(page.url()).not.toContain('token=');
});

test('every request without the token is refused: page, asset, API, event stream', async ({ request }) => {
  for (const role of ['desk', 'console', 'hall']) {
    const page = await request.get(`${host.origin}/${role}/`);
    expect(page.status(), `${role} page`).toBe(403);
    const api = await request.post(`${host.origin}/${role}/api/app.info`, { data: {}, headers: { 'Content-Type': 'application/json' } });
    expect(api.status(), `${role} api`).toBe(403);
    const stream = await request.get(`${host.origin}/${role}/events`);
    expect(stream.status(), `${role} events`).toBe(403);
    const asset = await request.get(`${host.origin}/${role}/assets/index.js`);
    expect(asset.status(), `${role} asset`).toBe(403);
  }
  // A wrong token is refused just the same.
  const wrong = await request.get(`${host.origin}/desk/?token=not-the-token`, { maxRedirects: 0 });
  expect(wrong.status()).toBe(403);
});

test('one role cookie does not open another role', async ({ page }) => {
  await page.goto(host.urls.hall);
  const res = await page.request.post(`${host.origin}/desk/api/app.info`, { data: {}, headers: { 'Content-Type': 'application/json' } });
  expect(res.status()).toBe(403);
});

test('Chinese glyphs really render (a missing CJK font draws identical boxes)', async ({ page }) => {
  await page.goto(host.urls.desk);
  const differ = await page.evaluate(() => {
    const draw = (ch: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 64, 64);
      ctx.fillStyle = '#000';
      ctx.font = `48px ${getComputedStyle(document.body).fontFamily}`;
      ctx.fillText(ch, 8, 52);
      return Array.from(ctx.getImageData(0, 0, 64, 64).data);
    };
    const a = draw('评');
    const b = draw('议');
    const inked = a.filter((v, i) => i % 4 === 0 && v < 128).length;
    return { differ: a.some((v, i) => v !== b[i]), inked };
  });
  expect(differ.inked).toBeGreaterThan(20);
  expect(differ.differ).toBe(true);
});

test('a change made through the API survives kill -9 of the host and a restart', async ({ page }) => {
  await page.goto(host.urls.desk);
  const api = (name: string, body: unknown) =>
    page.request.post(`${host.origin}/desk/api/${name}`, { data: body, headers: { 'Content-Type': 'application/json' } }).then((r) => r.json());
  const created = await api('members.create', { member: { name: '断电测试', role: '委员', rosterOrder: 88 } });
  expect(created.ok).toBe(true);
  await host.kill9();
  await host.restart();
  // The same page reconnects with its cookie: the tokens are kept in the data folder.
  const list = await api('members.list', {});
  expect(list.ok).toBe(true);
  expect(list.result.map((m: { name: string }) => m.name)).toContain('断电测试');
  // The dead host's lock was taken over, and the page says nothing is wrong with the data.
  await page.reload();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
});

test('the log file: start, a refused call with its reason, and 设置 → 数据与备份 shows its folder', async ({ page }) => {
  await page.goto(host.urls.desk);
  const refused = await page.request.post(`${host.origin}/desk/api/members.create`, {
    data: { member: { name: '张\u202e三', role: '委员', rosterOrder: 90 } },
    headers: { 'Content-Type': 'application/json' },
  });
  expect(((await refused.json()) as { ok: boolean }).ok).toBe(false);
  const logDir = join(host.dataDir, 'logs');
  const log = readFileSync(join(logDir, 'pingyi.log'), 'utf8');
  expect(log).toMatch(/INFO services started .*"mode":"browser"/);
  expect(log).toMatch(/INFO call refused .*"call":"members.create".*"code":"invalid_args".*"reason":"参数无效：姓名含有不可见的格式字符（U\+202E）/);
  expect(host.output()).toContain(`日志：${join(logDir, 'pingyi.log')}`);

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await expect(page.getByTestId('log-dir')).toHaveText(logDir);
  await host.stop();
  expect(readFileSync(join(logDir, 'pingyi.log'), 'utf8')).toMatch(/INFO services stopping/);
  await host.restart();
});
