import type { Page } from '@playwright/test';
import { api, expect, host, test } from './support/fixtures';
import { addDays } from '../../shared/format/dates';
import { LOOP_DAY, announceMixedVote, deliverOpinion, issueOpinion, laterMeeting } from './support/loop-cases';

/**
 * The two paths of the closed loop end to end (browser mode), across meetings, on the real screens:
 * (a) a 不满意 at the meeting's 民主测评 → opinion issued and delivered → the re-report heard at a
 *     later meeting → its 整改情况测评 still 不满意 (counted on the console, announced on the hall) →
 *     a 质询案 with 3 proposers, answered at a third meeting and judged → a 常委会相应决定 there closes it;
 * (b) a 满意 → opinion delivered → report received → 回头看 with verdicts → 满意度测评 at a later
 *     meeting → 已办结.
 * After each step the stage is read where the office reads it: the case page, the 跟踪整改 list,
 * the workbench's stage strip and the plan. The API sets up only what other specs drive on screen
 * (the first meeting's count, the opinion's drafting and issue). Screenshots: /tmp/loope2e-*.png.
 */

// The host's day is pinned (see support/loop-cases.ts), so the calendar is the same whatever the real date.
test.use({ apiRole: 'desk', hostToday: LOOP_DAY });

interface Case {
  year: number;
  name: string;
  evaluationId: string;
  meetingDate: string;
}

/** The host's today (pinned). */
function today(): string {
  return LOOP_DAY;
}

/** The first meeting (this year's demo meeting): its 民主测评 counted and announced, the meeting ended. */
async function firstMeetingVoted(page: Page, at: number): Promise<Case> {
  await page.goto(host.urls.console);
  const { year, evaluatees } = await announceMixedVote(page);
  const name = evaluatees[at]!.name;
  await page.goto(host.urls.desk);
  const row = (await api(page, 'opinions.list', {})).rows.find((r) => r.name === name && r.year === year)!;
  return { year, name, evaluationId: row.evaluationId, meetingDate: row.meetingDate! };
}

const DESK_STAGES = ['已列入计划', '事前调研', '评议会议', '民主测评', '评议意见', '跟踪整改', '回头看', '已办结', '进一步监督'] as const;
type DeskStage = (typeof DESK_STAGES)[number];

/** The workbench strip's count of one stage (as its item reads: "跟踪整改 3项"). */
async function stripCount(page: Page, stage: DeskStage): Promise<number> {
  const label = await page.getByRole('list', { name: '各阶段评议数' }).getByRole('listitem').filter({ hasText: stage }).first().getAttribute('aria-label');
  const m = new RegExp(`^${stage} (\\d+)项$`).exec(label ?? '');
  return m ? Number(m[1]) : -1;
}

async function stripCounts(page: Page): Promise<Record<DeskStage, number>> {
  await page.goto(`${host.urls.desk}#/`);
  await expect(page.getByRole('list', { name: '各阶段评议数' })).toBeVisible();
  const out = {} as Record<DeskStage, number>;
  for (const s of DESK_STAGES) out[s] = await stripCount(page, s);
  return out;
}

/**
 * The case's stage as every screen shows it: the case page's tag, its row in the 跟踪整改 list,
 * its cell in the plan, and the workbench strip (this stage one more than `base`, the counts taken
 * before the case entered the loop, `from` one less).
 */
