import { chromium, type Browser } from '@playwright/test';
import { findChromium } from '../e2e/support/chromium';
import { startHost } from '../e2e/support/host';
import { percentile, report } from './stats';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: ARGS });
}

/**
 * A desk page on the 10-year archive: from the workbench, the route change to `route` until the page
 * sets its performance mark `mark` (rendered with its data); p50 and p95 of 10 after 2 warm-ups.
 */
export async function routeRenderBench(archive10: string, route: string, mark: string, name: string): Promise<void> {
  const host = await startHost({ dataDir: archive10 });
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(host.urls.desk);
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    const samples: number[] = [];
    for (let i = 0; i < 12; i++) {
      await page.evaluate(() => {
        window.location.hash = '#/';
      });
      await page.getByRole('heading', { name: '工作台' }).waitFor();
      const ms = await page.evaluate(
        ({ route, mark }) =>
          new Promise<number>((resolve) => {
            performance.clearMarks(mark);
            const t0 = performance.now();
            const obs = new PerformanceObserver((list) => {
              const entry = list.getEntriesByName(mark)[0];
              if (entry) {
                obs.disconnect();
                resolve(entry.startTime - t0);
              }
            });
            obs.observe({ type: 'mark', buffered: false });
            window.location.hash = route;
          }),
        { route, mark },
      );
      if (i >= 2) samples.push(ms);
    }
    report(`${name}.ms`, percentile(samples, 50), 'ms');
    report(`${name}.p95.ms`, percentile(samples, 95), 'ms');
  } finally {
    await browser.close();
    await host.stop();
  }
}

/** 五年计划 with the 10-year archive: route change → table rendered (performance mark set by the page). */
export function planRenderBench(archive10: string): Promise<void> {
  return routeRenderBench(archive10, '#/plan', 'plan-rendered', 'ui.plan.render');
}
