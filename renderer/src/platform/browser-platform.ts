import { ApiError, isApiErrorData, type Reply } from '../../../shared/api/errors';
import { ROLES, type Role } from '../../../shared/api/define';
import type { ArgsOf, CallName, EventName, PayloadOf, PlatformApi, ResultOf } from '../../../shared/api/contract';
import { createEventFanout } from '../../../shared/api/event-fanout';

/**
 * The browser-mode implementation of PlatformApi. The page lives under /<role>/ on the
 * loopback host; the HttpOnly cookie set for that path authenticates every request, so
 * relative URLs are all it needs: api/<name> (POST JSON → Reply) and one EventSource at events.
 */
export function roleFromPath(pathname: string): Role | null {
  const first = pathname.split('/').filter(Boolean)[0];
  return (ROLES as readonly string[]).includes(first ?? '') ? (first as Role) : null;
}

export function createBrowserPlatform(role: Role): PlatformApi {
  // The same fan-out as the desktop preload: one throwing handler never stops the others.
  const events = createEventFanout();
  const attached = new Set<string>();
  const connection = createEventFanout();
  let source: EventSource | null = null;
  let instance: string | null = null;
  let state: 'open' | 'lost' = 'lost';

  const setState = (next: 'open' | 'lost') => {
    if (next === state && next === 'lost') return;
    state = next;
    connection.emit('state', next);
  };

  const attach = (es: EventSource, name: string) => {
    es.addEventListener(name, (ev) => {
      let payload: unknown;
      try {
        payload = JSON.parse((ev as MessageEvent<string>).data) as unknown;
      } catch (error) {
        console.error(`pingyi: unreadable ${name} event`, error);
        return;
      }
      events.emit(name, payload);
    });
  };

  const ensureStream = () => {
    if (source) return;
    const es = new EventSource('events');
    source = es;
    es.addEventListener('hello', (ev) => {
      const hello = JSON.parse((ev as MessageEvent<string>).data) as { instance: string };
      // A new instance id means the host restarted: listeners resync through the 'open' signal.
      instance = hello.instance;
      setState('open');
    });
    es.onerror = () => setState('lost');
    for (const name of attached) attach(es, name);
  };

  // The console's calls are sent one after another: the browser may deliver two requests over two
  // connections in either order, and an operator's clicks (全部出席, then 请假 for one member) must
  // apply in the order they were made. The desk is not queued: a long export must not hold up its 取消.
  const inOrder = role === 'console';
  let queue: Promise<unknown> = Promise.resolve();
  async function send<N extends CallName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
    let response: Response;
    try {
      response = await fetch(`api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(args ?? {}),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError('unavailable', '无法连接到程序服务，请确认程序仍在运行。');
    }
    let reply: Reply;
    try {
      reply = (await response.json()) as Reply;
    } catch {
      throw new ApiError('unavailable', `程序服务返回了无法识别的应答（HTTP ${response.status}）。`);
    }
    if (reply.ok) return reply.result as ResultOf<N>;
    throw isApiErrorData(reply.error) ? ApiError.from(reply.error) : new ApiError('internal', '未知错误');
  }

  return {
    role,
    mode: 'browser',
    call<N extends CallName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
      if (!inOrder) return send(name, args);
      const run = queue.then(() => send(name, args));
      queue = run.catch(() => undefined);
      return run;
    },
    on<E extends EventName>(name: E, handler: (payload: PayloadOf<E>) => void) {
      if (!attached.has(name)) {
        attached.add(name);
        if (source) attach(source, name);
      }
      const off = events.on(name, handler as (p: unknown) => void);
      ensureStream();
      return off;
    },
    onConnection(handler) {
      const off = connection.on('state', handler as (p: unknown) => void);
      ensureStream();
      if (state === 'open' && instance) handler('open');
      return off;
    },
  };
}
