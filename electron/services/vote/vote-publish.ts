import type { VoteConsoleState } from '../../../shared/api/vote-types';
import type { ServiceContext } from '../api/service-context';
import { partitionOf, readActive } from '../live/session';

/**
 * Publishing after a durable vote change. The hall's view and the console's live state go out
 * through the live publish path: live-service.ts recomputes and pushes `hall.view` and
 * `live.changed` on every durable commit it did not make itself (its store.committed listener),
 * and when one of its own writes is in flight it publishes fresh state right after it. A vote write
 * is such a commit (it also bumps the live rev), so the hall is told first, at commit time; pushing
 * the same two projections again from here would only double the hall's and the console's work on
 * every keyed sheet. What only this service knows — the vote state — is pushed here
 * (test/unit/vote-service/publish.test.ts holds both paths to this).
 */

/** After a durable vote change of partition `key`: the console's vote panel follows when it is the open session's. */
export async function publishVote(ctx: ServiceContext, key: string, state: VoteConsoleState): Promise<void> {
  const active = await readActive(ctx);
  if (!active || partitionOf(active) !== key) return;
  ctx.hub.publish('vote.changed', state);
}
