import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { api, expect, host, test } from './support/fixtures';
import { clearYearsResearch } from './support/research';
import { paragraphs, readDocx, textOf } from '../unit/documents/docx-xml';
import { rowsByHeader, tablesOf } from '../unit/meeting-docs/docx-tables';

/**
 * 会议文件 end to end in browser mode: ballots printed from the desk for a prepared round, the count
 * run and revealed through the console's API, then the count report and the 通报 exported from the
 * desk and read back against the stored round; a 调研报告 entered in the desk and exported.
 */

async function docxOf(download: Download) {
  const bytes = new Uint8Array(await readFile((await download.path())!));
  return readDocx(bytes).document;
}

const MEETING = '县第十九届人大常委会第二十三次会议';

test('ballots are printed for a prepared round; after the count the report and the 通报 carry the stored figures', async ({ page }) => {
  await page.goto(host.urls.console);
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '会议' }).click();
  await page.getByRole('link', { name: MEETING }).first().click();
  const meetingId = decodeURIComponent(/#\/meetings\/([^/?#]+)/.exec(page.url())![1]!);

  // Prepare the first vote item's round on the desk, with its tellers.
  const prep = page.getByRole('region', { name: '民主测评准备' }).getByTestId('vote-prep-item').first();
  await prep.getByRole('button', { name: '准备测评轮次' }).click();
  await expect(prep.getByText('第一轮')).toBeVisible();
  await prep.getByLabel('第一轮计票人').fill('赵计票、钱计票');
  await prep.getByLabel('第一轮监票人').fill('孙监票');
  // Saved like all free text of the desk: on leaving the box (and within a second of the last keystroke).
  await prep.getByLabel('第一轮监票人').press('Tab');
  await expect(prep.getByRole('status', { name: '第一轮：计票人、监票人的保存状态' })).toHaveText(/^已保存 /);

  const panel = page.getByRole('region', { name: '会议文件' });
  await expect(panel).toBeVisible();
  const members = (await api(page, 'members.list', {}, 'desk')).filter((m) => m.active).length;
  const state = await api(page, 'vote.state', { meetingId }, 'desk');
  const item = state.items[0]!;
  const round = panel.getByRole('group', { name: `${item.title}第一轮` });
  await expect(round.getByLabel('第一轮测评票张数')).toHaveValue(String(members + 2));
  await expect(round.getByRole('button', { name: '计票结果报告单' })).toBeDisabled();
  await expect(round.getByText('计票核对后可打印计票结果报告单；结果公布后可印发测评结果通报')).toBeVisible();
  await expect(round.getByRole('button', { name: '计票结果报告单' })).toHaveAttribute('title', '本轮测评已准备，计票核对后才能打印报告单');
  await expect(round.getByRole('button', { name: '测评结果通报' })).toBeDisabled();

  // Print the ballots: one file with N identical sheets, each titled, without serial numbers.
  await round.getByLabel('第一轮测评票张数').fill('6');
  const ballotDownload = page.waitForEvent('download');
  await round.getByRole('button', { name: '打印测评票' }).click();
  const ballots = await ballotDownload;
  expect(ballots.suggestedFilename()).toBe(`${item.title}第一轮测评票（6张）.docx`);
  const ballotXml = await docxOf(ballots);
  const texts = paragraphs(ballotXml).map((p) => textOf(p));
  expect(texts.filter((t) => t === `${MEETING}民主测评票`)).toHaveLength(6);
  for (const person of item.evaluatees) expect(texts).toContain(person.name);
  expect(texts.join('')).not.toMatch(/编号|票号/);

  // The count on the console (through its API): everyone present, 30 sheets, totals, check, reveal.
  await api(page, 'live.open', { meetingId, rehearsal: false });
  await api(page, 'live.attendanceAll', { status: 'present' });
  const live = await api(page, 'live.start', {});
  await api(page, 'live.goto', { itemIndex: live.agenda.findIndex((a) => a.kind === 'vote'), stage: 'vote' });
  const roundId = (await api(page, 'vote.state', {})).items[0]!.rounds.at(-1)!.id;
  await api(page, 'vote.open', { roundId, groups: [{ groupId: 'members', issued: members }] });
  await api(page, 'vote.close', { roundId, groups: [{ groupId: 'members', returned: members }] });
  await api(page, 'vote.mode', { roundId, groupId: 'members', mode: 'totals' });
  const n = item.evaluatees.length;
  const rows = Array.from({ length: n }, (_, i) => {
    const unsatisfied = i % 3;
    const blank = i === 1 ? 1 : 0;
    const basic = 2 + i;
    return { satisfied: members - basic - unsatisfied - blank, basic, unsatisfied, blank, invalid: 0 };
  });
  await api(page, 'vote.totals', { roundId, groupId: 'members', counts: rows });
  await api(page, 'vote.check', { roundId });
  await api(page, 'vote.announce', { roundId });
  const stored = (await api(page, 'vote.state', { meetingId }, 'desk')).items[0]!.rounds.find((r) => r.id === roundId)!.result!;
  const binding = stored.groups.find((g) => g.binding)!;

  // The count report from the desk: every cell equals the stored result.
  await expect(round.getByText('已公布')).toBeVisible();
  const reportDownload = page.waitForEvent('download');
  await round.getByRole('button', { name: '计票结果报告单' }).click();
  const report = await reportDownload;
  expect(report.suggestedFilename()).toBe(`${item.title}第一轮计票结果报告单.docx`);
  const reportRows = rowsByHeader(tablesOf(await docxOf(report))[0]!, '姓名');
  expect(reportRows.map((r) => r['姓名'])).toEqual(item.evaluatees.map((e) => e.name));
  binding.results.forEach((res, i) => {
    expect(reportRows[i]).toMatchObject({
      满意: String(res.counts.satisfied),
      基本满意: String(res.counts.basic),
      不满意: String(res.counts.unsatisfied),
      空白: String(res.counts.blank),
      无效: String(res.counts.invalid),
      有效票: String(res.valid),
    });
  });

  // The round's 通报: the suggested number, checked as typed; the table equals the stored result.
  await round.getByRole('button', { name: '测评结果通报' }).click();
  const dialog = page.getByRole('dialog', { name: '导出测评结果通报' });
  const number = dialog.getByLabel('发文字号');
  await expect(number).toHaveValue(/〔\d{4}〕1号$/);
  const suggested = await number.inputValue();
  await number.fill(suggested.replace('〔', '[').replace('〕', ']'));
  await expect(dialog.getByText('年份应使用六角括号〔〕')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '导出通报' })).toBeDisabled();
  await number.fill(suggested);
  const noticeDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出通报' }).click();
  const notice = await noticeDownload;
  expect(notice.suggestedFilename()).toBe(`关于${item.title}结果的通报.docx`);
  const noticeXml = await docxOf(notice);
  const noticeText = textOf(noticeXml);
  expect(noticeText).toContain(suggested);
  expect(noticeText).toContain('赵计票、钱计票同志为计票人');
  expect(noticeText).toContain(`应到${binding.context.entitled}人，实到${binding.context.present}人`);
  const table = tablesOf(noticeXml).find((t) => t.some((row) => row.includes('满意率')))!;
  const noticeRows = rowsByHeader(table, '姓名');
  binding.results.forEach((res, i) => {
    expect(noticeRows[i]).toMatchObject({ 姓名: item.evaluatees[i]!.name, 有效票: String(res.valid), 满意: String(res.counts.satisfied), 满意率: res.rateText, 等次: res.outcome });
  });
  await expect(dialog).toHaveCount(0);
  await expect(panel.getByRole('button', { name: '测评结果通报（全部测评）' })).toBeEnabled();

  // The number is in the 发文登记: the round shows it, and the dialog opens on it again (a reprint).
  await expect(round.getByTestId('md-issued')).toContainText(`已登记${suggested}`);
  await round.getByRole('button', { name: '测评结果通报' }).click();
  await expect(page.getByRole('dialog', { name: '导出测评结果通报' }).getByLabel('发文字号')).toHaveValue(suggested);
  // The whole meeting's 通报 may not take the round's number.
  await page.getByRole('dialog', { name: '导出测评结果通报' }).getByRole('button', { name: '取消' }).click();
  await panel.getByRole('button', { name: '测评结果通报（全部测评）' }).click();
  const whole = page.getByRole('dialog', { name: '导出测评结果通报' });
  await whole.getByLabel('发文字号').fill(suggested);
  await whole.getByRole('button', { name: '导出通报' }).click();
  await expect(whole.getByText(/已被使用|已被《/).first()).toBeVisible();
});

