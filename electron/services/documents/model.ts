/**
 * What a Word document is made of, independent of `docx`. Builders (评议意见, 会议记录, …) produce an
 * `OfficialDocInput`; `renderOfficialDocument` lays it out for its kind.
 */

/**
 * - '公文': red organ header, document number, red line, 版记, 22 × 28 grid, page numbers (评议意见, 测评结果通报).
 * - 'meeting-paper': grid and page numbers, no header, number or 版记 (调研报告, 会议记录).
 * - 'form': A4, margins and fonts only (测评票, 签到表, 计票结果报告单, 送达回证).
 * - 'letter': 信函格式 (督办函): the organ's name over a red double line, the number flush right under it, a red
 *   double line near the foot of the first page, no page number on the first page, no 版记; grid and page numbers.
 */
export const DOCUMENT_KINDS = ['公文', 'meeting-paper', 'form', 'letter'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** 0 body text; 1 一、 (黑体); 2 （一） (楷体); 3 1. (仿宋); 4 （1） (仿宋). The numbering is part of the text. */
export type ParagraphLevel = 0 | 1 | 2 | 3 | 4;

export interface BodyParagraph {
  type?: 'paragraph';
  level?: ParagraphLevel;
  text: string;
  /** Body text in the same paragraph after a heading: "（一）履职情况。" + "该同志……". */
  runIn?: string;
  /** Without the two-character first-line indent (e.g. the header lines of a meeting record). */
  flush?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Set as a title (22 pt 小标宋, centred) or a 楷体 note line, e.g. the title of each sheet of a ballot file. */
  variant?: 'title' | 'note';
}

export interface TableCellInput {
  text: string;
  /** Columns this cell spans. */
  span?: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
}

export interface TableInput {
  /** Column widths as relative weights; the table fills the type area. */
  columns: number[];
  /** Header rows, repeated on every page and set in 黑体. */
  header?: (string | TableCellInput)[][];
  rows: (string | TableCellInput)[][];
  /** Exact row height in twips (ballots and sign-in sheets need room to write); grid line height otherwise. */
  rowHeight?: number;
  /** Default alignment of the body cells. */
  align?: 'left' | 'center';
  /** 小四 (12 pt) instead of 四号 (14 pt): for tables with many columns. */
  small?: boolean;
  /**
   * Body rows may break across pages (forms only: a ledger row with long measures could be taller than a page). Off
   * the grid, so the page estimate of a paper on the grid never meets one.
   */
  rowsMayBreak?: boolean;
}

export interface TableBlock {
  type: 'table';
  table: TableInput;
}

export interface PageBreakBlock {
  type: 'page-break';
}

/**
 * A picture (the chart of a 测评结果通报), centred on lines of its own: it takes whole grid lines, so the text after
 * it stays on the grid. PNG only; at most the type area's width (156 mm) and 20 lines (≈ 204 mm) high.
 */
export interface ImageBlock {
  type: 'image';
  png: Uint8Array;
  /** Printed size in millimetres. */
  widthMm: number;
  heightMm: number;
  /** Alternative text (the file's accessibility description). */
  description?: string;
}

export type BodyBlock = BodyParagraph | TableBlock | PageBreakBlock | ImageBlock;

export interface SignatureInput {
  /** 发文机关署名; for a paper signed by persons (signers), the label over their names, e.g. 提案人（签名）：. */
  organ: string;
  /**
   * Persons who sign in their own hand (the proposers of a 质询案): each name printed on a line of its own with room
   * to sign beside it, under `organ`, the date below them.
   */
  signers?: string[];
  /** 成文日期, 'YYYY-MM-DD'; printed 2024年10月28日. */
  date: string;
  /** With a seal the date is right-indented 4 characters and the organ centred over it. */
  sealed: boolean;
}

export interface ImprintInput {
  /** 抄送 recipients; the settings' list when absent. */
  copyTo?: string[];
  /** Added after the list (e.g. the evaluatee's unit). */
  extraCopyTo?: string[];
  /** 印发机关; the settings' office when absent. */
  issuingOffice?: string;
  /** 印发日期, 'YYYY-MM-DD'. */
  issueDate: string;
}

export interface AppendixInput {
  /** 附件 or 附件1 (黑体, flush left on the page's first line). */
  label: string;
  /** Centred on the third line in the title's font. */
  title: string;
  body: BodyBlock[];
}

export interface OfficialDocInput {
  kind: DocumentKind;
  /** 发文字号 such as X人常〔2024〕5号 (a letter: X人常函〔2024〕5号): required for a 公文 and a letter, validated. */
  docNumber?: string;
  /** 发文机关标志 of a letter: the organ's full name, printed red without 文件. */
  letterhead?: string;
  /** Explicit line breaks with '\n'; otherwise broken between words to fit. */
  title: string;
  /** 楷体 line under the title: （2024年10月28日县第十九届人大常委会第二十三次主任会议通过）. */
  titleNote?: string;
  /** Lines centred under the title of a meeting paper (e.g. 县人大常委会调研组). */
  subtitle?: string[];
  /** 主送机关; "：" is added when missing. */
  addressee?: string;
  body: BodyBlock[];
  /** 附件说明: names of the attachments. */
  attachments?: string[];
  /**
   * 签发人 of a paper to a higher organ (上行文, a 公文 only): "签发人：name" stands right on the number's line, one
   * character in, and the number moves flush left, one character in.
   */
  signer?: string;
  /** 附注 under the date, one paragraph indented 2 characters in parentheses (（联系人：…，电话：…）; added when missing). */
  note?: string;
  /** Attachments printed after the signature (and 附注), each from a new page: 附件N top left, its title on line 3. */
  appendices?: AppendixInput[];
  signature?: SignatureInput;
  /** 版记 of a 公文. */
  imprint?: ImprintInput;
  /** Document properties (title shown in the file's properties). */
  properties?: { title?: string; subject?: string; creator?: string };
}
