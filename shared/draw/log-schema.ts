import { z } from 'zod';
import { enumField, idField, intField, requiredText } from '../domain/fields';
import { UINT32_RANGE } from './pick-index';

/**
 * The draw log (随机抽取记录): append-only, one per meeting. It holds everything a replay needs to
 * show a draw was fair without trusting the app that made it: who was present and excluded, the
 * candidates in order, every random value read, and the result. Cancellations (redraw, undo) and
 * new cycles are entries of their own; nothing is ever edited or removed.
 *
 * The entry discriminator is `type`, because a cancellation's own `kind` says redraw or undo.
 */

export const DRAW_SCOPES = ['evaluatee', 'meeting'] as const;
export type DrawScope = (typeof DRAW_SCOPES)[number];
export const DRAW_SCOPE_LABELS: Record<DrawScope, string> = { evaluatee: '按被评议对象', meeting: '按会议' };

export const CANCEL_KINDS = ['redraw', 'undo'] as const;
export type CancelKind = (typeof CANCEL_KINDS)[number];
export const CANCEL_KIND_LABELS: Record<CancelKind, string> = { redraw: '重新抽取', undo: '撤销抽取' };

const entryId = z
  .string({ error: '记录编号不能为空' })
  .regex(/^[0-9A-Za-z_-]{1,64}$/, '记录编号只能包含字母、数字、下划线和短横线，最长64位');
/** An instant with its offset, as `new Date().toISOString()` writes it. */
const instant = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601（如 2026-10-28T01:05:12.000Z）' });
const memberId = idField('mb', '组成人员');
const uint32 = z
  .number({ error: '随机数应为数字' })
  .int('随机数应为整数')
  .min(0, '随机数不能为负')
  .max(UINT32_RANGE - 1, '随机数应小于2^32');
const values = z.array(uint32, { error: '随机数应为列表' }).min(1, '至少应记录一个随机数');
const scopeFields = {
  scope: enumField('询问范围', DRAW_SCOPES),
  /** The evaluatee (scope 'evaluatee') or the meeting (scope 'meeting'). */
  scopeId: requiredText('询问范围编号', 64),
  /** 第几轮, from 1; a new-cycle entry starts the next. */
  cycle: intField('轮次', 1, 999),
};

export const drawCandidateSchema = z.object({
  memberId,
  /** The name at the time of the draw, so the printed record reads without the roster. */
  name: requiredText('姓名', 30),
});
export type DrawCandidate = z.infer<typeof drawCandidateSchema>;

/** The optional draw of a question from the evaluatee's bank, by the same mapping. */
export const questionDrawSchema = z.object({
  /** Questions still to be asked, in bank order, at the moment of the draw. */
  bankIds: z.array(requiredText('问题编号', 64), { error: '题库候选应为列表' }).min(1, '题库候选不能为空'),
  values,
  index: z.number().int().min(0),
  questionId: requiredText('问题编号', 64),
});
export type QuestionDraw = z.infer<typeof questionDrawSchema>;

export const drawEntrySchema = z.object({
  type: z.literal('draw'),
  id: entryId,
  at: instant,
  ...scopeFields,
  /** Members present, in roster order. */
  present: z.array(memberId, { error: '出席名单应为列表' }),
  /** Members present but not drawn from (e.g. the chair), in roster order. */
  excluded: z.array(memberId, { error: '排除名单应为列表' }).default([]),
  /** present − excluded − already asked in this scope and cycle, in roster order. */
  candidates: z.array(drawCandidateSchema, { error: '候选人应为列表' }).min(1, '候选人不能为空'),
  /** Every value read for this draw; all but the last were rejected. */
  values,
  /** Position in `candidates`, 0-based. */
  index: z.number().int().min(0),
  /** The member drawn: candidates[index]. */
  memberId,
  question: questionDrawSchema.optional(),
});
export type DrawEntry = z.infer<typeof drawEntrySchema>;

export const cancelEntrySchema = z.object({
  type: z.literal('cancel'),
  id: entryId,
  at: instant,
  /** The draw cancelled: an earlier entry, not already cancelled. */
  drawId: entryId,
  kind: enumField('撤销方式', CANCEL_KINDS),
  reason: requiredText('撤销原因', 200),
});
export type CancelEntry = z.infer<typeof cancelEntrySchema>;

export const newCycleEntrySchema = z.object({
  type: z.literal('new-cycle'),
  id: entryId,
  at: instant,
  ...scopeFields,
  reason: requiredText('开始新一轮的原因', 200),
});
export type NewCycleEntry = z.infer<typeof newCycleEntrySchema>;

export const drawLogEntrySchema = z.discriminatedUnion('type', [drawEntrySchema, cancelEntrySchema, newCycleEntrySchema], {
  error: '抽取记录类型应为抽取、撤销或新一轮',
});
export type DrawLogEntry = z.infer<typeof drawLogEntrySchema>;
export type DrawLogEntryInput = z.input<typeof drawLogEntrySchema>;

/** Stored as a defaulted field of the meeting partition (older files have none). */
export const drawLogSchema = z.array(drawLogEntrySchema, { error: '抽取记录应为列表' }).default([]);
export type DrawLog = readonly DrawLogEntry[];

/** 'evaluatee:ee_…' — the key of one scope in maps. */
export function scopeKey(scope: DrawScope, scopeId: string): string {
  return `${scope}:${scopeId}`;
}
