import type { LiveConsoleState } from '../../../shared/api/live-types';
import type { VoteConsoleState } from '../../../shared/api/vote-types';
import type { SessionData } from '../../../shared/domain/live';
import { meetingKey, rehearsalKey, SESSION_KEY, type CoreData, type MeetingData } from '../../../shared/domain/partitions';
import type { ServiceContext } from '../api/service-context';
import { allMeetings } from '../desk/desk-data';
import { consoleState, type LiveInputs } from '../live/projection';

/**
 * Publishing after a vote change, the same way live-service.ts does after its own: the hall's
 * view first (it is what people watch), then the console's live state, then the vote state.
 * Only ever called once the change is durable.
 */

export type Active = NonNullable<SessionData['active']>;

export function partitionOf(active: Active): string {
  return active.rehearsal ? rehearsalKey(active.meetingId) : meetingKey(active.meetingId);
}

export async function readActive(ctx: ServiceContext): Promise<Active | null> {
  return (await ctx.store.read<SessionData>(SESSION_KEY)).active;
}

/** The live projection's inputs for the open session (as live-service.ts reads them). */
export async function liveInputs(ctx: ServiceContext, active: Active | null): Promise<LiveInputs> {
  const core = await ctx.store.read<CoreData>('core');
  const key = active ? partitionOf(active) : null;
  const exists = key ? ctx.store.list(key.split('/')[0]!).includes(key) : false;
  const data = key && exists ? await ctx.store.read<MeetingData>(key) : null;
  return { core, session: data ? active : null, data, now: ctx.clock.now() };
}

async function meetingsList(ctx: ServiceContext): Promise<LiveConsoleState['meetings']> {
  const rehearsals = new Set(ctx.store.list('rehearsal'));
  return (await allMeetings(ctx))
    .map(({ meeting: m }) => ({ id: m.id, name: m.name, date: m.date, status: m.status, hasRehearsal: rehearsals.has(rehearsalKey(m.id)) }))
    .sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * Recomputes the live console state and pushes hall.view, then `between` (the vote state, so the
 * vote panel has it before the live state with the same rev arrives), then live.changed.
 */
export async function publishLive(ctx: ServiceContext, active: Active | null, between?: () => void): Promise<void> {
  const state = consoleState(await liveInputs(ctx, active), await meetingsList(ctx));
  ctx.hub.publish('hall.view', state.hall);
  between?.();
  ctx.hub.publish('live.changed', state);
}

/** After a durable vote change of partition `key`: the hall and console follow when it is the open session's. */
export async function publishVote(ctx: ServiceContext, key: string, state: VoteConsoleState): Promise<void> {
  const active = await readActive(ctx);
  if (!active || partitionOf(active) !== key) return;
  await publishLive(ctx, active, () => ctx.hub.publish('vote.changed', state));
}
