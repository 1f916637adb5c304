import type { Evaluation } from '../../../shared/domain/evaluations';
import { reportItems } from '../../../shared/domain/meetings';
import type { OpinionRecord } from '../../../shared/domain/opinions';
import type { CoreData, MeetingData, YearData } from '../../../shared/domain/partitions';
import { firstDelivery, loopFacts, type LoopRecords } from '../../../shared/loop/facts';
import { issuedItems, type IssuedItems } from '../../../shared/loop/items';
import { emptyLoopData, type LedgerEntry, type LoopData } from '../../../shared/loop/schemas';
import { deriveStage, stageLabel, type LoopState } from '../../../shared/loop/stage';
import type { LoopMeeting } from '../../../shared/api/loop-types';
import { meetingOf, recordFor } from '../opinions/opinion-data';

/**
 * Reading the closed loop's records of one evaluation from the partitions that hold them, and the
 * stage derived from them (shared/loop). The stored `stage` of an evaluation is legacy: nothing here
 * reads it, so every screen that counts or shows a stage gets the same derived one.
 */

/** The year partition's loop records (older files have none). */
export function loopOf(data: Readonly<YearData>): Readonly<LoopData> {
  return data.loop ?? emptyLoopData();
}

/** The year partition's loop records, created on first write. */
export function writableLoop(data: YearData): LoopData {
  data.loop ??= emptyLoopData();
  return data.loop;
}

/** The records of one evaluation inside its year's loop data. */
export function caseRecords(loop: Readonly<LoopData>, evaluationId: string) {
  const mine = <T extends { evaluationId: string | null }>(list: readonly T[]) => list.filter((x) => x.evaluationId === evaluationId);
  return {
    ledger: mine(loop.ledger),
    plan: loop.plans.find((p) => p.evaluationId === evaluationId) ?? null,
    report: loop.reports.find((p) => p.evaluationId === evaluationId) ?? null,
    followUp: loop.followUps.find((p) => p.evaluationId === evaluationId) ?? null,
    laterVotes: mine(loop.laterVotes),
    escalation: mine(loop.escalation),
    closure: loop.closures.find((p) => p.evaluationId === evaluationId) ?? null,
    resultUses: mine(loop.resultUses),
  };
}

const STARTED = new Set(['in-progress', 'closed']);
const BALLOTS_OUT = new Set(['open', 'closed', 'counting', 'checked']);

/** The meeting's own vote items (民主测评), as against later votes held at it. */
function meetingVoteItemIds(meeting: Readonly<MeetingData>): Set<string> {
  return new Set(meeting.meeting.agenda.flatMap((a) => (a.kind === 'vote' && a.voteKind === 'meeting' ? [a.id] : [])));
}

/** The facts other partitions hold (research, the meeting heard it, ballots out) and the loop's own records. */
export function recordsOf(ev: Evaluation, year: Readonly<YearData>, meetings: readonly Readonly<MeetingData>[]): LoopRecords {
  const meeting = meetingOf(ev, meetings);
  const onAgenda = meeting !== null && reportItems(meeting.meeting).some((r) => r.evaluateeId === ev.evaluateeId);
  const voteItems = meeting ? meetingVoteItemIds(meeting) : new Set<string>();
  const rec = caseRecords(loopOf(year), ev.id);
  return {
    // A report, a group or an activity: the research has begun.
    researchStarted:
      (year.research?.reports ?? []).some((r) => r.evaluationId === ev.id) ||
      (year.research?.groups ?? []).some((g) => g.evaluationIds.includes(ev.id)) ||
      (year.research?.activities ?? []).some((a) => a.evaluationIds.includes(ev.id)),
    heardAtMeeting: meeting !== null && onAgenda && STARTED.has(meeting.meeting.status),
    votingStarted:
      meeting !== null && meeting.votes.rounds.some((r) => voteItems.has(r.agendaItemId) && r.evaluateeIds.includes(ev.evaluateeId) && BALLOTS_OUT.has(r.state)),
    meetingVote: ev.voteResult ?? null,
    opinion: recordFor(year, ev.id),
    report: rec.report,
    followUpResearchStarted: rec.followUp !== null,
    laterVotes: rec.laterVotes,
    escalation: rec.escalation,
    closure: rec.closure,
  };
}

export function stateOf(ev: Evaluation, year: Readonly<YearData>, meetings: readonly Readonly<MeetingData>[]): LoopState {
  return deriveStage(loopFacts(recordsOf(ev, year, meetings)));
}

/** The derived stage in words, given the meeting that heard the evaluation (or null). */
export function derivedLabel(ev: Evaluation, year: Readonly<YearData>, meeting: Readonly<MeetingData> | null): string {
  return stageLabel(stateOf(ev, year, meeting ? [meeting] : []).stage);
}

/** Every evaluation of the given years with its derived state. */
export function statesOf(years: readonly Readonly<YearData>[], meetings: readonly Readonly<MeetingData>[]): Map<string, LoopState> {
  const out = new Map<string, LoopState>();
  for (const y of years) for (const ev of y.evaluations) out.set(ev.id, stateOf(ev, y, meetings));
  return out;
}

export function loopMeetings(meetings: readonly Readonly<MeetingData>[]): LoopMeeting[] {
  return meetings
    .map((m) => ({ id: m.meeting.id, name: m.meeting.name, date: m.meeting.date, year: m.meeting.year, status: m.meeting.status }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** The items the ledger follows: those of the last issued version, with each re-issue's changes. */
export function itemsOf(opinion: Readonly<OpinionRecord> | null): IssuedItems {
  return opinion ? issuedItems(opinion) : { versionNo: null, items: [], revisions: [] };
}

export { firstDelivery };

/** An evaluation with its person, for rows and messages. */
export function personOf(core: Readonly<CoreData>, ev: Evaluation) {
  const evaluatee = core.evaluatees.find((e) => e.id === ev.evaluateeId) ?? null;
  const unitName = core.units.find((u) => u.id === evaluatee?.unitId)?.name ?? '';
  return { evaluatee, unitName };
}

/** Ledger entries of an opinion in item order. */
export function ledgerOf(entries: readonly LedgerEntry[], opinionId: string | null): LedgerEntry[] {
  return entries.filter((e) => e.opinionId === opinionId).sort((a, b) => a.itemNo - b.itemNo);
}
