import { ApiError } from '../../../shared/api/errors';
import type { AgendaItem, Meeting } from '../../../shared/domain/meetings';
import type { CoreData, YearData } from '../../../shared/domain/partitions';
import { laterProblem, type EvaluationLoopFacts, type LaterWhat } from '../../../shared/loop/later';
import { emptyLoopData, type LaterVote } from '../../../shared/loop/schemas';
import { secondVoteCheck } from '../../../shared/loop/validation';
import type { ServiceContext } from '../api/service-context';
import { readYear, yearsOnRecord } from './desk-data';

/**
 * The agenda's items that belong to earlier evaluations — hearings of a rectification report and
 * later votes — checked against the loop's records, and the records they write: a `laterVotes`
 * entry in the ORIGINAL evaluation's year partition for each evaluatee of a later vote, and the
 * hearing meeting on the report received. The agenda is the record; these follow it.
 */

export interface LoopFacts extends EvaluationLoopFacts {
  year: number;
}

/** Every evaluation on record with its loop records (report, later votes). */
export async function loopFacts(ctx: ServiceContext): Promise<Map<string, LoopFacts>> {
  const out = new Map<string, LoopFacts>();
  for (const year of yearsOnRecord(ctx)) {
    const data = await readYear(ctx, year);
    const loop = data.loop;
    for (const ev of data.evaluations) {
      out.set(ev.id, {
        year,
        evaluation: ev,
        report: loop?.reports.find((r) => r.evaluationId === ev.id) ?? null,
        laterVotes: loop?.laterVotes.filter((v) => v.evaluationId === ev.id) ?? [],
        closed: loop?.closures.some((c) => c.evaluationId === ev.id) ?? false,
      });
    }
  }
  return out;
}

/** One evaluatee of a hearing or a later vote: which evaluation, and what the meeting holds for it. */
interface LaterEntry {
  itemId: string;
  evaluateeId: string;
  evaluationId: string;
  what: LaterWhat;
}

export function laterEntries(agenda: readonly AgendaItem[]): LaterEntry[] {
  return agenda.flatMap((item): LaterEntry[] => {
    if (item.kind === 'hearing') return [{ itemId: item.id, evaluateeId: item.evaluateeId, evaluationId: item.evaluationId, what: { kind: 'hearing', purpose: item.purpose } }];
    if (item.kind !== 'vote' || item.voteKind === 'meeting') return [];
    const voteKind = item.voteKind;
    return item.evaluateeIds.map((evaluateeId, i) => ({ itemId: item.id, evaluateeId, evaluationId: item.evaluationIds[i] ?? '', what: { kind: 'vote', voteKind } }));
  });
}

const keyOf = (e: Pick<LaterEntry, 'itemId' | 'evaluationId' | 'what'>) => `${e.itemId}|${e.evaluationId}|${e.what.kind === 'hearing' ? e.what.purpose : e.what.voteKind}`;

/** The entries of `next` that `previous` did not have (new items, or an evaluatee added to one). */
export function addedEntries(previous: readonly AgendaItem[], next: readonly AgendaItem[]): LaterEntry[] {
  const had = new Set(laterEntries(previous).map(keyOf));
  return laterEntries(next).filter((e) => !had.has(keyOf(e)));
}

/**
 * Refuses (before anything is written) a hearing or later vote the records do not allow, and asks
 * for a confirmation and a reason before a 满意度测评 whose rectification report was not received.
 */
