import type { LaterCandidate } from '../loop/later';
import type { CoverageConflict, CoverageCounts, CoverageStatus } from '../domain/coverage';
import type { Evaluatee } from '../domain/evaluatees';
import type { Evaluation, ReportMode, Stage } from '../domain/evaluations';
import type { Meeting, MeetingStatus } from '../domain/meetings';
import type { Unit } from '../domain/people';
import type { Term } from '../domain/settings';

/** 工作台: figures computed from the records, never typed in. */
export interface DeskOverview {
  today: string;
  year: number;
  term: Term;
  orgShortName: string;
  demo: boolean;
  /** This year's evaluations by stage, every stage listed (zero included) in process order. */
  stages: { stage: Stage; label: string; count: number }[];
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
  stage: Stage;
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
}

export type UnitRow = Unit & { evaluatees: number };
