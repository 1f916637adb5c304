import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { api, expect, host, test } from './support/fixtures';
import { clearYearsResearch } from './support/research';
import { paragraphs, readDocx, textOf } from '../unit/documents/docx-xml';

/**
 * 事前调研 as records, end to end in browser mode: a group led by a 副主任 with a deputy and a
 * specialist of the 人员库, a questionnaire with its tallies (and a tally the sheets cannot hold,
 * refused), findings by criterion, the report's text built from the records, and the 调研报告 and the
 * questionnaire form exported and read back.
 */

async function docxOf(download: Download) {
  const bytes = new Uint8Array(await readFile((await download.path())!));
  return readDocx(bytes).document;
}

async function shot(page: Page, name: string) {
  if (process.env['SHOTS']) await page.screenshot({ path: `${process.env['SHOTS']}/research-${name}.png`, fullPage: true });
}

test('a research group with a deputy and a specialist, a questionnaire with tallies and findings give the 调研报告', async ({ page }) => {
  await page.goto(host.urls.desk);
  await api(page, 'registry.create', { person: { name: '陈代表', kind: '人大代表', organisation: '县第一中学', field: '教师', contact: '' } }, 'desk');
  await api(page, 'registry.create', { person: { name: '刘专家', kind: '专家', organisation: '县律师协会', field: '律师', contact: '' } }, 'desk');
  const first = (await api(page, 'opinions.list', {}, 'desk')).rows[0]!;
  const which = { year: first.year, evaluationId: first.evaluationId };
  // This year's research as the office finds it before recording any: the demo's removed.
  await clearYearsResearch(page, first.year, first.evaluationId);
  const leader = (await api(page, 'members.list', {}, 'desk')).find((m) => m.active && m.role === '副主任')!;

  await page.goto(`${host.urls.desk}#/opinions/${first.year}/${first.evaluationId}/research`);
  await expect(page.getByRole('heading', { name: `关于对${first.name}同志履职情况的调研报告` })).toBeVisible();

  // The group: a 副主任 leads without a question; the deputy and the specialist from the registry.
  await page.getByLabel('组内职务').selectOption('组长');
  await page.getByLabel('从组成人员或人员库中选择').selectOption({ label: `${leader.name}（副主任）` });
  await page.getByRole('button', { name: '添加到调研组' }).click();
  const group = page.getByRole('table', { name: '调研组成员' });
  await expect(group.getByRole('row')).toHaveCount(2);
  for (const label of ['陈代表（人大代表）', '刘专家（专家）']) {
    await page.getByLabel('组内职务').selectOption('成员');
    await page.getByLabel('从组成人员或人员库中选择').selectOption({ label });
    await page.getByRole('button', { name: '添加到调研组' }).click();
  }
  await expect(group.getByRole('row')).toHaveCount(4);
  await page.getByLabel('调研开始日期').fill('2026-09-01');
  await page.getByLabel('调研开始日期').blur();
  await page.getByLabel('调研结束日期').fill('2026-09-20');
  await page.getByLabel('调研结束日期').blur();
  // Both dates, picked one right after the other, are stored (the second save builds on the first).
  await expect.poll(async () => {
    const g = (await api(page, 'research.records', which, 'desk')).group;
    return [g?.from, g?.to];
  }).toEqual(['2026-09-01', '2026-09-20']);
  const stored = (await api(page, 'research.records', which, 'desk')).group!;
  expect(stored.members.map((m) => [m.role, m.name, m.memberId ?? m.personId ?? ''])).toEqual([
    ['组长', leader.name, leader.id],
    ['成员', '陈代表', expect.stringMatching(/^ps_/)],
    ['成员', '刘专家', expect.stringMatching(/^ps_/)],
  ]);

  // A questionnaire: sheets, one single-choice question, tallies typed by hand, shares computed.
  await page.getByLabel('调研活动类型').selectOption('问卷调查');
  await page.getByRole('button', { name: '添加调研活动' }).click();
  await page.getByLabel('问卷标题').fill('群众满意度调查');
  await page.getByLabel('发放份数').fill('50');
  await page.getByLabel('回收份数').fill('48');
  await page.getByRole('button', { name: '添加问题' }).click();
  await page.getByLabel('第1题内容').fill('您对该同志履职的总体评价');
  await page.getByLabel('第1题选项1票数').fill('40');
  await page.getByLabel('第1题选项2票数').fill('6');
  await page.getByLabel('第1题选项3票数').fill('1');
  await expect(page.getByTestId('rs-percent-1-1')).toHaveText('83.3%');
  await expect(page.getByTestId('rs-return-rate')).toHaveText('回收率 96.0%');
  await page.getByLabel('第1题选项3票数').blur();
  await expect
    .poll(async () => {
      const a = (await api(page, 'research.records', which, 'desk')).activities.find((x) => x.kind === 'questionnaire');
      return a?.kind === 'questionnaire' ? a.questionnaire.questions[0]?.options.map((o) => o.tally) : undefined;
    })
    .toEqual([40, 6, 1]);

  // A tally the returned sheets cannot hold is refused with the question named; the stored one stays.
  await page.getByLabel('第1题选项3票数').fill('5');
  await expect(page.getByRole('alert').filter({ hasText: '第1题（单选）各选项票数合计51，不能多于回收份数（48份）' })).toBeVisible();
  await page.getByLabel('第1题选项3票数').blur();
  const survey = (await api(page, 'research.records', which, 'desk')).activities.find((x) => x.kind === 'questionnaire')!;
  expect(survey.kind === 'questionnaire' && survey.questionnaire.questions[0]!.options[2]!.tally).toBe(1);
  await page.getByLabel('第1题选项3票数').fill('2');
  await page.getByLabel('第1题选项3票数').blur();
  await expect(page.getByRole('alert').filter({ hasText: '各选项票数合计' })).toBeHidden();
  await shot(page, 'questionnaire');

  // The questionnaire as a form to print.
  const formDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出问卷（Word）' }).click();
  const form = await formDownload;
  expect(form.suggestedFilename()).toBe('群众满意度调查.docx');
  const formText = textOf(await docxOf(form));
  for (const words of ['群众满意度调查', '1.您对该同志履职的总体评价（单选）', '□满意', '□基本满意', '□不满意']) expect(formText).toContain(words);

  // Findings: the criterion each concerns, weight, source and suggestion.
  const criteria = (await api(page, 'research.records', which, 'desk')).criteria;
  const newFinding = page.getByRole('group', { name: '记录新问题' });
  await newFinding.getByLabel('新问题内容').fill('窗口服务效率不高，群众反映办事排队时间长');
  await newFinding.getByLabel('新问题评价标准').selectOption({ label: criteria[2]!.name });
  await newFinding.getByLabel('新问题程度').selectOption('较重');
  await newFinding.getByLabel('新问题来源活动').selectOption({ index: 1 });
  await newFinding.getByLabel('新问题建议').fill('推行一窗通办，压缩办理时限');
  await newFinding.getByRole('button', { name: '记录问题' }).click();
  await expect(page.getByRole('list', { name: '调研发现的问题' }).getByRole('listitem')).toHaveCount(1);
  await newFinding.getByLabel('新问题内容').fill('学法用法制度落实不到位');
  await newFinding.getByLabel('新问题评价标准').selectOption({ label: criteria[0]!.name });
  await newFinding.getByRole('button', { name: '记录问题' }).click();
  const findings = page.getByRole('list', { name: '调研发现的问题' }).getByRole('listitem');
  await expect(findings).toHaveCount(2);
  // In criterion order.
  await expect(findings.first()).toContainText(criteria[0]!.name);
  const storedFindings = (await api(page, 'research.records', which, 'desk')).findings;
  expect(storedFindings.map((f) => [f.criterionId, f.weight, f.activityId === survey.id])).toEqual([
    [criteria[0]!.id, 1, false],
    [criteria[2]!.id, 2, true],
  ]);
  await shot(page, 'findings');

  // The text from the records, then edited.
  await page.getByRole('button', { name: '由调研记录生成正文' }).click();
  await expect(page.getByLabel('三、存在问题')).toHaveValue(new RegExp(`（一）${criteria[0]!.name}方面`));
  await expect(page.getByLabel('一、基本情况')).toHaveValue(/回收率96.0%/);
  await page.getByLabel('二、主要成效').fill('（一）依法履职意识较强。\n主动接受人大监督。');
  await page.getByLabel('二、主要成效').blur();
  await expect(page.getByTestId('rs-save-state')).toContainText('已保存');
  await expect(page.getByRole('button', { name: '导出Word' })).toBeEnabled();
  await shot(page, 'report');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Word' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe(`关于对${first.name}同志履职情况的调研报告.docx`);
  const list = paragraphs(await docxOf(file)).map(textOf);
  const at = (text: string) => list.findIndex((p) => p.includes(text));
  // Structure: title, lead, the group, the methods, then the four sections in order with the records in them.
  const order = [
    `关于对${first.name}同志履职情况的调研报告`,
    '2026年9月1日至2026年9月20日',
    `调研组由县人大常委会副主任${leader.name}同志任组长`,
    '发放调查问卷50份、回收48份',
    '一、基本情况',
    '发放问卷50份，回收48份，回收率96.0%',
    '“满意”40份，占83.3%',
    '二、主要成效',
    '（一）依法履职意识较强。',
    '三、存在问题',
    `（一）${criteria[0]!.name}方面`,
    '1.学法用法制度落实不到位。',
    `（二）${criteria[2]!.name}方面`,
    '1.窗口服务效率不高，群众反映办事排队时间长。',
    '四、意见建议',
    `（一）${criteria[2]!.name}方面`,
    '1.推行一窗通办，压缩办理时限。',
  ];
  let from = 0;
  for (const text of order) {
    const i = list.slice(from).findIndex((p) => p.includes(text));
    expect(i, `${text} after paragraph ${from}`).toBeGreaterThanOrEqual(0);
    from += i + 1;
  }
  expect(list.some((p) => p.includes('陈代表') && p.includes('刘专家'))).toBe(true);
  // Signed by the group after the last section.
  expect(list.findLastIndex((p) => p === '县人大常委会调研组')).toBeGreaterThan(at('四、意见建议'));
});
