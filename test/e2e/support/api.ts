import type { Page } from '@playwright/test';
import { EVENT_NAMES, type ArgsOf, type CallName, type ResultOf } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/define';
import type { Host } from './host';

/**
 * One typed API call from a page that already holds the role's cookie; throws the Chinese message
 * on a refusal. Specs wrap it once: `const api = (page, name, args) => callApi(page, host, name, args)`.
 */
export async function callApi<N extends CallName>(page: Page, host: Host, name: N, args: ArgsOf<N>, role: Role = 'console'): Promise<ResultOf<N>> {
  const res = await page.request.post(`${host.origin}/${role}/api/${name}`, { data: args, headers: { 'Content-Type': 'application/json' } });
  const reply = (await res.json()) as { ok: boolean; result: ResultOf<N>; error?: { message: string } };
  if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`);
  return reply.result;
}

/**
 * Records every stream message the page's EventSource gets, by every event name the contract knows
 * (and 'hello' / unnamed ones), into window.__hallEvents — installed before the page's own scripts.
 */
async function recordStreamEvents(page: Page): Promise<void> {
  await page.addInitScript((names: string[]) => {
    const log: { name: string; data: string }[] = [];
    (window as unknown as { __hallEvents: typeof log }).__hallEvents = log;
    const Native = window.EventSource;
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        for (const name of names) this.addEventListener(name, (ev) => log.push({ name, data: (ev as MessageEvent<string>).data }));
      }
    };
  }, [...EVENT_NAMES, 'hello', 'message']);
}

/** One stream message: its event name and data. */
export interface StreamMessage {
  name: string;
  data: string;
}

/**
 * Everything a page receives, recorded three ways: the stream messages its EventSource dispatched
 * (recordStreamEvents), every stream message on the wire whatever its name (the browser's network
 * layer), and every API response's body. Install before the page loads.
 */
export async function recordPageTraffic(page: Page) {
  await recordStreamEvents(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const wire: StreamMessage[] = [];
  cdp.on('Network.eventSourceMessageReceived', (m) => wire.push({ name: m.eventName, data: m.data }));
  const responses: Promise<{ url: string; body: string }>[] = [];
  page.on('response', (res) => {
    if (/\/api\//.test(res.url())) responses.push(res.text().then((body) => ({ url: res.url(), body })));
  });
  return {
    wire,
    /** The API responses so far, once their bodies have arrived. */
    responses: () => Promise.all(responses),
    /** The stream messages the page's EventSource dispatched. */
    events: () => page.evaluate(() => (window as unknown as { __hallEvents: StreamMessage[] }).__hallEvents),
  };
}
