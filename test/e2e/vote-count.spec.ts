import type { Page } from '@playwright/test';
import { api, expect, host, startThisYearsMeeting, test } from './support/fixtures';
import type { ArgsOf, CallName } from '../../shared/api/contract';
import type { MeetingDetail } from '../../shared/api/desk-types';
import type { HallVoteContent, VoteConsoleState } from '../../shared/api/vote-types';
import { recordPageTraffic } from './support/api';

/**
 * 民主测评 end to end, in browser mode: the console keys sheets through the vote panel, the hall
 * page shows progress only until the reveal, a double-count mismatch blocks the reveal, and a
 * kill -9 right after a confirmed sheet loses nothing.
 */

async function apiError<N extends CallName>(page: Page, name: N, args: ArgsOf<N>): Promise<string> {
  const res = await page.request.post(`${host.origin}/console/api/${name}`, { data: args, headers: { 'Content-Type': 'application/json' } });
  const reply = (await res.json()) as { ok: boolean; error?: { message: string } };
  expect(reply.ok, `${name} should be refused`).toBe(false);
  return reply.error?.message ?? '';
}

/**
 * The demo meeting with its first vote cut to three evaluatees (the other two get a vote item of
 * their own), opened, everyone present, started and at that vote. Returns the vote item.
 */
async function atThreePersonVote(page: Page): Promise<{ agendaItemId: string; names: string[]; meetingId: string }> {
  let at = -1;
  let vote!: Extract<MeetingDetail['meeting']['agenda'][number], { kind: 'vote' }>;
  const meeting = await startThisYearsMeeting(page, async ({ id }) => {
    const agenda = (await api(page, 'meetings.get', { id })).meeting.agenda.map((a) => ({ ...a }));
    at = agenda.findIndex((a) => a.kind === 'vote');
    const found = agenda[at];
    if (found?.kind !== 'vote') throw new Error('no vote item');
    vote = found;
    agenda.splice(at, 1, { ...vote, evaluateeIds: vote.evaluateeIds.slice(0, 3) }, { kind: 'vote', title: '其余政府组成部门负责人满意度测评', evaluateeIds: vote.evaluateeIds.slice(3) } as typeof vote);
    await api(page, 'meetings.setAgenda', { id, agenda });
  });
  await api(page, 'live.goto', { itemIndex: at, stage: 'vote' });
  await expect(page.getByTestId('vote-panel')).toBeVisible();
  const state = await api(page, 'vote.state', {});
  const item = state.items.find((i) => i.agendaItemId === vote.id)!;
  return { agendaItemId: vote.id, names: item.evaluatees.map((e) => e.name), meetingId: meeting.id };
}

/** Through the panel: prepare, tellers, 发票 (everyone present), 收票. */
async function prepareOpenClose(page: Page, returned: number): Promise<void> {
  const panel = page.getByTestId('vote-panel');
  await panel.getByRole('button', { name: '准备测评' }).click();
  await panel.getByLabel('计票人').fill('周计票、吴计票');
  await panel.getByLabel('监票人').fill('郑监票');
  await panel.getByRole('button', { name: '保存计票人、监票人' }).click();
  await expect(panel.getByRole('button', { name: '保存计票人、监票人' })).toBeDisabled();
  await expect(panel.getByLabel('常委会组成人员发出票数')).toHaveValue('30');
  await panel.getByRole('button', { name: '发票', exact: true }).click();
  await panel.getByLabel('常委会组成人员收回票数').fill(String(returned));
  await panel.getByRole('button', { name: '收票', exact: true }).click();
  await expect(page.getByTestId('vote-round')).toHaveAttribute('data-state', 'closed');
}

interface Recorded {
  name: string;
  payload: unknown;
}

/** Records every API answer and every stream message the hall page receives. */
async function recordHall(page: Page): Promise<() => Promise<Recorded[]>> {
  const traffic = await recordPageTraffic(page);
  return async () => {
    const events = await traffic.events();
    const responses = (await traffic.responses()).flatMap(({ url, body }) => {
      const m = /\/api\/([^/?]+)$/.exec(new URL(url).pathname);
      return m ? [{ name: `api:${m[1]}`, payload: JSON.parse(body) as unknown }] : [];
    });
    return [...responses, ...events.map((e) => ({ name: `event:${e.name}`, payload: JSON.parse(e.data) as unknown }))];
  };
}

