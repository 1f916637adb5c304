import type { PendingOpinion, PendingOpinions, RectificationDeadline } from '../../../shared/api/opinion-types';
import { currentVersion, versionStatus, type OpinionRecord } from '../../../shared/domain/opinions';
import type { CoreData, YearData } from '../../../shared/domain/partitions';
import type { Deadlines } from '../../../shared/domain/settings';
import { addDays, addMonths } from '../../../shared/format/dates';
import { opinionsOf } from './opinion-data';
import { deliveredVersion } from './workflow';

/**
 * What the workbench shows of the opinions: which wait for the council, for issuing, for delivery,
 * and the rectification deadlines a delivery starts (a plan only when the settings ask for one,
 * report within 6 months, and after a failing grade a new report after 3 months — all from the settings). Deadlines stay
 * listed until the report is a month overdue; the rectification ledger (a later issue) will say
 * which have been met.
 */

const KEEP_AFTER_REPORT_DAYS = 30;

export function rectificationDates(deliveredOn: string, deadlines: Deadlines, failing: boolean): Pick<RectificationDeadline, 'planDue' | 'reportDue' | 'reReportDue'> {
  return {
    planDue: deadlines.rectificationPlanDays === null ? null : addDays(deliveredOn, deadlines.rectificationPlanDays),
    reportDue: addMonths(deliveredOn, deadlines.rectificationReportMonths),
    reReportDue: failing ? addMonths(deliveredOn, deadlines.reReportMonths) : null,
  };
}

export function pendingOpinions(core: Readonly<CoreData>, years: readonly Readonly<YearData>[], today: string): PendingOpinions {
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

      const delivered = deliveredVersion(record);
      if (!delivered?.delivery || !delivered.issue) continue;
      const failing = year.evaluations.find((ev) => ev.id === record.evaluationId)?.voteResult?.failing ?? false;
      const dates = rectificationDates(delivered.delivery.date, core.settings.deadlines, failing);
      if (addDays(dates.reportDue, KEEP_AFTER_REPORT_DAYS) < today) continue;
      out.deadlines.push({ ...base, docNumber: delivered.issue.docNumber, deliveredOn: delivered.delivery.date, ...dates });
    }
  }
  const next = (d: RectificationDeadline) => [d.planDue, d.reReportDue, d.reportDue].filter((x): x is string => x !== null && x >= today).sort()[0] ?? d.reportDue;
  out.deadlines.sort((a, b) => next(a).localeCompare(next(b)));
  return out;
}
