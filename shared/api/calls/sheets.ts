import { z } from 'zod';
import { OFFICE, call } from '../define';
import { idField, yearField } from '../../domain/fields';
import { roundIdField } from '../../domain/vote-round';
import { IMPORT_KINDS } from '../../sheets/import-kinds';
import type { ImportCommitResult, ImportPreview } from '../../sheets/import-types';
import type { FileDelivery } from '../file-types';

const kind = z.enum(IMPORT_KINDS, { error: '导入类别无效' });
/** A file staged by the browser host's upload path or, on the desktop, by `loop.evidence.stage`. */
const uploadId = z.string().regex(/^up_[0-9a-z]{8,40}$/, '上传编号无效');
const file = call<FileDelivery>();

export const SHEET_EXPORTS = ['members', 'units', 'evaluatees', 'registry', 'plan'] as const;

/**
 * Spreadsheets in and out. An import is previewed first (nothing written), then written in one
 * atomic update of the store; the export of a list, the plan, a vote round's results or a ledger is
 * an .xlsx laid out for A4.
 */
export const sheetCalls = {
  'sheets.template': file({ args: z.strictObject({ kind }), roles: OFFICE, summary: '下载导入模板（.xlsx）' }),
  'sheets.preview': call<ImportPreview>()({ args: z.strictObject({ kind, uploadId }), roles: OFFICE, summary: '导入预览：逐行检查，不写入' }),
  'sheets.import': call<ImportCommitResult>()({
    args: z.strictObject({ kind, uploadId, rows: z.enum(['all', 'valid'], { error: '导入范围应为全部行或仅正确的行' }) }),
    roles: OFFICE,
    summary: '确认导入（全部行，或仅正确的行）',
  }),
  'sheets.rejects': file({ args: z.strictObject({ kind, uploadId }), roles: OFFICE, summary: '导出未通过检查的行及原因（.xlsx）' }),
  'sheets.export': file({
    args: z.discriminatedUnion(
      'what',
      [
        z.strictObject({ what: z.enum(SHEET_EXPORTS) }),
        z.strictObject({ what: z.literal('round'), meetingId: idField('mt', '会议'), roundId: roundIdField }),
        z.strictObject({ what: z.literal('ledger'), year: yearField('评议年度'), evaluationId: idField('ev', '评议') }),
      ],
      { error: '导出内容无效' },
    ),
    roles: OFFICE,
    summary: '导出为 Excel 表格（A4 打印格式）：名单、评议计划、测评结果、整改台账',
  }),
};