const MARK_KEYS = ['1', '2', '3', '0', '9'] as const;
type Tally = Record<(typeof MARK_KEYS)[number], number>;

function tally(sheets: string[], n: number): Tally[] {
  const out = Array.from({ length: n }, () => ({ '1': 0, '2': 0, '3': 0, '0': 0, '9': 0 }) as Tally);
  for (const s of sheets) [...s].forEach((k, i) => out[i]![k as keyof Tally]++);
  return out;
}

/** My own arithmetic: 半数三级 with 应到 30, rate (满意+基本满意)÷有效 to one decimal. */
function expected(c: Tally): { rate: string; grade: string } {
  const valid = c['1'] + c['2'] + c['3'];
  const rate = `${(Math.round(((c['1'] + c['2']) * 1000) / valid) / 10).toFixed(1)}%`;
  const grade = c['1'] * 2 >= 30 ? '满意' : (c['1'] + c['2']) * 2 > 30 ? '基本满意' : '不满意';
  return { rate, grade };
}

test('30 sheets for 3 evaluatees keyed on the console, one undone, sheet 7 corrected, revealed on the hall', async ({ page, browser }) => {
  // Thirty-one sheets typed key by key through the console's own field.
  test.slow(); // 30 sheets keyed one by one
  const { names } = await atThreePersonVote(page);
  const hallContext = await browser.newContext();
  const hall = await hallContext.newPage();
  const recorded = await recordHall(hall);
  await hall.goto(host.urls.hall);
  await expect(hall.getByTestId('hall-screen')).toBeVisible();

  await prepareOpenClose(page, 30);
  await expect(hall.getByTestId('hall-vote-progress')).toHaveText('已计 0 张／收回 30 张');

  // First person mostly 满意, second mostly 基本满意, third split: three different grades.
  const sheets = Array.from({ length: 30 }, (_, i) => `${i < 17 ? '1' : i < 27 ? '2' : '3'}${i < 8 ? '1' : i < 26 ? '2' : i < 28 ? '0' : '3'}${i < 5 ? '1' : i < 10 ? '2' : i < 27 ? '3' : '9'}`);
  const input = page.getByLabel(/号票的测评意见/);
  const key = async (keys: string, no: number) => {
    await expect(page.getByTestId('vote-next-no')).toHaveText(`第 ${no} 号票`);
    await input.pressSequentially(keys);
    await input.press('Enter');
  };
  for (let i = 0; i < 19; i++) await key(sheets[i]!, i + 1);
  // Sheet 20 keyed wrongly: Ctrl+Z undoes the last sheet, after a confirmation.
  await key('999', 20);
  await expect(page.getByTestId('vote-keyed')).toHaveText('已录入 20 张／收回 30 张');
  await input.press('Control+z');
  await page.getByRole('dialog').getByRole('button', { name: '撤销第20号票' }).click();
  await expect(page.getByTestId('vote-keyed')).toHaveText('已录入 19 张／收回 30 张');
  for (let i = 19; i < 30; i++) await key(sheets[i]!, i + 1);
  await expect(page.getByTestId('vote-keyed')).toHaveText('已录入 30 张／收回 30 张');
  await expect(hall.getByTestId('hall-vote-progress')).toHaveText('已计 30 张／收回 30 张');

  // Sheet 7 was read out as 3 3 9.
  await page.getByRole('button', { name: '更正某号票…' }).click();
  const dialog = page.getByRole('dialog', { name: '更正测评票' });
  await dialog.getByLabel('票号').fill('7');
  await expect(dialog.getByText(`原录入：`)).toContainText(`键 ${sheets[6]}`);
  await dialog.getByLabel(/更正为/).fill('339');
  await dialog.getByLabel(/更正理由/).fill('监票人复核，第7号票为不满意、不满意、无效');
  await dialog.getByRole('button', { name: '保存更正' }).click();
  await expect(dialog).toBeHidden();
  sheets[6] = '339';

  const counts = tally(sheets, 3);
  const table = page.getByTestId('vote-tally-members');
  for (const [i, c] of counts.entries()) {
    await expect(table.getByRole('row', { name: new RegExp(names[i]!) })).toContainText(`${names[i]}${c['1']}${c['2']}${c['3']}${c['0']}${c['9']}30`);
  }
  const panel = page.getByTestId('vote-panel');
  await panel.getByRole('button', { name: '核对', exact: true }).click();
  await expect(page.getByTestId('vote-round')).toHaveAttribute('data-state', 'checked');
  await expect(panel.getByTestId('vote-rule-text')).toContainText('依次判定，满意票达到应到人数的半数以上（含半数）的，为“满意”');
  await expect(hall.getByTestId('hall-vote-status')).toHaveText('计票完毕，等待公布');

  // Before the reveal nothing the hall received carries the split.
  const before = await recorded();
  expect(before.some((r) => r.name === 'event:hall.view')).toBe(true);
  for (const r of before) {
    const text = JSON.stringify(r.payload);
    for (const word of ['satisfied', 'unsatisfied', 'basic', 'rows', 'rate', 'outcome', 'arithmetic', 'sheets', 'tally', 'marks']) {
      expect(text, `${r.name} carries “${word}” before the reveal`).not.toContain(word);
    }
    const content = (r.payload as { content?: HallVoteContent; result?: { content?: HallVoteContent } }).content ?? (r.payload as { result?: { content?: HallVoteContent } }).result?.content;
    if (content?.kind === 'vote') expect(Object.keys(content).sort()).toEqual(['groups', 'kind', 'meetingName', 'names', 'phase', 'roundNo', 'status', 'title']);
  }

  await panel.getByRole('button', { name: '公布结果' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认公布' }).click();
  await expect(page.getByTestId('vote-announced')).toBeVisible();

  const rows = hall.getByTestId('hall-vote-row');
  await expect(rows).toHaveCount(3);
  for (const [i, c] of counts.entries()) {
    const { rate, grade } = expected(c);
    const other = c['0'] + c['9'];
    // Each count is printed in its part of the row's bar; a part with no votes is not drawn.
    const parts = [c['1'], c['2'], c['3'], ...(counts.some((x) => x['0'] + x['9'] > 0) ? [other] : [])].filter((n) => n > 0);
    await expect(rows.nth(i).getByTestId('hall-vote-bar')).toHaveText(parts.join(''));
    await expect(rows.nth(i)).toContainText([names[i], ...parts, rate, grade].join(''));
  }
  expect(counts.map((c) => expected(c).grade)).toEqual(['满意', '基本满意', '不满意']);
  await expect(hall.getByTestId('hall-vote-bar')).toHaveCount(3);
  await expect(hall.getByText('满意≥应到×1/2为满意；满意+基本满意>应到×1/2为基本满意；否则不满意')).toBeVisible();
  await expect(hall.getByText('应到30人　实到30人　发出30张　收回30张')).toBeVisible();

  // The log has every sheet, the undo and the correction with its reason.
  const round = (await api(page, 'vote.state', {})).items.flatMap((i) => i.rounds).find((r) => r.state === 'announced')!;
  const log = await api(page, 'vote.audit', { roundId: round.id });
  expect(log.filter((e) => e.action === 'sheet')).toHaveLength(31);
  expect(log.filter((e) => e.action === 'undo').map((e) => e.no)).toEqual([20]);
  expect(log.find((e) => e.action === 'correct')).toMatchObject({ no: 7, reason: '监票人复核，第7号票为不满意、不满意、无效' });
  await hallContext.close();
});

test('a double-count mismatch blocks the reveal and names the cell', async ({ page }) => {
  const { names } = await atThreePersonVote(page);
  await prepareOpenClose(page, 28);
  const panel = page.getByTestId('vote-panel');
  await panel.getByRole('radio', { name: '两次计票核对' }).click();
  await expect(panel.getByRole('radio', { name: '两次计票核对' })).toBeChecked();
  const fill = async (label: string, rows: number[][]) => {
    const grid = panel.getByRole('group', { name: label });
    for (const [i, row] of rows.entries()) {
      for (const [j, mark] of ['满意', '基本满意', '不满意', '空白', '无效'].entries()) {
        await grid.getByLabel(`${label}：${names[i]}的${mark}票数`).fill(String(row[j]));
      }
    }
  };
  const first = [
    [20, 6, 2, 0, 0],
    [12, 10, 6, 0, 0],
    [9, 5, 13, 1, 0],
  ];
  await fill('第一次计票', first);
  await panel.getByRole('button', { name: '录入第一次计票' }).click();
  await expect(page.getByTestId('vote-first-hidden')).toBeVisible();
  // Blind: the second grid starts empty and the state the console holds has no first numbers.
  await expect(panel.getByLabel(`第二次计票：${names[0]}的满意票数`)).toHaveValue('');
  const st: VoteConsoleState = await api(page, 'vote.state', {});
  expect(JSON.stringify(st)).not.toContain('"satisfied":20');
  const second = first.map((r) => [...r]);
  second[1] = [12, 9, 7, 0, 0];
  await fill('第二次计票', second);
  await panel.getByRole('button', { name: '录入第二次计票并比对' }).click();
  const mismatch = page.getByTestId('vote-mismatches');
  await expect(mismatch).toContainText(`${names[1]}的基本满意票：第一次计票 10 票，第二次计票 9 票，不一致`);
  await expect(mismatch).toContainText(`${names[1]}的不满意票：第一次计票 6 票，第二次计票 7 票，不一致`);
  await expect(page.getByTestId('vote-failures')).toContainText(`${names[1]}的基本满意票：第一次计票 10 票，第二次计票 9 票，不一致`);
  await expect(panel.getByRole('button', { name: '核对', exact: true })).toBeDisabled();
  const roundId = (await api(page, 'vote.state', {})).items.flatMap((i) => i.rounds).find((r) => r.state === 'counting')!.id;
  expect(await apiError(page, 'vote.check', { roundId })).toContain(`${names[1]}的基本满意票：第一次计票 10 票，第二次计票 9 票，不一致`);
  expect(await apiError(page, 'vote.announce', { roundId })).toContain('计票中');

  // The tellers recount; the second entry now agrees; the scrutineer confirms; the check passes.
  await panel.getByRole('button', { name: '重新录入第二次计票' }).click();
  await fill('第二次计票', first);
  await panel.getByRole('button', { name: '录入第二次计票并比对' }).click();
  await expect(panel.getByText('两次计票完全一致。请监票人确认。')).toBeVisible();
  await panel.getByRole('button', { name: '监票人确认' }).click();
  await panel.getByRole('button', { name: '核对', exact: true }).click();
  await expect(page.getByTestId('vote-round')).toHaveAttribute('data-state', 'checked');
});

test('kill -9 right after sheet N is confirmed: after the restart exactly N sheets', async ({ page, context }) => {
  await atThreePersonVote(page);
  await prepareOpenClose(page, 30);
  const hall = await context.newPage();
  await hall.goto(host.urls.hall);
  const input = page.getByLabel(/号票的测评意见/);
  const N = 7;
  for (let i = 1; i <= N; i++) {
    await input.pressSequentially(['123', '231', '312'][i % 3]!);
    await input.press('Enter');
  }
  // Confirmed: the console shows it only once the services answered, i.e. after the write is on disk.
  await expect(page.getByTestId('vote-keyed')).toHaveText(`已录入 ${N} 张／收回 30 张`);
  await host.kill9();
  await host.restart();
  const st = await api(page, 'vote.state', {});
  const round = st.items.flatMap((i) => i.rounds).find((r) => r.state === 'counting')!;
  expect(round.groups[0]!.sheets.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  // Both pages reconnect by themselves and show the same count.
  await expect(page.getByTestId('vote-keyed')).toHaveText(`已录入 ${N} 张／收回 30 张`, { timeout: 30_000 });
  await expect(page.getByTestId('vote-next-no')).toHaveText(`第 ${N + 1} 号票`);
  await expect(hall.getByTestId('hall-vote-progress')).toHaveText(`已计 ${N} 张／收回 30 张`, { timeout: 30_000 });
  const log = await api(page, 'vote.audit', { roundId: round.id });
  expect(log.filter((e) => e.action === 'sheet').map((e) => e.no)).toEqual([1, 2, 3, 4, 5, 6, 7]);
});
