import { expect } from 'vitest';
import { element, footerOf, inner, paragraphs, sectionProperties, textOf, type DocxParts } from './docx-xml';

/*
 * Checks shared by the paper specs, against the layout section of electron/services/documents/README.md.
 * Numbers are copied from the specification, never imported from the generator.
 */

/** A4 portrait with the GB/T 9704 margins (top 37 mm, left 28 mm, bottom 35 mm, right 26 mm) on every section. */
export function expectPageA4(docx: DocxParts): void {
  const sections = sectionProperties(docx.document);
  expect(sections.length).toBeGreaterThanOrEqual(1);
  for (const sect of sections) {
    expect(element(sect, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(element(sect, 'w:pgMar')).toMatchObject({ 'w:top': '2098', 'w:left': '1588', 'w:bottom': '1984', 'w:right': '1474' });
  }
}

/** The 22-line grid (line pitch 28.95 pt) on every section, without a character grid. */
export function expectGrid(docx: DocxParts): void {
  for (const sect of sectionProperties(docx.document)) {
    const grid = element(sect, 'w:docGrid');
    expect(grid).toMatchObject({ 'w:type': 'lines', 'w:linePitch': '579' });
    expect(grid?.['w:charSpace']).toBeUndefined();
  }
}

/** "— 1 —" page numbers in 4号 on odd and even pages. */
export function expectPageNumbers(docx: DocxParts): void {
  expect(docx.settings).toMatch(/<w:evenAndOddHeaders\/>/);
  const first = sectionProperties(docx.document)[0] ?? '';
  for (const type of ['default', 'even'] as const) {
    const footer = footerOf(docx, first, type) ?? '';
    expect(textOf(footer)).toBe('\u2014  \u2014');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(element(inner(footer, 'w:rPr') ?? '', 'w:sz')).toMatchObject({ 'w:val': '28' });
  }
}

/** Every text of the paper, titles and table cells included, without the word joiners that glue names. */
export function allText(docx: DocxParts): string {
  return paragraphs(docx.document)
    .map((p) => textOf(p))
    .join('\n')
    .replaceAll('\u2060', '');
}