export function checkLaterEntries(
  added: readonly LaterEntry[],
  facts: ReadonlyMap<string, LoopFacts>,
  core: Readonly<CoreData>,
  meeting: Pick<Meeting, 'id' | 'date'>,
  confirm: { confirmed: boolean; reason: string },
): void {
  const nameOf = (id: string) => core.evaluatees.find((e) => e.id === id)?.name ?? '被评议对象';
  const asks: string[] = [];
  for (const e of added) {
    const name = nameOf(e.evaluateeId);
    const f = facts.get(e.evaluationId);
    if (!f) throw new ApiError('invalid_args', `找不到${name}的所属评议，可能已从计划中移除。`);
    if (f.evaluation.evaluateeId !== e.evaluateeId) throw new ApiError('invalid_args', `所选评议不是${name}的评议。`);
    const problem = laterProblem(f, e.what, meeting, name);
    if (problem) throw new ApiError('conflict', `${problem}。`);
    if (e.what.kind === 'vote' && e.what.voteKind === 'followUp') {
      const check = secondVoteCheck({ kind: 'followUp', reportReceived: f.report !== null, confirmed: confirm.confirmed, reason: confirm.reason });
      if (check.kind === 'refused') throw new ApiError('invalid_args', `${name}：${check.message}`, [{ path: 'earlyReason', message: check.message }]);
      if (check.kind === 'confirm') asks.push(`${name}：${check.message}`);
    }
  }
  if (asks.length > 0) throw new ApiError('needs_confirmation', asks.join('\n'));
}

/**
 * Writes what the agenda now says into the original evaluations' partitions: a later vote's
 * record per evaluatee (kept with its result once announced), the meeting hearing each report.
 * `yearDraft`: the working copy of a year in the change that also writes the agenda.
 */
export async function syncLoopRecords(
  ctx: ServiceContext,
  meeting: Pick<Meeting, 'id' | 'agenda'>,
  facts: ReadonlyMap<string, LoopFacts>,
  earlyReason: string,
  previous: readonly AgendaItem[],
  yearDraft: (year: number) => Promise<YearData>,
): Promise<void> {
  const now = laterEntries(meeting.agenda);
  const before = laterEntries(previous);
  const touched = new Set([...now, ...before].map((e) => facts.get(e.evaluationId)?.year).filter((y): y is number => y !== undefined));
  for (const year of [...touched].sort()) {
    const here = (e: LaterEntry) => facts.get(e.evaluationId)?.year === year;
    const votes = now.filter((e) => here(e) && e.what.kind === 'vote');
    const hearings = now.filter((e) => here(e) && e.what.kind === 'hearing' && e.what.purpose === 'report');
    const current = await readYear(ctx, year);
    const loop = current.loop ?? emptyLoopData();
    const keep = (v: LaterVote) => v.meetingId !== meeting.id || v.result !== null || votes.some((e) => e.itemId === v.agendaItemId && e.evaluationId === v.evaluationId);
    const missing = votes.filter((e) => !loop.laterVotes.some((v) => v.meetingId === meeting.id && v.agendaItemId === e.itemId && v.evaluationId === e.evaluationId));
    const heardHere = new Set(hearings.map((e) => e.evaluationId));
    // Only a hearing taken off this agenda clears the report's meeting: one recorded by other means stays.
    const dropped = new Set(before.filter((e) => here(e) && e.what.kind === 'hearing' && e.what.purpose === 'report' && !heardHere.has(e.evaluationId)).map((e) => e.evaluationId));
    const reportChange = loop.reports.some((r) => (heardHere.has(r.evaluationId) ? r.meetingId !== meeting.id : dropped.has(r.evaluationId) && r.meetingId === meeting.id));
    if (missing.length === 0 && loop.laterVotes.every(keep) && !reportChange) continue;
    const l = ((await yearDraft(year)).loop ??= emptyLoopData());
    l.laterVotes = l.laterVotes.filter(keep);
    for (const e of missing) {
      if (e.what.kind !== 'vote') continue;
      const early = e.what.voteKind === 'followUp' && !l.reports.some((r) => r.evaluationId === e.evaluationId);
      l.laterVotes.push({ evaluationId: e.evaluationId, kind: e.what.voteKind, meetingId: meeting.id, agendaItemId: e.itemId, result: null, earlyReason: early ? earlyReason.trim() : '' });
    }
    for (const r of l.reports) {
      if (heardHere.has(r.evaluationId)) r.meetingId = meeting.id;
      else if (dropped.has(r.evaluationId) && r.meetingId === meeting.id) r.meetingId = null;
    }
  }
}
