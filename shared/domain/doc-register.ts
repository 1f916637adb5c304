import { z } from 'zod';
import { dateField, enumField, idField, intField, requiredText } from './fields';
import { roundIdField } from './vote-round';
import { numberedRequestSchema } from './plan-papers';

/**
 * 发文登记: the documents the app numbered other than the opinions (an opinion keeps its number in
 * its own version, `opinions.ts`). Kept in the year partition of the meeting's year (`register` of
 * yearSchema), so the 发文字号 of a 通报 and of the year's opinions are checked in one write.
 *
 * One entry per document: a 测评结果通报 is one round's or the whole meeting's (`roundId` null), and
 * exporting it again reprints it — under the same number, or under a new one; the numbers it carried
 * before stay taken (`retiredNumbers`: a printed copy may be out there under them). Numbers are unique per 机关代字 and year across the register
 * and the opinions; the office also numbers documents outside the app, which the app cannot know.
 */

export const NUMBERED_KINDS = ['测评结果通报'] as const;
export type NumberedKind = (typeof NUMBERED_KINDS)[number];

const stamp = z.string({ error: '时间应为文字' });

export const numberedDocumentSchema = z.object({
  kind: enumField('公文种类', NUMBERED_KINDS),
  /** As printed, normalised: X人常〔2026〕3号. */
  docNumber: requiredText('发文字号', 40),
  title: requiredText('公文标题', 200),
  meetingId: idField('mt', '会议'),
  /** The round the 通报 announces; null: every published round of the meeting. */
  roundId: roundIdField.nullable(),
  /** 成文日期 as printed, 'YYYY-MM-DD'. */
  date: dateField('成文日期'),
  /** When the number was first given to this document, and when it was last exported. */
  firstExportedAt: stamp,
  exportedAt: stamp,
  /** Exports so far (reprints included). */
  exports: intField('导出次数', 1, 100000).default(1),
  /**
   * Numbers the 通报 was exported under before it was renumbered. Copies may have been printed and
   * sent under them, so no other document may take them; the 通报 itself may go back to one.
   */
  retiredNumbers: z.array(requiredText('原发文字号', 40), { error: '原发文字号应为列表' }).optional(),
});
export type NumberedDocument = z.infer<typeof numberedDocumentSchema>;

/**
 * Letters (函) the app numbered: the 督办函 of an evaluation whose rectification paper is overdue, numbered in the
 * 函 series (机关代字 + 函: X人常函〔2026〕3号). An evaluation may be sent several; exporting one again under its
 * number reprints it.
 */
export const LETTER_KINDS = ['督办函'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const numberedLetterSchema = z.object({
  kind: enumField('函件种类', LETTER_KINDS),
  docNumber: requiredText('发文字号', 40),
  title: requiredText('函件标题', 200),
  evaluationId: idField('ev', '评议'),
  /** 成文日期, 'YYYY-MM-DD'. */
  date: dateField('成文日期'),
  /** The day the letter asks the paper by. */
  replyBy: dateField('报送期限'),
  firstExportedAt: stamp,
  exportedAt: stamp,
  exports: intField('导出次数', 1, 100000).default(1),
});
export type NumberedLetter = z.infer<typeof numberedLetterSchema>;

export const docRegisterSchema = z.object({
  documents: z.array(numberedDocumentSchema, { error: '发文登记应为列表' }).default([]),
  /** Optional like the register itself: files written before letters existed have none. */
  letters: z.array(numberedLetterSchema, { error: '函件登记应为列表' }).optional(),
  /** 请示 to the county committee (the plan's, plan-papers.ts), in the partition of its number's year; optional like `letters`. */
  requests: z.array(numberedRequestSchema, { error: '请示登记应为列表' }).optional(),
});
export type DocRegister = z.infer<typeof docRegisterSchema>;

export function emptyDocRegister(): DocRegister {
  return { documents: [] };
}

/** Who holds a letter's number: every 督办函 of one evaluation (a reprint keeps its number). */
export function letterKey(evaluationId: string): string {
  return `督办函:${evaluationId}`;
}

/** Which document an entry is: one per meeting and round (or whole meeting). */
export function announcementKey(meetingId: string, roundId: string | null): string {
  return `通报:${meetingId}:${roundId ?? '全部'}`;
}

export function registerKey(doc: Pick<NumberedDocument, 'meetingId' | 'roundId'>): string {
  return announcementKey(doc.meetingId, doc.roundId);
}
