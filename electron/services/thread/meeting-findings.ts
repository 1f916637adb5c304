import { ApiError } from '../../../shared/api/errors';
import type { FindingRef } from '../../../shared/api/questioning-types';
import type { MeetingData } from '../../../shared/domain/partitions';
import type { ServiceContext } from '../api/service-context';
import { hasYear, readYear } from '../desk/desk-data';

/**
 * The findings a question minuted at a meeting may name: those of the evaluation of that
 * evaluatee in the meeting's year (the one the meeting hears, else the evaluatee's of that year).
 */
export async function meetingFindings(ctx: ServiceContext, data: Readonly<MeetingData>): Promise<(evaluateeId: string) => FindingRef[]> {
  const year = Number(data.meeting.date.slice(0, 4));
  if (!Number.isInteger(year) || !hasYear(ctx, year)) return () => [];
  const y = await readYear(ctx, year);
  const findings = y.research?.findings ?? [];
  return (evaluateeId) => {
    const evaluations = y.evaluations.filter((e) => e.evaluateeId === evaluateeId);
    const ev = evaluations.find((e) => e.meetingId === data.meeting.id) ?? evaluations[0];
    return ev ? findings.filter((f) => f.evaluationId === ev.id).map((f) => ({ id: f.id, text: f.text })) : [];
  };
}

/** Refuses a finding that is not one of the evaluatee's evaluation heard at this meeting, naming the field. */
export async function checkMeetingFinding(ctx: ServiceContext, data: Readonly<MeetingData>, evaluateeId: string, findingId: string): Promise<void> {
  const of = await meetingFindings(ctx, data);
  if (!of(evaluateeId).some((f) => f.id === findingId)) {
    throw new ApiError('invalid_args', '针对的调研问题不属于本被评议对象的评议（或已被删除），不能关联。');
  }
}
