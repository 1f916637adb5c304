/** The stats' input and its one pass over it: every evaluation with who it is, whether heard, its 民主测评 result, opinion and ledger. */
import type { Evaluatee, EvaluateeCategory } from '../domain/evaluatees';
import type { Evaluation, ReportMode } from '../domain/evaluations';
import type { OpinionRecord } from '../domain/opinions';
import { parsePartitionKey, type MeetingData, type YearData } from '../domain/partitions';
import type { Settings } from '../domain/settings';
import type { LedgerEntry } from '../loop/schemas';
import { resultRound } from './result-round';

export interface StatsInput {
  settings: Pick<Settings, 'term' | 'votes' | 'deadlines' | 'reportsTarget'>;
  evaluatees: readonly Evaluatee[];
  years: readonly YearData[];
  /**
   * Meeting partitions with their store keys. Only keys of kind 'meeting' count: a rehearsal copy
   * (rehearsal/<id>) is never a record, whatever it holds.
   */
  meetings: readonly { key: string; data: MeetingData }[];
  /** The day figures are computed for (YYYY-MM-DD): which report dates have passed. */
  today: string;
}

export interface EvaluationFacts {
  year: number;
  ev: Evaluation;
  name: string;
  category: EvaluateeCategory | null;
  heard: ReportMode | null;
  opinion: OpinionRecord | null;
  ledger: LedgerEntry[];
  yearData: YearData;
  /** The members' group result of the evaluation's 民主测评, when announced. */
  result: { outcome: string; failing: boolean; counts: Record<'satisfied' | 'basic' | 'unsatisfied', number>; valid: number; roundNo: number; amended: boolean } | null;
}

/** A meeting that has started or closed has heard its report items. */
const MEETING_HELD = new Set(['in-progress', 'closed']);

function nameOf(evaluatees: ReadonlyMap<string, Evaluatee>, id: string): { name: string; category: EvaluateeCategory | null } {
  const e = evaluatees.get(id);
  return e ? { name: `${e.name}（${e.position}）`, category: e.category } : { name: '（已删除的被评议对象）', category: null };
}

/** Reads every evaluation of the input once; the figures of any period are then filters over it. */
export function indexRecords(input: StatsInput): EvaluationFacts[] {
  const evaluatees = new Map(input.evaluatees.map((e) => [e.id, e]));
  const meetings = new Map<string, MeetingData>();
  for (const m of input.meetings) {
    const key = parsePartitionKey(m.key);
    if (key?.kind === 'meeting' && key.id === m.data.meeting.id) meetings.set(key.id, m.data);
  }
  const out: EvaluationFacts[] = [];
  for (const y of input.years) {
    for (const ev of y.evaluations) {
      const who = nameOf(evaluatees, ev.evaluateeId);
      const meeting = ev.meetingId ? meetings.get(ev.meetingId) : undefined;
      let heard: ReportMode | null = null;
      let result: EvaluationFacts['result'] = null;
      if (meeting) {
        const report = meeting.meeting.agenda.find((a) => a.kind === 'report' && a.evaluateeId === ev.evaluateeId);
        if (report && report.kind === 'report' && MEETING_HELD.has(meeting.meeting.status)) heard = report.mode;
        // The 民主测评 of the meeting that heard it: a later vote (满意度测评, 整改情况测评) is another vote.
        for (const item of meeting.meeting.agenda) {
          if (item.kind !== 'vote' || item.voteKind !== 'meeting' || !item.evaluateeIds.includes(ev.evaluateeId)) continue;
          const round = resultRound(meeting, item.id);
          const index = round ? round.evaluateeIds.indexOf(ev.evaluateeId) : -1;
          // The members' group only: groups counted apart never enter the figures.
          const binding = round?.result?.groups.find((g) => g.binding);
          const r = index >= 0 ? binding?.results[index] : undefined;
          if (round && r) {
            result = {
              outcome: r.outcome,
              failing: r.failing,
              counts: { satisfied: r.counts.satisfied, basic: r.counts.basic, unsatisfied: r.counts.unsatisfied },
              valid: r.valid,
              roundNo: round.number,
              amended: round.state === 'amended',
            };
          }
        }
        // A round announced means the evaluatee was heard, even if the meeting record was not closed.
        if (heard === null && result !== null) heard = ev.mode;
      }
      out.push({
        year: y.year,
        ev,
        name: who.name,
        category: who.category,
        heard,
        opinion: y.opinions?.records.find((r) => r.evaluationId === ev.id) ?? null,
        ledger: y.loop?.ledger.filter((l) => l.evaluationId === ev.id) ?? [],
        yearData: y,
        result,
      });
    }
  }
  return out;
}
