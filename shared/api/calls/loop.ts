import { z } from 'zod';
import { OFFICE, call } from '../define';
import { idField, intField, optionalText, yearField } from '../../domain/fields';
import {
  closureSchema,
  decisionStepSchema,
  followUpResearchSchema,
  inquiryStepSchema,
  interpellationStepSchema,
  investigationStepSchema,
  ledgerEntrySchema,
  progressNoteSchema,
  rectificationPlanSchema,
  rectificationReportSchema,
  resultUseSchema,
} from '../../loop/schemas';
import type { FileDelivery } from '../file-types';
import type { LoopCase, LoopCaseRow, LoopOverview } from '../loop-types';

const which = { year: yearField('评议年度'), evaluationId: idField('ev', '评议') };
/** Sent again as true after the clerk confirmed what the service asked about (needs_confirmation). */
const confirm = z.boolean({ error: '确认标记应为是或否' }).optional();
const caseResult = call<LoopCase>();

/** Where an evidence file or scan is attached. */
export const evidenceTargetSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('ledger'), itemNo: intField('意见条目序号', 1, 999) }),
    z.strictObject({ kind: z.literal('plan') }),
    z.strictObject({ kind: z.literal('report') }),
    z.strictObject({ kind: z.literal('escalation'), stepId: idField('es', '监督措施') }),
  ],
  { error: '附件位置应为整改台账、整改方案、整改情况报告或监督措施' },
);
export type EvidenceTarget = z.infer<typeof evidenceTargetSchema>;

/** The editable part of a ledger entry: the item's text and evidence are not sent (frozen; files apart). */
const ledgerEditSchema = ledgerEntrySchema.pick({ measures: true, responsible: true, dueDate: true, status: true, verdict: true }).extend({
  progress: z.array(progressNoteSchema, { error: '整改进展应为列表' }).max(200, '整改进展不能超过200条'),
});

/** The evaluation is named by the call; a record may repeat it (it must then be the same one). */
const sameEvaluation = { evaluationId: idField('ev', '评议').optional() };

/**
 * An escalation step as the desk sends it: a new step has no id yet (the service assigns one); its
 * documents are attached apart (loop.evidence.attach), so any sent here are ignored and the stored
 * ones kept.
 */
const stepInput = { ...sameEvaluation, id: idField('es', '监督措施').optional() };
export const escalationStepInputSchema = z.discriminatedUnion(
  'kind',
  [
    inquiryStepSchema.omit({ documents: true }).extend(stepInput),
    interpellationStepSchema.omit({ documents: true }).extend(stepInput),
    investigationStepSchema.omit({ documents: true }).extend(stepInput),
    decisionStepSchema.omit({ documents: true }).extend(stepInput),
  ],
  { error: '监督措施应为询问、质询案、特定问题调查委员会、常委会相应决定之一' },
);
export type EscalationStepInput = z.output<typeof escalationStepInputSchema>;

/** A 回头看 record as the desk sends it (the same date rule as the stored one). */
const followUpInputSchema = z
  .object({ ...followUpResearchSchema.shape, ...sameEvaluation })
  .refine((r) => r.endDate >= r.startDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });

/** A results-use line as the desk sends it: a new one has no id yet; it belongs to the call's evaluation. */
const resultUseInputSchema = z.object({
  ...resultUseSchema.shape,
  id: idField('ru', '结果运用登记').optional(),
  evaluationId: idField('ev', '评议').nullable().optional(),
});
export type ResultUseInput = z.output<typeof resultUseInputSchema>;

/**
 * 跟踪整改 (the closed loop after the meeting): ledger per opinion item, the rectification plan and
 * report received, 回头看, escalation after a failing re-report, office closure, results use. Every
 * change answers with the case as the services now derive it (stage, deadlines), after it is durable.
 */
export const loopCalls = {
  'loop.overview': call<LoopOverview>()({ args: z.strictObject({}), roles: OFFICE, summary: '跟踪整改概况（到期事项、各阶段数量）' }),
  'loop.cases': call<LoopCaseRow[]>()({
    args: z.strictObject({ year: yearField('年度').optional() }),
    roles: OFFICE,
    summary: '跟踪整改列表',
  }),
  'loop.case': caseResult({ args: z.strictObject(which), roles: OFFICE, summary: '一项评议的整改与后续监督' }),

  'loop.ledger.save': caseResult({
    args: z.strictObject({ ...which, itemNo: intField('意见条目序号', 1, 999), entry: ledgerEditSchema }),
    roles: OFFICE,
    summary: '保存整改台账条目',
  }),
  'loop.plan.save': caseResult({
    args: z.strictObject({ ...which, plan: rectificationPlanSchema.omit({ file: true }).extend(sameEvaluation) }),
    roles: OFFICE,
    summary: '登记收到整改方案',
  }),
  'loop.plan.remove': caseResult({ args: z.strictObject(which), roles: OFFICE, summary: '撤销整改方案登记' }),
  'loop.report.save': caseResult({
    args: z.strictObject({ ...which, report: rectificationReportSchema.omit({ file: true }).extend(sameEvaluation) }),
    roles: OFFICE,
    summary: '登记收到整改情况报告',
  }),
  'loop.report.remove': caseResult({ args: z.strictObject(which), roles: OFFICE, summary: '撤销整改情况报告登记' }),
  'loop.followUp.save': caseResult({
    args: z.strictObject({ ...which, followUp: followUpInputSchema }),
    roles: OFFICE,
    summary: '保存回头看（问效调研）记录',
  }),
  'loop.escalation.save': caseResult({
    args: z.strictObject({
      ...which,
      step: escalationStepInputSchema,
      confirm,
    }),
    roles: OFFICE,
    summary: '记录进一步监督措施',
  }),
  'loop.escalation.remove': caseResult({
    args: z.strictObject({ ...which, stepId: idField('es', '监督措施') }),
    roles: OFFICE,
    summary: '删除进一步监督措施记录',
  }),
  'loop.close': caseResult({ args: z.strictObject({ ...which, closure: closureSchema }), roles: OFFICE, summary: '办结（注明理由）' }),
  'loop.reopen': caseResult({ args: z.strictObject({ ...which, reason: optionalText('撤销办结的理由', 500) }), roles: OFFICE, summary: '撤销办结' }),
  'loop.resultUse.save': caseResult({ args: z.strictObject({ ...which, entry: resultUseInputSchema }), roles: OFFICE, summary: '登记结果运用' }),
  'loop.resultUse.remove': caseResult({
    args: z.strictObject({ ...which, id: idField('ru', '结果运用登记') }),
    roles: OFFICE,
    summary: '删除结果运用登记',
  }),

  /** An upload (browser mode: POST to the host's upload path; desktop: the file picked in a dialog) attached. */
  'loop.evidence.attach': caseResult({
    args: z.strictObject({ ...which, target: evidenceTargetSchema, uploadId: z.string().regex(/^up_[0-9a-z]{8,40}$/, '上传编号无效') }),
    roles: OFFICE,
    summary: '添加佐证材料',
  }),
  'loop.evidence.remove': caseResult({
    args: z.strictObject({ ...which, target: evidenceTargetSchema, sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件校验值无效') }),
    roles: OFFICE,
    summary: '移除佐证材料',
  }),
  'loop.evidence.open': call<FileDelivery>()({
    args: z.strictObject({ ...which, target: evidenceTargetSchema, sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件校验值无效') }),
    roles: OFFICE,
    summary: '打开佐证材料',
  }),
};
