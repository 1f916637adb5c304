import type { Evaluation } from '../domain/evaluations';
import type { HearingPurpose } from '../domain/meetings';
import type { EvaluationVoteResult } from '../domain/vote-round';
import { formatDateCn } from '../format/dates';
import { announcementDay, suggestReReportMeeting, type MeetingOnCalendar } from './deadlines';
import type { LaterVoteKind } from './labels';
import type { LaterVote, RectificationReport } from './schemas';

/**
 * What an earlier evaluation waits for at a later meeting: the hearing of its rectification report,
 * the 满意度测评 after 回头看, or — after a failing result — the re-report and its 整改情况测评.
 * Pure: the desk lists the candidates from it and the services check an agenda against it.
 */

export interface EvaluationLoopFacts {
  evaluation: Pick<Evaluation, 'id' | 'evaluateeId' | 'year' | 'meetingId' | 'voteResult'>;
  report: Pick<RectificationReport, 'receivedOn' | 'meetingId'> | null;
  laterVotes: readonly Pick<LaterVote, 'kind' | 'meetingId' | 'agendaItemId' | 'result'>[];
  /** The office closed the case with a reason (loop.closures). */
  closed?: boolean;
}

/** The last announced result of the evaluation's chain: its first vote or a later one. */
export function lastResult(f: Pick<EvaluationLoopFacts, 'evaluation' | 'laterVotes'>): EvaluationVoteResult | null {
  const all = [f.evaluation.voteResult, ...f.laterVotes.map((v) => v.result)].filter((r): r is EvaluationVoteResult => !!r);
  return all.reduce<EvaluationVoteResult | null>((a, r) => (!a || r.announcedAt > a.announcedAt ? r : a), null);
}

/** The day a failing result was announced when the chain's last result fails; null otherwise. */
export function failingSince(f: Pick<EvaluationLoopFacts, 'evaluation' | 'laterVotes'>): string | null {
  const last = lastResult(f);
  return last?.failing ? announcementDay(last.announcedAt) : null;
}

export type LaterWhat = { kind: 'hearing'; purpose: HearingPurpose } | { kind: 'vote'; voteKind: LaterVoteKind };

/**
 * Why the evaluation cannot have this hearing or later vote at the meeting, in Chinese; null when
 * it can. A 满意度测评 before the report was received is not refused here: it asks for a
 * confirmation (secondVoteCheck).
 */
export function laterProblem(f: EvaluationLoopFacts, what: LaterWhat, meeting: { id: string; date: string }, name: string): string | null {
  const ev = f.evaluation;
  const meetingId = meeting.id;
  if (f.closed) return `${name}的${ev.year}年评议已办结，不能再安排听取整改情况或测评`;
  if (escalated(f)) return `${name}的${ev.year}年评议整改情况测评仍为不满意等次，应按规定采取询问、质询等措施，不再安排再次报告`;
  if (ev.meetingId === meetingId) return `${name}的${ev.year}年评议在本次会议进行，不能在同一次会议上听取整改情况或再次测评`;
  if (!ev.voteResult) return `${name}的${ev.year}年评议尚未公布民主测评结果，还不能安排整改情况的听取或测评`;
  const last = lastResult(f);
  const since = last ? announcementDay(last.announcedAt) : null;
  if (since && meeting.date < since) return `本次会议（${formatDateCn(meeting.date)}）早于${name}的测评结果公布之日（${formatDateCn(since)}），不能安排其后的听取或测评`;
  const failing = failingSince(f) !== null;
  const reReport = what.kind === 'hearing' ? what.purpose === 'reReport' : what.voteKind === 'reReport';
  if (reReport && !failing) return `${name}的${ev.year}年评议最近一次测评结果不是不满意等次，无需再次报告和整改情况测评`;
  if (!reReport && failing) return `${name}的${ev.year}年评议测评结果为不满意等次，应安排再次报告和整改情况测评`;
  if (what.kind === 'hearing' && what.purpose === 'report' && !f.report) return `尚未收到${name}的整改情况报告，不能安排听取`;
  return null;
}

export interface LaterCandidate {
  evaluationId: string;
  evaluateeId: string;
  year: number;
  /** The path it is on: the 满意度测评 after the report, or the re-report after a failing result. */
  path: 'followUp' | 'reReport';
  reportReceivedOn: string | null;
  /** The report is already on a meeting's agenda. */
  reportHeardAt: string | null;
  /** A failing result's announcement day (the re-report path). */
  failingSince: string | null;
  /** Which vote failed (the meeting's own or a later one) and its outcome as graded (不满意, 不通过). */
  failingVote: { kind: 'meeting' | LaterVoteKind; outcome: string } | null;
  /** The earliest day the re-report may be heard (announcement + the configured months). */
  reReportEarliest: string | null;
  /** For the re-report: which meeting the rule points to, in words (suggestReReportMeeting). */
  suggestion: string | null;
  /** The meeting the rule points to, or null when none is scheduled yet. */
  suggestedMeetingId: string | null;
  /** This meeting's kinds of later vote held already (announced) for the evaluation. */
  done: LaterVoteKind[];
}

/**
 * The re-report's vote failed too: the case goes on to the further steps the law provides (询问,
 * 质询案, …), not to another re-report.
 */
export function escalated(f: Pick<EvaluationLoopFacts, 'evaluation' | 'laterVotes'>): boolean {
  const last = lastResult(f);
  return !!last?.failing && f.laterVotes.some((v) => v.kind === 'reReport' && v.result === last);
}

/**
 * Evaluations whose chain is still open after their first vote: a passing result waits for its
 * 满意度测评 (after the report), a failing one for the re-report and its vote. A passing later
 * vote closes the chain, as does the office's closing it; a failing re-report vote escalates it
 * (no further re-report); a later vote already on another meeting's agenda is not offered again.
 */
export function laterCandidates<M extends MeetingOnCalendar>(
  facts: readonly EvaluationLoopFacts[],
  meeting: { id: string; date: string },
  deadlines: { reReportMonths: number },
  meetings: readonly M[],
): LaterCandidate[] {
  const meetingId = meeting.id;
  return facts.flatMap((f): LaterCandidate[] => {
    const ev = f.evaluation;
    if (!ev.voteResult || ev.meetingId === meetingId || f.closed || escalated(f)) return [];
    const last = lastResult(f);
    // A meeting before the result was announced cannot continue it.
    if (last && meeting.date < announcementDay(last.announcedAt)) return [];
    const fromLater = f.laterVotes.some((v) => v.result === last);
    if (last && !last.failing && fromLater) return [];
    const since = failingSince(f);
    const pending = f.laterVotes.some((v) => v.result === null && v.meetingId !== meetingId);
    if (pending) return [];
    const suggestion = since ? suggestReReportMeeting(since, deadlines, meetings) : null;
    return [
      {
        evaluationId: ev.id,
        evaluateeId: ev.evaluateeId,
        year: ev.year,
        path: since ? 'reReport' : 'followUp',
        reportReceivedOn: f.report?.receivedOn ?? null,
        reportHeardAt: f.report?.meetingId ?? null,
        failingSince: since,
        failingVote: since && last ? { kind: f.laterVotes.find((v) => v.result === last)?.kind ?? 'meeting', outcome: last.outcome } : null,
        reReportEarliest: suggestion?.earliest ?? null,
        suggestion: suggestion?.message ?? null,
        suggestedMeetingId: suggestion?.meeting?.id ?? null,
        done: f.laterVotes.filter((v) => v.result !== null).map((v) => v.kind),
      },
    ];
  });
}
