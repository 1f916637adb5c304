import type { EvaluateeCategory } from '../domain/evaluatees';
import type { ReportMode } from '../domain/evaluations';
import type { MemberOpinion, OpinionContent, OpinionRecord, OpinionStatus } from '../domain/opinions';
import type { MemberRole } from '../domain/people';

/** One evaluation of a year with the state of its opinion: a row of the 评议意见 list. */
export interface OpinionRow {
  year: number;
  evaluationId: string;
  evaluateeId: string;
  name: string;
  unitName: string;
  position: string;
  category: EvaluateeCategory;
  mode: ReportMode;
  stageLabel: string;
  meetingId: string | null;
  meetingName: string | null;
  meetingDate: string | null;
  /** 等次 and 满意率 of the evaluation's vote, once announced. */
  voteOutcome: string | null;
  voteRateText: string | null;
  memberOpinions: number;
  opinionId: string | null;
  status: OpinionStatus | 'none';
  statusLabel: string;
  versionNo: number | null;
  councilDate: string | null;
  docNumber: string | null;
  issueDate: string | null;
  deliveryDate: string | null;
  receivedBy: string | null;
  /** Placeholders of the prefill still in the current draft. */
  placeholders: number;
}

export interface OpinionListView {
  today: string;
  year: number;
  /** Years on record, for the year picker. */
  years: number[];
  rows: OpinionRow[];
}

/** What the app knows that the secretariat compiles the opinion from (shown beside the editor). */
export interface OpinionMaterial {
  meeting: { id: string; name: string; date: string } | null;
  vote: {
    outcome: string;
    rateText: string;
    countsText: string;
    ruleText: string;
    arithmetic: string[];
    failing: boolean;
  } | null;
  /** Questions asked at the meeting (随机询问), not cancelled, in order. */
  questions: { memberName: string; memberRole: MemberRole; topic: string; questionText: string; notes: string; done: boolean }[];
  /** 事前调研 findings: the 存在问题 paragraphs of the 调研报告 entered for the evaluation. */
  findings: string[];
}

/** Fixed parts of the document, from the organisation settings. */
export interface OpinionDocInfo {
  organHeader: string;
  signatureOrgan: string;
  copyTo: string[];
  issuingOffice: string;
  docPrefix: string;
  /** Meeting-name prefix (县) and term, for the note under the title. */
  meetingPrefix: string;
  session: number;
}

export interface OpinionDetail {
  today: string;
  row: OpinionRow;
  record: OpinionRecord | null;
  memberOpinions: MemberOpinion[];
  material: OpinionMaterial;
  /** The roster, for picking who gave an opinion. */
  members: { id: string; name: string; role: MemberRole }[];
  doc: OpinionDocInfo;
  /** planDays null: the county asks for no rectification plan. */
  deadlines: { planDays: number | null; reportMonths: number; reReportMonths: number };
  /** Next free number of the settings' prefix in the current year (a suggestion only). */
  suggestedNumber: string;
  /** What the prefill lacked (no vote yet, no minutes…), shown beside the editor. */
  hints: string[];
}

export interface NumberSuggestion {
  suggestion: string;
  /** Numbers with the prefix and year already used in the app, ascending. */
  taken: string[];
}

export interface PendingOpinion {
  year: number;
  evaluationId: string;
  name: string;
  unitName: string;
  since: string | null;
  docNumber: string | null;
}

export interface RectificationDeadline {
  year: number;
  evaluationId: string;
  name: string;
  unitName: string;
  docNumber: string;
  /** The first delivery: the deadlines count from it. */
  deliveredOn: string;
  /** Each deadline below is the open one, or null (none asked for, the thing arrived, or not on this path). */
  /** 整改方案: only when the county asks for a plan. */
  planDue: string | null;
  /** 整改情况报告 (not on the failing path, where the re-report replaces it). */
  reportDue: string | null;
  /** 不满意: the re-report at the first meeting on or after announcement + the months, or that earliest day while no meeting is scheduled. */
  reReportDue: string | null;
}

/** The workbench's view of opinions: what waits for which step, and the deadlines they started. */
export interface PendingOpinions {
  today: string;
  awaitingCouncil: PendingOpinion[];
  awaitingIssue: PendingOpinion[];
  awaitingDelivery: PendingOpinion[];
  deadlines: RectificationDeadline[];
}

export type { OpinionContent };
