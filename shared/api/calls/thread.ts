import { z } from 'zod';
import { OFFICE, call } from '../define';
import { idField, optionalText, yearField } from '../../domain/fields';
import { TOPIC_MAX } from '../../domain/questioning';
import type { EvaluationThread } from '../../thread/links';

const year = yearField('评议年度');
const findingId = idField('fd', '调研问题');

/**
 * The thread of research findings (shared/thread): a finding turned into a question of the bank
 * (source 调研发现) and into the opinion draft's 存在的问题 (its suggestion into 意见和建议, so into
 * the ledger once issued); the trace of an evaluation both ways.
 */
export const threadCalls = {
  'thread.toQuestion': call<{ meetingId: string; questionId: string }>()({
    args: z.strictObject({ year, findingId, topic: optionalText('问题主题', TOPIC_MAX).optional() }),
    roles: OFFICE,
    summary: '调研问题转为询问问题（放入本次会议题库）',
  }),
  'thread.toOpinion': call<{ opinionId: string; versionNo: number }>()({
    args: z.strictObject({ year, findingId }),
    roles: OFFICE,
    summary: '调研问题写入评议意见草稿（存在的问题；整改建议写入意见和建议）',
  }),
  'thread.trace': call<EvaluationThread>()({
    args: z.strictObject({ year, evaluationId: idField('ev', '评议') }),
    roles: OFFICE,
    summary: '调研问题的来龙去脉（询问、记录、意见条目、整改台账、回头看）',
  }),
};
