// The preload against a stand-in 'electron' module: the real one must never load in vitest
// (it would try to download the runtime). vi.mock with a factory replaces it before import.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlatformApi } from '../../../shared/api/contract';
import { roleArgument } from '../../../electron/shell/role-arg';

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.set(key, api) },
  ipcRenderer: {
    invoke: bridge.invoke,
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => bridge.listeners.set(channel, listener),
  },
}));

const originalArgv = process.argv;

async function loadPreload(argv: string[]): Promise<void> {
  process.argv = argv;
  vi.resetModules();
  await import('../../../electron/preload');
}

beforeEach(() => {
  bridge.exposed.clear();
  bridge.listeners.clear();
  bridge.invoke.mockReset();
});

afterEach(() => {
  process.argv = originalArgv;
});

describe('preload', () => {
  it('exposes exactly one object, window.pingyi, with the role main passed', async () => {
    await loadPreload(['/opt/app', '--type=renderer', roleArgument('hall')]);
    expect([...bridge.exposed.keys()]).toEqual(['pingyi']);
    const api = bridge.exposed.get('pingyi') as PlatformApi;
    expect(api.role).toBe('hall');
    expect(api.mode).toBe('desktop');
    expect(Object.keys(api).sort()).toEqual(['call', 'mode', 'on', 'onConnection', 'role']);
    // Nothing in it is the IPC object itself.
    for (const value of Object.values(api)) expect(typeof value === 'function' || typeof value === 'string').toBe(true);
  });

  it('exposes nothing when main gave no role', async () => {
    await expect(loadPreload(['/opt/app'])).rejects.toThrow(/no role/);
    expect(bridge.exposed.size).toBe(0);
  });

  it('calls through the one channel and unwraps the reply', async () => {
    await loadPreload(['/opt/app', roleArgument('desk')]);
    const api = bridge.exposed.get('pingyi') as PlatformApi;
    bridge.invoke.mockResolvedValueOnce({ ok: true, result: { productName: '人大工作评议系统' } });
    await expect(api.call('app.info', {})).resolves.toEqual({ productName: '人大工作评议系统' });
    expect(bridge.invoke).toHaveBeenCalledWith('pingyi:call', 'app.info', {});

    bridge.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'invalid_args', message: '参数无效', issues: [{ path: 'label', message: '太长' }] } });
    await expect(api.call('store.backup', { label: 'x' })).rejects.toEqual({
      name: 'ApiError',
      code: 'invalid_args',
      message: '参数无效',
      issues: [{ path: 'label', message: '太长' }],
    });
  });

  it('fans events out by name and unsubscribes', async () => {
    await loadPreload(['/opt/app', roleArgument('desk')]);
    const api = bridge.exposed.get('pingyi') as PlatformApi;
    const got: unknown[] = [];
    const off = api.on('store.committed', (payload) => got.push(payload));
    const emit = bridge.listeners.get('pingyi:event')!;
    emit({ sender: 'ipc event' }, 'store.committed', { keys: ['core'] });
    emit({}, 'something.else', 1);
    off();
    emit({}, 'store.committed', { keys: ['later'] });
    expect(got).toEqual([{ keys: ['core'] }]);
  });

  it('reports the connection open at once (IPC never drops)', async () => {
    await loadPreload(['/opt/app', roleArgument('console')]);
    const api = bridge.exposed.get('pingyi') as PlatformApi;
    const states: string[] = [];
    const off = api.onConnection((s) => states.push(s));
    expect(states).toEqual(['open']);
    expect(typeof off).toBe('function');
  });
});

describe('preload transport faults', () => {
  it('turns a failed invoke into the usual rejection shape', async () => {
    await loadPreload(['/opt/app', roleArgument('desk')]);
    const api = bridge.exposed.get('pingyi') as PlatformApi;
    bridge.invoke.mockRejectedValueOnce(new Error("No handler registered for 'pingyi:call'"));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(api.call('app.info', {})).rejects.toMatchObject({ name: 'ApiError', code: 'internal' });
    quiet.mockRestore();
  });
});
