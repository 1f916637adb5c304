import { dueState, planDue, reportDue, suggestReReportMeeting, type DueState, type MeetingOnCalendar } from './deadlines';
import { LOOP_LABELS } from './labels';
import type { LoopState } from './stage';
import type { Deadlines } from '../domain/settings';

/**
 * What an evaluation still owes, for the workbench: every deadline that is open, from the records.
 * A deadline leaves the list only when the thing arrives or the case closes, never by age.
 */

export type DeadlineKind = keyof typeof LOOP_LABELS.deadline;

export interface OpenDeadline<M extends MeetingOnCalendar = MeetingOnCalendar> {
  kind: DeadlineKind;
  label: string;
  /** The due day; for a re-report with no meeting yet, the earliest day it may be heard. */
  due: string;
  state: DueState | 'unscheduled';
  /** The suggested meeting of a re-report. */
  meeting: M | null;
  /** The desk's sentence for a re-report; '' otherwise. */
  message: string;
}

export interface DueFacts {
  state: Pick<LoopState, 'stage' | 'reReport'>;
  deliveredOn: string | null;
  /** The 整改方案 arrived (only asked for when the county sets its days). */
  planReceivedOn: string | null;
  reportReceivedOn: string | null;
}

export function openDeadlines<M extends MeetingOnCalendar>(
  facts: DueFacts,
  deadlines: Deadlines,
  meetings: readonly M[],
  today: string,
): OpenDeadline<M>[] {
  const { state, deliveredOn } = facts;
  if (state.stage === 'closed' || deliveredOn === null) return [];
  const out: OpenDeadline<M>[] = [];
  const plain = (kind: DeadlineKind, due: string): OpenDeadline<M> => ({
    kind,
    label: LOOP_LABELS.deadline[kind],
    due,
    state: dueState(due, today),
    meeting: null,
    message: '',
  });
  const plan = planDue(deliveredOn, deadlines);
  if (plan !== null && facts.planReceivedOn === null) out.push(plain('plan', plan));
  if (state.reReport === null) {
    if (facts.reportReceivedOn === null) out.push(plain('report', reportDue(deliveredOn, deadlines)));
  } else if (state.stage === 'rectification') {
    const s = suggestReReportMeeting(state.reReport.announcedOn, deadlines, meetings);
    out.push({
      kind: 'reReport',
      label: LOOP_LABELS.deadline.reReport,
      due: s.meeting?.date ?? s.earliest,
      state: s.meeting ? dueState(s.meeting.date, today) : 'unscheduled',
      meeting: s.meeting,
      message: s.message,
    });
  }
  return out;
}
