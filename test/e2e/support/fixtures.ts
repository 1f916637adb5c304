import { expect, test as base, type Page } from '@playwright/test';
import type { ArgsOf, CallName, ResultOf } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/define';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import { callApi } from './api';
import { startHost, type Host } from './host';

/**
 * The setup every e2e spec repeats, once: `test` from here starts the real browser-mode host
 * (a fresh demo county) before each test and stops it after, whether the test uses it or not.
 * Specs and their helpers reach it as `host` and call the API as `api(page, name, args)`, both
 * imported from here; a test runs alone in its worker, so "the current test's host" is one value.
 */

interface Current {
  host: Host;
  apiRole: Role;
}

let current: Current | null = null;

function now(): Current {
  if (!current) throw new Error('no host: the spec must use `test` from support/fixtures');
  return current;
}

/** The current test's host (the same object across its kill -9 and restart). */
export const host: Host = new Proxy({} as Host, {
  get(_, key) {
    const h = now().host;
    const value = Reflect.get(h, key) as unknown;
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(h) : value;
  },
});

/** A typed API call from a page holding the role's cookie (the spec's `apiRole` unless named); throws the Chinese message on a refusal. */
export function api<N extends CallName>(page: Page, name: N, args: ArgsOf<N>, role?: Role): Promise<ResultOf<N>> {
  return callApi(page, now().host, name, args, role ?? now().apiRole);
}

type ThisYearsMeeting = LiveConsoleState['meetings'][number];

/**
 * The console opened on this year's demo meeting for real (not a rehearsal), before anyone signs
 * in. `prepare` runs first, on the meeting not yet open (an agenda or question bank of the test's own).
 */
export async function openThisYearsMeeting(page: Page, prepare?: (meeting: ThisYearsMeeting) => Promise<void>): Promise<ThisYearsMeeting> {
  await page.goto(host.urls.console);
  const meeting = (await api(page, 'live.state', {}, 'console')).meetings.find((m) => m.date.startsWith(String(new Date().getFullYear())))!;
  await prepare?.(meeting);
  await page.getByRole('button', { name: `开始正式会议：${meeting.name}` }).click();
  await expect(page.getByTestId('live-status')).toHaveText('未开始');
  return meeting;
}

/** …then everyone present and the meeting started: where every live spec begins. */
export async function startThisYearsMeeting(page: Page, prepare?: (meeting: ThisYearsMeeting) => Promise<void>): Promise<ThisYearsMeeting> {
  const meeting = await openThisYearsMeeting(page, prepare);
  await page.getByRole('button', { name: '全部出席' }).click();
  await page.getByRole('button', { name: '开始会议', exact: true }).click();
  await expect(page.getByTestId('live-status')).toHaveText('进行中');
  return meeting;
}

/**
 * Stops the page's clock `aheadMs` past the page's own time (a clock installed with
 * `page.clock.install()`). On a busy machine that moment may be gone before the call lands
 * ("cannot fast-forward to the past"): then the page's time is taken again.
 */
export async function holdPageClock(page: Page, aheadMs = 100): Promise<void> {
  for (;;) {
    const at = await page.evaluate((ms) => Date.now() + ms, aheadMs);
    try {
      await page.clock.pauseAt(at);
      return;
    } catch (err) {
      if (!/to the past/.test(String(err))) throw err;
    }
  }
}

export const test = base.extend<{ apiRole: Role; hostToday: string | undefined; runningHost: Host; hall: Page }>({
  /** The role `api` calls as by default: `test.use({ apiRole: 'desk' })` in the desk's specs. */
  apiRole: ['console', { option: true }],
  /**
   * The host's "today" ('YYYY-MM-DD', passed as `--today`; its clock still runs): a spec whose
   * set-up needs a day of the year writes `test.use({ hostToday: '2026-12-07' })`. Default: the real date.
   */
  hostToday: [undefined, { option: true }],
  runningHost: [
    async ({ apiRole, hostToday }, provide) => {
      const started = await startHost(hostToday === undefined ? {} : { extraArgs: ['--today', hostToday] });
      current = { host: started, apiRole };
      try {
        await provide(started);
      } finally {
        current = null;
        await started.stop();
      }
    },
    { auto: true },
  ],
  /** A second page of the test's context on the hall (大屏) link. */
  hall: async ({ context, runningHost }, provide) => {
    const hall = await context.newPage();
    await hall.goto(runningHost.urls.hall);
    await provide(hall);
  },
});

export { expect };
