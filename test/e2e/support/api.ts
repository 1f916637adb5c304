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
export async function recordStreamEvents(page: Page): Promise<void> {
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
