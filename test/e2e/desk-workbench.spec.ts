import { api, expect, host, test } from './support/fixtures';
import { formatDateCn } from '../../shared/format/dates';

test.use({ apiRole: 'desk' });

/** Reads the records the way the desk does, with the cookie the page received. */
test('the workbench opens on the demo county with the figures of the records', async ({ page }) => {
  await page.goto(host.urls.desk);
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

  const plan = await api(page, 'plan.get', {});
  const meetings = await api(page, 'meetings.list', {});
  const members = await api(page, 'members.list', {});
  const year = new Date().getFullYear();
  const thisYear = plan.counts.plannedPerYear[plan.years.indexOf(year)];

  // The demo county as issue 3 describes it, read from the records, not from the screen.
  expect(plan.counts.total).toBe(81);
  expect(plan.counts.covered).toBe(81);
  expect(thisYear).toBe(11);
  expect(members).toHaveLength(30);
  const october = meetings.find((m) => m.year === year);
  expect(october).toBeDefined();

  await expect(page.getByTestId('wb-evaluations')).toHaveText(`${thisYear}项`);
  await expect(page.getByTestId('wb-report')).toHaveText('5');
  await expect(page.getByTestId('wb-written')).toHaveText('6');
  await expect(page.getByTestId('wb-coverage')).toHaveText(`${plan.counts.covered}/ ${plan.counts.total}人`);
  await expect(page.getByTestId('wb-members')).toHaveText(`${members.length}人`);
  await expect(page.getByTestId('wb-evaluatees')).toHaveText('81人在岗');

  // Every stage is listed; this year's evaluations are all at the research stage (the demo's research begun).
  const stages = page.getByRole('list', { name: '各阶段评议数' }).getByRole('listitem');
  await expect(stages).toHaveCount(9);
  await expect(page.getByRole('listitem', { name: '已列入计划 0项' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: `事前调研 ${thisYear}项` })).toBeVisible();
  await expect(page.getByRole('listitem', { name: '已办结 0项' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: '进一步监督 0项' })).toBeVisible();

  // Coverage per category matches the plan's counts.
  const byCategory = page.getByRole('table', { name: '按类别的覆盖情况' });
  for (const [category, c] of Object.entries(plan.counts.byCategory)) {
    if (c.total === 0) continue;
    await expect(byCategory.getByRole('row', { name: new RegExp(`^${category} ${c.total}人 ${c.covered}人`) })).toBeVisible();
  }
  await expect(page.getByText('计划无冲突，本届所有被评议对象均已列入计划。')).toBeVisible();

  // The next meeting is the demo October meeting, with its agenda counts and a way to open it.
  await expect(page.getByTestId('wb-next-meeting')).toHaveText(october!.name);
  await expect(page.getByText(formatDateCn(october!.date))).toBeVisible();
  await expect(page.getByText(`到会汇报${october!.reportItems}项 · 书面报告${october!.writtenItems}项 · 测评${october!.voteItems}项`)).toBeVisible();
  await page.getByRole('link', { name: '查看会议议程' }).click();
  await expect(page).toHaveURL(new RegExp(`#/meetings/${october!.id}$`));
  await expect(page.getByRole('heading', { name: october!.name })).toBeVisible();
});

test('the workbench follows the records: a new uncovered evaluatee shows at once', async ({ page }) => {
  await page.goto(host.urls.desk);
  await expect(page.getByTestId('wb-coverage')).toHaveText('81/ 81人');

  const court = (await api(page, 'units.list', {})).find((u) => u.kind === 'court')!;
  await api(page, 'evaluatees.create', {
    evaluatee: { name: '温知远', category: '员额法官', unitId: court.id, position: '审判员', postKey: `${court.id}/员额e2e`, appointmentDate: '2026-02-01' },
  });

  // No reload: the page refetches on the services' durable-change event.
  await expect(page.getByTestId('wb-coverage')).toHaveText('81/ 82人');
  await expect(page.getByText('尚有1人未覆盖')).toBeVisible();
  await expect(page.getByRole('table', { name: '按类别的覆盖情况' }).getByRole('row', { name: /^员额法官 33人 32人 1人/ })).toBeVisible();
  await expect(page.getByText('计划无冲突；尚有1人未列入计划。')).toBeVisible();
});
