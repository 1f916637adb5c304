import { Document, LineRuleType, Packer, SectionType, type ISectionOptions, type Paragraph, type Table } from 'docx';
import type { BodyBlock, OfficialDocInput } from './model';
import type { DocumentSettings } from './settings';
import { runStyles, type RunStyles } from './fonts';
import { LINES_PER_PAGE } from './geometry';
import { officialHead, titleBlock } from './front-matter';
import { bodyParagraph, type Placed } from './paragraphs';
import { attachmentNote, signatureBlock } from './closing';
import { imprintBlock, type ImprintBlock } from './imprint';
import { formTable } from './tables';
import { imageTable } from './image';
import { blankFooters, documentStyles, pageNumberFooters, sectionProperties, usesPageNumbers } from './page-setup';
import { estimatePages, type FlowItem, type PageEstimate } from './pagination';
import { OffGridParagraph } from './off-grid-paragraph';
import { WORD_JOINER } from './title-lines';

/**
 * Where the 版记 of a 公文 went:
 * - 'same-page': the body ends on an even page with room for it; it floats at the foot of that page.
 * - 'next-even-page': a section of its own starting on the next even page, numbered (the body ends on an odd page).
 * - 'after-blank-page': a blank page first (a section of its own), then the 版记 page; neither is numbered.
 */
export type ImprintPlacement = 'same-page' | 'next-even-page' | 'after-blank-page';

export interface DocumentPlan {
  sections: ISectionOptions[];
  /** Pages of the text flow on the 22 × 28 grid, before the 版记. */
  estimate: PageEstimate;
  imprint?: ImprintPlacement;
}

/**
 * Lays a document of any kind out into sections. The kind decides what is on the page (documents-gbt9704.md,
 * "Which checks apply to which type"); the blocks come from a builder.
 */
export function planDocument(doc: OfficialDocInput, settings: DocumentSettings): DocumentPlan {
  const styles = runStyles(settings.fontProfile);
  const flow: FlowItem[] = [];
  if (doc.kind === '公文') flow.push(...officialHead(doc, settings, styles));
  flow.push(...titleBlock(doc, styles));
  let breakBefore = false;
  for (const block of doc.body) {
    if (block.type === 'page-break') {
      breakBefore = true;
      continue;
    }
    flow.push(...bodyItems(block, styles, breakBefore));
    breakBefore = false;
  }
  if (doc.attachments) flow.push(...attachmentNote(doc.attachments, styles));
  if (doc.signature) flow.push(...signatureBlock(doc.signature, styles));

  const estimate = estimatePages(flow);
  const children: (Paragraph | Table)[] = flow.map((item) => ('table' in item ? item.table : (item as Placed).paragraph));
  const first: ISectionOptions = {
    properties: sectionProperties(doc.kind),
    ...(usesPageNumbers(doc.kind) ? { footers: pageNumberFooters(styles) } : {}),
    children,
  };
  if (doc.kind !== '公文') return { sections: [first], estimate };

  if (!doc.imprint) throw new Error('公文须有版记（印发日期）');
  const block = imprintBlock(doc.imprint, settings, styles);
  const placement = placeImprint(estimate, block);
  if (placement === 'same-page') {
    children.push(block.table, block.anchor);
    return { sections: [first], estimate, imprint: placement };
  }
  const imprintSection: ISectionOptions = {
    properties: { ...sectionProperties(doc.kind), type: SectionType.EVEN_PAGE },
    // Without footers of its own the section would inherit the numbered ones.
    ...(placement === 'after-blank-page' ? { footers: blankFooters() } : {}),
    // The section must start with a paragraph: LibreOffice puts a section's page break on its first paragraph, and
    // a floating table's cells are moved into a frame, taking the break with them.
    children: [sectionStart(), block.table, block.anchor],
  };
  if (placement === 'next-even-page') return { sections: [first, imprintSection], estimate, imprint: placement };
  // The blank page is a page of its own rather than one the word processor inserts for the even-page break, so no
  // application prints a number on it. Should the estimate be off, the even-page break still keeps the count even.
  const blankPage: ISectionOptions = {
    properties: { ...sectionProperties(doc.kind), type: SectionType.NEXT_PAGE },
    footers: blankFooters(),
    children: [sectionStart()],
  };
  return { sections: [first, blankPage, imprintSection], estimate, imprint: placement };
}

/** Lays out a document and returns the .docx bytes. */
export async function renderOfficialDocument(doc: OfficialDocInput, settings: DocumentSettings): Promise<Buffer> {
  const plan = planDocument(doc, settings);
  const styles = runStyles(settings.fontProfile);
  const title = doc.properties?.title ?? doc.title.replaceAll('\n', '').replaceAll(WORD_JOINER, '');
  const document = new Document({
    title,
    ...(doc.properties?.subject ? { subject: doc.properties.subject } : {}),
    creator: doc.properties?.creator ?? settings.issuingOffice,
    styles: documentStyles(styles.normal),
    evenAndOddHeaderAndFooters: usesPageNumbers(doc.kind),
    sections: plan.sections,
  });
  return Packer.toBuffer(document);
}

/** A page break is carried by the next block rather than by a paragraph of its own, which would take a line. */
function bodyItems(block: Exclude<BodyBlock, { type: 'page-break' }>, styles: RunStyles, breakBefore: boolean): FlowItem[] {
  if (block.type === 'table' || block.type === 'image') {
    const table: FlowItem = block.type === 'table' ? formTable(block.table, styles) : imageTable(block);
    if (!breakBefore) return [table];
    const breaker = new OffGridParagraph({ pageBreakBefore: true, indent: { firstLine: 0 }, spacing: { line: 20, lineRule: LineRuleType.EXACT } });
    return [{ paragraph: breaker, lines: 0, pageBreak: true }, table];
  }
  const placed = bodyParagraph(block, styles, breakBefore);
  return [breakBefore ? { ...placed, pageBreak: true } : placed];
}

function sectionStart(): Paragraph {
  return new OffGridParagraph({ indent: { firstLine: 0 }, spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 } });
}

/** Grid lines kept free between the body and the 版记, and required on the last page, against estimate errors. */
const SAFETY_LINES = 1;

/**
 * The 版记 goes at the foot of the last page, which must be even. When the body ends on an even page with room
 * for it, it floats there. Otherwise it gets a section of its own that starts on an even page, after a blank page
 * when the body ends on an even page: even where the estimate of the body's length is off, the word processor then
 * adds a blank page itself to keep the last page even. The 版记 page is numbered only when it follows the body
 * directly (GB/T 9704 7.5.1: a blank page and the 版记 page after it are not numbered).
 */
export function placeImprint(estimate: PageEstimate, block: Pick<ImprintBlock, 'lines'>): ImprintPlacement {
  const { pages, lastPageLines } = estimate;
  const fits = lastPageLines >= 1 + SAFETY_LINES && lastPageLines + block.lines + SAFETY_LINES <= LINES_PER_PAGE;
  if (pages % 2 === 0) return fits ? 'same-page' : 'after-blank-page';
  return 'next-even-page';
}
