import type { PendingOpinion, PendingOpinions, RectificationDeadline } from '../../../shared/api/opinion-types';
import { currentVersion, versionStatus, type OpinionRecord } from '../../../shared/domain/opinions';
import type { CoreData, YearData } from '../../../shared/domain/partitions';
import type { OpenDeadline } from '../../../shared/loop/due';
import { firstDelivery } from '../../../shared/loop/facts';
import { opinionsOf } from './opinion-data';
import { deliveredVersion } from './workflow';

/**
 * What the workbench shows of the opinions: which wait for the council, for issuing, for delivery,
 * and the rectification deadlines still open after delivery (a plan only when the settings ask for
 * one, the written report, or on the failing path the re-report at a meeting). The deadlines are the
 * closed loop's (shared/loop openDeadlines): one stays listed until the thing arrives or the case
 * closes, never dropped by age.
 */

export function pendingOpinions(
  core: Readonly<CoreData>,
  years: readonly Readonly<YearData>[],
  today: string,
  deadlinesOf: (year: Readonly<YearData>, evaluationId: string) => readonly OpenDeadline[],
): PendingOpinions {
  const out: PendingOpinions = { today, awaitingCouncil: [], awaitingIssue: [], awaitingDelivery: [], deadlines: [] };
  const unitOf = new Map(core.units.map((u) => [u.id, u.name]));
  const people = new Map(core.evaluatees.map((e) => [e.id, e]));
  for (const year of years) {
    for (const record of opinionsOf(year).records as readonly OpinionRecord[]) {
      const person = people.get(record.evaluateeId);
      const base = { year: year.year, evaluationId: record.evaluationId, name: person?.name ?? '（已删除）', unitName: unitOf.get(person?.unitId ?? '') ?? '' };
      const v = currentVersion(record);
      const item = (since: string | null): PendingOpinion => ({ ...base, since, docNumber: v.issue?.docNumber ?? null });
      const status = versionStatus(v);
      if (status === 'draft') out.awaitingCouncil.push(item(v.updatedAt.slice(0, 10)));
      if (status === 'approved') out.awaitingIssue.push(item(v.council?.date ?? null));
      if (status === 'issued') out.awaitingDelivery.push(item(v.issue?.issueDate ?? null));

      const deliveredOn = firstDelivery(record);
      const delivered = deliveredVersion(record);
      if (!deliveredOn || !delivered?.issue || !year.evaluations.some((ev) => ev.id === record.evaluationId)) continue;
      const open = deadlinesOf(year, record.evaluationId);
      if (open.length === 0) continue;
      const due = (kind: OpenDeadline['kind']) => open.find((d) => d.kind === kind)?.due ?? null;
      out.deadlines.push({ ...base, docNumber: delivered.issue.docNumber, deliveredOn, planDue: due('plan'), reportDue: due('report'), reReportDue: due('reReport') });
    }
  }
  const next = (d: RectificationDeadline) => [d.planDue, d.reReportDue, d.reportDue].filter((x): x is string => x !== null).sort()[0] ?? '';
  out.deadlines.sort((a, b) => next(a).localeCompare(next(b)));
  return out;
}
