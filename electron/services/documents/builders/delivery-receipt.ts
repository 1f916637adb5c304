import { formatDateCn } from '../../../../shared/format/dates';
import type { OfficialDocInput, TableCellInput } from '../model';
/** 送达回证 for an issued opinion: what was delivered to whom, with blanks for the recipient to fill and sign. */

export interface DeliveryReceiptInput {
  /** 送达机关, e.g. 青岚县人民代表大会常务委员会 (printed above the title). */
  organ: string;
  /** 送达文书: the document's title. */
  documentTitle: string;
  /** 文号, e.g. X人常〔2026〕5号. */
  docNumber: string;
  /** 受送达人, e.g. 张明（县教育局局长）. */
  recipient: string;
  /** 送达地点 and 送达方式 (直接送达 …); blank lines when absent. */
  place?: string;
  method?: string;
  /** 送达人; a blank line when absent. */
  deliveredBy?: string;
  /** 'YYYY-MM-DD': 印发日期 of the document, printed under the number (optional). */
  issueDate?: string;
  /** 备注. */
  note?: string;
}

const ROW_HEIGHT = 900;
/** Blank to fill in by hand. */
const DATE_BLANK = '　　　　年　　月　　日';

/**
 * 送达回证 as a form: the organ and 送达回证 as title, then a ruled table of label and value — 送达文书, 文号,
 * 受送达人, 送达地点, 送达方式, 送达人, 收到日期 (left blank), the 签收人 box, 备注.
 */
export function buildDeliveryReceiptDocument(input: DeliveryReceiptInput): OfficialDocInput {
  const required: [string, string][] = [
    [input.organ, '送达机关'],
    [input.documentTitle, '送达文书'],
    [input.docNumber, '文号'],
    [input.recipient, '受送达人'],
  ];
  for (const [value, field] of required) if (value.trim() === '') throw new RangeError(`送达回证的${field}不能为空`);
  const label = (text: string): TableCellInput => ({ text, bold: true });
  const value = (text: string | undefined): TableCellInput => ({ text: text?.trim() ?? '', align: 'left' });
  const rows: TableCellInput[][] = [
    [label('送达文书'), value(input.documentTitle)],
    [label('文　　号'), value(input.issueDate ? `${input.docNumber.trim()}（${formatDateCn(input.issueDate)}印发）` : input.docNumber)],
    [label('受送达人'), value(input.recipient)],
    [label('送达地点'), value(input.place)],
    [label('送达方式'), value(input.method)],
    [label('送 达 人'), value(input.deliveredBy)],
    [label('收到日期'), { text: DATE_BLANK, align: 'left' }],
  ];
  return {
    kind: 'form',
    title: `${input.organ.trim()}\n送达回证`,
    body: [
      { text: '', flush: true },
      {
        type: 'table',
        table: {
          columns: [2200, 6644],
          // The 签收人 box is tall from its blank lines; every other row is ROW_HEIGHT.
          rows: [
            ...rows,
            [label('签收人\n（签名）'), { text: `\n\n\n\n${DATE_BLANK}　`, align: 'right' }],
            [label('备　　注'), value(input.note)],
          ],
          rowHeight: ROW_HEIGHT,
        },
      },
    ],
    properties: { title: `${input.documentTitle.trim()}送达回证`, subject: '送达回证' },
  };
}
