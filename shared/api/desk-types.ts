import type { LaterCandidate } from '../loop/later';
import type { CoverageConflict, CoverageCounts, CoverageStatus } from '../domain/coverage';
import type { Evaluatee } from '../domain/evaluatees';
import type { Evaluation, ReportMode } from '../domain/evaluations';
import type { LoopStage } from '../loop/stage';
import type { LoopOverview } from './loop-types';
import type { Meeting, MeetingStatus } from '../domain/meetings';
import type { Unit } from '../domain/people';
import type { Term } from '../domain/settings';

/** 工作台: figures computed from the records, never typed in. */
export interface DeskOverview {
  today: string;
  /** The year shown: the current year while it is in the term, else the term's first or last year. */
  year: number;
  term: Term;
  orgShortName: string;
  demo: boolean;
  /**
   * This year's evaluations by the stage derived from their records (escalated included), every
   * stage listed (zero included) in process order.
   */
  stages: { stage: LoopStage; label: string; count: number }[];
  /**
   * The closed loop's deadlines of every year: what is due within 30 days, everything overdue and
   * every re-report with no meeting yet; overdue first. Nothing drops off by age.
   */
  due: LoopOverview['due'];
  evaluationsThisYear: number;
  reportInPerson: number;
  writtenReports: number;
  nextMeeting: MeetingSummary | null;
  coverage: CoverageCounts;
  members: { total: number; active: number };
  evaluatees: { total: number; inPost: number };
}

export interface MeetingSummary {
  id: string;
  name: string;
  date: string;
  place: string;
  year: number;
  status: MeetingStatus;
  statusLabel: string;
  reportItems: number;
  writtenItems: number;
  /** The meeting's own votes (民主测评). */
  voteItems: number;
  /** Hearings of an earlier evaluation's rectification report (or re-report). */
  hearingItems: number;
  /** Later votes of earlier evaluations (满意度测评, 整改情况测评). */
  laterVoteItems: number;
}

export interface EvaluateeRow extends Evaluatee {
  unitName: string;
  coverage: CoverageStatus | 'outside-term';
  /** Years (any) in which the person is planned or was evaluated. */
  plannedYears: number[];
  /** Name of the predecessor when this record came from a post changing hands. */
  predecessorName?: string;
}

export interface PlanCell {
  evaluationId: string;
  year: number;
  /** Derived from the records (shared/loop deriveStage). */
  stage: LoopStage;
  stageLabel: string;
  mode: ReportMode;
  held: boolean;
  conflict: boolean;
}

export interface PlanRow {
  evaluateeId: string;
  name: string;
  category: Evaluatee['category'];
  unitName: string;
  position: string;
  ended: boolean;
  endedDate?: string;
  status: CoverageStatus;
  cells: (PlanCell | null)[];
  plannableYears: number[];
}

export interface PlanView {
  term: Term;
  years: number[];
  rows: PlanRow[];
  conflicts: CoverageConflict[];
  counts: CoverageCounts;
}

export interface MeetingDetail {
  meeting: Meeting;
  /** Agenda items the meeting has begun on (itemId → what happened, e.g. 已进行随机询问): they stay on the agenda. */
  started: Record<string, string>;
  /** The evaluatees the agenda refers to, and those planned in the meeting's year (to add). */
  evaluatees: (Evaluatee & { unitName: string })[];
  /** Evaluations of the meeting's year: who can be put on the agenda. */
  planned: Evaluation[];
  /**
   * Earlier evaluations (any year) waiting for a hearing of their rectification report or a later
   * vote (满意度测评; after a failing result the re-report and 整改情况测评), with the re-report's
   * suggested meeting in words.
   */
  later: LaterCandidate[];
  /** 列席人员 named from the 人员库, in the order chosen; ids no longer on record are left out. */
  attendees: string[];
}

export type UnitRow = Unit & { evaluatees: number };
