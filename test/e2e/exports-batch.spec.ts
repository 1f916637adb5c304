import { mkdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, expect, host, test } from './support/fixtures';
import { unzipSync } from 'fflate';
import { addDays } from '../../shared/format/dates';
import { zipEntries } from '../unit/exports/zip-headers';
import { checkOpinionStructure } from '../unit/opinions/docx-structure';
import { finishedContent } from '../unit/opinions/fixtures';

test.use({ apiRole: 'desk' });

/**
 * 批量导出 end to end in browser mode: three opinions of the demo meeting are issued through the API,
 * then the meeting's screen exports them as one zip (a real HTTP download with the Chinese name,
 * entries in UTF-8, each a GB/T 9704 .docx) and into a folder typed by the user; the export log lists
 * both. Screenshots go to artifacts/exports/.
 */

const OUT = 'artifacts/exports';
let folder: string;
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pingyi-batch-e2e-'));
  mkdirSync(OUT, { recursive: true });
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const title = (name: string) => `关于对${name}同志履职情况的评议意见`;

test('a meeting’s issued opinions are batch-exported as a zip download and into a folder, and logged', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(host.urls.desk);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();

  // Three opinions issued through the API (the workflow itself is opinions-workflow.spec.ts).
  const list = await api(page, 'opinions.list', {});
  const rows = list.rows.slice(0, 3);
  const year = list.year;
  for (const [i, row] of rows.entries()) {
    const which = { year, evaluationId: row.evaluationId };
    await api(page, 'opinions.create', which);
    await api(page, 'opinions.saveDraft', { ...which, versionNo: 1, content: finishedContent(row.name) });
    const approved = await api(page, 'opinions.approve', { ...which, versionNo: 1, council: { date: addDays(row.meetingDate!, 2), sitting: 30 } });
    await api(page, 'opinions.issue', { ...which, versionNo: 1, issue: { docNumber: `${approved.doc.docPrefix}〔${year}〕${i + 1}号`, issueDate: addDays(row.meetingDate!, 3) } });
  }
  const meetingId = rows[0]!.meetingId!;
  const meetingName = rows[0]!.meetingName!;

  await page.goto(`${host.origin}/desk/#/meetings/${encodeURIComponent(meetingId)}`);
  await expect(page.getByRole('heading', { name: meetingName, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: '批量导出' }).click();
  const dialog = page.getByRole('dialog', { name: '批量导出' });
  await expect(dialog.getByRole('radio', { name: '评议意见' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: '压缩包（zip）' })).toBeChecked();
  await expect(dialog.getByRole('region', { name: '导出记录' })).toContainText('还没有批量导出过文件');

  // The zip: a real download from the host, under the meeting's Chinese name.
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '开始导出' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${meetingName}评议意见.zip`);
  const zip = new Uint8Array(await readFile(await download.path()));
  const entries = zipEntries(zip);
  expect(entries.map((e) => e.name)).toEqual(rows.map((r) => `${title(r.name)}.docx`));
  // UTF-8 names, flagged as such (general purpose bit 11) in both headers.
  for (const e of entries) expect([e.localFlags & 0x0800, e.centralFlags & 0x0800]).toEqual([0x0800, 0x0800]);
  const files = unzipSync(zip);
  for (const [i, row] of rows.entries()) {
    const docx = files[`${title(row.name)}.docx`]!;
    // Each entry is a Word document, and the opinion it should be.
    expect(Object.keys(unzipSync(docx))).toContain('word/document.xml');
    const [y, m, d] = addDays(row.meetingDate!, 3).split('-').map(Number);
    expect(
      checkOpinionStructure(docx, {
        header: '青岚县人民代表大会常务委员会文件',
        docNumber: `青人常〔${year}〕${i + 1}号`,
        title: title(row.name),
        copyToIncludes: ['县委', row.unitName],
        issueDateCn: `${y}年${m}月${d}日`,
      }),
    ).toEqual([]);
  }
  const status = dialog.getByRole('status');
  await expect(status).toContainText(`已生成压缩包“${meetingName}评议意见.zip”（3 个评议意见文件）`);
  await expect(dialog.getByLabel('导出进度')).toHaveAttribute('value', '3');
  const log = dialog.getByRole('region', { name: '导出记录' });
  await expect(log.getByRole('listitem')).toHaveCount(1);
  await expect(log.getByRole('listitem').first()).toContainText(`${meetingName} · 评议意见 · 压缩包 · 已完成 3 个文件`);

  // Into a folder typed by the user (browser mode: a folder on the host's machine).
  await dialog.getByRole('radio', { name: '文件夹' }).check();
  const field = dialog.getByLabel(/导出文件夹/);
  await field.fill('评议导出');
  await dialog.getByRole('button', { name: '开始导出' }).click();
  await expect(dialog.getByRole('alert')).toContainText('不是完整路径');
  await field.fill(folder);
  await dialog.getByRole('button', { name: '开始导出' }).click();
  const target = join(folder, `${meetingName}评议意见`);
  await expect(status).toContainText(`已导出 3 个文件到 ${target}`);
  expect((await readdir(folder)).sort()).toEqual([`${meetingName}评议意见`]);
  expect((await readdir(target)).sort()).toEqual(rows.map((r) => `${title(r.name)}.docx`).sort());
  const written = new Uint8Array(await readFile(join(target, `${title(rows[0]!.name)}.docx`)));
  expect(Object.keys(unzipSync(written))).toContain('word/document.xml');
  await expect(log.getByRole('listitem')).toHaveCount(2);
  await expect(log.getByRole('listitem').first()).toContainText(target);
  await dialog.screenshot({ path: `${OUT}/batch-export-dialog.png` });
});