async function stageShown(page: Page, c: Case, stage: DeskStage, strip?: { base: Record<DeskStage, number>; from: DeskStage }) {
  await page.goto(`${host.urls.desk}#/loop/${c.year}/${c.evaluationId}`);
  await expect(page.getByRole('heading', { name: `${c.name} · 跟踪整改`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('loop-stage')).toHaveText(stage);

  await page.goto(`${host.urls.desk}#/loop?year=${c.year}`);
  await expect(page.getByRole('table', { name: '跟踪整改列表' }).getByRole('row').filter({ hasText: c.name })).toContainText(stage);

  await page.goto(`${host.urls.desk}#/plan`);
  const cell = page.getByTestId('plan-table').locator(`[aria-label^="${c.name} ${c.year}年 "]`).first();
  await expect(cell).toHaveAttribute('aria-label', new RegExp(`^${c.name} ${c.year}年 ${stage} `));

  if (strip) {
    await page.goto(`${host.urls.desk}#/`);
    await expect.poll(() => stripCount(page, stage)).toBe(strip.base[stage] + (stage === strip.from ? 0 : 1));
    if (stage !== strip.from) expect(await stripCount(page, strip.from)).toBe(strip.base[strip.from] - 1);
  }
}

/** The later meeting held on the console: started, its vote item counted by totals, announced; the hall shows the result. */
async function laterVoteCounted(console_: Page, hall: Page, meetingName: string, itemButton: string, title: string, name: string, marks: readonly [number, number, number], outcome: string, shot: string, hearing?: string) {
  await console_.goto(host.urls.console);
  await console_.getByRole('button', { name: `开始正式会议：${meetingName}` }).click();
  await console_.getByRole('button', { name: '全部出席' }).click();
  await console_.getByRole('button', { name: '开始会议', exact: true }).click();
  await expect(console_.getByTestId('live-status')).toHaveText('进行中');
  if (hearing) {
    // The re-report heard first, like a report: its stage on the console and the hall.
    await console_.getByRole('button', { name: `转到：第1项 ${name} ${hearing}` }).click();
    await expect(console_.getByTestId('current-stage')).toHaveText(hearing);
    await expect(console_.getByTestId('current-name')).toHaveText(name);
    await expect(hall.getByText(hearing)).toBeVisible();
    await expect(hall.getByText(name, { exact: true })).toBeVisible();
    await hall.screenshot({ path: '/tmp/loope2e-a-hearing-hall.png' });
  }
  await console_.getByRole('button', { name: itemButton }).click();
  const vote = console_.getByTestId('vote-panel');
  await expect(vote.getByRole('heading', { name: title })).toBeVisible();
  await vote.getByRole('button', { name: '准备测评' }).click();
  await vote.getByLabel('计票人').fill('周计票');
  await vote.getByLabel('监票人').fill('郑监票');
  await vote.getByRole('button', { name: '保存计票人、监票人' }).click();
  await expect(vote.getByRole('button', { name: '保存计票人、监票人' })).toBeDisabled();
  await vote.getByRole('button', { name: '发票', exact: true }).click();
  await vote.getByLabel('常委会组成人员收回票数').fill('30');
  await vote.getByRole('button', { name: '收票', exact: true }).click();
  await expect(console_.getByTestId('vote-round')).toHaveAttribute('data-state', 'closed');
  await vote.getByRole('radio', { name: '汇总录入' }).click();
  const grid = vote.getByRole('group', { name: '汇总计票结果' });
  for (const [mark, n] of [['满意', marks[0]], ['基本满意', marks[1]], ['不满意', marks[2]], ['空白', 0], ['无效', 0]] as const) {
    await grid.getByLabel(`汇总计票结果：${name}的${mark}票数`).fill(String(n));
  }
  await grid.getByRole('button', { name: '录入汇总结果' }).click();
  await vote.getByRole('button', { name: '核对', exact: true }).click();
  await expect(console_.getByTestId('vote-round')).toHaveAttribute('data-state', 'checked');
  await vote.getByRole('button', { name: '公布结果' }).click();
  await console_.getByRole('dialog').getByRole('button', { name: '确认公布' }).click();
  await expect(console_.getByTestId('vote-announced')).toBeVisible();
  await expect(hall.getByTestId('hall-screen')).toContainText(title);
  await expect(hall.getByTestId('hall-vote-row')).toHaveCount(1);
  await expect(hall.getByTestId('hall-vote-row')).toContainText(name);
  await expect(hall.getByTestId('hall-vote-row')).toContainText(outcome);
  if (outcome === '满意') await expect(hall.getByTestId('hall-vote-row')).not.toContainText('不满意');
  await hall.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
  await hall.screenshot({ path: shot });
  await api(console_, 'live.end', { confirm: '结束会议' }, 'console');
  await api(console_, 'live.leave', {}, 'console');
}

test('a 不满意 case across three meetings: re-report, 整改情况测评 still 不满意, 质询案, then a 相应决定 closes it', async ({ page, context, hall }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  const desk = await context.newPage();
  await desk.setViewportSize({ width: 1440, height: 1000 });
  await desk.goto(host.urls.desk);

  // Meeting 1: the 民主测评 gives 不满意.
  const c = await firstMeetingVoted(page, 2);
  await stageShown(desk, c, '评议意见');
  const base1 = await stripCounts(desk);

  // The opinion is still issued and delivered; the case waits for its re-report at a meeting.
  await issueOpinion(desk, c);
  await stageShown(desk, c, '评议意见');
  const deliveredOn = await deliverOpinion(desk, c);
  await stageShown(desk, c, '跟踪整改', { base: base1, from: '评议意见' });
  await desk.goto(`${host.urls.desk}#/loop/${c.year}/${c.evaluationId}`);
  await expect(desk.getByTestId('loop-next')).toContainText('再次');
  await desk.screenshot({ path: '/tmp/loope2e-a-rectification.png', fullPage: false });

  // Meeting 2: the re-report heard and its 整改情况测评 put on the agenda from the desk.
  const second = await laterMeeting(desk, c.year, '二十五', 2);
  await desk.goto(`${host.urls.desk}#/meetings/${second.id}`);
  const row = desk.getByRole('region', { name: '整改情况的听取与测评' }).getByRole('row', { name: new RegExp(c.name) });
  await expect(row).toContainText('民主测评结果为“不满意”');
  await row.getByRole('button', { name: `列入听取再次报告：${c.name}` }).click();
  await expect(row.getByRole('button', { name: `列入听取再次报告：${c.name}` })).toHaveText('已列入听取');
  await row.getByRole('button', { name: `列入整改情况测评：${c.name}` }).click();
  await expect(row.getByRole('button', { name: `列入整改情况测评：${c.name}` })).toHaveText('已列入整改情况测评');
  // Put on an agenda, the case stays in rectification until the vote is announced.
  await stageShown(desk, c, '跟踪整改');

  // The console holds it; the hall announces 不满意 again.
  await laterVoteCounted(page, hall, second.name, '转到：第2项 整改情况测评 整改情况测评', '整改情况测评', c.name, [6, 8, 16], '不满意', '/tmp/loope2e-a-hall.png', '听取整改情况再次报告');

  // Escalated: 进一步监督 on every screen; the case page lists the later vote and offers the steps.
  await stageShown(desk, c, '进一步监督', { base: base1, from: '评议意见' });
  await desk.goto(`${host.urls.desk}#/loop?year=${c.year}&stage=escalated`);
  await expect(desk.getByRole('table', { name: '跟踪整改列表' }).getByRole('row').filter({ hasText: c.name }).locator('.tag.danger')).toHaveText('进一步监督');
  await desk.screenshot({ path: '/tmp/loope2e-a-list.png', fullPage: false });
  await desk.goto(`${host.urls.desk}#/loop/${c.year}/${c.evaluationId}`);
  const later = desk.getByRole('table', { name: '后续测评' });
  await expect(later.getByRole('row').filter({ hasText: '整改情况测评' })).toContainText(second.name);
  await expect(later.getByRole('row').filter({ hasText: '整改情况测评' }).locator('.tag.danger')).toHaveText('不满意');

  // Meeting 3 is scheduled; the 质询案 by 3 members, answered there, judged by its proposers.
  const third = await laterMeeting(desk, c.year, '二十六', 3);
  await desk.reload();
  await expect(desk.getByTestId('loop-stage')).toHaveText('进一步监督');
  const members = (await api(desk, 'members.list', {})).filter((m) => m.active);
  await desk.getByRole('button', { name: '提出质询案' }).click();
  const form = desk.getByRole('dialog', { name: '记录质询案' });
  await form.getByLabel('提出日期').fill(today());
  await form.getByLabel('质询对象').fill(`${c.name}所在单位`);
  for (const m of members.slice(0, 3)) await form.getByLabel(`提案人：${m.name}`).check();
  await expect(form.getByRole('status', { name: '提案人人数' })).not.toContainText('还差');
  await form.getByLabel('质询的问题').fill('整改情况测评仍不满意，整改措施为何未落实到位？');
  await form.getByLabel('质询的内容和理由').fill('再次报告后群众反映的问题仍未解决。');
  await form.getByText('主任会议已决定答复方式').click();
  await form.getByLabel('主任会议决定日期').fill(today());
  await form.getByLabel('答复方式', { exact: true }).selectOption({ label: '在常委会会议上口头答复' });
  await form.getByLabel('答复会议').selectOption({ value: third.id });
  await form.getByRole('button', { name: '记录答复' }).click();
  const answer = form.getByRole('group', { name: '第1次答复' });
  await answer.getByLabel('答复日期').fill(today());
  await answer.getByLabel('答复人').fill(c.name);
  await answer.getByLabel('答复内容').fill('已重新制定整改方案，逐项限期落实。');
  await answer.getByLabel(`不满意：${members[0]!.name}`).check();
  await answer.getByLabel('提案人表示意见日期').fill(today());
  await expect(answer).not.toContainText('应再次答复');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  const step = desk.getByRole('article', { name: '质询案' });
  await expect(step).toContainText('提案人3人');
  await expect(step).toContainText('第1次答复');
  await expect(step).toContainText(third.name);
  // A 质询案 does not close the case by itself.
  await expect(desk.getByTestId('loop-stage')).toHaveText('进一步监督');
  await step.scrollIntoViewIfNeeded();
  await desk.screenshot({ path: '/tmp/loope2e-a-interpellation.png', fullPage: false });
  expect(deliveredOn <= today()).toBe(true);

  // The 常委会相应决定 at meeting 3 closes it.
  await desk.getByRole('button', { name: '记录常委会相应决定' }).click();
  const decision = desk.getByRole('dialog', { name: '记录常委会相应决定' });
  await decision.getByLabel('作出决定的会议').selectOption({ value: third.id });
  await decision.getByLabel('决定日期').fill(today());
  await decision.getByLabel('决定内容').fill(`责成${c.name}所在单位于三个月内向常委会书面报告整改结果。`);
  await decision.getByRole('button', { name: '保存' }).click();
  await expect(decision).toBeHidden();
  await expect(desk.getByRole('article', { name: '常委会相应决定' })).toContainText(third.name);
  await expect(desk.getByTestId('loop-stage')).toHaveText('已办结');
  // Closed by the decision: a further step is still possible (confirmed), and the hint says why the case is closed.
  await desk.getByText('其他情形下记录进一步监督措施').click();
  await expect(desk.locator('.loop-offpath .loop-hint')).toContainText('已因常委会作出决定而办结');
  await desk.screenshot({ path: '/tmp/loope2e-a-closed.png', fullPage: true });
  await stageShown(desk, c, '已办结', { base: base1, from: '评议意见' });
});

test('a 满意 case through the report, 回头看 and its 满意度测评 at a later meeting to 已办结', async ({ page, context, hall }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  const desk = await context.newPage();
  await desk.setViewportSize({ width: 1440, height: 1000 });
  await desk.goto(host.urls.desk);

  const c = await firstMeetingVoted(page, 0);
  await stageShown(desk, c, '评议意见');
  const base = await stripCounts(desk);
  await issueOpinion(desk, c);
  const deliveredOn = await deliverOpinion(desk, c);
  await stageShown(desk, c, '跟踪整改', { base, from: '评议意见' });

  // The report received, on the case page.
  await desk.goto(`${host.urls.desk}#/loop/${c.year}/${c.evaluationId}`);
  await desk.getByRole('button', { name: '登记收到整改情况报告' }).click();
  const dialog = desk.getByRole('dialog', { name: '登记收到整改情况报告' });
  await dialog.getByLabel('收到日期').fill(addDays(deliveredOn, 20));
  await dialog.getByLabel('报告文号').fill('青政发〔2026〕8号');
  await dialog.getByLabel('报告成文日期').fill(addDays(deliveredOn, 18));
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(desk.getByTestId('loop-stage')).toHaveText('回头看');
  await stageShown(desk, c, '回头看', { base, from: '评议意见' });

  // 回头看: dates, the group, a verdict per item.
  await desk.goto(`${host.urls.desk}#/loop/${c.year}/${c.evaluationId}`);
  await desk.getByRole('button', { name: '开始回头看' }).click();
  const start = desk.getByRole('dialog', { name: '开始回头看' });
  await start.getByLabel('开始日期').fill(addDays(deliveredOn, 25));
  await start.getByLabel('结束日期').fill(addDays(deliveredOn, 27));
  await start.getByRole('button', { name: '开始' }).click();
  await expect(start).toBeHidden();
  const leader = (await api(desk, 'members.list', {})).find((m) => m.active)!;
  await desk.getByLabel('选择调研组成员').selectOption({ value: leader.id });
  await desk.getByRole('button', { name: '添加到调研组' }).click();
  await expect(desk.getByRole('list', { name: '回头看调研组成员' })).toContainText(leader.name);
  await desk.getByLabel('第1项核查评价').selectOption({ label: '整改到位' });
  await desk.getByLabel('第2项核查评价').selectOption({ label: '整改到位' });
  await desk.getByLabel('第3项核查评价').selectOption({ label: '基本到位' });
  await desk.getByLabel('第3项核查情况').fill('来信来访台账已建立，办结率有待提高。');
  await desk.getByLabel('第3项核查情况').blur();
  await expect(desk.getByRole('status', { name: '回头看保存状态' })).toContainText('已保存');
  await expect(desk.getByRole('article', { name: '第3项整改台账' }).getByLabel('第3项回头看评价')).toHaveValue('mostlyRectified');
  // 回头看 recorded: still waiting for its 满意度测评, so not closed.
  await expect(desk.getByTestId('loop-stage')).toHaveText('回头看');
  await desk.getByRole('heading', { name: '回头看（问效调研）' }).scrollIntoViewIfNeeded();
  await desk.screenshot({ path: '/tmp/loope2e-b-followup.png', fullPage: false });

  // The 满意度测评 on a later meeting's agenda (the report received: no confirmation asked).
  const later = await laterMeeting(desk, c.year, '二十五', 2);
  await desk.goto(`${host.urls.desk}#/meetings/${later.id}`);
  const row = desk.getByRole('region', { name: '整改情况的听取与测评' }).getByRole('row', { name: new RegExp(c.name) });
  await row.getByRole('button', { name: `列入满意度测评：${c.name}` }).click();
  await expect(row.getByRole('button', { name: `列入满意度测评：${c.name}` })).toHaveText('已列入满意度测评');
  await expect(desk.getByRole('dialog', { name: '提前测评' })).toHaveCount(0);
  await stageShown(desk, c, '回头看');

  // Counted on the console, announced on the hall.
  await laterVoteCounted(page, hall, later.name, '转到：第1项 满意度测评 满意度测评', '满意度测评', c.name, [24, 5, 1], '满意', '/tmp/loope2e-b-hall.png');

  // Closed: on the case page, the list, the plan and the workbench.
  await stageShown(desk, c, '已办结', { base, from: '评议意见' });
  await desk.goto(`${host.urls.desk}#/loop/${c.year}/${c.evaluationId}`);
  await expect(desk.getByRole('table', { name: '后续测评' }).getByRole('row').filter({ hasText: '满意度测评' }).locator('.tag.ok')).toHaveText('满意');
  await desk.screenshot({ path: '/tmp/loope2e-b-closed.png', fullPage: true });
  await desk.goto(`${host.urls.desk}#/`);
  await desk.getByRole('list', { name: '各阶段评议数' }).scrollIntoViewIfNeeded();
  await desk.screenshot({ path: '/tmp/loope2e-b-workbench.png', fullPage: false });
});
