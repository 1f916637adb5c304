import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api/define';
import type { Reply } from '../../../shared/api/errors';
import { createCallRouter } from '../../../electron/shell/call-router';
import { RoleRegistry } from '../../../electron/shell/role-registry';

const APP = 'file:///app/dist/renderer/index.html?role=desk';

function setup() {
  const registry = new RoleRegistry();
  registry.add(1, 'desk');
  registry.add(3, 'hall');
  const seen: Array<[Role, unknown, unknown]> = [];
  const warned: Array<Record<string, unknown> | undefined> = [];
  const route = createCallRouter({
    log: { info() {}, error() {}, warn: (_m, d) => void warned.push(d) },
    roleOf: (id) => registry.roleOf(id),
    isAllowedUrl: (url) => url.startsWith('file:///app/dist/renderer/index.html'),
    dispatch: async (role, name, args): Promise<Reply> => {
      seen.push([role, name, args]);
      return { ok: true, result: role };
    },
  });
  return { registry, seen, route, warned };
}

describe('createCallRouter', () => {
  it('dispatches with the role main gave the sending window', async () => {
    const { route, seen } = setup();
    expect(await route({ webContentsId: 3, frameUrl: APP, isMainFrame: true }, 'app.info', {})).toEqual({ ok: true, result: 'hall' });
    expect(seen).toEqual([['hall', 'app.info', {}]]);
  });

  it('refuses a sender without a role before the services see anything, and logs why', async () => {
    const { route, seen, warned } = setup();
    const reply = await route({ webContentsId: 2, frameUrl: APP, isMainFrame: true }, 'app.info', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(seen).toEqual([]);
    expect(warned).toEqual([expect.objectContaining({ reason: 'not one of our windows', webContentsId: 2, call: 'app.info' })]);
  });

  it('refuses sub-frames, foreign pages and vanished frames', async () => {
    const { route, seen } = setup();
    for (const source of [
      { webContentsId: 1, frameUrl: APP, isMainFrame: false },
      { webContentsId: 1, frameUrl: 'https://example.com/', isMainFrame: true },
      { webContentsId: 1, frameUrl: undefined, isMainFrame: true },
    ]) {
      expect(await route(source, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(seen).toEqual([]);
  });

  it('forgets a closed window', async () => {
    const { route, registry } = setup();
    registry.remove(1);
    expect(await route({ webContentsId: 1, frameUrl: APP, isMainFrame: true }, 'app.info', {})).toMatchObject({ ok: false });
  });
});

describe('RoleRegistry', () => {
  it('refuses to give a web contents a second role', () => {
    const registry = new RoleRegistry();
    registry.add(7, 'console');
    expect(() => registry.add(7, 'desk')).toThrow(/already has a role/);
    expect(registry.roleOf(7)).toBe('console');
    expect(registry.size).toBe(1);
  });
});
