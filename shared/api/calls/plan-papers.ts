import { z } from 'zod';
import { OFFICE, call } from '../define';
import { dateField, requiredText, yearField } from '../../domain/fields';
import { publicNoticeSchema } from '../../domain/plan-papers';
import type { FileDelivery } from '../file-types';
import type { PlanPapersView } from '../plan-papers-types';

const file = call<FileDelivery>();
const year = yearField('评议年度');
/** Typed by hand; checked by the service (parseDocNumber names the mistake). */
const docNumber = z.string({ error: '请填写发文字号' }).trim().min(1, '请填写发文字号').max(40, '发文字号不能超过40个字');

/**
 * The plan's papers: the 五年计划 as a 请示 to the county committee (numbered in the 发文登记 before the file is handed
 * over), the 年度计划, and the year's 评议工作公告 (its channel and period stored in the year partition).
 */
export const planPaperCalls = {
  'planPapers.view': call<PlanPapersView>()({
    args: z.strictObject({ year }),
    roles: OFFICE,
    summary: '计划文书：请示的建议字号与上次所填、年度计划、评议工作公告（所填内容与可粘贴的文本）',
  }),
  'planPapers.request': file({
    args: z.strictObject({
      docNumber,
      date: dateField('成文日期'),
      signer: requiredText('签发人', 30),
      contactName: requiredText('联系人', 30),
      contactPhone: requiredText('联系电话', 40),
    }),
    roles: OFFICE,
    summary: '导出五年计划的请示（Word上行文，附安排表，字号登记在发文登记中）',
  }),
  'planPapers.annualPlan': file({
    args: z.strictObject({ year, date: dateField('成文日期') }),
    roles: OFFICE,
    summary: '导出年度工作评议计划（Word）',
  }),
  'planPapers.saveNotice': call<PlanPapersView>()({
    args: z.strictObject({ year, notice: publicNoticeSchema }),
    roles: OFFICE,
    summary: '保存评议工作公告的意见反映渠道和征求意见时间',
  }),
  'planPapers.notice': file({
    args: z.strictObject({ year, date: dateField('发布日期') }),
    roles: OFFICE,
    summary: '导出评议工作公告（Word）',
  }),
};
