import type { LaterVoteView, LoopCase, LoopCaseRow, LoopMeeting } from '../../../shared/api/loop-types';
import { isEnded } from '../../../shared/domain/evaluatees';
import type { Evaluation } from '../../../shared/domain/evaluations';
import { currentVersion, isFrozen } from '../../../shared/domain/opinions';
import type { CoreData, MeetingData, YearData } from '../../../shared/domain/partitions';
import { openDeadlines } from '../../../shared/loop/due';
import { firstDelivery, loopFacts } from '../../../shared/loop/facts';
import { LOOP_LABELS } from '../../../shared/loop/labels';
import { summariseLedger } from '../../../shared/loop/ledger';
import { deriveStage, stageLabel } from '../../../shared/loop/stage';
import { INTERPELLATION_MIN_PROPOSERS, oneFifthOf } from '../../../shared/loop/thresholds';
import { sortMembers } from '../../../shared/domain/people';
import { recordFor } from '../opinions/opinion-data';
import { reconciledEntries } from './ledger-sync';
import { caseRecords, itemsOf, loopOf, personOf, recordsOf } from './loop-records';

/**
 * The loop's views (list row, case, workbench) computed from the partitions: stage, deadlines and
 * counts are derived here from shared/loop every time, never stored.
 */

export interface LoopSources {
  core: Readonly<CoreData>;
  meetings: readonly Readonly<MeetingData>[];
  /** Calendar of every meeting on record, for re-report suggestions and pickers. */
  calendar: LoopMeeting[];
  today: string;
}

const DONE = new Set(['done', 'ongoing']);

export function caseRow(ev: Evaluation, year: Readonly<YearData>, src: LoopSources): LoopCaseRow {
  const facts = loopFacts(recordsOf(ev, year, src.meetings));
  const state = deriveStage(facts);
  const rec = caseRecords(loopOf(year), ev.id);
  const opinion = recordFor(year, ev.id);
  const { evaluatee, unitName } = personOf(src.core, ev);
  const ledger = reconciledEntries(rec.ledger, opinion);
  const issuedVersion = opinion ? [...opinion.versions].reverse().find(isFrozen) : undefined;
  const deliveredOn = firstDelivery(opinion);
  return {
    evaluationId: ev.id,
    year: ev.year,
    evaluateeId: ev.evaluateeId,
    name: evaluatee?.name ?? '（已删除）',
    unitName,
    position: evaluatee?.position ?? '',
    category: evaluatee?.category ?? '其他',
    inPost: evaluatee ? !isEnded(evaluatee, src.today) : false,
    state,
    stageLabel: stageLabel(state.stage),
    outcome: ev.voteResult?.outcome ?? '',
    opinionNumber: issuedVersion?.issue?.docNumber ?? '',
    deliveredOn,
    items: itemsOf(opinion).items.length,
    itemsDone: ledger.filter((e) => DONE.has(e.status)).length,
    deadlines: openDeadlines(
      { state, deliveredOn, planReceivedOn: rec.plan?.receivedOn ?? null, reportReceivedOn: rec.report?.receivedOn ?? null },
      src.core.settings.deadlines,
      src.calendar,
      src.today,
    ),
  };
}

/** Past the meeting's vote, or with any loop record: what the 跟踪整改 list shows. */
export function inLoop(ev: Evaluation, year: Readonly<YearData>): boolean {
  if (ev.voteResult) return true;
  const rec = caseRecords(loopOf(year), ev.id);
  return rec.ledger.length + rec.laterVotes.length + rec.escalation.length + rec.resultUses.length > 0 || !!(rec.report || rec.plan || rec.followUp || rec.closure);
}

export function caseView(ev: Evaluation, year: Readonly<YearData>, src: LoopSources): LoopCase {
  const row = caseRow(ev, year, src);
  const rec = caseRecords(loopOf(year), ev.id);
  const opinion = recordFor(year, ev.id);
  const issued = itemsOf(opinion);
  const ledger = reconciledEntries(rec.ledger, opinion);
  const { evaluatee } = personOf(src.core, ev);
  const issuedVersion = opinion ? [...opinion.versions].reverse().find(isFrozen) : undefined;
  const titles = src.core.settings.voteTitles;
  const laterVotes: LaterVoteView[] = rec.laterVotes.map((v) => {
    const m = src.calendar.find((x) => x.id === v.meetingId);
    return { ...structuredClone(v), meetingName: m?.name ?? '（会议已删除）', meetingDate: m?.date ?? '', title: titles[v.kind] };
  });
  const active = src.core.members.filter((m) => m.active).length;
  return {
    ...row,
    today: src.today,
    evaluation: structuredClone(ev) as Evaluation,
    evaluatee: structuredClone(evaluatee ?? { id: ev.evaluateeId, name: row.name }) as LoopCase['evaluatee'],
    opinion: opinion
      ? {
          id: opinion.id,
          versionNo: issuedVersion?.no ?? currentVersion(opinion).no,
          docNumber: issuedVersion?.issue?.docNumber ?? '',
          deliveredOn: row.deliveredOn,
        }
      : null,
    issued: { items: issued.items, revisions: issued.revisions },
    // Entries of an earlier opinion record of the same evaluation are shown too, after the current ones.
    ledger: [...ledger, ...rec.ledger.filter((e) => e.opinionId !== opinion?.id).map((e) => structuredClone(e))],
    orphaned: ledger.filter((e) => !issued.items.some((i) => i.no === e.itemNo)).map((e) => e.itemNo),
    summary: summariseLedger(ledger.filter((e) => issued.items.some((i) => i.no === e.itemNo))),
    plan: rec.plan ? structuredClone(rec.plan) : null,
    report: rec.report ? structuredClone(rec.report) : null,
    followUp: rec.followUp ? structuredClone(rec.followUp) : null,
    laterVotes,
    escalation: rec.escalation.map((s) => structuredClone(s)),
    closure: rec.closure ? structuredClone(rec.closure) : null,
    resultUses: [...rec.resultUses].sort((a, b) => a.date.localeCompare(b.date)).map((r) => structuredClone(r)),
    members: sortMembers(src.core.members).map((m) => ({ id: m.id, name: m.name, role: m.role, active: m.active })),
    meetings: src.calendar,
    thresholds: { activeMembers: active, interpellationMin: INTERPELLATION_MIN_PROPOSERS, investigationMin: Math.max(1, oneFifthOf(active)) },
  };
}

export const DUE_LISTED = new Set(['overdue', 'soon', 'unscheduled']);
export const STATE_ORDER: Record<string, number> = { overdue: 0, unscheduled: 1, soon: 2, later: 3 };
export { LOOP_LABELS };
