import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { api, expect, host, test } from './support/fixtures';
import type { YearData } from '../../shared/domain/partitions';
import { LOOP_DAY, announceMixedVote, laterMeeting } from './support/loop-cases';

/**
 * A later vote end to end, in browser mode: an evaluatee whose 民主测评 was announced at the
 * October meeting gets a 满意度测评 at a later meeting of the same year — put on the agenda on the desk (before
 * the rectification report: confirmed with a reason), counted in the console, announced on the
 * hall, and its result stored on the ORIGINAL evaluation's loop.laterVotes (its voteResult as it was).
 */

// The host's day is pinned (see support/loop-cases.ts), so the calendar is the same whatever the real date.
test.use({ apiRole: 'desk', hostToday: LOOP_DAY });

function yearFile(year: number): YearData {
  // The store's envelope: { schemaVersion, savedAt, data }.
  return (JSON.parse(readFileSync(join(host.dataDir, 'year', `${year}.json`), 'utf8')) as { data: YearData }).data;
}

/** Precondition through the API (the UI path is another spec's): October's first vote announced, the meeting ended. */
async function octoberAnnounced(page: Page, at = 0): Promise<{ year: number; name: string; evaluationId: string; evaluateeId: string }> {
  const { year, evaluatees } = await announceMixedVote(page);
  // The first on the ballot passed (满意); the third failed (不满意).
  const person = evaluatees[at]!;
  const ev = yearFile(year).evaluations.find((e) => e.evaluateeId === person.id)!;
  expect(ev.voteResult?.outcome).toBe(at === 2 ? '不满意' : '满意');
  return { year, name: person.name, evaluationId: ev.id, evaluateeId: person.id };
}

