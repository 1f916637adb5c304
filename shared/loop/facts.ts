import { isFrozen, type OpinionRecord } from '../domain/opinions';
import type { EvaluationVoteResult } from '../domain/vote-round';
import { announcementDay } from './deadlines';
import type { Closure, EscalationStep, LaterVote, RectificationReport } from './schemas';
import type { LoopFacts } from './stage';

/**
 * The stage's facts from the stored records, so every screen derives them the same way. What lies
 * in other partitions (a research record, the meeting's start, ballots out) comes in as booleans.
 */
export interface LoopRecords {
  researchStarted: boolean;
  heardAtMeeting: boolean;
  votingStarted: boolean;
  /** The evaluation's voteResult (the meeting's vote). */
  meetingVote: Pick<EvaluationVoteResult, 'announcedAt' | 'failing'> | null | undefined;
  opinion: Pick<OpinionRecord, 'versions'> | null;
  report: Pick<RectificationReport, 'receivedOn'> | null;
  followUpResearchStarted: boolean;
  laterVotes: readonly { kind: LaterVote['kind']; result: Pick<EvaluationVoteResult, 'announcedAt' | 'failing'> | null }[];
  escalation: readonly EscalationStep[];
  closure: Pick<Closure, 'date' | 'reason'> | null;
}

/**
 * The delivery that starts the deadlines is the first one: a re-issued version corrects the text
 * but does not restart the months the evaluatee was given.
 */
export function firstDelivery(opinion: Pick<OpinionRecord, 'versions'> | null): string | null {
  const dates = (opinion?.versions ?? []).flatMap((v) => (v.delivery ? [v.delivery.date] : []));
  return dates.sort()[0] ?? null;
}

export function loopFacts(r: LoopRecords): LoopFacts {
  return {
    researchStarted: r.researchStarted,
    heardAtMeeting: r.heardAtMeeting,
    votingStarted: r.votingStarted,
    meetingVote: r.meetingVote ? { announcedOn: announcementDay(r.meetingVote.announcedAt), failing: r.meetingVote.failing } : null,
    opinion: r.opinion ? { issued: r.opinion.versions.some(isFrozen), deliveredOn: firstDelivery(r.opinion) } : null,
    reportReceivedOn: r.report?.receivedOn ?? null,
    followUpResearchStarted: r.followUpResearchStarted,
    laterVotes: r.laterVotes.flatMap((v) => (v.result ? [{ kind: v.kind, announcedOn: announcementDay(v.result.announcedAt), failing: v.result.failing }] : [])),
    escalation: r.escalation,
    closure: r.closure ? { date: r.closure.date, reason: r.closure.reason } : null,
  };
}
