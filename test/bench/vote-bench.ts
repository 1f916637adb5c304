import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ArgsOf, CallName, ResultOf } from '../../shared/api/contract';
import { startHost, type Host } from '../e2e/support/host';
import { operatorPause, percentile, report } from './stats';
import { consoleWork, reportWork, type ConsoleWork } from './draw-bench';
import { launch } from './ui-bench';

/**
 * 民主测评: a keyed sheet → durable → the hall repainted with the new progress, in browser mode.
 * Measured in the pages themselves: the console page takes performance.timeOrigin + now() when it
 * makes the call; the hall page records the same clock when it paints the picture of that rev
 * (window.__hallPaints, written by hall-app.tsx with the vote picture's phase). 10 rounds of 30 sheets after a warm-up round.
 */

const ROUNDS = 10;
const SHEETS = 30;

async function api<N extends CallName>(page: Page, host: Host, name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
  const res = await page.request.post(`${host.origin}/console/api/${name}`, { data: args, headers: { 'Content-Type': 'application/json' } });
  const reply = (await res.json()) as { ok: boolean; result: ResultOf<N>; error?: { message: string } };
  if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`);
  return reply.result;
}

/** One sheet keyed from the console page; resolves with the call's moment and the rev it produced. */
function keySheet(page: Page, roundId: string, marks: string[]): Promise<{ t0: number; rev: number }> {
  return page.evaluate(
    async ({ roundId, marks }) => {
      const t0 = performance.timeOrigin + performance.now();
      const res = await fetch('api/vote.sheet', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ roundId, groupId: 'members', marks }) });
      const reply = (await res.json()) as { ok: boolean; result?: { rev: number }; error?: { message: string } };
      if (!reply.ok || !reply.result) throw new Error(reply.error?.message ?? 'vote.sheet failed');
      return { t0, rev: reply.result.rev };
    },
    { roundId, marks },
  );
}

/** When the hall painted a picture at least as new as `rev` (its own clock). */
async function paintedAt(hall: Page, rev: number): Promise<number> {
  const handle = await hall.waitForFunction((r) => window.__hallPaints?.find((p) => p.rev >= r && p.phase === 'progress')?.at, rev, { timeout: 10_000 });
  return (await handle.jsonValue()) as number;
}

const MARKS = ['satisfied', 'basic', 'unsatisfied', 'blank', 'invalid'] as const;

async function measure(archive: string): Promise<{ samples: number[]; work: ConsoleWork }> {
  // The bench writes rounds into the meeting: work on a copy so the archive stays as generated.
  const dataDir = join(await mkdtemp(join(tmpdir(), 'pingyi-vote-bench-')), 'data');
  await cp(archive, dataDir, { recursive: true });
  const host = await startHost({ dataDir });
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const hall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' })).newPage();
    await page.goto(host.urls.console);
    const year = new Date().getFullYear();
    const meeting = (await api(page, host, 'live.state', {})).meetings.find((m) => m.date.startsWith(String(year)));
    if (!meeting) throw new Error(`no ${year} meeting in the archive`);
    let live = await api(page, host, 'live.open', { meetingId: meeting.id, rehearsal: false });
    await api(page, host, 'live.attendanceAll', { status: 'present' });
    live = await api(page, host, 'live.start', {});
    const itemIndex = live.agenda.findIndex((a) => a.kind === 'vote');
    await api(page, host, 'live.goto', { itemIndex, stage: 'vote' });
    await hall.goto(host.urls.hall);
    await hall.getByTestId('hall-screen').waitFor();
    const agendaItemId = live.meeting!.agenda[itemIndex]!.id;
    const samples: number[] = [];
    const work = await consoleWork(page);
    for (let r = 0; r <= ROUNDS; r++) {
      if (r === 1) await work.start();
      const prepared = await api(page, host, 'vote.prepare', { agendaItemId });
      const round = prepared.items.find((i) => i.agendaItemId === agendaItemId)!.rounds.at(-1)!;
      const n = round.evaluatees.length;
      await api(page, host, 'vote.setTellers', { roundId: round.id, tellers: ['计票人甲'], scrutineers: ['监票人乙'] });
      await api(page, host, 'vote.open', { roundId: round.id, groups: [{ groupId: 'members', issued: 30 }] });
      await api(page, host, 'vote.close', { roundId: round.id, groups: [{ groupId: 'members', returned: SHEETS }] });
      // Round 0 warms up the host, the pages and the JITs; it is not counted.
      const sheets = r === 0 ? 10 : SHEETS;
      for (let s = 0; s < sheets; s++) {
        const marks = Array.from({ length: n }, (_, i) => MARKS[(s * 7 + i * 3 + r) % 3]!);
        const { t0, rev } = await keySheet(page, round.id, marks);
        const t1 = await paintedAt(hall, rev);
        if (r > 0) samples.push(t1 - t0);
        await operatorPause();
      }
      await api(page, host, 'vote.void', { roundId: round.id, reason: '基准测试，作废后重新准备' });
    }
    return { samples, work: await work.stop() };
  } finally {
    await browser.close();
    await host.stop();
  }
}

/** Prints vote.sheet.p50.ms / p95.ms (10-year archive), p95.1y.ms (1 year) and their growth. */
export async function voteBench(archive10: string, archive1: string): Promise<void> {
  const tenRun = await measure(archive10);
  const ten = tenRun.samples;
  const one = (await measure(archive1)).samples;
  // Covers the round set-ups between the timed sheets too (a few calls per 30 sheets).
  reportWork('vote.console.per_sheet', tenRun.work, ROUNDS * SHEETS);
  const p95 = percentile(ten, 95);
  const p95one = percentile(one, 95);
  report('vote.sheet.p50.ms', percentile(ten, 50), 'ms');
  report('vote.sheet.p95.ms', p95, 'ms');
  report('vote.sheet.p95.1y.ms', p95one, 'ms');
  report('vote.sheet.growth', p95 / p95one, 'x');
}
