import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { ArgsOf, CallName, ResultOf } from '../../shared/api/contract';
import { startHost, type Host } from './support/host';
import { callApi } from './support/api';
import { measureHall } from './support/hall-layout';

/**
 * The hall's result page of 民主测评: five evaluatees on one page, headers on one line each, the
 * bars taking the width, and a grade that its rate does not suggest explained on its row.
 */

let host: Host;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

function api<N extends CallName>(page: Page, name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
  return callApi(page, host, name, args);
}

const zero = { satisfied: 0, basic: 0, unsatisfied: 0, blank: 0, invalid: 0 };
// 应到 30, all 30 sheets back: 满意; 基本满意 at 93.3% (满意 alone short of half); 不满意 at exactly half;
// 满意 with a blank sheet (the 空白/无效 column appears); 基本满意 again.
const ROWS = [
  { ...zero, satisfied: 15, basic: 10, unsatisfied: 5 },
  { ...zero, satisfied: 14, basic: 14, unsatisfied: 2 },
  { ...zero, satisfied: 9, basic: 6, unsatisfied: 15 },
  { ...zero, satisfied: 28, basic: 1, blank: 1 },
  { ...zero, satisfied: 14, basic: 16 },
];

async function announce(operator: Page, hall: Page) {
  const state = await api(operator, 'live.state', {});
  const meeting = state.meetings.find((m) => m.date.startsWith(String(new Date().getFullYear())))!;
  await api(operator, 'live.open', { meetingId: meeting.id, rehearsal: true });
  await api(operator, 'live.attendanceAll', { status: 'present' });
  let live = await api(operator, 'live.start', {});
  const index = live.agenda.findIndex((a) => a.kind === 'vote' && a.evaluatees.length === ROWS.length);
  expect(index, 'the demo meeting has a vote over five evaluatees').toBeGreaterThanOrEqual(0);
  live = await api(operator, 'live.goto', { itemIndex: index, stage: 'vote' });
  const agendaItemId = live.meeting!.agenda[index]!.id;
  const prepared = await api(operator, 'vote.prepare', { agendaItemId });
  const round = prepared.items.find((i) => i.agendaItemId === agendaItemId)!.rounds.at(-1)!;
  await api(operator, 'vote.setTellers', { roundId: round.id, tellers: ['计票人甲'], scrutineers: ['监票人乙'] });
  await api(operator, 'vote.open', { roundId: round.id, groups: [{ groupId: 'members', issued: 30 }] });
  await api(operator, 'vote.close', { roundId: round.id, groups: [{ groupId: 'members', returned: 30 }] });
  // Before the count is announced the hall shows progress only: it reads as well as the result.
  await expect(hall.getByTestId('hall-vote-status')).toHaveText('已收票，即将计票');
  await hall.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
  const progress = await measureHall(hall);
  expect(progress.small, 'progress: text smaller than 4% of the screen height').toEqual([]);
  expect(progress.lowContrast, 'progress: contrast below 7:1').toEqual([]);
  await api(operator, 'vote.mode', { roundId: round.id, groupId: 'members', mode: 'totals' });
  await api(operator, 'vote.totals', { roundId: round.id, groupId: 'members', counts: ROWS });
  await api(operator, 'vote.check', { roundId: round.id });
  await api(operator, 'vote.announce', { roundId: round.id });
  return live.agenda[index]!.evaluatees.map((e) => e.name);
}

/** How many lines each header's text takes (its text nodes' line boxes, grouped by their top). */
function headerLines(hall: Page): Promise<{ text: string; lines: number }[]> {
  return hall.getByTestId('hall-vote-head').evaluateAll((els) =>
    els.map((el) => {
      const tops: number[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.width > 0) tops.push(r.top);
      }
      const size = parseFloat(getComputedStyle(el).fontSize);
      const lines = tops.sort((a, b) => a - b).filter((t, i, all) => i === 0 || t - all[i - 1]! > size / 2).length;
      return { text: el.textContent ?? '', lines };
    }),
  );
}

for (const [w, h] of [
  [1920, 1080],
  [1024, 768],
] as const) {
  test(`the result page at ${w}×${h}: five on one page, headers on one line, the grade explained`, async ({ browser }) => {
    mkdirSync('artifacts/hall', { recursive: true });
    const operator = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await operator.goto(host.urls.console);
    const hall = await browser.newPage({ viewport: { width: w, height: h } });
    await hall.goto(host.urls.hall);
    const names = await announce(operator, hall);

    await expect(hall.getByTestId('hall-vote-row')).toHaveCount(5);
    await expect(hall.getByTestId('hall-vote-result')).toBeVisible();
    await expect(hall.getByText(/第\d页／共\d页/)).toHaveCount(0);
    await hall.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));

    const heads = await headerLines(hall);
    expect(heads.map((x) => x.text)).toEqual(['满意', '基本满意', '不满意', '空白/无效', '满意率', '等次']);
    for (const head of heads) expect(head.lines, `header “${head.text}” wraps`).toBe(1);

    // The bars take the width: at least 60% of the slide, on a 16:9 and on a 4:3 screen alike
    // (to the pixel: layout rounds widths to fractions of a pixel).
    const { bar, slide } = await hall.evaluate(() => ({
      slide: document.querySelector('.hall-vote')!.getBoundingClientRect().width,
      bar: Math.min(...[...document.querySelectorAll('[data-testid="hall-vote-chart"]')].map((c) => c.getBoundingClientRect().width)),
    }));
    expect(bar + 0.5).toBeGreaterThanOrEqual(0.6 * slide);

    // Each row's numbers are in its bar; a grade below the best says why, in that row's numbers.
    const rows = hall.getByTestId('hall-vote-row');
    await expect(rows.nth(1)).toContainText(names[1]!);
    await expect(rows.nth(1).getByTestId('hall-vote-bar')).toHaveText('14142');
    await expect(rows.nth(1)).toContainText('93.3%');
    await expect(rows.nth(1).getByTestId('hall-vote-explain')).toHaveText('满意 14 票，未达应到 30 人的半数');
    await expect(rows.nth(2).getByTestId('hall-vote-explain')).toHaveText('满意与基本满意共 15 票，未超过应到 30 人的半数');
    await expect(rows.nth(0).getByTestId('hall-vote-explain')).toHaveCount(0);

    const report = await measureHall(hall);
    expect(report.small, 'text smaller than 4% of the screen height').toEqual([]);
    expect(report.overflow, 'overflow').toEqual([]);
    expect(report.outside, 'outside the screen').toEqual([]);
    expect(report.covered, 'under the 彩排 mark').toEqual([]);
    expect(report.lowContrast, 'contrast below 7:1').toEqual([]);
    await hall.screenshot({ path: `artifacts/hall/result-${w}x${h}.png` });
  });
}
