import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDocx, textOf } from '../unit/documents/docx-xml';
import { api, expect, host, test } from './support/fixtures';

/**
 * Odd characters in names, end to end in browser mode. What a window sends is checked at the
 * contract (half a character, control and invisible characters refused, naming the field); what is
 * already stored is never re-judged — so a meeting whose stored name holds such characters (typed
 * before the check, or edited by hand) must still download its papers, under a clean file name,
 * and a failed header must never burn the one-time link.
 */

test.use({ apiRole: 'desk' });

const ODD = '县第十九届人大常委会\uD842第二十三次\u0007会议\u202E\u200B';
const CLEAN_PREFIX = '县第十九届人大常委会_第二十三次_会议';

test('a new name with half a character is refused, naming the field; a stored one still downloads under a clean file name', async ({ page }) => {
  await page.goto(host.urls.desk);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();

  // At the contract: refused before anything is written, with a Chinese message naming the field.
  const refused = await page.request.post(`${host.origin}/desk/api/meetings.create`, {
    data: { meeting: { name: ODD, session: 19, sitting: 24, date: '2026-11-20', year: 2026 } },
    headers: { 'Content-Type': 'application/json' },
  });
  expect(refused.status()).toBe(200);
  const reply = (await refused.json()) as { ok: boolean; error: { code: string; message: string; issues: { path: string }[] } };
  expect(reply.ok).toBe(false);
  expect(reply.error.code).toBe('invalid_args');
  expect(reply.error.message).toContain('会议名称含有残缺的字符');
  expect(reply.error.issues[0]?.path).toBe('meeting.name');

  // Stored before the check existed (or edited by hand): put the odd name into a meeting's file.
  const meeting = (await api(page, 'meetings.list', {}))[0]!;
  await host.stop();
  const file = join(host.dataDir, 'meeting', `${meeting.id}.json`);
  const stored = JSON.parse(await readFile(file, 'utf8')) as { data: { meeting: { name: string } } };
  stored.data.meeting.name = ODD;
  await writeFile(file, JSON.stringify(stored));
  await host.restart();

  // The desk shows the meeting and its 签到表 downloads: no HTTP 500, and the name is clean.
  await page.goto(host.urls.desk);
  await page.goto(`${host.origin}/desk/#/meetings/${encodeURIComponent(meeting.id)}`);
  const panel = page.getByRole('region', { name: '会议文件' });
  await expect(panel).toBeVisible();
  for (let attempt = 1; attempt <= 2; attempt++) {
    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: '签到表' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${CLEAN_PREFIX}签到表.docx`);
    // oxlint-disable-next-line no-control-regex -- asserting none is left
    expect(download.suggestedFilename()).not.toMatch(/[\0-\x1f\x7f\u200b-\u200d\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/);
    expect(await download.failure()).toBeNull();
    const bytes = new Uint8Array(await readFile((await download.path())!));
    expect(textOf(readDocx(bytes).document)).toContain('签到表');
  }
  await expect(panel.getByTestId('md-notice')).not.toHaveClass(/error/);
});
