import { isLaterVote } from '../../../shared/domain/meetings';
import { STAGES, type Evaluation, type Stage } from '../../../shared/domain/evaluations';
import type { MeetingData, YearData } from '../../../shared/domain/partitions';
import type { EvaluationVoteResult, VoteRound } from '../../../shared/domain/vote-round';
import type { ServiceContext } from '../api/service-context';
import { hasYear } from '../desk/desk-data';
import { resultRound } from '../../../shared/stats/result-round';

/**
 * Results stored with each evaluation (vote-rules.md, last section): an evaluation's vote result
 * is the last announced (or amended), non-void round of its first vote — the vote item of the
 * meeting that heard it. A later vote (满意度测评, 整改情况测评) keeps its own result on the original
 * evaluation's loop record (later-vote-sync.ts) and never touches voteResult or the stage.
 * The copy is derived from the meeting partition and rewritten whenever a round of the item is
 * announced, amended or voided — in the same store change as the round (`yearDraft` hands out the
 * working copy of a year partition of that change), so the two never disagree, even after a crash.
 */

/** The working copy of a year partition in the change being made. */
export type YearDraft = (year: number) => Promise<YearData>;

export { resultRound };

export function compactResult(data: Readonly<MeetingData>, round: Readonly<VoteRound>, index: number): EvaluationVoteResult | null {
  const result = round.result;
  const binding = result?.groups.find((g) => g.binding);
  const r = binding?.results[index];
  if (!result || !binding || !r) return null;
  const last = round.amendments.at(-1);
  return {
    meetingId: data.meeting.id,
    agendaItemId: round.agendaItemId,
    roundId: round.id,
    roundNo: round.number,
    state: round.state === 'amended' ? 'amended' : 'announced',
    announcedAt: round.announcedAt ?? result.gradedAt,
    amendedAt: last?.at ?? null,
    amendments: round.amendments.length,
    outcome: r.outcome,
    failing: r.failing,
    rate: r.rate,
    rateText: r.rateText,
    counts: { ...r.counts },
    valid: r.valid,
    context: { ...binding.context },
    arithmetic: [...r.arithmetic],
    ruleName: result.rule.rule.name,
    ruleText: result.rule.text,
    ruleSummary: result.rule.summary,
    policyText: result.rule.policyText,
    apart: result.groups
      .filter((g) => !g.binding)
      .flatMap((g) => {
        const x = g.results[index];
        return x ? [{ label: g.label, outcome: x.outcome, rateText: x.rateText, counts: { ...x.counts }, context: { ...g.context } }] : [];
      }),
    tellers: [...result.tellers],
    scrutineers: [...result.scrutineers],
    reReport: r.failing,
  };
}

const at = (s: Stage) => STAGES.indexOf(s);

function laterVoteItem(data: Readonly<MeetingData>, agendaItemId: string): boolean {
  const item = data.meeting.agenda.find((a) => a.id === agendaItemId);
  return item !== undefined && isLaterVote(item);
}

/** Is this evaluation the one the meeting's vote decides (its first vote)? */
function decidedHere(ev: Evaluation, data: Readonly<MeetingData>): boolean {
  return ev.meetingId === data.meeting.id || (ev.meetingId === undefined && ev.year === data.meeting.year);
}

/** Writes the item's results onto its evaluations (only when something changes). */
export async function syncEvaluations(ctx: ServiceContext, data: Readonly<MeetingData>, agendaItemId: string, yearDraft: YearDraft): Promise<void> {
  const year = data.meeting.year;
  if (!hasYear(ctx, year)) return;
  // A later vote keeps its own result on the loop's record (later-vote-sync.ts), never voteResult.
  if (laterVoteItem(data, agendaItemId)) return;
  const round = resultRound(data, agendaItemId);
  const ids = new Set(data.votes.rounds.filter((r) => r.agendaItemId === agendaItemId).flatMap((r) => r.evaluateeIds));
  const wanted = new Map<string, EvaluationVoteResult | null>([...ids].map((id) => [id, null]));
  round?.evaluateeIds.forEach((id, i) => wanted.set(id, compactResult(data, round, i)));
  const plan = (ev: Evaluation): Evaluation | null => {
    if (!wanted.has(ev.evaluateeId) || !decidedHere(ev, data)) return null;
    const next = wanted.get(ev.evaluateeId) ?? null;
    if (next) {
      const stage: Stage = at(ev.stage) < at('opinion') ? 'opinion' : ev.stage;
      return { ...ev, voteResult: next, stage };
    }
    if (!ev.voteResult || ev.voteResult.agendaItemId !== agendaItemId) return null;
    // The published round was voided: the evaluation waits for the repeated vote.
    const { voteResult: _gone, ...rest } = ev;
    return { ...rest, stage: ev.stage === 'opinion' ? 'vote' : ev.stage };
  };
  const y = await yearDraft(year);
  y.evaluations = y.evaluations.map((ev) => {
    const next = plan(ev);
    return next !== null && JSON.stringify(next) !== JSON.stringify(ev) ? next : ev;
  });
}

/** Ballots are out: the evaluations on the sheet are at the vote stage (never moved backwards). */
export async function markVoting(ctx: ServiceContext, data: Readonly<MeetingData>, evaluateeIds: readonly string[], agendaItemId: string, yearDraft: YearDraft): Promise<void> {
  const year = data.meeting.year;
  if (!hasYear(ctx, year) || laterVoteItem(data, agendaItemId)) return;
  const ids = new Set(evaluateeIds);
  const due = (ev: Evaluation) => ids.has(ev.evaluateeId) && decidedHere(ev, data) && at(ev.stage) < at('vote');
  for (const ev of (await yearDraft(year)).evaluations) if (due(ev)) ev.stage = 'vote';
}
