import { STAGES } from '../domain/evaluations';
import { LOOP_LABELS } from './labels';
import type { EscalationStep } from './schemas';

/**
 * An evaluation's stage, derived from its records and never set by hand:
 * planned → research → meeting → vote → opinion → rectification → follow-up → closed, or escalated.
 */

export const LOOP_STAGES = [...STAGES, 'escalated'] as const;
export type LoopStage = (typeof LOOP_STAGES)[number];

/** An announced vote: its day and whether the rule's outcome is the failing one. */
export interface AnnouncedVote {
  announcedOn: string;
  failing: boolean;
}

export interface LoopFacts {
  /** A research record (调研) exists for the evaluation. */
  researchStarted: boolean;
  /** The evaluatee was on the agenda of a meeting that has started (report heard). */
  heardAtMeeting: boolean;
  /** Ballots were handed out on the meeting's vote (民主测评), not yet announced. */
  votingStarted: boolean;
  /** The meeting's vote as announced (the evaluation's voteResult). */
  meetingVote: AnnouncedVote | null;
  /** The opinion: issued (a version has a document number), delivered (its delivery date). */
  opinion: { issued: boolean; deliveredOn: string | null } | null;
  /** The 整改情况报告 arrived (normal path only; the re-report replaces it on the failing path). */
  reportReceivedOn: string | null;
  followUpResearchStarted: boolean;
  /** Announced later votes, any order. */
  laterVotes: readonly (AnnouncedVote & { kind: 'followUp' | 'reReport' })[];
  escalation: readonly EscalationStep[];
  closure: { date: string; reason: string } | null;
}

export type ClosedBy = keyof typeof LOOP_LABELS.closedBy;

export interface LoopState {
  stage: LoopStage;
  /** The 不满意 path: which failing vote opened it and when. */
  reReport: { from: 'meeting' | 'followUp'; announcedOn: string } | null;
  closedBy: ClosedBy | null;
  /** What the case waits for, in Chinese (empty when closed). */
  next: string;
}

/** The decision that ends an escalated case: a 相应决定, or the 决议/决定 on an investigation's report. */
export function escalationDecision(steps: readonly EscalationStep[]): { date: string; text: string } | null {
  const decided = steps.flatMap((s) => {
    if (s.kind === 'decision') return [{ date: s.date, text: s.text }];
    if (s.kind === 'investigation' && s.resolution) return [{ date: s.resolution.date, text: s.resolution.text }];
    return [];
  });
  return decided.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1) ?? null;
}

function lastOf<T extends AnnouncedVote>(votes: readonly T[]): T | null {
  // Stable: two votes on one day keep the order they were recorded in.
  return votes.reduce<T | null>((last, v) => (last === null || v.announcedOn >= last.announcedOn ? v : last), null);
}

function state(stage: LoopStage, next: string, reReport: LoopState['reReport'] = null, closedBy: ClosedBy | null = null): LoopState {
  return { stage, reReport, closedBy, next };
}

export function deriveStage(f: LoopFacts): LoopState {
  const open = (): LoopState => {
    if (!f.meetingVote) {
      if (f.votingStarted) return state('vote', '等待公布测评结果');
      if (f.heardAtMeeting) return state('meeting', '等待民主测评');
      if (f.researchStarted) return state('research', '等待评议会议');
      return state('planned', '等待事前调研');
    }
    const delivered = f.opinion?.deliveredOn ?? null;
    const followUps = f.laterVotes.filter((v) => v.kind === 'followUp');
    const lastFollowUp = lastOf(followUps);
    const failing = f.meetingVote.failing
      ? { from: 'meeting' as const, announcedOn: f.meetingVote.announcedOn }
      : lastFollowUp?.failing
        ? { from: 'followUp' as const, announcedOn: lastFollowUp.announcedOn }
        : null;

    if (!delivered) return state('opinion', f.opinion?.issued ? '等待送达评议意见' : '等待印发评议意见', failing);

    if (failing) {
      // The re-report at a meeting and its vote replace the written report and 回头看.
      const reVote = lastOf(f.laterVotes.filter((v) => v.kind === 'reReport' && v.announcedOn >= failing.announcedOn));
      if (!reVote) return state('rectification', '等待再次向常委会会议报告并进行整改情况测评', failing);
      if (!reVote.failing) return state('closed', '', failing, 'reReportVote');
      if (escalationDecision(f.escalation)) return state('closed', '', failing, 'decision');
      return state('escalated', f.escalation.length === 0 ? '整改情况测评仍不合格，请确定进一步监督措施' : '等待常委会作出相应决定', failing);
    }

    if (!f.reportReceivedOn) {
      if (lastFollowUp) return state('follow-up', '整改情况报告尚未收到');
      return state('rectification', '等待整改情况报告');
    }
    if (!lastFollowUp) return state('follow-up', f.followUpResearchStarted ? '等待满意度测评' : '等待回头看');
    return state('closed', '', null, 'followUpVote');
  };
  const derived = open();
  if (f.closure && derived.stage !== 'closed') return { ...derived, stage: 'closed', closedBy: 'office', next: '' };
  return derived;
}

export function stageLabel(stage: LoopStage): string {
  return LOOP_LABELS.stage[stage];
}
