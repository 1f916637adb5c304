import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ArgsOf, CallName, ResultOf } from '../../shared/api/contract';
import { startHost, type Host } from '../e2e/support/host';
import { operatorPause, percentile, report } from './stats';
import { launch } from './ui-bench';

const DRAWS = 60;
const WARMUP = 4;

/**
 * 随机询问, browser mode, on a copy of the 10-year archive: from the console making the draw call
 * (animation skipped) to the hall page painting the settled name. Both ends are measured in the
 * pages on the same clock (performance.timeOrigin + performance.now()): the console just before
 * its call, the hall in the frame it painted the name (window.__drawPaints, see draw-slide).
 */
export async function drawBench(archive10: string): Promise<void> {
  // A copy: the draws, the log and the live session must not change the archive other benches read.
  const dataDir = join(await mkdtemp(join(tmpdir(), 'pingyi-drawbench-')), 'data');
  await cp(archive10, dataDir, { recursive: true });
  const host = await startHost({ dataDir });
  const browser = await launch();
  try {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const operator = await context.newPage();
    await operator.setViewportSize({ width: 1440, height: 900 });
    // The hall in its own context, as on its own screen: the console's rendering is not its work.
    const hall = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } })).newPage();
    await hall.addInitScript(stampHallEvents);
    await operator.goto(host.urls.console);
    await toQuestioning(host, operator);
    await hall.goto(host.urls.hall);
    await hall.getByTestId('hall-screen').waitFor();

    const samples: number[] = [];
    const received: number[] = [];
    const rendered: number[] = [];
    const work = await consoleWork(operator);
    for (let i = 0; i < DRAWS + WARMUP; i++) {
      if (i === WARMUP) await work.start();
      const state = await api(host, operator, 'questioning.state', {});
      if (state.candidates.length === 0) await api(host, operator, 'questioning.newCycle', { reason: '本轮所有出席人员均已提问' });
      const { drawId, t0 } = await operator.evaluate(async () => {
        const t = performance.timeOrigin + performance.now();
        const res = await fetch('api/questioning.draw', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"skipAnimation":true}' });
        const reply = (await res.json()) as { ok: boolean; result?: { current: { drawId: string } | null }; error?: { message: string } };
        if (!reply.ok || !reply.result?.current) throw new Error(`questioning.draw: ${reply.error?.message ?? 'no draw'}`);
        return { drawId: reply.result.current.drawId, t0: t };
      });
      const painted = await hall.waitForFunction(
        (id) => window.__drawPaints?.find((p) => p.drawId === id)?.at,
        drawId,
        { polling: 'raf', timeout: 10_000 },
      );
      const at = (await painted.jsonValue()) as number;
      const event = await hall.evaluate((id) => window.__hallEvents?.find((e) => e.drawId === id) ?? null, drawId);
      if (i >= WARMUP) {
        samples.push(at - t0);
        if (event) {
          received.push(event.received - t0);
          rendered.push(event.handled - t0);
        }
      }
      await operatorPause();
      await api(host, operator, 'questioning.next', {});
      // Like an operator between questions: the next draw starts once the hall is back on the evaluatee.
      await hall.waitForFunction(() => document.querySelector('[data-testid="hall-screen"]')?.getAttribute('data-kind') === 'evaluatee', undefined, { polling: 'raf' });
    }
    reportWork('draw.console.per_draw', await work.stop(), DRAWS);
    // Where the time goes: the click to the hall's page receiving the hall.view event (the call,
    // the durable write, the fan-out), to the hall's handler having rendered it, to the paint.
    report('draw.hall.received.p50.ms', percentile(received, 50), 'ms');
    report('draw.hall.received.p95.ms', percentile(received, 95), 'ms');
    report('draw.hall.rendered.p50.ms', percentile(rendered, 50), 'ms');
    report('draw.hall.rendered.p95.ms', percentile(rendered, 95), 'ms');
    report('draw.hall.p50.ms', percentile(samples, 50), 'ms');
    report('draw.hall.p95.ms', percentile(samples, 95), 'ms');
  } finally {
    await browser.close();
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

declare global {
  interface Window {
    /** Per draw: when the hall page received its hall.view event and when the page's handlers returned. */
    __hallEvents?: { drawId: string; received: number; handled: number }[];
  }
}

/**
 * Runs in the hall page before its own scripts: every hall.view listener added to an EventSource
 * is wrapped to stamp, for a draw's first view, when the event reached the page and when the
 * page's handler (which renders the hall at once, see use-hall-view) returned.
 */
function stampHallEvents(): void {
  const add = EventSource.prototype.addEventListener;
  const seen = new Set<string>();
  EventSource.prototype.addEventListener = function (this: EventSource, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (type !== 'hall.view' || typeof listener !== 'function') return add.call(this, type, listener as EventListenerOrEventListenerObject, options);
    const wrapped = (ev: Event) => {
      const received = performance.timeOrigin + performance.now();
      listener.call(this, ev);
      const match = /"drawId":"([^"]+)"/.exec((ev as MessageEvent<string>).data);
      if (match && !seen.has(match[1]!)) {
        seen.add(match[1]!);
        (window.__hallEvents ??= []).push({ drawId: match[1]!, received, handled: performance.timeOrigin + performance.now() });
      }
    };
    return add.call(this, type, wrapped, options);
  } as typeof EventSource.prototype.addEventListener;
}

