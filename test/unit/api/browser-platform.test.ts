import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserPlatform } from '../../../renderer/src/platform/browser-platform';

/** The part of EventSource the browser platform uses, driven by the test. */
class FakeEventSource {
  static last: FakeEventSource | undefined;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, ((ev: { data: string }) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(name: string, listener: (ev: { data: string }) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  fire(name: string, data: unknown): void {
    for (const l of this.listeners.get(name) ?? []) l({ data: JSON.stringify(data) });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('browser mode events: the shared fan-out', () => {
  it('a handler that throws does not stop the others (as in the desktop preload)', () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const platform = createBrowserPlatform('desk');
    const got: string[] = [];
    platform.on('store.committed', () => {
      throw new Error('a broken screen');
    });
    const off = platform.on('store.committed', (p) => got.push(p.keys.join(',')));
    const connection: string[] = [];
    platform.onConnection((state) => {
      if (state === 'open') throw new Error('broken too');
    });
    platform.onConnection((state) => connection.push(state));
    const es = FakeEventSource.last!;
    es.fire('hello', { instance: 'i1' });
    es.fire('store.committed', { keys: ['core'] });
    expect(got).toEqual(['core']);
    expect(connection).toEqual(['open']);
    expect(errors).toHaveBeenCalled();
    off();
    es.fire('store.committed', { keys: ['year/2026'] });
    expect(got).toEqual(['core']);
  });
});
