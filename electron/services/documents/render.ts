import { Document, LineRuleType, Packer, SectionType, type ISectionOptions, type Paragraph, type Table } from 'docx';
import type { AppendixInput, BodyBlock, BodyParagraph, OfficialDocInput } from './model';
import { keepWithNextFlags } from '../../../shared/documents/body-roles';
import type { DocumentSettings } from './settings';
import { runStyles, type RunStyles } from './fonts';
import { letterHead, officialHead, titleBlock } from './front-matter';
import { blankLine, bodyParagraph, carriedParagraph, centredLines, type Placed } from './paragraphs';
import { attachmentNote, noteBlock, signatureBlock, signersBlock } from './closing';
import { imprintBlock } from './imprint';
import { formTable } from './tables';
import { imageTable } from './image';
import { blankFooters, documentStyles, pageNumberFooters, sectionProperties, usesPageNumbers } from './page-setup';
import { layoutFlow, placeImprint, type FlowLayout, type ImprintPlacement } from '../../../shared/documents/page-flow';
import type { PlacedTable } from './tables';
import { OffGridParagraph } from './off-grid-paragraph';
import { SIZE } from './geometry';
import { WORD_JOINER } from '../../../shared/documents/title-lines';

export type { ImprintPlacement } from '../../../shared/documents/page-flow';

/** Something in the text flow with the grid lines it takes; `pageBreak` starts it on a new page. */
export type FlowItem = Placed | (PlacedTable & { pageBreak?: boolean });

export interface DocumentPlan {
  sections: ISectionOptions[];
  /**
   * Pages of the text flow on the 22 × 28 grid, before the 版记 (shared/documents/page-flow.ts, which the A4 preview
   * lays its pages out with too): where each line lands, and the page break that keeps the signature with body lines.
   * For a 公文 the 版记 goes to a section of its own when it does not fit the last (even) page:
   * - 'same-page': it floats at the foot of the body's last page.
   * - 'next-even-page': a section starting on the next even page, numbered (the body ends on an odd page).
   * - 'after-blank-page': a blank page first (a section of its own), then the 版记 page; neither is numbered.
   */
  estimate: FlowLayout;
  /** The flow the estimate is of (the texts of its lines, where known). */
  flow: FlowItem[];
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
  if (doc.kind === 'letter') flow.push(...letterHead(doc, settings, styles));
  flow.push(...titleBlock(doc, styles));
  const keep = keepWithNextFlags(doc.body.map(paragraphOf));
  let breakBefore = false;
  /** The last body block, when it is a paragraph: the one whose last lines go with the signature. */
  let last: { block: BodyParagraph; at: number; options: { pageBreakBefore: boolean; keepNext: boolean } } | null = null;
  for (const [i, block] of doc.body.entries()) {
    if (block.type === 'page-break') {
      breakBefore = true;
      continue;
    }
    const options = { pageBreakBefore: breakBefore, keepNext: keep[i] === true };
    const items = bodyItems(block, styles, options);
    const paragraph = paragraphOf(block);
    last = paragraph ? { block: paragraph, at: flow.length + items.length - 1, options } : null;
    flow.push(...items);
    breakBefore = false;
  }
  if (doc.attachments) flow.push(...attachmentNote(doc.attachments, styles));
  let organ = -1;
  const note = doc.note?.trim() ? noteBlock(doc.note, styles) : [];
  if (doc.signature) {
    const closing = doc.signature.signers ? signersBlock(doc.signature, styles) : signatureBlock(doc.signature, styles, note.length > 0);
    organ = flow.length + closing.length - 2;
    flow.push(...closing);
  }
  flow.push(...note);
  for (const appendix of doc.appendices ?? []) flow.push(...appendixItems(appendix, styles));
  let estimate = layoutFlow(flow, last && organ >= 0 ? { lastBody: last.at, organ } : undefined);
  const carry = estimate.carry;
  if (last && carry) {
    // The signature would stand alone: its page starts with the last lines of the last paragraph, set as a paragraph
    // of its own after a page break; laid out again so the lines of the estimate match the flow's items.
    flow.splice(last.at, 1, ...carriedParagraph(last.block, styles, last.options, carry.breakAt));
    estimate = { ...layoutFlow(flow), carry };
  }
  const children: (Paragraph | Table)[] = flow.map((item) => ('table' in item ? item.table : (item as Placed).paragraph));
  const first: ISectionOptions = {
    properties: sectionProperties(doc.kind),
    ...(usesPageNumbers(doc.kind) ? { footers: pageNumberFooters(styles, { firstPage: doc.kind !== 'letter' }) } : {}),
    children,
  };
  if (doc.kind !== '公文') return { sections: [first], estimate, flow };

