import type { Deadlines } from '../../../shared/domain/settings';
import type { OpinionRecord, OpinionVersion } from '../../../shared/domain/opinions';
import type { YearData } from '../../../shared/domain/partitions';
import { daysUntil } from '../../../shared/loop/deadlines';
import { openDeadlines } from '../../../shared/loop/due';
import { firstDelivery, loopFacts } from '../../../shared/loop/facts';
import { emptyLoopData, type LoopData } from '../../../shared/loop/schemas';
import { deriveStage } from '../../../shared/loop/stage';
import type { OverdueDeadline } from '../../../shared/api/loop-docs-types';
import type { EvaluationFacts } from '../opinions/opinion-data';
import { recordFor } from '../opinions/opinion-data';

/**
 * The closed loop's records of one evaluation, read from its year partition (`loop`, absent in files written before
 * the loop existed: read as empty), and what the papers state from them: the delivered opinion and what is overdue.
 */

export function loopOf(data: Readonly<YearData>): Readonly<LoopData> {
  return data.loop ?? emptyLoopData();
}

/** The version delivered first: its number and day start the deadlines (a re-issue does not restart them). */
export function deliveredVersion(record: Readonly<OpinionRecord> | null): { version: Readonly<OpinionVersion>; deliveredOn: string; docNumber: string } | null {
  const on = firstDelivery(record);
  if (!record || on === null) return null;
  const version = record.versions.find((v) => v.delivery?.date === on && v.issue !== null);
  if (!version?.issue) return null;
  return { version, deliveredOn: on, docNumber: version.issue.docNumber };
}

/** The period the opinion gave, as the letter quotes it. */
export function periodText(kind: OverdueDeadline['kind'], deadlines: Deadlines): string {
  return kind === 'report' ? `${deadlines.rectificationReportMonths}个月` : `${deadlines.rectificationPlanDays ?? 0}日`;
}

/**
 * The written papers overdue on `asOf`: the 整改方案 (only where the county sets its days) and the 整改情况报告 (not on
 * the failing path, where the re-report at a meeting replaces it), from shared/loop's deadlines and stage.
 */
export function overdueOn(f: Pick<EvaluationFacts, 'core' | 'year' | 'evaluation'>, asOf: string): OverdueDeadline[] {
  const id = f.evaluation.id;
  const loop = loopOf(f.year);
  const record = recordFor(f.year, id);
  const report = loop.reports.find((r) => r.evaluationId === id) ?? null;
  const plan = loop.plans.find((p) => p.evaluationId === id) ?? null;
  const state = deriveStage(
    loopFacts({
      // Only what happens after the meeting's vote decides the deadlines; the earlier stages do not.
      researchStarted: false,
      heardAtMeeting: false,
      votingStarted: false,
      meetingVote: f.evaluation.voteResult ?? null,
      opinion: record,
      report,
      followUpResearchStarted: loop.followUps.some((r) => r.evaluationId === id),
      laterVotes: loop.laterVotes.filter((v) => v.evaluationId === id),
      escalation: loop.escalation.filter((s) => s.evaluationId === id),
      closure: loop.closures.find((c) => c.evaluationId === id) ?? null,
    }),
  );
  const open = openDeadlines(
    { state, deliveredOn: firstDelivery(record), planReceivedOn: plan?.receivedOn ?? null, reportReceivedOn: report?.receivedOn ?? null },
    f.core.settings.deadlines,
    [],
    asOf,
  );
  return open.flatMap((d) =>
    (d.kind === 'plan' || d.kind === 'report') && d.state === 'overdue' ? [{ kind: d.kind, label: d.label, due: d.due, daysOverdue: -daysUntil(d.due, asOf) }] : [],
  );
}
