import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import type { EventName } from '../../../shared/api/contract';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import type { RandomSource } from '../../../shared/domain/ids';
import { seededSource } from '../draw/support';

/**
 * Real services on a temp folder (the demo county), a settable clock and a seeded random source,
 * with every event pushed to each role recorded.
 */
export interface Harness {
  s: AppServices;
  dir: string;
  call: <T = unknown>(name: string, args?: unknown, role?: 'console' | 'hall' | 'desk') => Promise<T>;
  /** Every event the hall and the console received, in order. */
  events: { role: 'hall' | 'console'; name: EventName; payload: unknown }[];
}

export const clock = { t: Date.UTC(2026, 9, 28, 1, 0, 0), now: () => clock.t };
const opened: AppServices[] = [];

export async function closeAll(): Promise<void> {
  for (const s of opened.splice(0)) await s.close();
}

export async function start(home?: string, random: RandomSource = seededSource(20261028)): Promise<Harness> {
  const dir = home ?? (await mkdtemp(join(tmpdir(), 'pingyi-q-')));
  const s = await createAppServices({ homeDir: dir, mode: 'browser', version: 't', clock, random, log: silentLogger, backupOnStart: false });
  opened.push(s);
  const events: Harness['events'] = [];
  for (const role of ['hall', 'console'] as const) s.hub.subscribe(role, (name, payload) => events.push({ role, name, payload }));
  const call = async <T,>(name: string, args: unknown = {}, role: 'console' | 'hall' | 'desk' = 'console'): Promise<T> => {
    const reply = await s.dispatch(role, name, args);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.result as T;
  };
  return { s, dir, call, events };
}

/** Stops the services of one harness (as a crash would leave the folder: the files are durable). */
export async function stop(h: Harness): Promise<void> {
  const i = opened.indexOf(h.s);
  if (i >= 0) opened.splice(i, 1);
  await h.s.close();
}

/**
 * Opens this year's demo meeting, everyone present, starts it and goes to the first in-person
 * report's 随机询问. Returns the live state there.
 */
export async function toQuestioning(h: Harness, options: { rehearsal?: boolean; absent?: number[]; which?: number } = {}): Promise<LiveConsoleState> {
  let st = await h.call<LiveConsoleState>('live.state');
  st = await h.call<LiveConsoleState>('live.open', { meetingId: st.meetings[0]!.id, rehearsal: !!options.rehearsal });
  st = await h.call<LiveConsoleState>('live.attendanceAll', { status: 'present' });
  for (const i of options.absent ?? []) st = await h.call<LiveConsoleState>('live.attendance', { memberId: st.roster[i]!.id, status: i % 2 ? 'leave' : 'absent' });
  st = await h.call<LiveConsoleState>('live.start');
  const items = st.agenda.filter((a) => a.stages.includes('questioning'));
  const item = items[options.which ?? 0]!;
  return h.call<LiveConsoleState>('live.goto', { itemIndex: item.index, stage: 'questioning' });
}
