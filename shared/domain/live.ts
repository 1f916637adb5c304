import { z } from 'zod';
import { intField } from './fields';

/**
 * The live meeting (会议现场): attendance and the session state, kept in the meeting's partition
 * and written durably on every change, so killing the app resumes exactly where it was.
 * Timers store only the moments they were started and paused (see shared/live/timer.ts).
 */

export const ATTENDANCE_STATUSES = ['present', 'absent', 'leave'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = { present: '出席', absent: '缺席', leave: '请假' };

export const attendanceSchema = z.object({
  /** memberId → status; members not listed count as absent. */
  members: z.record(z.string(), z.enum(ATTENDANCE_STATUSES, { error: '签到状态应为出席、缺席或请假' })).default({}),
  /** 列席: deputies and citizens attending without a vote. */
  deputies: intField('列席代表人数', 0, 999).default(0),
  citizens: intField('列席群众人数', 0, 999).default(0),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const timerStateSchema = z.object({
  durationMs: z.number().int().min(0),
  elapsedBeforeMs: z.number().int().min(0),
  runningSince: z.number().int().nullable(),
  started: z.boolean(),
});

/**
 * Stages of one agenda item. A report item heard in person: 汇报 then 询问; on a written report:
 * 书面报告 (the name is shown while members read it); a vote item: 测评 (the vote issue fills it).
 * Before the first item the meeting is at 开幕 (会标 and attendance); after the last, 闭幕.
 */
export const LIVE_STAGES = ['opening', 'report', 'questioning', 'written', 'vote', 'closing'] as const;
export type LiveStage = (typeof LIVE_STAGES)[number];
export const LIVE_STAGE_LABELS: Record<LiveStage, string> = {
  opening: '开幕',
  report: '听取报告',
  questioning: '随机询问',
  written: '书面报告',
  vote: '民主测评',
  closing: '闭幕',
};

/** What the hall shows. 'auto' follows the stage; the others are the operator's explicit choice. */
export const HALL_SLIDES = ['auto', 'title', 'attendance', 'evaluatee', 'blank', 'black'] as const;
export type HallSlide = (typeof HALL_SLIDES)[number];
export const HALL_SLIDE_LABELS: Record<HallSlide, string> = {
  auto: '随议程',
  title: '会标',
  attendance: '出席情况',
  evaluatee: '当前议程',
  blank: '空白',
  black: '黑屏',
};

export const positionSchema = z.object({
  /** -1: before the first agenda item (opening); agenda.length: after the last (closing). */
  itemIndex: z.number().int().min(-1),
  stage: z.enum(LIVE_STAGES),
});
export type LivePosition = z.infer<typeof positionSchema>;

export const liveSchema = z.object({
  status: z.enum(['idle', 'running', 'ended']).default('idle'),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  position: positionSchema.default({ itemIndex: -1, stage: 'opening' }),
  slide: z.enum(HALL_SLIDES).default('auto'),
  /** Minutes for each in-person report at this meeting (设置 gives the default). */
  reportMinutes: intField('汇报时长（分钟）', 1, 120).optional(),
  /** Report timers by agenda item id, so going back to a report shows the time it used. */
  timers: z.record(z.string(), timerStateSchema).default({}),
  /** Earlier positions, newest last, so a stage move can be undone (bounded). */
  history: z.array(positionSchema).default([]),
  /** Bumped on every change; the hall ignores anything older than what it shows. */
  rev: z.number().int().min(0).default(0),
});
export type LiveState = z.infer<typeof liveSchema>;

export const HISTORY_LIMIT = 50;

/**
 * The active session: which meeting the console is running, and whether on a rehearsal copy.
 * `active` is required (null when none): a file without it is bad, not an idle session.
 */
export const sessionSchema = z.object({
  active: z
    .object({
      meetingId: z.string(),
      rehearsal: z.boolean(),
      openedAt: z.string(),
    })
    .nullable(),
});
export type SessionData = z.infer<typeof sessionSchema>;
