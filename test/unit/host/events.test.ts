import { afterEach, describe, expect, it } from 'vitest';
import { formatEvent } from '../../../electron/services/host/event-stream';
import { openStream, startHost, type HostFixture } from './host-fixture';

let f: HostFixture | undefined;
afterEach(async () => {
  await f?.cleanup();
  f = undefined;
});

describe('browser mode event stream', () => {
  it('starts with retry and a hello naming the host instance and role', async () => {
    f = await startHost();
    const s = openStream(f.host, 'hall', { cookie: f.cookie('hall') });
    await s.until(() => s.events.length >= 1);
    expect(s.status).toBe(200);
    expect(s.contentType).toMatch(/^text\/event-stream/);
    expect(s.raw.startsWith('retry: 1000\n\n')).toBe(true);
    expect(s.events[0]?.event).toBe('hello');
    expect(JSON.parse(s.events[0]?.data ?? '')).toEqual({ instance: f.host.instance, role: 'hall', version: '9.9.9' });
    s.close();
  });

  it('delivers store.committed to desk and console streams but never to the hall', async () => {
    f = await startHost();
    const fx = f;
    const desk = openStream(fx.host, 'desk', { cookie: fx.cookie('desk') });
    const consoleStream = openStream(fx.host, 'console', { cookie: fx.cookie('console') });
    const hall = openStream(fx.host, 'hall', { cookie: fx.cookie('hall') });
    for (const s of [desk, consoleStream, hall]) await s.until(() => s.events.length >= 1);
    expect(fx.hub.size).toBe(3);

    fx.hub.publish('store.committed', { keys: ['core', 'year/2026'] });
    for (const s of [desk, consoleStream]) {
      await s.until(() => s.events.length >= 2);
      expect(s.events[1]).toEqual({ event: 'store.committed', data: JSON.stringify({ keys: ['core', 'year/2026'] }) });
    }
    // Closing the host ends every stream, so the hall's complete stream can be inspected.
    await fx.host.close();
    await hall.untilEnded();
    expect(hall.events.map((e) => e.event)).toEqual(['hello']);
    expect(hall.raw).not.toContain('store.committed');
    expect(fx.hub.size).toBe(0);
  });

  it('sends heartbeat comments', async () => {
    f = await startHost({ heartbeatMs: 20 });
    const s = openStream(f.host, 'desk', { cookie: f.cookie('desk') });
    await s.until(() => s.comments.length >= 2);
    expect(s.comments[0]).toBe(': ping');
    s.close();
  });

  it('unsubscribes when the page goes away', async () => {
    f = await startHost();
    const fx = f;
    const s = openStream(fx.host, 'desk', { cookie: fx.cookie('desk') });
    await s.until(() => s.events.length >= 1);
    expect(fx.hub.size).toBe(1);
    s.close();
    await expect.poll(() => fx.hub.size).toBe(0);
    // Publishing afterwards must not throw on a closed response.
    fx.hub.publish('store.committed', { keys: ['core'] });
  });

  it('accepts the one-time ?token for EventSource and refuses other methods', async () => {
    f = await startHost();
    const s = openStream(f.host, 'console', {}, `?token=${f.tokens.console}`);
    await s.until(() => s.events.length >= 1);
    expect(s.status).toBe(200);
    s.close();
    const wrong = openStream(f.host, 'console', {}, `?token=${f.tokens.desk}`);
    await wrong.untilEnded();
    expect(wrong.status).toBe(403);
    const res = await fetch(`${f.host.origin}/console/events`, { method: 'POST', headers: { cookie: f.cookie('console') } });
    expect(res.status).toBe(405);
  });

  it('formats an event as one event line and one data line', () => {
    expect(formatEvent('store.committed', { keys: ['a\nb'] })).toBe('event: store.committed\ndata: {"keys":["a\\nb"]}\n\n');
  });
});
