import { z } from 'zod';
import { defaultCriteria, criterionSchema } from './criteria';
import { evaluateeSchema } from './evaluatees';
import { evaluationSchema } from './evaluations';
import { idField, objectError, yearField } from './fields';
import { isIdOf } from './ids';
import { meetingRecordSchema, type MeetingInput } from './meetings';
import { attendanceSchema, liveSchema } from './live';
import { questioningSchema } from './questioning';
import { opinionsDataSchema } from './opinions';
import { researchDataSchema } from './research';
import { docRegisterSchema } from './doc-register';
import { publicNoticeSchema } from './plan-papers';
import { loopDataSchema } from '../loop/schemas';
import { votesSchema } from './vote-round';
import { memberSchema, personSchema, unitSchema } from './people';
import { handoffSchema } from './handoff';
import { defaultSettings, settingsSchema } from './settings';

/**
 * How the records are cut into store partitions (one JSON file each), so that a change rewrites
 * only its own file however many years of archive there are:
 *
 *   'core'            settings, members, the registry of other people, units, evaluatees, criteria —
 *                     small, read by every screen
 *   'year/<YYYY>'     the evaluations of one year (the plan of that year and their progress)
 *   'meeting/<id>'    one meeting: the record and agenda; later its attendance, live state, draws
 *                     and vote rounds, each added as a defaulted field so older files stay valid
 */

export const CORE_KEY = 'core';
export const PARTITION_KINDS = ['core', 'year', 'meeting', 'rehearsal', 'session'] as const;
export type PartitionKind = (typeof PARTITION_KINDS)[number];

export const coreSchema = z.object({
  settings: settingsSchema,
  members: z.array(memberSchema, { error: '组成人员应为列表' }).default([]),
  /** 人员库 (people.ts); defaulted so core files written before it stay valid. */
  people: z.array(personSchema, { error: '人员库应为列表' }).default([]),
  units: z.array(unitSchema, { error: '单位应为列表' }).default([]),
  evaluatees: z.array(evaluateeSchema, { error: '被评议对象应为列表' }).default([]),
  criteria: z.array(criterionSchema, { error: '评价标准应为列表' }).default(defaultCriteria),
});

export const yearSchema = z.object({
  year: yearField('年度'),
  evaluations: z.array(evaluationSchema, { error: '评议应为列表' }).default([]),
  /** 评议意见 and members' opinions (opinions.ts); optional so emptyYear and older files stay as they are. */
  opinions: opinionsDataSchema.optional(),
  /** 调研报告 entered by the secretariat (research.ts); optional like `opinions`. */
  research: researchDataSchema.optional(),
  /** 发文登记 of the documents the app numbered besides the opinions (doc-register.ts); optional like `opinions`. */
  register: docRegisterSchema.optional(),
  /** The closed loop after the meeting: ledger, reports, 回头看, later votes, escalation (shared/loop); optional like `opinions`. */
  loop: loopDataSchema.optional(),
  /** The year's 评议工作公告: channel and period for the public's opinions (plan-papers.ts); optional like `opinions`. */
  notice: publicNoticeSchema.optional(),
});

export const meetingSchema = z.object(
  {
    meeting: meetingRecordSchema,
    attendance: attendanceSchema.prefault({}),
    live: liveSchema.prefault({}),
    questioning: questioningSchema.prefault({}),
    votes: votesSchema.prefault({}),
    /** 列席人员 named from the 人员库 (people of core), printed in their own section of the 签到表; optional so older files stay valid. */
    attendees: z.array(idField('ps', '列席人员'), { error: '列席人员应为列表' }).max(200, '列席人员不能超过200人').optional(),
    /** 已导出到会场 / 来自办公桌: the meeting package this meeting travelled in (handoff.ts); optional so older files stay valid. */
    handoff: handoffSchema.optional(),
  },
  objectError('会议'),
);

export type CoreData = z.infer<typeof coreSchema>;
export type YearData = z.infer<typeof yearSchema>;
export type MeetingData = z.infer<typeof meetingSchema>;

/**
 * A new installation: default settings with a term starting this year (marked as not yet set up),
 * the default criteria and no people. The year is an argument because shared/ code does not read the clock.
 */
export function emptyCore(currentYear: number): CoreData {
  // Its names are placeholders until the office enters its own (the desk's 初始设置).
  return coreSchema.parse({ settings: { ...defaultSettings(currentYear), setupPending: true } });
}

export function emptyYear(year: number): YearData {
  return { year, evaluations: [] };
}

/** A meeting partition has no meaningful empty state; this wraps a new meeting record. */
export function emptyMeeting(meeting: MeetingInput): MeetingData {
  return meetingSchema.parse({ meeting });
}

export function yearKey(year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`yearKey: ${year}`);
  return `year/${year}`;
}

export function meetingKey(id: string): string {
  if (!isIdOf('mt', id)) throw new RangeError(`meetingKey: not a meeting id: ${id}`);
  return `meeting/${id}`;
}

/** The rehearsal copy of a meeting (彩排): same shape, discardable, never the record. */
export function rehearsalKey(id: string): string {
  if (!isIdOf('mt', id)) throw new RangeError(`rehearsalKey: not a meeting id: ${id}`);
  return `rehearsal/${id}`;
}

/** Which meeting the console is running (one small partition). */
export const SESSION_KEY = 'session';

export type ParsedKey = { kind: 'core' } | { kind: 'year'; year: number } | { kind: 'meeting'; id: string };

/** The inverse of the key helpers; null for a key this version does not know. */
export function parsePartitionKey(key: string): ParsedKey | null {
  if (key === CORE_KEY) return { kind: 'core' };
  const year = /^year\/(\d{4})$/.exec(key);
  if (year) return { kind: 'year', year: Number(year[1]) };
  const meeting = /^meeting\/(.+)$/.exec(key);
  if (meeting && isIdOf('mt', meeting[1])) return { kind: 'meeting', id: meeting[1] as string };
  return null;
}
