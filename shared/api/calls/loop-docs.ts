import { z } from 'zod';
import { OFFICE, call } from '../define';
import { dateField, idField, yearField } from '../../domain/fields';
import type { FileDelivery } from '../file-types';
import type { LoopDocsView } from '../loop-docs-types';

const which = { year: yearField('评议年度'), evaluationId: idField('ev', '评议') };
const file = call<FileDelivery>();
/** Typed by hand; checked by the service (parseDocNumber names the mistake; the 函 series). */
const docNumber = z.string({ error: '请填写发文字号' }).trim().min(1, '请填写发文字号').max(40, '发文字号不能超过40个字');

/**
 * The closed loop's papers: each export builds the .docx in memory from the year partition's `loop` records and
 * hands it to the FilePort, so a failure never leaves half a file. Only the 督办函 is numbered (in the 发文登记,
 * before the file is handed over).
 */
export const loopDocCalls = {
  'loopDocs.view': call<LoopDocsView>()({
    args: z.strictObject(which),
    roles: OFFICE,
    summary: '跟踪整改文书：督办函（逾期事项、建议字号、已发函件）、回头看调研报告、质询案、整改台账、结果运用登记表',
  }),
  'loopDocs.supervisionLetter': file({
    args: z.strictObject({ ...which, docNumber, date: dateField('成文日期'), replyBy: dateField('报送期限') }),
    roles: OFFICE,
    summary: '导出督办函（Word信函格式，字号登记在发文登记中）',
  }),
  'loopDocs.followUpReport': file({
    args: z.strictObject({ ...which, date: dateField('报告日期').optional() }),
    roles: OFFICE,
    summary: '导出回头看调研报告（Word；不指定日期则为回头看结束日期）',
  }),
  'loopDocs.interpellation': file({
    args: z.strictObject({ ...which, stepId: idField('es', '质询案') }),
    roles: OFFICE,
    summary: '导出质询案（Word，提案人逐一签名）',
  }),
  'loopDocs.ledger': file({ args: z.strictObject(which), roles: OFFICE, summary: '导出整改台账（Word表格）' }),
  'loopDocs.resultUses': file({
    args: z.strictObject({ year: yearField('评议年度'), evaluationId: idField('ev', '评议').optional() }),
    roles: OFFICE,
    summary: '导出结果运用登记表（Word表格；不指定评议则为全年度）',
  }),
};
