import { z } from 'zod';
import { OFFICE, call } from '../define';
import { dateField, idField, intField, yearField } from '../../domain/fields';
import { researchContentSchema } from '../../domain/research';
import { groupIdField, roundIdField } from '../../domain/vote-round';
import type { MeetingDocsView, ResearchDetail } from '../documents-types';
import type { FileDelivery } from '../file-types';

const meetingId = idField('mt', '会议');
const evaluation = { year: yearField('评议年度'), evaluationId: idField('ev', '评议') };
const file = call<FileDelivery>();
/** Typed by hand; checked by the service like the opinions' numbers (parseDocNumber names the mistake). */
const docNumber = z.string({ error: '请填写发文字号' }).trim().min(1, '请填写发文字号').max(40, '发文字号不能超过40个字');

/**
 * The meeting's papers (会议文件) and the 调研报告: each export call builds the .docx in memory from
 * the stored records and hands it to the FilePort (a download link in browser mode, the save dialog
 * on the desktop), so a failure never leaves half a file.
 */
export const documentCalls = {
  'documents.meeting': call<MeetingDocsView>()({
    args: z.strictObject({ meetingId }),
    roles: OFFICE,
    summary: '会议文件：可打印的签到表、测评票、计票结果报告单、测评结果通报和会议记录',
  }),
  'documents.signIn': file({ args: z.strictObject({ meetingId }), roles: OFFICE, summary: '导出签到表（Word）' }),
  'documents.minutes': file({ args: z.strictObject({ meetingId }), roles: OFFICE, summary: '导出询问会议记录（Word）' }),
  'documents.ballots': file({
    args: z.strictObject({ meetingId, roundId: roundIdField, groupId: groupIdField, sheets: intField('测评票张数', 1, 500) }),
    roles: OFFICE,
    summary: '导出测评票（Word，每页一张）',
  }),
  'documents.countReport': file({
    args: z.strictObject({ meetingId, roundId: roundIdField, groupId: groupIdField }),
    roles: OFFICE,
    summary: '导出计票结果报告单（Word）',
  }),
  'documents.announcement': file({
    args: z.strictObject({ meetingId, roundId: roundIdField.optional(), docNumber, date: dateField('成文日期') }),
    roles: OFFICE,
    // The number is entered in the 发文登记 before the file is handed over (again: a reprint).
    summary: '导出测评结果通报（Word公文，字号登记在发文登记中；不指定轮次则为全部已公布的测评）',
  }),
  'documents.receipt': file({
    args: z.strictObject({ ...evaluation, versionNo: intField('版本号', 1, 999).optional() }),
    roles: OFFICE,
    summary: '导出评议意见送达回证（Word）',
  }),

  'research.get': call<ResearchDetail>()({ args: z.strictObject(evaluation), roles: OFFICE, summary: '调研报告（按评议）' }),
  'research.save': call<{ updatedAt: string }>()({
    args: z.strictObject({
      ...evaluation,
      content: researchContentSchema,
      /** A 组长 who is not 主任 or 副主任 (shared/domain/research.ts checkGroup), confirmed. */
      confirm: z.boolean({ error: '确认标记应为是或否' }).optional(),
    }),
    roles: OFFICE,
    summary: '保存调研报告',
  }),
  'research.export': file({ args: z.strictObject(evaluation), roles: OFFICE, summary: '导出调研报告（Word）' }),
};
