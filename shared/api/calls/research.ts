import { z } from 'zod';
import { OFFICE, call } from '../define';
import { idField, yearField } from '../../domain/fields';
import { findingDraftSchema, researchActivityDraftSchema, researchGroupDraftSchema } from '../../domain/research-records';
import type { ResearchContent } from '../../domain/research';
import type { FileDelivery } from '../file-types';
import type { ResearchRecordsView } from '../research-types';

const year = yearField('评议年度');
const evaluation = { year, evaluationId: idField('ev', '评议') };
const saved = call<{ id: string; updatedAt: string }>();
const done = call<{ ok: true }>();
const file = call<FileDelivery>();
const confirm = z.boolean({ error: '确认标记应为是或否' }).optional();

/**
 * The research records (shared/domain/research-records.ts): the group of an evaluation or a batch,
 * its typed activities and the findings, each saved whole into the year partition; the papers made
 * from them (the questionnaire as a form, the public notice, the combined 调研报告 of a batch).
 * The per-evaluation 调研报告 stays `research.get/save/export` (documents.ts).
 */
export const researchCalls = {
  'research.records': call<ResearchRecordsView>()({ args: z.strictObject(evaluation), roles: OFFICE, summary: '调研记录（调研组、调研活动、调研问题，按评议）' }),

  'research.group.save': saved({
    args: z.strictObject({
      year,
      /** Absent: a new group. */
      groupId: idField('rg', '调研组').optional(),
      group: researchGroupDraftSchema,
      /** A 组长 who is not 主任 or 副主任 (research.ts checkGroup), confirmed. */
      confirm,
    }),
    roles: OFFICE,
    summary: '保存调研组（一名或一批被评议对象）',
  }),
  'research.group.remove': done({ args: z.strictObject({ year, groupId: idField('rg', '调研组') }), roles: OFFICE, summary: '解散调研组（调研活动和问题保留）' }),

  'research.activity.save': saved({ args: z.strictObject({ year, activity: researchActivityDraftSchema }), roles: OFFICE, summary: '保存调研活动' }),
  'research.activity.remove': done({ args: z.strictObject({ year, activityId: idField('ra', '调研活动') }), roles: OFFICE, summary: '删除调研活动' }),

  'research.finding.save': saved({ args: z.strictObject({ year, finding: findingDraftSchema }), roles: OFFICE, summary: '保存调研发现的问题' }),
  'research.finding.remove': done({ args: z.strictObject({ year, findingId: idField('fd', '调研问题') }), roles: OFFICE, summary: '删除调研发现的问题' }),

  /** The report's text built from the records (group, activities with figures, findings by criterion, suggestions); the editor then saves it with research.save. */
  'research.compose': call<{ content: ResearchContent }>()({ args: z.strictObject(evaluation), roles: OFFICE, summary: '由调研记录生成调研报告正文' }),

  'research.questionnaireForm': file({ args: z.strictObject({ year, activityId: idField('ra', '调研活动') }), roles: OFFICE, summary: '导出调查问卷（Word表单）' }),
  'research.noticeForm': file({ args: z.strictObject({ year, activityId: idField('ra', '调研活动') }), roles: OFFICE, summary: '导出网上公告（Word）' }),
  'research.exportCombined': file({ args: z.strictObject({ year, groupId: idField('rg', '调研组') }), roles: OFFICE, summary: '导出一批被评议对象的合并调研报告（Word，每人一节）' }),
};
