import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import type { HallView, LiveConsoleState } from '../../../shared/api/live-types';
import type { CoreData } from '../../../shared/domain/partitions';

let t = Date.UTC(2026, 9, 28, 1, 0, 0);
const clock = { now: () => t };
const opened: AppServices[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function start() {
  const s = await createAppServices({ homeDir: await mkdtemp(join(tmpdir(), 'pingyi-live-pub-')), mode: 'browser', version: 't', clock, log: silentLogger, backupOnStart: false });
  opened.push(s);
  const call = async <T = LiveConsoleState>(name: string, args: unknown = {}): Promise<T> => {
    const reply = await s.dispatch('console', name, args);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.result as T;
  };
  const state = await call('live.state');
  await call('live.open', { meetingId: state.meetings[0]!.id, rehearsal: false });
  return { s, call };
}

/**
 * Resolves when the live service has republished a state that `seen` accepts. A republish after a
 * commit made elsewhere is asynchronous and pushes `hall.view` (if the picture changed) and then
 * `live.changed`: the console's state showing the commit is the signal that its push is over.
 */
function republished(s: AppServices, seen: (state: LiveConsoleState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = s.hub.subscribe('console', (name, payload) => {
      if (name === 'live.changed' && seen(payload as LiveConsoleState)) {
        stop();
        resolve();
      }
    });
  });
}

describe('live publishing', () => {
  it('pushes the hall view before the console state, and both carry the same picture', async () => {
    const { s, call } = await start();
    const seen: { name: string; payload: unknown }[] = [];
    s.hub.subscribe('console', (name, payload) => seen.push({ name, payload }));
    t += 1000;
    const st = await call('live.slide', { slide: 'attendance' });
    const names = seen.map((e) => e.name).filter((n) => n !== 'store.committed');
    expect(names).toEqual(['hall.view', 'live.changed']);
    expect((seen.find((e) => e.name === 'live.changed')!.payload as LiveConsoleState).hall).toEqual(seen.find((e) => e.name === 'hall.view')!.payload);
    expect(st.hall.content.kind).toBe('attendance');
  });

  it('a commit elsewhere that leaves the hall picture as it is pushes the hall nothing', async () => {
    const { s, call } = await start();
    // The call publishes before it answers; its own commit starts no republish.
    const before = await call('live.slide', { slide: 'title' });
    const hall: HallView[] = [];
    s.hub.subscribe('hall', (name, payload) => name === 'hall.view' && hall.push(payload as HallView));
    t += 5000;
    // A desk edit the hall does not show (the report length setting): the live service republishes, nothing changed.
    const longer = republished(s, (state) => state.reportMinutes === before.reportMinutes + 1);
    await s.store.update<CoreData, void>('core', (core) => {
      core.settings.reportMinutes += 1;
    });
    await longer;
    expect(hall).toEqual([]);
    // A change the hall does show still reaches it at once.
    const renamed = republished(s, (state) => state.hall.content.kind === 'title' && state.hall.content.orgName.endsWith('（测试）'));
    await s.store.update<CoreData, void>('core', (core) => {
      core.settings.organisation.fullName = '青岚县人民代表大会常务委员会（测试）';
    });
    await renamed;
    expect(hall.map((v) => v.content)).toEqual([expect.objectContaining({ kind: 'title', orgName: '青岚县人民代表大会常务委员会（测试）' })]);
  });
});
