import type { lockCalls } from '../../../shared/api/calls/lock';
import type { MeetingData } from '../../../shared/domain/partitions';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { partitionOf, readActive } from '../live/session';

export function lockHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof lockCalls> {
  const lock = ctx.lock;
  return {
    'lock.status': (_args, { role }) => lock.status(role),
    'lock.setup': ({ password, idleMinutes }, { role }) => lock.setup(role, password, idleMinutes),
    'lock.unlock': ({ password }, { role }) => lock.unlock(role, password),
    'lock.recover': ({ recoveryCode, password }, { role }) => lock.recover(role, recoveryCode, password),
    'lock.lockNow': (_args, { role }) => lock.lockNow(role),
    'lock.touch': (_args, { role }) => lock.touch(role),
    'lock.confirm': ({ password }, { role }) => lock.confirm(role, password),
    'lock.update': ({ idleMinutes }, { role }) => lock.update(role, idleMinutes),
    'lock.disable': ({ password }, { role }) => lock.disable(role, password),
  };
}

/** Vote states between handing out the ballots and announcing the result: the count is under way. */
const COUNTING_STATES = new Set(['open', 'closed', 'counting', 'checked']);

/** A vote round of the open session (a real meeting or its rehearsal) is being voted or counted. */
export async function countInProgress(ctx: Pick<ServiceContext, 'store'>): Promise<boolean> {
  const active = await readActive(ctx as ServiceContext);
  if (!active) return false;
  const key = partitionOf(active);
  if (!ctx.store.has(key)) return false;
  const data = await ctx.store.read<MeetingData>(key);
  return data.votes.rounds.some((round) => COUNTING_STATES.has(round.state));
}
