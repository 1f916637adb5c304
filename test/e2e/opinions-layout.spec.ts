import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { api, expect, host, test } from './support/fixtures';
import { addDays } from '../../shared/format/dates';
import { syntheticDraft } from '../unit/opinions/synthetic-draft';

test.use({ apiRole: 'desk' });

/**
 * The opinion editor with its A4 preview on a full-length draft, and the exported document as
 * LibreOffice renders it (when soffice and pdftoppm are installed): screenshots in artifacts/opinions/
 * for a person to compare — the preview should break pages where the document does.
 */

const OUT = 'artifacts/opinions';
const run = promisify(execFile);
test.beforeEach(() => {
  mkdirSync(OUT, { recursive: true });
});

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The standard font names mapped to the Noto CJK fonts, so LibreOffice sets the page as those fonts would. */
function fontConfig(dir: string): string {
  const alias = (name: string, to: string) => `<alias binding="same"><family>${name}</family><prefer><family>${to}</family></prefer></alias>`;
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
      [alias('仿宋_GB2312', 'Noto Serif CJK SC'), alias('楷体_GB2312', 'Noto Serif CJK SC'), alias('方正小标宋简体', 'Noto Serif CJK SC'), alias('黑体', 'Noto Sans CJK SC'), alias('宋体', 'Noto Serif CJK SC')].join('') +
      '</fontconfig>',
  );
  return file;
}

test('a full-length opinion in the preview and as LibreOffice renders the exported file', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 2600 });
  await page.goto(host.urls.desk);
  const row = (await api(page, 'opinions.list', {})).rows[1]!;
  const which = { year: row.year, evaluationId: row.evaluationId };
  await api(page, 'opinions.create', which);
  await api(page, 'opinions.saveDraft', { ...which, versionNo: 1, content: syntheticDraft(row.name, 7, 1500) });
  const meetingDate = row.meetingDate!;
  await api(page, 'opinions.approve', { ...which, versionNo: 1, council: { date: addDays(meetingDate, 2), sitting: 30 } });
  const detail = await api(page, 'opinions.issue', { ...which, versionNo: 1, issue: { docNumber: '青人常〔2026〕12号', issueDate: addDays(meetingDate, 3) } });
  expect(detail.row.status).toBe('issued');

  await page.goto(`${host.urls.desk}#/opinions/${row.year}/${row.evaluationId}`);
  const preview = page.getByRole('complementary', { name: 'A4预览' });
  await expect(preview).toContainText('青人常〔2026〕12号');
  await preview.getByRole('button', { name: '缩小' }).click();
  await preview.getByRole('button', { name: '缩小' }).click();
  const pages = await preview.getByTestId('a4-page').count();
  expect(pages % 2).toBe(0);
  await preview.screenshot({ path: `${OUT}/opinion-preview.png` });
  for (let i = 0; i < 5; i++) await preview.getByRole('button', { name: '放大' }).click();
  await preview.getByLabel('网格').check();
  await preview.getByTestId('a4-page').first().screenshot({ path: `${OUT}/opinion-preview-grid.png` });

  // Browser mode answers with a one-time download link for the desk.
  const file = await api(page, 'opinions.export', which);
  if (file.kind !== 'download') throw new Error(`expected a download, got ${file.kind}`);
  const docx = resolve(OUT, 'opinion-sample.docx');
  writeFileSync(docx, await (await page.request.get(`${host.origin}${file.url}`)).body());
  if (!has('soffice') || !has('pdftoppm')) {
    console.log('opinions-layout: soffice or pdftoppm missing, the rendered pages are not produced');
    return;
  }
  // LibreOffice starting cold takes tens of seconds on a busy machine: slow work, not a failure.
  // Run without blocking the worker, so Playwright's own timeout still holds.
  test.slow();
  const work = await mkdtemp(join(tmpdir(), 'pingyi-lo-'));
  const env = { ...process.env, FONTCONFIG_FILE: fontConfig(work) };
  // A profile folder per conversion: two conversions sharing one block each other.
  await run('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], { env, timeout: 120_000 });
  const pdf = join(work, 'opinion-sample.pdf');
  await run('pdftoppm', ['-r', '60', '-png', pdf, resolve(OUT, 'docx-page')], { timeout: 60_000 });
  const rendered = readdirSync(OUT).filter((f) => /^docx-page-\d+\.png$/.test(f)).length;
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pdfPages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  console.log(`opinions-layout: preview ${pages} pages, LibreOffice ${pdfPages} pages (${rendered} PNGs)`);
  expect(pdfPages % 2).toBe(0);
});
