import { z } from 'zod';
import { OFFICE, call } from '../define';
import { idField, intField, yearField } from '../../domain/fields';
import {
  councilStepSchema,
  deliveryStepSchema,
  issueStepSchema,
  memberOpinionFields,
  memberOpinionIdField,
  opinionContentSchema,
} from '../../domain/opinions';
import type { MemberOpinion } from '../../domain/opinions';
import type { FileDelivery } from '../file-types';
import type { NumberSuggestion, OpinionDetail, OpinionListView, PendingOpinions } from '../opinion-types';

/** An opinion is addressed by its evaluation: one opinion per evaluation, in that year's partition. */
const which = { year: yearField('评议年度'), evaluationId: idField('ev', '评议') };
/** The version the window edited: a change to another (approved meanwhile, revised) is refused. */
const versionNo = intField('版本号', 1, 999);
const reason = z
  .string({ error: '请填写修订原因' })
  .trim()
  .min(2, '修订原因至少2个字')
  .max(200, '修订原因不能超过200个字');

const detail = call<OpinionDetail>();

/**
 * 评议意见: members' opinions, drafting, the workflow 草稿 → 主任会议审定 → 印发 → 送达, document
 * numbers and the Word export. Every step answers with the opinion's full detail.
 */
export const opinionCalls = {
  'opinions.list': call<OpinionListView>()({
    args: z.strictObject({ year: yearField('年度').optional() }),
    roles: OFFICE,
    summary: '评议意见列表（按年度）',
  }),
  'opinions.get': detail({ args: z.strictObject(which), roles: OFFICE, summary: '评议意见详情、素材与版本' }),
  'opinions.create': detail({ args: z.strictObject(which), roles: OFFICE, summary: '起草评议意见（按已有记录预填）' }),
  'opinions.saveDraft': call<{ updatedAt: string }>()({
    args: z.strictObject({ ...which, versionNo, content: opinionContentSchema }),
    roles: OFFICE,
    summary: '保存评议意见草稿',
  }),
  'opinions.regenerate': detail({
    args: z.strictObject({ ...which, versionNo }),
    roles: OFFICE,
    summary: '按最新记录重新预填草稿',
  }),
  'opinions.approve': detail({
    args: z.strictObject({ ...which, versionNo, council: councilStepSchema }),
    roles: OFFICE,
    summary: '登记主任会议审定',
  }),
  'opinions.reopen': detail({
    args: z.strictObject({ ...which, versionNo }),
    roles: OFFICE,
    summary: '撤销审定，退回草稿修改',
  }),
  'opinions.issue': detail({
    args: z.strictObject({ ...which, versionNo, issue: issueStepSchema }),
    roles: OFFICE,
    summary: '印发（登记发文字号和印发日期）',
  }),
  'opinions.deliver': detail({
    args: z.strictObject({ ...which, versionNo, delivery: deliveryStepSchema }),
    roles: OFFICE,
    summary: '登记送达',
  }),
  'opinions.revise': detail({
    args: z.strictObject({ ...which, versionNo, reason }),
    roles: OFFICE,
    summary: '修订已印发的评议意见（生成新版本）',
  }),
  'opinions.suggestNumber': call<NumberSuggestion>()({
    args: z.strictObject({ ...which, issueYear: yearField('印发年份') }),
    roles: OFFICE,
    summary: '建议的下一个发文字号',
  }),
  'opinions.export': call<FileDelivery>()({
    args: z.strictObject({ ...which, versionNo: versionNo.optional() }),
    roles: OFFICE,
    summary: '导出评议意见（Word）',
  }),
  'opinions.pending': call<PendingOpinions>()({
    args: z.strictObject({}),
    roles: OFFICE,
    summary: '待审定、待印发、待送达的评议意见与整改期限',
  }),

  'memberOpinions.add': call<MemberOpinion>()({
    args: z.strictObject({ year: yearField('评议年度'), opinion: z.strictObject(memberOpinionFields) }),
    roles: OFFICE,
    summary: '登记组成人员评议意见',
  }),
  'memberOpinions.update': call<MemberOpinion>()({
    args: z.strictObject({ year: yearField('评议年度'), id: memberOpinionIdField, opinion: z.strictObject(memberOpinionFields) }),
    roles: OFFICE,
    summary: '修改组成人员评议意见',
  }),
  'memberOpinions.delete': call<{ id: string }>()({
    args: z.strictObject({ year: yearField('评议年度'), id: memberOpinionIdField }),
    roles: OFFICE,
    summary: '删除组成人员评议意见',
  }),
};
