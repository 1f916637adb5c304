import type { LiveConsoleState } from '../../../shared/api/live-types';
import type { SessionData } from '../../../shared/domain/live';
import { meetingKey, rehearsalKey, SESSION_KEY, type CoreData, type MeetingData } from '../../../shared/domain/partitions';
import type { ServiceContext } from '../api/service-context';
import { allMeetings } from '../desk/desk-data';
import type { LiveInputs } from './projection';

/** What the live services (live, questioning, vote) read of the open session. */

export type Active = NonNullable<SessionData['active']>;

/** The partition the session works on: the meeting record, or its rehearsal copy. */
export function partitionOf(active: Active): string {
  return active.rehearsal ? rehearsalKey(active.meetingId) : meetingKey(active.meetingId);
}

export async function readActive(ctx: ServiceContext): Promise<Active | null> {
  return (await ctx.store.read<SessionData>(SESSION_KEY)).active;
}

/** The projections' inputs; no session while its partition does not exist. */
export async function liveInputs(ctx: ServiceContext): Promise<LiveInputs> {
  const core = await ctx.store.read<CoreData>('core');
  const session = await readActive(ctx);
  const key = session ? partitionOf(session) : null;
  const data = key && ctx.store.has(key) ? await ctx.store.read<MeetingData>(key) : null;
  return { core, session: data ? session : null, data, now: ctx.clock.now() };
}

/** The meetings the console can open, newest first. */
export async function liveMeetings(ctx: ServiceContext): Promise<LiveConsoleState['meetings']> {
  const rehearsals = new Set(ctx.store.list('rehearsal'));
  return (await allMeetings(ctx))
    .map(({ meeting: m }) => ({ id: m.id, name: m.name, date: m.date, status: m.status, hasRehearsal: rehearsals.has(rehearsalKey(m.id)) }))
    .sort((a, b) => b.date.localeCompare(a.date));
}
