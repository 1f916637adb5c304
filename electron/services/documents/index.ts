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
  type ImageBlock,
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
export {
  buildAnnouncementDocument,
  resultsTable,
  type AnnouncementInput,
  type AnnouncementRoundInput,
  type ChartImageInput,
  type GradeLabelsInput,
  type ResultGroupInput,
  type ResultRowInput,
} from './builders/announcement';
export {
  buildResearchReportDocument,
  DEFAULT_RESEARCH_GROUP,
  RESEARCH_SECTIONS,
  type ResearchMemberInput,
  type ResearchMethodsInput,
  type ResearchReportInput,
} from './builders/research-report';
export {
  buildCombinedResearchReport,
  buildNoticeDocument,
  buildQuestionnaireForm,
  type CombinedReportInput,
  type CombinedSectionInput,
  type NoticeInput,
  type QuestionnaireFormInput,
} from './builders/research-papers';
export { buildBallotDocument, ballotTitle, defaultBallotSheets, type BallotEvaluateeInput, type BallotInput } from './builders/ballot';
export { buildSignInDocument, type SignInInput, type SignInMemberInput } from './builders/sign-in';
export { buildCountReportDocument, type CountReportInput, type CountRowInput } from './builders/count-report';
export { buildDeliveryReceiptDocument, type DeliveryReceiptInput } from './builders/delivery-receipt';
export { renderResultsChartPng, renderAnnouncementCharts, type ChartRowInput, type ResultsChart, type ResultsChartOptions } from './chart-image';
export { formTable, columnWidths, type PlacedTable } from './tables';
export { FONT_NAMES } from './fonts';
export { WORD_JOINER } from '../../../shared/documents/title-lines';
export {
  buildSupervisionLetterDocument,
  supervisionLetterTitle,
  type OverdueItemInput,
  type SupervisionLetterInput,
} from './builders/supervision-letter';
export {
  buildFollowUpReportDocument,
  chineseNumber,
  DEFAULT_FOLLOW_UP_GROUP,
  FOLLOW_UP_SECTIONS,
  followUpTitle,
  itemHeading,
  type FollowUpActivityInput,
  type FollowUpCheckInput,
  type FollowUpReportInput,
} from './builders/follow-up-report';
export { buildInterpellationDocument, interpellationTitle, INTERPELLATION_SECTIONS, type InterpellationInput } from './builders/interpellation';
export {
  buildLedgerDocument,
  buildResultUseRegisterDocument,
  type LedgerRowInput,
  type LedgerTableInput,
  type ResultUseRegisterInput,
  type ResultUseRowInput,
} from './builders/loop-registers';
export { letterheadMetrics } from './front-matter';
export {
  buildPlanRequestDocument,
  buildAnnualPlanDocument,
  buildPublicNoticeDocument,
  publicNoticeText,
  publicNoticeTitle,
  planRequestTitle,
  planTableTitle,
  annualPlanTitle,
  type PlanRequestInput,
  type AnnualPlanInput,
  type PublicNoticeInput,
  type PlanPersonInput,
  type PlanYearInput,
} from './builders/plan-papers';
export { buildOperationCardDocument, type CardKeyLine, type OperationCardInput } from './builders/operation-card';
export { buildAnnualReportDocument, annualReportTitle, ANNUAL_REPORT_SECTIONS, type AnnualReportInput, type AnnualFigureInput } from './builders/annual-report';
export { renderStatsCharts } from './stats-charts';
