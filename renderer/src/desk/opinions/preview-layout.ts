import type { PrintedParagraph } from '../../../../shared/domain/opinions';
import { headerMetrics as printedHeader } from '../../../../shared/domain/document-settings';
import { keepWithNextFlags, splitHeading } from '../../../../shared/documents/body-roles';
import { BODY_CELL, BODY_CHARACTER_SPACING, CHAR, LINES_PER_PAGE, SIZE, SMALL_CHAR, TYPE_AREA } from '../../../../shared/documents/grid';
import { breakLines, textWidth } from '../../../../shared/documents/line-break';
import { headerBox, layoutFlow, placeImprint, type FlowBox, type ImprintPlacement } from '../../../../shared/documents/page-flow';
import { breakTitle } from '../../../../shared/documents/title-lines';

/**
 * The A4 preview's layout on the GB/T 9704 grid: 22 lines of 28 characters. It breaks lines and pages with the
 * code the Word generator estimates its pages with (shared/documents: line-break, title-lines, body-roles,
 * page-flow), from the same elements in the same order — 版头, title, addressee, body, signature, 版记 — so the
 * preview shows where the pages of the document break: own headings keep with the next paragraph, the signature is
 * never alone on a page, the 版记 goes at the foot of the last page, which is even. An estimate: Word and WPS set
 * the final lines; the rendered test compares it with LibreOffice's.
 */

export interface PreviewInput {
  header: string;
  /** 设置 → 公文格式: the header's size in points and horizontal scale; null (or absent) = automatic. */
  headerSizePt?: number | null;
  headerScalePercent?: number | null;
  docNumber: string;
  /** Not issued yet: the number is a suggestion, shown as such. */
  numberPending: boolean;
  title: string;
  titleNote: string | null;
  addressee: string;
  body: readonly PrintedParagraph[];
  signature: { organ: string; date: string };
  imprint: { copyTo: string; office: string; issued: string };
}

export interface PreviewLine {
  /** Grid line on its page, 0–21. */
  line: number;
  text: string;
  /** The first `headChars` characters are heading (the level's font), the rest body text. */
  headChars: number;
  level: number;
  /** Cells of indent before the text (first-line indent, or a flush line's own). */
  indent: number;
  align: 'left' | 'right' | 'center';
  /** Spread across the line (every line of a paragraph but its last). */
  justify: boolean;
  /** Cells kept free at the right (signature lines). */
  right: number;
}

export interface PreviewPage {
  no: number;
  /** Printed page number, or null (a blank page and the 版记 page after it carry none). */
  pageNumber: number | null;
  lines: PreviewLine[];
  /** First page only: the 版头 and title block. */
  head: { headerLines: number; headerSizePt: number; headerScale: number; numberLine: number; titleLine: number; titleLines: string[]; noteLine: number; noteLines: string[] } | null;
  imprint: { copyToLines: string[]; office: string; issued: string } | null;
}

export interface PreviewLayout {
  pages: PreviewPage[];
  imprint: ImprintPlacement;
}

/**
 * Grid lines of the red header and its size: the size and scale the 公文格式 settings choose, or the
 * automatic ones (about 150 mm wide) worked out as the generator does (shared headerMetrics).
 */
export function headerMetrics(header: string, sizePt: number | null = null, scalePercent: number | null = null): { lines: number; sizePt: number; scale: number } {
  const { size, scale } = printedHeader({ text: header, sizePt, scalePercent });
  return { lines: headerBox(size).lines, sizePt: size / 2, scale };
}

/** Cells of a width in twips: the preview places text in body cells (315 twips). */
const cells = (twips: number) => twips / BODY_CELL;
const bodyWidth = (text: string) => textWidth(text, SIZE.sanHao, BODY_CHARACTER_SPACING);

type Line = Omit<PreviewLine, 'line'>;

interface Box extends FlowBox {
  text: Line[];
}

function plain(text: string, align: PreviewLine['align'] = 'left', right = 0): Line {
  return { text, headChars: 0, level: 0, indent: 0, align, justify: false, right };
}

const blank = (keepNext = false): Box => ({ lines: 1, text: [plain('')], ...(keepNext ? { keepNext } : {}) });

