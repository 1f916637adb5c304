import { z } from 'zod';
import { ApiError } from '../api/errors';
import { parseOrThrow } from '../api/validation';
import { parseIsoDate } from '../format/dates';
import { dateField, enumField, idField, optionalText, requiredText } from './fields';
import { newId, type RandomSource } from './ids';
import { GENDERS } from './people';

/**
 * 被评议对象: one person holding one post. Coverage in the five-year plan is per person per post,
 * so when a post changes hands the successor is a new record (not yet covered) and the old one is
 * ended, never overwritten: the old holder's evaluation and opinion still refer to it.
 */

export const EVALUATEE_CATEGORIES = ['政府组成部门负责人', '员额法官', '员额检察官', '其他'] as const;
export type EvaluateeCategory = (typeof EVALUATEE_CATEGORIES)[number];

export const END_REASONS = ['免职', '调任', '退休', '辞职', '其他'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** The plain fields, for forms that pick or omit some (zod refuses omit on a refined schema). */
export const evaluateeObject = z.object({
  id: idField('ee', '被评议对象'),
  name: requiredText('姓名', 30),
  gender: enumField('性别', GENDERS).optional(),
  category: enumField('类别', EVALUATEE_CATEGORIES),
  unitId: idField('un', '所在单位'),
  /** 职务 as written in the appointment: 局长, 主任, 审判员, 副庭长 … */
  position: requiredText('职务', 40),
  /**
   * The post held: the same key for successive holders of one post (postKeyOf), a key of its own
   * for a judge's or prosecutor's 员额 seat.
   */
  postKey: requiredText('岗位', 120),
  appointmentDate: dateField('任职日期'),
  endedDate: dateField('离任日期').optional(),
  endReason: enumField('离任原因', END_REASONS).optional(),
  /** The previous holder of the same post, when this record was created by succeedPost. */
  successorOf: idField('ee', '前任').optional(),
  note: optionalText('备注', 500),
});

function evaluateeRules(e: { appointmentDate: string; endedDate?: string; endReason?: string }, ctx: z.RefinementCtx): void {
  if (e.endedDate && e.endedDate < e.appointmentDate) {
    ctx.addIssue({ code: 'custom', message: '离任日期不能早于任职日期', path: ['endedDate'] });
  }
  if (e.endReason && !e.endedDate) {
    ctx.addIssue({ code: 'custom', message: '填写了离任原因，也应填写离任日期', path: ['endedDate'] });
  }
}

export const evaluateeSchema = evaluateeObject.superRefine(evaluateeRules);
/** A new evaluatee as a form sends it: everything but the id, which the service assigns. */
export const evaluateeDraftSchema = evaluateeObject.omit({ id: true }).superRefine(evaluateeRules);

export type Evaluatee = z.infer<typeof evaluateeSchema>;
export type EvaluateeInput = z.input<typeof evaluateeSchema>;
export type EvaluateeDraft = z.input<typeof evaluateeDraftSchema>;

/** The key of a post that passes from holder to holder: one unit, one position. */
export function postKeyOf(unitId: string, position: string): string {
  return `${unitId}/${position.trim()}`;
}

export function isEnded(e: Pick<Evaluatee, 'endedDate'>, onDate?: string): boolean {
  if (!e.endedDate) return false;
  return onDate === undefined || e.endedDate <= onDate;
}

export interface Successor {
  name: string;
  gender?: Evaluatee['gender'];
  /** Defaults to the old holder's position. */
  position?: string;
  note?: string;
}

export interface SucceedPostResult {
  /** The old record, ended on `date`. */
  ended: Evaluatee;
  /** The new holder: same post and unit, appointed on `date`, not yet covered by the plan. */
  successor: Evaluatee;
}

/**
 * A post changes hands on `date`: the old holder's record is ended and a new evaluatee is
 * returned. Pure: the caller stores both. Throws ApiError('conflict') when the change cannot
 * happen (the old record already ended, or the date is before the old appointment).
 */
export function succeedPost(
  old: Evaluatee,
  next: Successor,
  date: string,
  random: RandomSource,
  endReason: EndReason = '免职',
): SucceedPostResult {
  if (!parseIsoDate(date)) throw new ApiError('invalid_args', '交接日期格式应为 2024-10-28');
  if (old.endedDate) throw new ApiError('conflict', `${old.name}已于${old.endedDate}离任，不能再次交接该岗位`);
  if (date < old.appointmentDate) throw new ApiError('conflict', `交接日期不能早于${old.name}的任职日期${old.appointmentDate}`);
  const ended: Evaluatee = { ...old, endedDate: date, endReason };
  const successor = parseOrThrow(evaluateeSchema, {
    id: newId('ee', random),
    name: next.name,
    gender: next.gender,
    category: old.category,
    unitId: old.unitId,
    position: next.position ?? old.position,
    postKey: old.postKey,
    appointmentDate: date,
    successorOf: old.id,
    note: next.note ?? '',
  }, '继任人员');
  return { ended, successor };
}
