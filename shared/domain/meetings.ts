import { z } from 'zod';
import { yearOfIsoDate } from '../format/dates';
import { dateField, enumField, idField, intField, objectError, optionalText, requiredText, yearField } from './fields';
import { REPORT_MODES } from './evaluations';
import { VOTE_KINDS } from './settings';

/**
 * 会议: the Standing Committee meeting (every October) that hears the reports. Its agenda is an
 * ordered list: report items (one evaluatee each, in person or on a written report), hearings of
 * a rectification report of an earlier evaluation, and vote items (the meeting's 民主测评 or a
 * later vote of earlier evaluations, over one or more evaluatees).
 */

export const reportItemSchema = z.object({
  kind: z.literal('report'),
  id: idField('ag', '议程'),
  evaluateeId: idField('ee', '被评议对象'),
  mode: enumField('汇报方式', REPORT_MODES).default('report'),
});

/**
 * 听取整改情况报告: an evaluatee reports on the rectification to a Standing Committee meeting —
 * the 整改情况报告 received (purpose 'report') or, after a failing result, the re-report the
 * meeting hears about three months later ('reReport'). It belongs to an earlier evaluation (any
 * year): no plan entry of the meeting's year, never coverage. Held like a report: timed in person
 * with questioning after it, or on the written report.
 */
export const HEARING_PURPOSES = ['report', 'reReport'] as const;
export type HearingPurpose = (typeof HEARING_PURPOSES)[number];
export const HEARING_PURPOSE_LABELS: Readonly<Record<HearingPurpose, string>> = {
  report: '听取整改情况报告',
  reReport: '听取整改情况再次报告',
};

export const hearingItemSchema = z.object({
  kind: z.literal('hearing'),
  id: idField('ag', '议程'),
  evaluateeId: idField('ee', '被评议对象'),
  evaluationId: idField('ev', '所属评议'),
  purpose: enumField('听取报告类别', HEARING_PURPOSES).default('report'),
  mode: enumField('汇报方式', REPORT_MODES).default('report'),
});

/**
 * Which vote an agenda item holds: the meeting's own 民主测评 of the evaluatees heard, or a later
 * vote of an earlier evaluation (满意度测评 after 回头看, 整改情况测评 after a failing re-report).
 */
export const voteItemSchema = z.object({
  kind: z.literal('vote'),
  id: idField('ag', '议程'),
  title: requiredText('测评名称', 100),
  evaluateeIds: z
    .array(idField('ee', '被测评对象'), { error: '被测评对象应为列表' })
    .min(1, '测评至少应有1名被测评对象'),
  voteKind: enumField('测评类别', VOTE_KINDS).default('meeting'),
  /**
   * For a later vote: the evaluation each evaluatee's vote belongs to, in evaluateeIds' order (a
   * later vote needs no plan entry of the meeting's year). Empty for the meeting's own vote.
   */
  evaluationIds: z.array(idField('ev', '评议'), { error: '所属评议应为列表' }).default([]),
});

export const agendaItemSchema = z.discriminatedUnion('kind', [reportItemSchema, hearingItemSchema, voteItemSchema], {
  error: '议程类型应为汇报、听取整改情况报告或测评',
});

export type ReportItem = z.infer<typeof reportItemSchema>;
export type HearingItem = z.infer<typeof hearingItemSchema>;
export type VoteItem = z.infer<typeof voteItemSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const MEETING_STATUSES = ['planned', 'in-progress', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: '筹备中',
  'in-progress': '进行中',
  closed: '已结束',
};

/** The plain fields, for forms that pick or omit some (zod refuses omit on a refined schema). */
export const meetingObject = z.object(
  {
    id: idField('mt', '会议'),
    /** Full name as printed: 县第十九届人大常委会第二十三次会议 (formatMeetingName). */
    name: requiredText('会议名称', 80),
    session: intField('届次', 1, 99),
    sitting: intField('会议次数', 1, 999),
    date: dateField('会议日期'),
    place: optionalText('会议地点', 100),
    /** 主持人: the member who presides (usually the 主任); printed in the 会议记录. */
    presidingMemberId: idField('mb', '主持人').nullable().default(null),
    /** 记录人: whoever keeps the minutes (office staff, not a member), as typed. */
    recorder: optionalText('记录人', 40),
    year: yearField('会议年度'),
    agenda: z.array(agendaItemSchema, { error: '议程应为列表' }).default([]),
    status: enumField('会议状态', MEETING_STATUSES).default('planned'),
  },
  objectError('会议'),
);

function meetingRules(m: { date: string; year: number }, ctx: z.RefinementCtx): void {
  if (yearOfIsoDate(m.date) !== m.year) ctx.addIssue({ code: 'custom', message: '会议年度应与会议日期的年份一致', path: ['year'] });
}

export const meetingRecordSchema = meetingObject.superRefine(meetingRules);
export const meetingDraftSchema = meetingObject.omit({ id: true }).superRefine(meetingRules);

export type Meeting = z.infer<typeof meetingRecordSchema>;
export type MeetingInput = z.input<typeof meetingRecordSchema>;
export type MeetingDraft = z.input<typeof meetingDraftSchema>;

/** Evaluatees heard at the meeting, in agenda order. */
export function reportItems(meeting: Pick<Meeting, 'agenda'>): ReportItem[] {
  return meeting.agenda.filter((i): i is ReportItem => i.kind === 'report');
}

/** An item the meeting hears in person or in writing: a report of this year's evaluation or a rectification hearing. */
export type HeardItem = ReportItem | HearingItem;
export function isHeard(item: AgendaItem): item is HeardItem {
  return item.kind === 'report' || item.kind === 'hearing';
}

/** Whom an item is about, in its order. */
export function itemEvaluatees(item: AgendaItem): string[] {
  return item.kind === 'vote' ? item.evaluateeIds : [item.evaluateeId];
}

/** A vote of earlier evaluations (满意度测评, 整改情况测评), not the meeting's own 民主测评. */
export function isLaterVote(item: AgendaItem): item is VoteItem {
  return item.kind === 'vote' && item.voteKind !== 'meeting';
}

/**
 * The evaluatees whose first evaluation this meeting holds: the reports and the meeting's own
 * vote. Hearings and later votes belong to earlier evaluations and never touch the plan.
 */
export function firstEvaluationEvaluatees(agenda: readonly AgendaItem[]): Set<string> {
  return new Set(agenda.flatMap((a) => (a.kind === 'report' ? [a.evaluateeId] : a.kind === 'vote' && a.voteKind === 'meeting' ? a.evaluateeIds : [])));
}

export function voteItems(meeting: Pick<Meeting, 'agenda'>): VoteItem[] {
  return meeting.agenda.filter((i): i is VoteItem => i.kind === 'vote');
}
