import type { MeetingData } from '../domain/partitions';
import type { VoteRound } from '../domain/vote-round';

const PUBLISHED = new Set(['announced', 'amended']);

/**
 * The round whose result counts for a vote item: the last announced or amended, non-void one
 * (a void round never counts; an amended round counts with its amended counts, which its stored
 * result carries). The one rule for the evaluation's stored result and for the statistics.
 */
export function resultRound(data: Readonly<MeetingData>, agendaItemId: string): Readonly<VoteRound> | null {
  const rounds = data.votes.rounds.filter((r) => r.agendaItemId === agendaItemId && PUBLISHED.has(r.state) && r.result);
  return rounds.reduce<Readonly<VoteRound> | null>((best, r) => (!best || r.number > best.number ? r : best), null);
}
