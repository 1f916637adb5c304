import { Document, LineRuleType, Packer, Paragraph, SectionType, type ISectionOptions, type Table } from 'docx';
import type { BodyBlock, OfficialDocInput } from './model';
import type { DocumentSettings } from './settings';
import { runStyles, type RunStyles } from './fonts';
import { LINES_PER_PAGE } from './geometry';
import { officialHead, titleBlock } from './front-matter';
import { bodyParagraph, type Placed } from './paragraphs';
import { attachmentNote, signatureBlock } from './closing';
import { imprintBlock } from './imprint';
import { formTable } from './tables';
import { blankFooters, documentStyles, pageNumberFooters, sectionProperties, usesPageNumbers } from './page-setup';
import { estimatePages, type FlowItem } from './pagination';

/**
 * Lays out a document of any kind and returns the .docx bytes. The kind decides what is on the page
 * (documents-gbt9704.md, "Which checks apply to which type"); the blocks come from a builder.
 */
export async function renderOfficialDocument(doc: OfficialDocInput, settings: DocumentSettings): Promise<Buffer> {
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

  const first: ISectionOptions = {
    properties: sectionProperties(doc.kind),
    ...(usesPageNumbers(doc.kind) ? { footers: pageNumberFooters(styles) } : {}),
    children: flow.map(elementOf),
  };
  const sections: ISectionOptions[] = [first];
  if (doc.kind === '公文') sections.push(...placeImprint(doc, settings, styles, flow, first));

  const document = new Document({
    ...(doc.properties?.title ?? doc.title ? { title: doc.properties?.title ?? doc.title.replaceAll('\n', '') } : {}),
    ...(doc.properties?.subject ? { subject: doc.properties.subject } : {}),
    creator: doc.properties?.creator ?? settings.issuingOffice,
    styles: documentStyles(styles.body),
    evenAndOddHeaderAndFooters: usesPageNumbers(doc.kind),
    sections,
  });
  return Packer.toBuffer(document);
}

/** A page break is carried by the next block rather than by a paragraph of its own, which would take a line. */
function bodyItems(block: Exclude<BodyBlock, { type: 'page-break' }>, styles: RunStyles, breakBefore: boolean): FlowItem[] {
  if (block.type === 'table') {
    const table: FlowItem = formTable(block.table, styles);
    if (!breakBefore) return [table];
    const breaker = new Paragraph({ pageBreakBefore: true, indent: { firstLine: 0 }, spacing: { line: 20, lineRule: LineRuleType.EXACT } });
    return [{ paragraph: breaker, lines: 0, pageBreak: true }, table];
  }
  const placed = bodyParagraph(block, styles, breakBefore);
  return [breakBefore ? { ...placed, pageBreak: true } : placed];
}

function elementOf(item: FlowItem): Paragraph | Table {
  return 'table' in item ? item.table : (item as Placed).paragraph;
}

/** Keeps this many grid lines free between the body and the 版记, and on the last page, against estimate errors. */
const SAFETY_LINES = 1;

/**
 * The 版记 goes at the foot of the last page, which must be even. When the body ends on an even page with room
 * for it, it floats there in the same section. Otherwise it gets a section of its own that starts on an even page:
 * the word processor then adds the blank page itself when one is needed, so the last page stays even even where
 * the estimate of the body's length is off. That section's pages carry numbers only when it follows the body
 * directly (GB/T 9704 7.5.1: a blank page and the 版记 page after it are not numbered).
 */
function placeImprint(doc: OfficialDocInput, settings: DocumentSettings, styles: RunStyles, flow: FlowItem[], first: ISectionOptions): ISectionOptions[] {
  if (!doc.imprint) throw new Error('公文须有版记（印发日期）');
  const block = imprintBlock(doc.imprint, settings, styles);
  const { pages, lastPageLines } = estimatePages(flow);
  const fits = lastPageLines >= 1 + SAFETY_LINES && lastPageLines + block.lines + SAFETY_LINES <= LINES_PER_PAGE;
  if (pages % 2 === 0 && fits) {
    (first.children as (Paragraph | Table)[]).push(block.table, block.anchor);
    return [];
  }
  return [
    {
      properties: { ...sectionProperties(doc.kind), type: SectionType.EVEN_PAGE },
      // Without footers of its own the section would inherit the numbered ones.
      ...(pages % 2 === 0 ? { footers: blankFooters() } : {}),
      children: [block.table, block.anchor],
    },
  ];
}