  if (!doc.imprint) throw new Error('公文须有版记（印发日期）');
  const block = imprintBlock(doc.imprint, settings, styles);
  const placement = placeImprint(estimate, block.lines);
  if (placement === 'same-page') {
    children.push(block.table, block.anchor);
    return { sections: [first], estimate, flow, imprint: placement };
  }
  const imprintSection: ISectionOptions = {
    properties: { ...sectionProperties(doc.kind), type: SectionType.EVEN_PAGE },
    // Without footers of its own the section would inherit the numbered ones.
    ...(placement === 'after-blank-page' ? { footers: blankFooters() } : {}),
    // The section must start with a paragraph: LibreOffice puts a section's page break on its first paragraph, and
    // a floating table's cells are moved into a frame, taking the break with them.
    children: [sectionStart(), block.table, block.anchor],
  };
  if (placement === 'next-even-page') return { sections: [first, imprintSection], estimate, flow, imprint: placement };
  // The blank page is a page of its own rather than one the word processor inserts for the even-page break, so no
  // application prints a number on it. Should the estimate be off, the even-page break still keeps the count even.
  const blankPage: ISectionOptions = {
    properties: { ...sectionProperties(doc.kind), type: SectionType.NEXT_PAGE },
    footers: blankFooters(),
    children: [sectionStart()],
  };
  return { sections: [first, blankPage, imprintSection], estimate, flow, imprint: placement };
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

/** A body block as a paragraph for the keep-with-next rules; tables, pictures and titles are none. */
function paragraphOf(block: BodyBlock): BodyParagraph | undefined {
  return (block.type === undefined || block.type === 'paragraph') && block.variant === undefined ? block : undefined;
}

/** A page break is carried by the next block rather than by a paragraph of its own, which would take a line. */
function bodyItems(block: Exclude<BodyBlock, { type: 'page-break' }>, styles: RunStyles, options: { pageBreakBefore: boolean; keepNext: boolean }): FlowItem[] {
  const breakBefore = options.pageBreakBefore;
  if (block.type === 'table' || block.type === 'image') {
    const table: FlowItem = block.type === 'table' ? formTable(block.table, styles) : imageTable(block);
    if (!breakBefore) return [table];
    const breaker = new OffGridParagraph({ pageBreakBefore: true, indent: { firstLine: 0 }, spacing: { line: 20, lineRule: LineRuleType.EXACT } });
    return [{ paragraph: breaker, lines: 0, pageBreak: true }, table];
  }
  const placed = bodyParagraph(block, styles, options);
  return [breakBefore ? { ...placed, pageBreak: true } : placed];
}

/**
 * An attachment after the signature (GB/T 9704 8): from a new page, 附件N in 黑体 flush left on the first line, the
 * title centred on the third, a blank line, then its blocks.
 */
function appendixItems(appendix: AppendixInput, styles: RunStyles): FlowItem[] {
  const label = bodyParagraph({ text: appendix.label, flush: true }, { ...styles, body: styles.heading1 }, { pageBreakBefore: true });
  const out: FlowItem[] = [label, blankLine(), centredLines(appendix.title, styles.title, SIZE.erHao), blankLine()];
  const keep = keepWithNextFlags(appendix.body.map(paragraphOf));
  let breakBefore = false;
  for (const [i, block] of appendix.body.entries()) {
    if (block.type === 'page-break') {
      breakBefore = true;
      continue;
    }
    out.push(...bodyItems(block, styles, { pageBreakBefore: breakBefore, keepNext: keep[i] === true }));
    breakBefore = false;
  }
  return out;
}

function sectionStart(): Paragraph {
  return new OffGridParagraph({ indent: { firstLine: 0 }, spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 } });
}

