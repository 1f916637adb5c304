export { planDocument, renderOfficialDocument, type DocumentPlan, type ImprintPlacement } from './render';
export { writeDocxAtomically } from './write-docx';
export {
  documentSettingsSchema,
  organHeaderSchema,
  defaultDocumentSettings,
  FONT_PROFILES,
  FONT_PROFILE_LABELS,
  type DocumentSettings,
  type DocumentSettingsInput,
  type FontProfileName,
  type OrganHeaderSettings,
} from './settings';
export {
  DOCUMENT_KINDS,
  type BodyBlock,
  type BodyParagraph,
  type DocumentKind,
  type ImprintInput,
  type OfficialDocInput,
  type PageBreakBlock,
  type ParagraphLevel,
  type SignatureInput,
  type TableBlock,
  type TableCellInput,
  type TableInput,
} from './model';
export { buildOpinionDocument, opinionTitle, OPINION_SECTIONS, type OpinionContent, type OpinionInput } from './builders/opinion';
export { buildMinutesDocument, type MinutesEvaluatee, type MinutesInput, type MinutesQuestion } from './builders/minutes';
export { formTable, columnWidths, type PlacedTable } from './tables';
export { FONT_NAMES } from './fonts';
export { WORD_JOINER } from './title-lines';
