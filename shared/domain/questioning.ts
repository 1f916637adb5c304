import { z } from 'zod';
import { DRAW_SCOPES, drawLogSchema } from '../draw/log-schema';
import { timerStateSchema } from './live';
import { MEMBER_ROLES } from './people';
import { boolField, enumField, idField, intField, optionalText, requiredText } from './fields';
import type { RandomSource } from './ids';

/**
 * Random questioning (随机询问) records kept in the meeting's partition: the question bank, the
 * meeting's questioning settings, the append-only draw log and the minutes (one record per
 * question asked). Every field has a default so meeting files written before this feature load.
 *
 * The draw log is the evidence of fairness and is never edited (see shared/draw); the records are
 * the minutes and follow the log: a record whose draw was cancelled stays, marked cancelled.
 */

export const QUESTION_STATUSES = ['pending', 'asked', 'withdrawn'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = { pending: '待提问', asked: '已提问', withdrawn: '已撤回' };

/**
 * Where a question came from. Typed and pasted on the desk today; a later batch feeds the bank
 * from research findings (调研发现的问题) and public opinions (群众意见), naming the record in `ref`.
 */
export const QUESTION_SOURCES = ['typed', 'pasted', 'research', 'opinion'] as const;
export type QuestionSource = (typeof QUESTION_SOURCES)[number];
export const QUESTION_SOURCE_LABELS: Record<QuestionSource, string> = { typed: '录入', pasted: '批量粘贴', research: '调研发现', opinion: '群众意见' };

export const RECORD_STATUSES = ['asking', 'done', 'cancelled'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = { asking: '正在询问', done: '已结束', cancelled: '已作废' };

/**
 * How a questioner came to ask: drawn by lot (the draw log holds the draw), or volunteered — a
 * member asked without being drawn (no log entry; the same minutes and timers).
 */
export const RECORD_ORIGINS = ['draw', 'volunteer'] as const;
export type RecordOrigin = (typeof RECORD_ORIGINS)[number];
export const RECORD_ORIGIN_LABELS: Record<RecordOrigin, string> = { draw: '随机抽取', volunteer: '自由提问' };

/** A research finding's id (事前调研发现的问题, research-records.ts). */
export const findingRefField = idField('fd', '调研问题');

export const TIMER_KINDS = ['answer', 'followUp'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];
export const TIMER_LABELS: Record<TimerKind, string> = { answer: '答复计时', followUp: '追问计时' };

export const TOPIC_MAX = 30;
export const QUESTION_MAX = 300;
export const NOTES_MAX = 20_000;
export const DEFAULT_ANSWER_MINUTES = 5;
export const DEFAULT_FOLLOW_UP_MINUTES = 3;
/** The hall's draw animation: long enough to be seen as a draw, short enough not to be theatre. */
export const DRAW_ANIMATION_MS = 2_500;

/** Question and record ids: a prefix and 10 base32 characters, like the other record ids. */
const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const QUESTION_ID = /^qn_[0-9a-z]{4,32}$/;
export const RECORD_ID = /^qr_[0-9a-z]{4,32}$/;

export function newQuestioningId(prefix: 'qn' | 'qr', random: RandomSource): string {
  const bytes = random.bytes(10);
  let body = '';
  // 256 is a multiple of 32, so the low five bits of each byte are uniform.
  for (const b of bytes) body += ID_ALPHABET[b & 31];
  return `${prefix}_${body}`;
}

export const questionIdField = z.string({ error: '问题编号不能为空' }).regex(QUESTION_ID, '问题编号无效');
export const recordIdField = z.string({ error: '询问记录编号不能为空' }).regex(RECORD_ID, '询问记录编号无效');

export const questionSourceSchema = z.object({
  kind: enumField('问题来源', QUESTION_SOURCES).default('typed'),
  /** The research finding (source `research`) or opinion the question was made from. */
  ref: z.string().max(64).optional(),
  /** The evaluation the finding belongs to (source `research`). */
  evaluationId: z.string().max(64).optional(),
});

export const questionSchema = z.object({
  id: questionIdField,
  evaluateeId: idField('ee', '被评议对象'),
  topic: requiredText('问题主题', TOPIC_MAX),
  text: requiredText('问题内容', QUESTION_MAX),
  status: enumField('问题状态', QUESTION_STATUSES).default('pending'),
  source: questionSourceSchema.prefault({}),
  createdAt: z.string(),
  /** The record (minutes) of the question when it was asked. */
  recordId: recordIdField.optional(),
  withdrawReason: z.string().max(200, '撤回原因不能超过200个字').optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const questioningSettingsSchema = z.object({
  /** Who has already asked: per evaluatee (everyone may ask each evaluatee once) or per meeting. */
  scope: enumField('询问范围', DRAW_SCOPES).default('evaluatee'),
  /** Members never drawn, named one by one. */
  exclusions: z.array(idField('mb', '排除人员'), { error: '排除人员应为列表' }).max(100).default([]),
  /** The 主任 presides over the meeting and is not drawn; on unless the office turns it off. */
  excludeChair: boolField('主持会议的主任不参加抽取').default(true),
  /**
   * Draw questioners by lot (随机抽取提问人). Off: members ask as they volunteer and the console
   * offers no draw. Volunteered questions are taken either way.
   */
  drawQuestioners: boolField('随机抽取提问人').default(true),
  /** Also draw the question from the evaluatee's bank. */
  drawQuestion: boolField('同时抽取问题').default(false),
  answerMinutes: intField('答复时长（分钟）', 1, 60).default(DEFAULT_ANSWER_MINUTES),
  followUpMinutes: intField('追问时长（分钟）', 1, 60).default(DEFAULT_FOLLOW_UP_MINUTES),
});
export type QuestioningSettings = z.infer<typeof questioningSettingsSchema>;

/** One question asked: the minutes (记录) of the secretary, with its timers. */
export const questionRecordSchema = z.object({
  id: recordIdField,
  evaluateeId: idField('ee', '被评议对象'),
  /** Volunteered, or drawn by lot (absent: drawn — records written before volunteering existed). */
  origin: enumField('提问方式', RECORD_ORIGINS).optional(),
  /**
   * The draw-log entry that picked the member; a volunteered question has no draw and carries its
   * own record id here (the hall keys its picture by it).
   */
  drawId: z.string().min(1).max(64),
  memberId: idField('mb', '组成人员'),
  /** Name and role as drawn, so the minutes read without the roster. */
  memberName: requiredText('姓名', 30),
  memberRole: enumField('职务', MEMBER_ROLES),
  questionId: questionIdField.optional(),
  topic: optionalText('问题主题', TOPIC_MAX),
  /** From the bank, or typed on the spot by the secretary. */
  questionText: optionalText('问题内容', 2000),
  /** The research finding the question addresses (an id, so the link survives edits of its text). */
  findingId: findingRefField.optional(),
  /** The secretary's notes on the answer and follow-ups. Never sent to the hall. */
  notes: optionalText('询问记录', NOTES_MAX),
  answerTimer: timerStateSchema,
  followUpTimer: timerStateSchema,
  /** The timer the hall shows: the last one started. */
  activeTimer: z.enum(TIMER_KINDS).nullable().default(null),
  status: enumField('询问状态', RECORD_STATUSES).default('asking'),
  drawnAt: z.string(),
  /** Services' clock (ms) at which the hall's animation settles on the name. */
  settleAt: z.number().int().min(0),
  finishedAt: z.string().optional(),
  cancelReason: z.string().max(200, '作废原因不能超过200个字').optional(),
});
export type QuestionRecord = z.infer<typeof questionRecordSchema>;

export const questioningSchema = z.object({
  settings: questioningSettingsSchema.prefault({}),
  bank: z.array(questionSchema, { error: '题库应为列表' }).default([]),
  log: drawLogSchema,
  records: z.array(questionRecordSchema, { error: '询问记录应为列表' }).default([]),
});
export type QuestioningData = z.infer<typeof questioningSchema>;

/** Pasted text, one question per line: blank lines dropped, list numbers (1. 一、（1）) trimmed. */
export function parsePastedQuestions(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .trim()
        .replace(/^(?:[(（]?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）.、．:：]|[-•·*])\s*/u, '')
        .trim(),
    )
    .filter((line) => line.length > 0);
}
