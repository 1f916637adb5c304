import { startHost } from '../e2e/support/host';
import { OPERATOR_GAP_MS, operatorPause, percentile, report } from './stats';
import { launch } from './ui-bench';

type Paint = { rev: number; at: number };

/**
 * Console action → hall repaint in browser mode: the console page stamps the moment it sends
 * the action, the hall page stamps the frame that shows the resulting view (two pages, two clocks,
 * both on performance.timeOrigin + performance.now()). The action is durable before the hall
 * can receive it, since the services push only after the write.
 */
export async function hallBench(archive10: string, actions = 200): Promise<void> {
  const host = await startHost({ dataDir: archive10 });
  const browser = await launch();
  try {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const consolePage = await context.newPage();
    await consolePage.goto(host.urls.console);
    // The hall in its own context, as on its own screen. Two pages of one context are two tabs of
    // one window: only the last opened is in front, and Chromium runs the other's frames at 1 Hz
    // (here the console), which the real console, a window of its own, never has.
    const hall = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } })).newPage();
    await hall.goto(host.urls.hall);
    const call = (name: string, args: unknown) =>
      consolePage.evaluate(
        async ({ name, args }) => {
          const res = await fetch(`api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) });
          return (await res.json()) as { ok: boolean; result: { meetings: { id: string; status: string }[]; live: { rev: number } | null }; error?: { message: string } };
        },
        { name, args },
      );
    const state = await call('live.state', {});
    const meeting = state.result.meetings.find((m) => m.status !== 'closed') ?? state.result.meetings[0]!;
    await call('live.open', { meetingId: meeting.id, rehearsal: true });
    await hall.waitForFunction(() => ((window as unknown as { __hallPaints?: Paint[] }).__hallPaints ?? []).length > 0);
    const samples: number[] = [];
    for (let i = 0; i < actions + 10; i++) {
      const slide = i % 2 === 0 ? 'attendance' : 'title';
      const { t0, rev } = await consolePage.evaluate(async (slide) => {
        const t0 = performance.timeOrigin + performance.now();
        const res = await fetch('api/live.slide', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ slide }) });
        const json = (await res.json()) as { result: { live: { rev: number } } };
        return { t0, rev: json.result.live.rev };
      }, slide);
      const at = await hall.evaluate(
        (rev) =>
          new Promise<number>((resolve) => {
            const find = () => ((window as unknown as { __hallPaints?: Paint[] }).__hallPaints ?? []).find((p) => p.rev === rev);
            const poll = () => {
              const hit = find();
              if (hit) resolve(hit.at);
              else setTimeout(poll, 1);
            };
            poll();
          }),
        rev,
      );
      if (i >= 10) samples.push(at - t0);
      await operatorPause();
    }
    await call('live.discardRehearsal', {});
    report('bench.operator_gap.ms', OPERATOR_GAP_MS, 'ms');
    report('hall.action.p50.ms', percentile(samples, 50), 'ms');
    report('hall.action.p95.ms', percentile(samples, 95), 'ms');
  } finally {
    await browser.close();
    await host.stop();
  }
}