export interface ConsoleWork {
  /** Wall time in script and in all main-thread tasks, ms (grow when the machine is loaded). */
  script: number;
  task: number;
  /** CPU time of the page's main thread, ms: what it takes from the cores the hall shares. */
  cpu: number;
  /** Layouts and style recalculations: counts, the same however loaded the machine is. */
  layouts: number;
  styles: number;
}

/**
 * What the console page itself spends, from Chromium's own counters (CDP Performance.getMetrics)
 * between start() and stop(). The console shares the cores with the hall; these figures say how
 * much of them it takes, and the counts and the CPU time are far less noisy than the hall's
 * latency on a loaded machine.
 */
export async function consoleWork(page: Page): Promise<{ start: () => Promise<void>; stop: () => Promise<ConsoleWork> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async (): Promise<ConsoleWork> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const of = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { script: of('ScriptDuration') * 1000, task: of('TaskDuration') * 1000, cpu: of('ThreadTime') * 1000, layouts: of('LayoutCount'), styles: of('RecalcStyleCount') };
  };
  let from = await read();
  return {
    start: async () => {
      from = await read();
    },
    stop: async () => {
      const to = await read();
      return { script: to.script - from.script, task: to.task - from.task, cpu: to.cpu - from.cpu, layouts: to.layouts - from.layouts, styles: to.styles - from.styles };
    },
  };
}

/** Prints a ConsoleWork divided by the number of actions it covered. */
export function reportWork(prefix: string, w: ConsoleWork, n: number): void {
  report(`${prefix}.script.ms`, w.script / n, 'ms');
  report(`${prefix}.task.ms`, w.task / n, 'ms');
  report(`${prefix}.cpu.ms`, w.cpu / n, 'ms');
  report(`${prefix}.layouts`, w.layouts / n, 'count');
  report(`${prefix}.style_recalcs`, w.styles / n, 'count');
}

async function api<N extends CallName>(host: Host, page: Page, name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
  const res = await page.request.post(`${host.origin}/console/api/${name}`, { data: args, headers: { 'Content-Type': 'application/json' } });
  const reply = (await res.json()) as { ok: boolean; result: ResultOf<N>; error?: { message: string } };
  if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`);
  return reply.result;
}

/** The current year's meeting, everyone present, at its first in-person report's 随机询问. */
async function toQuestioning(host: Host, page: Page): Promise<void> {
  const state = await api(host, page, 'live.state', {});
  const year = String(new Date().getFullYear());
  const meeting = state.meetings.find((m) => m.date.startsWith(year)) ?? state.meetings[0];
  if (!meeting) throw new Error('draw bench: the archive has no meeting to open');
  await api(host, page, 'live.open', { meetingId: meeting.id, rehearsal: false });
  await api(host, page, 'live.attendanceAll', { status: 'present' });
  const live = await api(host, page, 'live.start', {});
  const item = live.agenda.find((a) => a.stages.includes('questioning'));
  if (!item) throw new Error('draw bench: the meeting has no report heard in person');
  await api(host, page, 'live.goto', { itemIndex: item.index, stage: 'questioning' });
}
