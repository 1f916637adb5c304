import type { AuditAction, Amendment, CountingMode, GroupId, StoredResult } from '../domain/vote-round';
import type { QuorumCheck } from '../live/quorum';
import type { RoundState, RuleSnapshot, Counts, GradeLabels, Mark, RoundResults } from '../vote';

/**
 * The hall's vote slide. Before announcement it is `progress` and carries sheets counted and
 * returned, nothing more: no counts, grades or rates exist in it, so the hall's stream cannot leak
 * the split. After announcement (`result`) it carries one page of the published results.
 */
export type HallVoteContent = HallVoteProgress | HallVoteResult | HallVoteVoid;

interface HallVoteBase {
  kind: 'vote';
  meetingName: string;
  /** The vote item's title, e.g. 政府组成部门负责人满意度测评. */
  title: string;
  roundNo: number;
}

export interface HallVoteProgress extends HallVoteBase {
  phase: 'progress';
  /** 即将发票 / 正在投票 / 正在计票 / 计票完毕，等待公布 */
  status: string;
  names: string[];
  groups: { label: string; issued: number | null; returned: number | null; counted: number }[];
}

export interface HallVoteVoid extends HallVoteBase {
  phase: 'void';
}

export interface HallVoteRow {
  name: string;
  satisfied: number;
  basic: number;
  unsatisfied: number;
  /** Blank and invalid together (the console and documents keep them apart). */
  other: number;
  rateText: string;
  outcome: string;
  failing: boolean;
  /** Why the grade is not the best one, with this row's numbers (满意 14 票，未达应到 30 人的半数); null for the best. */
  explain: string | null;
}

export interface HallVoteResult extends HallVoteBase {
  phase: 'result';
  amended: boolean;
  /** 常委会组成人员, or a group counted apart. */
  groupLabel: string;
  binding: boolean;
  page: number;
  pageCount: number;
  gradeLabels: GradeLabels;
  /** 空白/无效 or 弃权/无效, as the rule's blank policy calls them. */
  otherLabel: string;
  rows: HallVoteRow[];
  /** 应到30人 实到28人 发出28张 收回28张 */
  contextText: string;
  ruleSummary: string;
}

export interface VotePerson {
  id: string;
  name: string;
  unitName: string;
  position: string;
}

export interface VoteSheetView {
  no: number;
  /** The keys as typed: 1 满意, 2 基本满意, 3 不满意, 0 空白, 9 无效 — e.g. "123". */
  keys: string;
  at: string;
  corrected: boolean;
}

export interface VoteMismatch {
  evaluateeIndex: number;
  mark: Mark;
  first: number;
  second: number;
  message: string;
}

export interface VoteGroupView {
  id: GroupId;
  label: string;
  binding: boolean;
  mode: CountingMode;
  entitled: number | null;
  present: number | null;
  issued: number | null;
  returned: number | null;
  /** Sheets keyed (sheet mode); the whole list, newest last. */
  sheets: VoteSheetView[];
  /** Sheets counted so far (sheet mode: keyed; otherwise returned once the counts are in). */
  counted: number;
  /** Counts per evaluatee now; null while not entered or, in double count, not yet agreed. */
  tally: Counts[] | null;
  double: {
    firstEntered: boolean;
    secondEntered: boolean;
    /** Both entries, only once the second is in: the second teller never sees the first. */
    first: Counts[] | null;
    second: Counts[] | null;
    mismatches: VoteMismatch[];
    confirmedBy: string | null;
  };
  amended: boolean;
  /** The entered data cannot be switched to another mode. */
  modeLocked: boolean;
}

export interface VoteRoundView {
  id: string;
  number: number;
  state: RoundState;
  stateLabel: string;
  evaluatees: VotePerson[];
  tellers: string[];
  scrutineers: string[];
  rule: RuleSnapshot;
  groups: VoteGroupView[];
  /** Hard checks failing now, in Chinese with the numbers (counting and checked rounds). */
  failures: string[];
  /** Why each next step cannot be taken now ([] when it can). */
  blockers: { open: string[]; close: string[]; check: string[]; announce: string[] };
  /** The grading of the current counts, for the console only, while nothing fails. */
  preview: RoundResults | null;
  result: StoredResult | null;
  amendments: Amendment[];
  preparedAt: string;
  openedAt: string | null;
  closedAt: string | null;
  checkedAt: string | null;
  announcedAt: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  hallPage: number;
  hallPageCount: number;
  auditCount: number;
}

export interface VoteItemView {
  agendaItemId: string;
  /** Position in the agenda (0-based). */
  index: number;
  title: string;
  /** The vote's name in the settings for its kind: 民主测评, 满意度测评 or 整改情况测评. */
  kindTitle: string;
  evaluatees: VotePerson[];
  rounds: VoteRoundView[];
  /** Why a new round cannot be prepared now, or null. */
  prepareBlockedBy: string | null;
}

export interface VoteConsoleState {
  meetingId: string;
  meetingName: string;
  rehearsal: boolean;
  /** The meeting partition's live rev (every vote change bumps it). */
  rev: number;
  /** The meeting is in session (a round can open only then). */
  running: boolean;
  quorum: QuorumCheck;
  attendees: { deputies: number; citizens: number };
  markLabels: Record<Mark, string>;
  gradeLabels: GradeLabels;
  /** The rule the settings select now (a round keeps its own snapshot). */
  currentRule: { text: string; summary: string; policyText: string };
  items: VoteItemView[];
}

export interface VoteAuditView {
  seq: number;
  at: string;
  roundNo: number;
  groupLabel: string | null;
  action: AuditAction;
  actionLabel: string;
  no: number | null;
  detail: string;
  reason: string | null;
}

export interface VoteAuditCsv {
  filename: string;
  /** UTF-8 text starting with a BOM, so Excel opens the Chinese correctly. */
  text: string;
}
