import { formatDateCn } from '../../../shared/format/dates';
import { meetingNamePrefix } from '../../../shared/format/chinese-numerals';
import { councilNote, printedParagraphs, type OpinionParagraph, type OpinionVersion } from '../../../shared/domain/opinions';
import type { DocumentFormat } from '../../../shared/domain/document-settings';
import type { Organisation } from '../../../shared/domain/settings';
import { buildOpinionDocument, renderOfficialDocument, type BodyParagraph, type DocumentSettings, type OpinionInput } from '../documents';
import { copyToList, opinionDocSettings } from './doc-settings';

/**
 * An opinion version as the generator's input, and its .docx. The generator prints the four 一、
 * headings itself; the paragraphs under them arrive numbered (numbers come from level and place,
 * never typed) and with their level, which picks the font.
 */

export interface ExportFacts {
  name: string;
  unitName: string;
  organisation: Organisation;
  session: number;
  /** 公文格式 of the settings (`settings.documents`: fonts, red header, red line); the defaults when absent. */
  documents?: DocumentFormat;
}

function blocks(list: readonly OpinionParagraph[]): BodyParagraph[] {
  return printedParagraphs(list).map((p) => ({ level: p.level, text: p.text, ...(p.runIn ? { runIn: p.runIn } : {}) }));
}

export function opinionInput(version: OpinionVersion, facts: ExportFacts): OpinionInput {
  if (!version.issue || !version.council) throw new Error('only an issued version has a number and a date');
  const { content } = version;
  const sitting = version.council.sitting;
  const prefix = meetingNamePrefix(facts.organisation.shortName);
  return {
    docNumber: version.issue.docNumber,
    evaluateeName: facts.name,
    addressee: content.addressee,
    ...(sitting ? { titleNote: councilNote(formatDateCn(version.council.date), prefix, facts.session, sitting) } : {}),
    lead: blocks(content.lead),
    basicEvaluation: blocks(content.sections.basicEvaluation),
    problems: blocks(content.sections.problems),
    suggestions: blocks(content.sections.suggestions),
    rectification: blocks(content.sections.rectification),
    // 成文日期 is the day the council adopted it (GB/T 9704 7.3.5.1); the 版记 carries the issue date.
    signature: { organ: facts.organisation.fullName, date: version.council.date, sealed: true },
    imprint: {
      copyTo: copyToList(facts.organisation, facts.unitName),
      issuingOffice: facts.organisation.issuingOffice,
      issueDate: version.issue.issueDate,
    },
  };
}

/**
 * The .docx in memory: nothing is written anywhere, so a failure leaves no half-written file. The Word
 * settings come from the facts' organisation and 公文格式 unless given (a batch computes them once).
 */
export async function renderOpinion(version: OpinionVersion, facts: ExportFacts, settings?: DocumentSettings): Promise<Buffer> {
  const doc = buildOpinionDocument(opinionInput(version, facts));
  return renderOfficialDocument(doc, settings ?? opinionDocSettings(facts.organisation, facts.documents));
}
