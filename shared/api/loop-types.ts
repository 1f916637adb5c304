import type { Evaluation } from '../domain/evaluations';
import type { Evaluatee } from '../domain/evaluatees';
import type { MeetingOnCalendar } from '../loop/deadlines';
import type { OpenDeadline } from '../loop/due';
import type { ItemRevision, OpinionItem } from '../loop/items';
import type { LedgerSummary } from '../loop/ledger';
import type {
  Closure,
  EscalationStep,
  FollowUpResearch,
  LaterVote,
  LedgerEntry,
  RectificationPlan,
  RectificationReport,
  ResultUse,
} from '../loop/schemas';
import type { LoopStage, LoopState } from '../loop/stage';

/**
 * What the desk's 跟踪整改 screens and the workbench receive about the closed loop. Every figure,
 * stage and deadline is derived by the services from the stored records (shared/loop), never typed.
 */

/** A meeting as the loop screens pick and show it. */
export interface LoopMeeting extends MeetingOnCalendar {
  year: number;
  status: 'planned' | 'in-progress' | 'closed';
}

/** One evaluation in the 跟踪整改 list (every evaluation past its meeting's vote, and any with loop records). */
export interface LoopCaseRow {
  evaluationId: string;
  year: number;
  evaluateeId: string;
  name: string;
  unitName: string;
  position: string;
  category: Evaluatee['category'];
  /** Whether the evaluatee still holds the post (the chain continues after they leave it). */
  inPost: boolean;
  state: LoopState;
  stageLabel: string;
  /** The meeting's vote in words (满意, 基本满意 …), '' before it is announced. */
  outcome: string;
  /** The opinion's document number once issued; '' before. */
  opinionNumber: string;
  deliveredOn: string | null;
  /** Items delivered, and how many the ledger shows as 已完成 or 需长期坚持. */
  items: number;
  itemsDone: number;
  deadlines: OpenDeadline<LoopMeeting>[];
}

/** The later vote with the meeting it was on, for lists. */
export interface LaterVoteView extends LaterVote {
  meetingName: string;
  meetingDate: string;
  /** The vote's title as printed (settings' voteTitles). */
  title: string;
}

/** A member as the proposer pickers show them: inactive members stay on record but may not propose. */
export interface LoopMemberOption {
  id: string;
  name: string;
  role: string;
  active: boolean;
}

/** Everything the case screen shows about one evaluation. */
export interface LoopCase extends LoopCaseRow {
  /** The service's day, 'YYYY-MM-DD': the desk's date defaults and day counts use it, never the browser's clock. */
  today: string;
  evaluation: Evaluation;
  evaluatee: Evaluatee;
  opinion: { id: string; versionNo: number | null; docNumber: string; deliveredOn: string | null } | null;
  /** The items of the last issued version (frozen) and each re-issue's changes. */
  issued: { items: OpinionItem[]; revisions: ItemRevision[] };
  ledger: LedgerEntry[];
  /** Ledger entries whose item the last issue no longer has (kept, never deleted). */
  orphaned: number[];
  summary: LedgerSummary;
  plan: RectificationPlan | null;
  report: RectificationReport | null;
  followUp: FollowUpResearch | null;
  laterVotes: LaterVoteView[];
  escalation: EscalationStep[];
  closure: Closure | null;
  resultUses: ResultUse[];
  /** For the pickers: members with their state, every meeting on record, the thresholds in force. */
  members: LoopMemberOption[];
  meetings: LoopMeeting[];
  thresholds: { activeMembers: number; interpellationMin: number; investigationMin: number };
}

/** The workbench's part of the loop: what is due in 30 days and everything overdue, and stage counts. */
export interface LoopOverview {
  today: string;
  /** One row per open deadline, overdue first, then by due day. */
  due: (OpenDeadline<LoopMeeting> & { evaluationId: string; year: number; name: string; unitName: string })[];
  /** Every evaluation of every year by its derived stage (zero included), in process order. */
  stages: { stage: LoopStage; label: string; count: number }[];
  /** Escalated cases, open. */
  escalated: number;
}

/** An evidence file staged for attaching: uploaded (browser) or picked (desktop), not yet stored. */
export interface StagedUpload {
  uploadId: string;
  name: string;
  size: number;
}
