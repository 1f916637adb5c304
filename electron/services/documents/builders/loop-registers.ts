import { formatDateCn } from '../../../../shared/format/dates';
import type { BodyBlock, OfficialDocInput, TableCellInput } from '../model';
import { fieldLines } from '../form-layout';
import { itemHeading } from './follow-up-report';

/**
 * The closed loop's lists as printed forms (A4 portrait, 小四 tables whose header row repeats on every page):
 * 结果运用登记表 — what was sent where, and how (under the recipient) — and 整改台账 — the opinion's items with the unit's measures, progress,
 * status and the 回头看 verdict.
 */

export interface ResultUseRowInput {
  /** 'YYYY-MM-DD'. */
  date: string;
  /** 测评结果通报, 评议意见 … (LOOP_LABELS.resultUseKind). */
  kind: string;
  docNumber: string;
  recipient: string;
  /** 专人送达 … (LOOP_LABELS.deliveryMode). */
  how: string;
  note: string;
  /** Whose evaluation the line belongs to (a year's register lists several); '' for a meeting's 通报. */
  about?: string;
}

export interface ResultUseRegisterInput {
  /** 2026年度评议结果运用登记表, 张明同志评议结果运用登记表. */
  title: string;
  /** Lines under the title: 填报单位：县人大常委会办公室. */
  heading?: string[];
  rows: ResultUseRowInput[];
  /** Printed under the table (the recommendation that results inform appointment, assessment and awards). */
  notes?: string[];
}

const left = (text: string): TableCellInput => ({ text, align: 'left' });

/** 2025年11月8日 on two lines (2025年 / 11月8日): a date column of a portrait table stays narrow. */
export function twoLineDate(iso: string): string {
  const text = formatDateCn(iso);
  const at = text.indexOf('年') + 1;
  return `${text.slice(0, at)}\n${text.slice(at)}`;
}

/** Characters of a number that fit the 材料及文号 column on one line (青人常〔2025〕21号 is 12). */
const DOC_NUMBER_ONE_LINE = 13;

/** A number too long for its column goes on two lines (青岚县人常 / 〔2025〕21号), never broken inside the brackets. */
export function docNumberCell(text: string): string {
  const t = text.trim();
  const at = t.indexOf('〔');
  return [...t].length > DOC_NUMBER_ONE_LINE && at > 0 ? `${t.slice(0, at)}\n${t.slice(at)}` : t;
}

export function buildResultUseRegisterDocument(input: ResultUseRegisterInput): OfficialDocInput {
  const title = input.title.trim();
  if (title === '') throw new RangeError('登记表标题不能为空');
  const withAbout = input.rows.some((r) => (r.about ?? '').trim() !== '');
  const rows = [...input.rows]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((r, i) => [
      String(i + 1),
      twoLineDate(r.date),
      ...(withAbout ? [r.about?.trim() ?? ''] : []),
      left([r.kind, docNumberCell(r.docNumber)].filter((t) => t !== '').join('\n')),
      left(`${r.recipient.trim()}\n（${r.how}）`),
      left(r.note.trim()),
    ]);
  const header = ['序号', '送达日期', ...(withAbout ? ['被评议对象'] : []), '材料及文号', '送达单位及方式', '备注'];
  // Twips of the type area's 8844; the notes take what is left.
  const columns = withAbout ? [600, 1300, 1150, 2400, 1800, 1594] : [600, 1300, 2400, 1900, 2644];
  const body: BodyBlock[] = [...fieldLines(input.heading ?? [], 'center')];
  if (rows.length === 0) body.push({ text: '（尚无结果运用登记。）', flush: true, align: 'center' });
  else body.push({ type: 'table', table: { columns, header: [header], rows, small: true } });
  for (const note of input.notes ?? []) if (note.trim() !== '') body.push({ text: note.trim() });
  return { kind: 'form', title, body, properties: { title: title.replaceAll('\n', ''), subject: '结果运用登记表' } };
}

export interface LedgerRowInput {
  itemNo: number;
  itemText: string;
  measures: string;
  responsible: string;
  /** 'YYYY-MM-DD' or null. */
  dueDate: string | null;
  /** Dated progress notes, oldest first. */
  progress: { date: string; text: string }[];
  status: string;
  /** '' while the item has no 回头看 verdict. */
  verdict: string;
}

export interface LedgerTableInput {
  /** 张明同志评议意见整改台账. */
  title: string;
  /** Lines under the title: the opinion's number and delivery, the report deadline. */
  heading?: string[];
  rows: LedgerRowInput[];
  /** Counts printed under the table (summariseLedger). */
  summary?: string;
}

/** An item's heading longer than this is cut with …… in the ledger's narrow column (the opinion holds its full text). */
const ITEM_CHARS = 60;

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}……`;
}

/**
 * 整改台账: one row per opinion item. The item is printed as its heading sentence (the full text is the issued
 * opinion's), so a long item does not make a row taller than a page.
 */
export function buildLedgerDocument(input: LedgerTableInput): OfficialDocInput {
  const title = input.title.trim();
  if (title === '') throw new RangeError('整改台账标题不能为空');
  const rows = [...input.rows]
    .sort((a, b) => a.itemNo - b.itemNo)
    .map((r) => {
      const progress = r.progress.map((p) => `${formatDateCn(p.date)}：${p.text.trim()}`);
      const measures = [r.measures.trim(), ...progress].filter((t) => t !== '').join('\n');
      const who = [r.responsible.trim(), r.dueDate ? twoLineDate(r.dueDate) : ''].filter((t) => t !== '').join('\n');
      return [String(r.itemNo), left(clip(itemHeading(r.itemText) || r.itemText.trim(), ITEM_CHARS)), left(measures), who, r.status, r.verdict || '—'];
    });
  const body: BodyBlock[] = [...fieldLines(input.heading ?? [], 'center')];
  if (rows.length === 0) body.push({ text: '（尚无整改台账条目。）', flush: true, align: 'center' });
  else {
    body.push({
      type: 'table',
      // Twips of the type area's 8844; the measures take what is left.
      table: {
        columns: [600, 1800, 2944, 1300, 1000, 1200],
        header: [['序号', '意见和建议', '整改措施及进展', '责任人\n及时限', '整改\n状态', '回头看\n评价']],
        rows,
        small: true,
        // Measures and progress notes may run longer than a page: such a row continues on the next.
        rowsMayBreak: true,
      },
    });
  }
  if (input.summary?.trim()) body.push({ text: input.summary.trim() });
  return { kind: 'form', title, body, properties: { title: title.replaceAll('\n', ''), subject: '整改台账' } };
}