test('an evaluatee of the October meeting gets a 满意度测评 at a later meeting: desk, console, hall, stored on the original evaluation', async ({ page, context, hall }) => {
  test.setTimeout(180_000);
  mkdirSync('artifacts/later-vote', { recursive: true });
  await page.goto(host.urls.console);
  const desk = await context.newPage();
  await desk.goto(host.urls.desk);
  const october = await octoberAnnounced(page);
  const before = yearFile(october.year).evaluations.find((e) => e.id === october.evaluationId)!;

  const later = await laterMeeting(desk, october.year, '二十五', 2);

  // The desk: the later meeting offers October's evaluatee; a 满意度测评 before the report asks for a reason.
  await desk.goto(`${host.urls.desk.split('#')[0]}#/meetings/${later.id}`);
  const panel = desk.getByRole('region', { name: '整改情况的听取与测评' });
  const row = panel.getByRole('row', { name: new RegExp(october.name) });
  await expect(row).toContainText('尚未收到整改情况报告');
  await expect(row.getByRole('button', { name: `列入听取整改情况报告：${october.name}` })).toHaveCount(0);
  await row.getByRole('button', { name: `列入满意度测评：${october.name}` }).click();
  const early = desk.getByRole('dialog', { name: '提前测评' });
  await expect(early.getByTestId('needs-confirmation')).toContainText('满意度测评应在收到整改情况报告之后进行');
  await early.getByRole('button', { name: '确认列入' }).click();
  await expect(early.getByText('请说明提前测评的理由', { exact: true })).toBeVisible();
  await early.getByLabel('提前测评的理由').fill('回头看调研已完成，整改情况报告年底前报送');
  await early.getByRole('button', { name: '确认列入' }).click();
  await expect(early).toBeHidden();
  const agenda = desk.getByRole('table', { name: '会议议程' });
  await expect(agenda.getByRole('row', { name: /满意度测评/ })).toContainText(`测评对象（1人）：${october.name}`);
  await expect(desk.getByText(/民主测评0项 · 整改后测评1项/)).toBeVisible();
  await expect(row.getByRole('button', { name: `列入满意度测评：${october.name}` })).toHaveText('已列入满意度测评');
  // The record sits in the original evaluation's year, waiting for its result.
  const record = () => yearFile(october.year).loop?.laterVotes.find((v) => v.meetingId === later.id);
  expect(record()).toMatchObject({ evaluationId: october.evaluationId, kind: 'followUp', result: null, earlyReason: '回头看调研已完成，整改情况报告年底前报送' });
  // Its preparation is headed by the vote's title, not the meeting vote's.
  await expect(desk.getByRole('region', { name: '满意度测评准备' })).toBeVisible();
  await desk.screenshot({ path: 'artifacts/later-vote/desk-agenda.png', fullPage: true });

  // The console: the later meeting, its one item the 满意度测评, counted by totals.
  await page.goto(host.urls.console);
  await page.getByRole('button', { name: `开始正式会议：${later.name}` }).click();
  await page.getByRole('button', { name: '全部出席' }).click();
  await page.getByRole('button', { name: '开始会议', exact: true }).click();
  await expect(page.getByTestId('live-status')).toHaveText('进行中');
  await page.getByRole('button', { name: '转到：第1项 满意度测评 满意度测评' }).click();
  const vote = page.getByTestId('vote-panel');
  await expect(vote.getByRole('heading', { name: '满意度测评' })).toBeVisible();
  await vote.getByRole('button', { name: '准备测评' }).click();
  await vote.getByLabel('计票人').fill('周计票');
  await vote.getByLabel('监票人').fill('郑监票');
  await vote.getByRole('button', { name: '保存计票人、监票人' }).click();
  await expect(vote.getByRole('button', { name: '保存计票人、监票人' })).toBeDisabled();
  await vote.getByRole('button', { name: '发票', exact: true }).click();
  await vote.getByLabel('常委会组成人员收回票数').fill('30');
  await vote.getByRole('button', { name: '收票', exact: true }).click();
  await expect(page.getByTestId('vote-round')).toHaveAttribute('data-state', 'closed');
  await expect(hall.getByTestId('hall-vote-status')).toHaveText('已收票，即将计票');
  await vote.getByRole('radio', { name: '汇总录入' }).click();
  const grid = vote.getByRole('group', { name: '汇总计票结果' });
  for (const [mark, n] of [['满意', 25], ['基本满意', 4], ['不满意', 1], ['空白', 0], ['无效', 0]] as const) {
    await grid.getByLabel(`汇总计票结果：${october.name}的${mark}票数`).fill(String(n));
  }
  await grid.getByRole('button', { name: '录入汇总结果' }).click();
  await vote.getByRole('button', { name: '核对', exact: true }).click();
  await expect(page.getByTestId('vote-round')).toHaveAttribute('data-state', 'checked');
  await vote.getByRole('button', { name: '公布结果' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认公布' }).click();
  await expect(page.getByTestId('vote-announced')).toBeVisible();

  // The hall: the later vote's title and its one row.
  await expect(hall.getByTestId('hall-vote-row')).toHaveCount(1);
  await expect(hall.getByTestId('hall-screen')).toContainText('满意度测评');
  await expect(hall.getByTestId('hall-screen')).not.toContainText('民主测评');
  await expect(hall.getByTestId('hall-vote-row')).toContainText(`${october.name}`);
  await expect(hall.getByTestId('hall-vote-row')).toContainText('满意');
  await hall.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
  await page.screenshot({ path: 'artifacts/later-vote/console.png', fullPage: true });
  await hall.screenshot({ path: 'artifacts/later-vote/hall.png' });

  // Stored on the original evaluation's later-vote record; its first vote's result untouched.
  expect(record()?.result).toMatchObject({ meetingId: later.id, state: 'announced', outcome: '满意', counts: { satisfied: 25, basic: 4, unsatisfied: 1 } });
  const after = yearFile(october.year).evaluations.find((e) => e.id === october.evaluationId)!;
  expect(after.voteResult).toEqual(before.voteResult);
  expect(after.meetingId).toBe(before.meetingId);
});

test('a 不满意 in October: the re-report heard at a later meeting like a report, timed on the console and the hall', async ({ page, context, hall }) => {
  test.setTimeout(180_000);
  await page.goto(host.urls.console);
  const desk = await context.newPage();
  await desk.goto(host.urls.desk);
  const october = await octoberAnnounced(page, 2);
  const later = await laterMeeting(desk, october.year, '二十五', 2);

  // The desk says what the rule asks and that this meeting comes before its day; the office decides.
  await desk.goto(`${host.urls.desk.split('#')[0]}#/meetings/${later.id}`);
  const row = desk.getByRole('region', { name: '整改情况的听取与测评' }).getByRole('row', { name: new RegExp(october.name) });
  await expect(row).toContainText('民主测评结果为“不满意”');
  await expect(row).toContainText('3个月后再次向常委会会议报告');
  await expect(row).toContainText(/建议安排在|尚未安排常委会会议/u);
  await expect(row.getByRole('button', { name: `列入满意度测评：${october.name}` })).toHaveCount(0);
  await row.getByRole('button', { name: `列入听取再次报告：${october.name}` }).click();
  await expect(row.getByRole('button', { name: `列入听取再次报告：${october.name}` })).toHaveText('已列入听取');
  await row.getByRole('button', { name: `列入整改情况测评：${october.name}` }).click();
  await expect(row.getByRole('button', { name: `列入整改情况测评：${october.name}` })).toHaveText('已列入整改情况测评');
  const agenda = desk.getByRole('table', { name: '会议议程' });
  await expect(agenda.getByRole('row').nth(1)).toContainText(`听取整改情况再次报告${october.name}`);
  await expect(agenda.getByRole('row').nth(2)).toContainText('整改情况测评');
  expect(yearFile(october.year).loop?.laterVotes.map((v) => [v.evaluationId, v.kind, v.meetingId])).toEqual([[october.evaluationId, 'reReport', later.id]]);

  await page.goto(host.urls.console);
  await page.getByRole('button', { name: `开始正式会议：${later.name}` }).click();
  await page.getByRole('button', { name: '全部出席' }).click();
  await page.getByRole('button', { name: '开始会议', exact: true }).click();
  await expect(page.getByTestId('live-status')).toHaveText('进行中');
  await page.getByRole('button', { name: `转到：第1项 ${october.name} 听取整改情况再次报告` }).click();
  await expect(page.getByTestId('current-stage')).toHaveText('听取整改情况再次报告');
  await expect(page.getByTestId('current-name')).toHaveText(october.name);
  await api(page, 'live.timer', { action: 'start' }, 'console');
  await expect(hall.getByText('听取整改情况再次报告')).toBeVisible();
  await expect(hall.getByText(october.name, { exact: true })).toBeVisible();
  await expect(hall.getByText('汇报计时')).toBeVisible();
  await page.screenshot({ path: 'artifacts/later-vote/hearing-console.png' });
  await hall.screenshot({ path: 'artifacts/later-vote/hearing-hall.png' });
  // The step after it is questioning, then the vote named by its title once.
  await expect(page.getByRole('button', { name: `转到：第1项 ${october.name} 随机询问` })).toBeVisible();
  await expect(page.getByRole('button', { name: '转到：第2项 整改情况测评 整改情况测评' })).toBeVisible();
});

