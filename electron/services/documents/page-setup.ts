import {
  AlignmentType,
  DocumentGridType,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphStylePropertiesOptions,
  type ISectionOptions,
  type IStylesOptions,
} from 'docx';
import type { DocumentKind } from './model';
import type { RunStyle, RunStyles } from './fonts';
import { CHAR, LINE_PITCH, MARGIN, PAGE, SMALL_CHAR } from './geometry';

/**
 * Page, grid, styles and footers of each document kind. The numbers are the ones that render 22 × 28 in
 * LibreOffice 7.4 (documents-gbt9704.md, "Settings that render 22 × 28").
 */

/** Body paragraph: exact 28.95 pt lines, two-character indent, no widow control (missing → LibreOffice turns it on → 21 lines). */
export const BODY_PARAGRAPH = {
  spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  indent: { firstLine: 2 * CHAR },
  widowControl: false,
  alignment: AlignmentType.JUSTIFIED,
} as const satisfies IParagraphStylePropertiesOptions & { widowControl: boolean };

/**
 * Document defaults and the Normal style carry the body settings: LibreOffice takes the grid's character size from
 * Normal, Word starts every paragraph from the defaults.
 */
export function documentStyles(body: RunStyle): IStylesOptions {
  return {
    default: { document: { run: body, paragraph: BODY_PARAGRAPH } },
    paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run: body, paragraph: BODY_PARAGRAPH }],
  };
}

/**
 * The footer fills the 0.97 cm between the footer distance and the bottom margin to within a few twips: taller, it
 * would push the body up a line; as tall as that space, its height does not depend on how a word processor sizes an
 * automatic footer (LibreOffice's copy of the page style for a section that starts on an even page sizes it to its
 * content, which otherwise lowers the bottom of the type area by 7 pt). Exact line: the body's 28.95 pt would be too tall.
 */
const FOOTER_LINE = 400;
const FOOTER_PARAGRAPH = {
  spacing: { line: FOOTER_LINE, lineRule: LineRuleType.EXACT, before: MARGIN.bottom - MARGIN.footer - FOOTER_LINE - 12, after: 0 },
} as const;

function pageNumberFooter(style: RunStyle, odd: boolean): Footer {
  return new Footer({
    children: [
      new Paragraph({
        ...FOOTER_PARAGRAPH,
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: SMALL_CHAR, firstLine: 0 } : { left: SMALL_CHAR, firstLine: 0 },
        children: [new TextRun({ ...style, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function emptyFooter(): Footer {
  return new Footer({ children: [new Paragraph({ ...FOOTER_PARAGRAPH, indent: { firstLine: 0 } })] });
}

/**
 * "— N —": odd pages right, even pages left, one character in from the edge of the type area. A letter's first page
 * carries no number (GB/T 9704 10.1): `firstPage: false` gives it an empty footer of its own (the section sets
 * titlePage).
 */
export function pageNumberFooters(styles: RunStyles, options: { firstPage?: boolean } = {}): NonNullable<ISectionOptions['footers']> {
  const numbered = { default: pageNumberFooter(styles.pageNumber, true), even: pageNumberFooter(styles.pageNumber, false) };
  return options.firstPage === false ? { ...numbered, first: emptyFooter() } : numbered;
}

/** Pages without numbers (the blank page before a 版记 page and the 版记 page): without these they inherit the numbers. */
export function blankFooters(): NonNullable<ISectionOptions['footers']> {
  return { default: emptyFooter(), even: emptyFooter() };
}

export function usesGrid(kind: DocumentKind): boolean {
  return kind !== 'form';
}

export function usesPageNumbers(kind: DocumentKind): boolean {
  return kind !== 'form';
}

export function sectionProperties(kind: DocumentKind): NonNullable<ISectionOptions['properties']> {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: {
        top: MARGIN.top,
        left: MARGIN.left,
        bottom: MARGIN.bottom,
        right: MARGIN.right,
        footer: MARGIN.footer,
        header: MARGIN.header,
        gutter: 0,
      },
    },
    ...(kind === 'letter' ? { titlePage: true } : {}),
    // Lines only: a linesAndChars grid narrows Word's pitch and puts each character in two cells in LibreOffice.
    ...(usesGrid(kind) ? { grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH } } : {}),
  };
}
