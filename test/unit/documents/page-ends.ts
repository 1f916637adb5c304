import { buildOpinionDocument, type DocumentSettings, type OfficialDocInput } from '../../../electron/services/documents';
import { copyToLine } from '../../../electron/services/documents/imprint';
import type { DocumentPlan } from '../../../electron/services/documents/render';
import { copyToList, opinionDocSettings } from '../../../electron/services/opinions/doc-settings';
import { opinionInput } from '../../../electron/services/opinions/export';
import { councilNote, printedBody, type OpinionContent, type OpinionVersion } from '../../../shared/domain/opinions';
import { defaultSettings } from '../../../shared/domain/settings';
import { formatDateCn } from '../../../shared/format/dates';
import type { PreviewInput, PreviewLayout } from '../../../renderer/src/desk/opinions/preview-layout';
import { linesOf, PT_PER_MM, type Word } from './libreoffice';

/**
 * What ends each page, three ways: the A4 preview's layout, the generator's page estimate and LibreOffice's PDF. Texts
 * are compared without spaces (pdftotext puts spaces between Han characters and digits). Numbers from
 * documents-gbt9704.md: the type area runs from 37 mm to 297 − 35 = 262 mm.
 */

const TOP_MM = 37;
const BOTTOM_MM = 262;
const mm = (pt: number) => pt / PT_PER_MM;
const squeeze = (text: string) => text.replace(/\s/g, '');

const ORGANISATION = { ...defaultSettings(2024).organisation, fullName: '青岚县人民代表大会常务委员会' };
const UNIT = '县教育局';

/** One opinion as the preview shows it and as the generator writes it, from the same draft (as the app pairs them). */
export function opinionPair(content: OpinionContent, sitting: number | null = null): { preview: PreviewInput; doc: OfficialDocInput; settings: DocumentSettings; imprintText: string[] } {
  const version: OpinionVersion = {
    no: 1,
    createdAt: '',
    updatedAt: '',
    reason: '',
    content,
    council: { date: '2024-10-30', sitting },
    issue: { docNumber: 'X人常〔2024〕5号', issueDate: '2024-11-01' },
    delivery: null,
  };
  const settings = opinionDocSettings(ORGANISATION);
  const doc = buildOpinionDocument(opinionInput(version, { name: '张明', unitName: UNIT, organisation: ORGANISATION, session: 19 }));
  const copyTo = copyToLine(copyToList(ORGANISATION, UNIT));
  const issued = `${formatDateCn('2024-11-01')}印发`;
  const preview: PreviewInput = {
    header: settings.organHeader.text,
    docNumber: 'X人常〔2024〕5号',
    numberPending: false,
    title: '关于对张明同志履职情况的评议意见',
    titleNote: sitting ? councilNote(formatDateCn('2024-10-30'), '县', 19, sitting) : null,
    addressee: content.addressee,
    body: printedBody(content),
    signature: { organ: ORGANISATION.fullName, date: formatDateCn('2024-10-30') },
    imprint: { copyTo, office: settings.issuingOffice, issued },
  };
  return { preview, doc, settings, imprintText: imprintTextOf(doc, settings) };
}

/** The 版记's lines (抄送 list; office and date), which the page ends leave out. */
export function imprintTextOf(doc: OfficialDocInput, settings: DocumentSettings): string[] {
  if (!doc.imprint) return [];
  const copyTo = copyToLine([...(doc.imprint.copyTo ?? settings.copyTo), ...(doc.imprint.extraCopyTo ?? [])]);
  return [squeeze(copyTo), squeeze(`${doc.imprint.issuingOffice ?? settings.issuingOffice}${formatDateCn(doc.imprint.issueDate)}印发`)];
}

/** The last line of text on each page of the preview ('' for a page without body text). */
export function previewPageEnds(layout: PreviewLayout): string[] {
  return layout.pages.map((page) => {
    const lines = page.lines.filter((l) => l.text.trim() !== '');
    const last = lines.reduce<(typeof lines)[number] | undefined>((a, b) => (a && a.line > b.line ? a : b), undefined);
    return squeeze(last?.text ?? '');
  });
}

/**
 * The last line of text on each page of the generator's estimate ('' for the blank and 版记 pages it adds). A page
 * that ends with a table row ends with `row:` and the row's cells.
 */
export function planPageEnds(plan: DocumentPlan): string[] {
  const ends = new Map<number, { line: number; text: string }>();
  const note = (at: number, text: string) => {
    const page = Math.floor(at / 22);
    const known = ends.get(page);
    if (text !== '' && (!known || known.line <= at)) ends.set(page, { line: at, text });
  };
  plan.flow.forEach((item, i) => {
    const at = plan.estimate.at[i] ?? [];
    if ('rowLines' in item && item.rowLines) {
      item.rowLines.forEach((lines, r) => note((at[r] ?? 0) + lines - 1, item.rowText?.[r] ? `row:${item.rowText[r].join('|')}` : ''));
    } else if ('text' in item && item.text) {
      item.text.forEach((text, n) => note(at[n] ?? 0, squeeze(text)));
    }
  });
  const extra = plan.imprint === 'next-even-page' ? 1 : plan.imprint === 'after-blank-page' ? 2 : 0;
  return Array.from({ length: plan.estimate.pages + extra }, (_, page) => ends.get(page)?.text ?? '');
}

/** The text lines in the type area of each page of a PDF, without the 版记's lines. */
export function pdfPageLines(pages: readonly Word[][], imprint: readonly string[] = []): string[][] {
  return pages.map((page) =>
    linesOf(page)
      .filter((l) => mm(l.yMax) > TOP_MM && mm(l.yMax) < BOTTOM_MM + 1)
      .map((l) => squeeze(l.text))
      .filter((text) => text !== '' && !imprint.includes(text)),
  );
}

/** The last text line of each page of a PDF, without the 版记. */
export function pdfPageEnds(pages: readonly Word[][], imprint: readonly string[] = []): string[] {
  return pdfPageLines(pages, imprint).map((lines) => lines.at(-1) ?? '');
}

/** A page end of the estimate matches the PDF's: the same text, or for a table row, a row holding its cells. */
export function sameEnd(estimated: string, pdfLines: readonly string[]): boolean {
  if (!estimated.startsWith('row:')) return (pdfLines.at(-1) ?? '') === estimated;
  // A row of several lines: its cells' texts are spread over the page's last lines, long ones wrapped.
  const cells = estimated
    .slice(4)
    .split(/[|\n]/)
    .map(squeeze)
    .filter((c) => c !== '' && c.length <= 6);
  const tail = pdfLines.slice(-4).join('');
  return cells.every((c) => tail.includes(c));
}