test('a 调研报告 is entered on the desk, autosaved, and exported', async ({ page }) => {
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '评议意见' }).click();
  const first = (await api(page, 'opinions.list', {}, 'desk')).rows[0]!;
  // This year's research as the office finds it before recording any: the demo's removed.
  await clearYearsResearch(page, first.year, first.evaluationId);
  await page.getByRole('button', { name: `调研报告：${first.name}` }).click();
  await expect(page.getByRole('heading', { name: `关于对${first.name}同志履职情况的调研报告` })).toBeVisible();
  await expect(page.getByText('导出前需完成：尚未组成调研组')).toBeVisible();
  await expect(page.getByRole('button', { name: '导出Word' })).toBeDisabled();

  // 组长 from the roster (post prefilled), a member typed in.
  const roster = (await api(page, 'members.list', {}, 'desk')).filter((m) => m.active && m.role === '副主任');
  const leader = roster[0]!;
  await page.getByLabel('组内职务').selectOption('组长');
  await page.getByLabel('从组成人员或人员库中选择').selectOption({ label: `${leader.name}（副主任）` });
  await expect(page.getByLabel('成员职务')).toHaveValue(/副主任$/);
  await page.getByRole('button', { name: '添加到调研组' }).click();
  await page.getByLabel('组内职务').selectOption('成员');
  await page.getByLabel('成员姓名').fill('林晓');
  await page.getByLabel('成员职务').fill('县人大常委会办公室干部');
  await page.getByRole('button', { name: '添加到调研组' }).click();
  const group = page.getByRole('table', { name: '调研组成员' });
  await expect(group.getByRole('row')).toHaveCount(3);

  await page.getByLabel('调研开始日期').fill('2026-09-01');
  await page.getByLabel('调研结束日期').fill('2026-09-18');
  await page.getByLabel('调研结束日期').blur();
  // Activities: talks counted, a questionnaire's sheets.
  await page.getByLabel('调研活动类型').selectOption('个别谈话');
  await page.getByRole('button', { name: '添加调研活动' }).click();
  await page.getByLabel('数量（人次）').fill('15');
  await page.getByLabel('数量（人次）').blur();
  await expect(page.getByRole('article', { name: /个别谈话 · 15人次/ })).toBeVisible();
  await page.getByLabel('调研活动类型').selectOption('问卷调查');
  await page.getByRole('button', { name: '添加调研活动' }).click();
  await page.getByLabel('发放份数').fill('60');
  await page.getByLabel('回收份数').fill('57');
  await page.getByLabel('回收份数').blur();
  await expect(page.getByRole('article', { name: /发放60份、回收57份/ })).toBeVisible();
  await page.getByLabel('一、基本情况').fill(`${first.name}同志任现职以来，分管工作全面。\n调研组听取了汇报。`);
  await page.getByLabel('二、主要成效').fill('（一）依法履职意识较强。\n主动接受人大监督。');
  await page.getByLabel('三、存在问题').fill('基层服务能力有待提升。');
  await page.getByLabel('四、意见建议').fill('进一步加强队伍建设。');
  await page.getByLabel('四、意见建议').blur();
  await expect(page.getByTestId('rs-save-state')).toContainText('已保存');

  // Stored: a reload shows the same report.
  await page.reload();
  await expect(page.getByRole('article', { name: /个别谈话 · 15人次/ })).toBeVisible();
  await expect(page.getByLabel('二、主要成效')).toHaveValue('（一）依法履职意识较强。\n主动接受人大监督。');
  await expect(page.getByRole('table', { name: '调研组成员' }).getByText('林晓')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Word' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe(`关于对${first.name}同志履职情况的调研报告.docx`);
  const text = textOf(await docxOf(file));
  for (const words of [leader.name, '林晓', '县人大常委会办公室干部', '一、基本情况', '二、主要成效', '（一）依法履职意识较强。', '基层服务能力有待提升。', '15', '57']) {
    expect(text).toContain(words);
  }
});
