import { chromium, type Browser } from '@playwright/test';
import { findChromium } from '../e2e/support/chromium';
import { startHost } from '../e2e/support/host';
import { percentile, report } from './stats';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: ARGS });
}

/** 五年计划 with the 10-year archive: route change → table rendered (performance mark set by the page). */
export async function planRenderBench(archive10: string): Promise<void> {
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
        () =>
          new Promise<number>((resolve) => {
            performance.clearMarks('plan-rendered');
            const t0 = performance.now();
            const obs = new PerformanceObserver((list) => {
              const mark = list.getEntriesByName('plan-rendered')[0];
              if (mark) {
                obs.disconnect();
                resolve(mark.startTime - t0);
              }
            });
            obs.observe({ type: 'mark', buffered: false });
            window.location.hash = '#/plan';
          }),
      );
      if (i >= 2) samples.push(ms);
    }
    report('ui.plan.render.ms', percentile(samples, 50), 'ms');
    report('ui.plan.render.p95.ms', percentile(samples, 95), 'ms');
  } finally {
    await browser.close();
    await host.stop();
  }
}