function paragraphBox(p: PrintedParagraph, keepNext: boolean): Box {
  const { text, runIn } = splitHeading(p);
  const broken = breakLines(text + runIn, { firstLine: 2 * CHAR });
  let head = p.level > 0 ? [...text].length : 0;
  const lines = broken.map((t, i) => {
    const n = [...t].length;
    const headChars = Math.min(head, n);
    head -= headChars;
    return { text: t, headChars, level: p.level, indent: i === 0 ? 2 : 0, align: 'left' as const, justify: i < broken.length - 1, right: 0 };
  });
  return { lines: lines.length, text: lines, ...(keepNext ? { keepNext } : {}) };
}

/** Lines of the 抄送 row at 四号, wrapped after "抄送：" as the generator's 版记 does. */
function copyToLines(copyTo: string): string[] {
  if (copyTo === '') return [];
  const label = textWidth('抄送：', SIZE.siHao, BODY_CHARACTER_SPACING);
  return breakLines(copyTo, { size: SIZE.siHao, width: TYPE_AREA.width - 2 * SMALL_CHAR - label, firstLine: -label });
}

export function layoutPreview(input: PreviewInput): PreviewLayout {
  const header = headerMetrics(input.header, input.headerSizePt ?? null, input.headerScalePercent ?? null);
  const numberLine = header.lines + 2;
  const titleLine = numberLine + 3;
  const titleLines = breakTitle(input.title, { size: SIZE.erHao, spacing: BODY_CHARACTER_SPACING, width: TYPE_AREA.width });
  const noteLine = titleLine + titleLines.length;
  const noteLines = input.titleNote ? breakTitle(input.titleNote, { size: SIZE.sanHao, spacing: BODY_CHARACTER_SPACING, width: TYPE_AREA.width }) : [];

  // The 版头 and title block take the first grid lines; the addressee follows one blank line below.
  const boxes: Box[] = [{ lines: noteLine + noteLines.length, text: [] }, blank()];
  const addressee = breakLines(`${input.addressee.replace(/[：:]$/u, '')}：`);
  boxes.push({ lines: addressee.length, text: addressee.map((t) => plain(t)) });
  const keep = keepWithNextFlags(input.body);
  input.body.forEach((p, i) => boxes.push(paragraphBox(p, keep[i] === true)));
  const lastBody = input.body.length > 0 ? boxes.length - 1 : -1;
  // Sealed signature: two blank lines, the organ centred over the date, the date 4 characters in from the right.
  const dateRight = 4 * CHAR;
  const organRight = dateRight + Math.round((bodyWidth(input.signature.date) - bodyWidth(input.signature.organ)) / 2);
  boxes.push(blank(true), blank(true));
  const organ = boxes.length;
  boxes.push({ lines: 1, keepNext: true, text: [plain(input.signature.organ, 'right', Math.max(0, cells(organRight)))] });
  boxes.push({ lines: 1, text: [plain(input.signature.date, 'right', cells(dateRight))] });

  const flow = layoutFlow(boxes, lastBody >= 0 ? { lastBody, organ } : undefined);
  const pages: PreviewPage[] = [];
  const newPage = (): PreviewPage => {
    const page: PreviewPage = { no: pages.length + 1, pageNumber: pages.length + 1, lines: [], head: null, imprint: null };
    pages.push(page);
    return page;
  };
  const pageAt = (index: number): PreviewPage => {
    while (pages.length <= index) newPage();
    return pages[index] as PreviewPage;
  };
  pageAt(0).head = { headerLines: header.lines, headerSizePt: header.sizePt, headerScale: header.scale, numberLine, titleLine, titleLines, noteLine, noteLines };
  boxes.forEach((box, i) => {
    box.text.forEach((l, n) => {
      const at = flow.at[i]?.[n] ?? 0;
      pageAt(Math.floor(at / LINES_PER_PAGE)).lines.push({ ...l, line: at % LINES_PER_PAGE });
    });
  });
  pageAt(flow.pages - 1);

  const copyTo = copyToLines(input.imprint.copyTo);
  const imprint = { copyToLines: copyTo, office: input.imprint.office, issued: input.imprint.issued };
  const placement = placeImprint(flow, copyTo.length + 1);
  if (placement === 'same-page') (pages.at(-1) as PreviewPage).imprint = imprint;
  else if (placement === 'next-even-page') newPage().imprint = imprint;
  else {
    // A blank page, then the 版记 on the next even page; neither is numbered.
    newPage().pageNumber = null;
    const last = newPage();
    last.pageNumber = null;
    last.imprint = imprint;
  }
  return { pages, imprint: placement };
}
