import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import type { VoteConsoleState, VoteItemView, VoteRoundView } from '../../../shared/api/vote-types';
import type { Counts, Mark } from '../../../shared/vote';

/** The services on a temp folder with the demo county and a clock the test moves. */

let t = Date.UTC(2026, 9, 28, 1, 0, 0);
export const clock = { now: () => (t += 1000) };
const opened: AppServices[] = [];

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

export type Call = <T = VoteConsoleState>(name: string, args?: unknown, role?: 'console' | 'hall' | 'desk') => Promise<T>;

export async function start(home?: string): Promise<{ s: AppServices; call: Call; dir: string }> {
  const dir = home ?? (await mkdtemp(join(tmpdir(), 'pingyi-vote-')));
  const s = await createAppServices({ homeDir: dir, mode: 'browser', version: 't', clock, log: silentLogger, backupOnStart: false });
  opened.push(s);
  const call: Call = async <T,>(name: string, args: unknown = {}, role: 'console' | 'hall' | 'desk' = 'console'): Promise<T> => {
    const reply = await s.dispatch(role, name, args);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.result as T;
  };
  return { s, call, dir };
}

export async function closeAll(): Promise<void> {
  for (const s of opened.splice(0)) await s.close();
}

/** Opens the demo meeting, everyone present, started, at the first vote item's vote stage. */
export async function atVote(call: Call, opts: { present?: number; rehearsal?: boolean; start?: boolean } = {}): Promise<{ live: LiveConsoleState; item: VoteItemView }> {
  const first = await call<LiveConsoleState>('live.state');
  let live = await call<LiveConsoleState>('live.open', { meetingId: first.meetings[0]!.id, rehearsal: opts.rehearsal ?? false });
  await call('live.attendanceAll', { status: 'present' });
  if (opts.start !== false) live = await call<LiveConsoleState>('live.start');
  const index = live.agenda.findIndex((a) => a.kind === 'vote');
  if (opts.start !== false) live = await call<LiveConsoleState>('live.goto', { itemIndex: index, stage: 'vote' });
  if (opts.present !== undefined) {
    for (const m of live.roster.slice(opts.present)) live = await call<LiveConsoleState>('live.attendance', { memberId: m.id, status: 'absent' });
  }
  const vote = await call('vote.state');
  return { live, item: vote.items[0]! };
}

export function roundOf(state: VoteConsoleState, roundId: string): VoteRoundView {
  const r = state.items.flatMap((i) => i.rounds).find((x) => x.id === roundId);
  if (!r) throw new Error(`no round ${roundId}`);
  return r;
}

export function latestRound(state: VoteConsoleState, itemIndex = 0): VoteRoundView {
  const r = state.items[itemIndex]!.rounds.at(-1);
  if (!r) throw new Error('no round');
  return r;
}

/** Prepared, tellers set, opened with `issued`, closed with `returned`: ready to count. */
export async function readyToCount(call: Call, item: VoteItemView, issued: number, returned = issued): Promise<VoteRoundView> {
  let st = await call('vote.prepare', { agendaItemId: item.agendaItemId });
  const round = latestRound(st);
  await call('vote.setTellers', { roundId: round.id, tellers: ['甲计票'], scrutineers: ['乙监票'] });
  await call('vote.open', { roundId: round.id, groups: [{ groupId: 'members', issued }] });
  st = await call('vote.close', { roundId: round.id, groups: [{ groupId: 'members', returned }] });
  return roundOf(st, round.id);
}

const KEY: Record<string, Mark> = { '1': 'satisfied', '2': 'basic', '3': 'unsatisfied', '0': 'blank', '9': 'invalid' };
export const marks = (keys: string): Mark[] => [...keys].map((k) => KEY[k]!);

export function counts(partial: Partial<Counts>): Counts {
  return { satisfied: 0, basic: 0, unsatisfied: 0, blank: 0, invalid: 0, ...partial };
}
