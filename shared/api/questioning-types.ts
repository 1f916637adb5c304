import type { DrawLogEntry, DrawScope } from '../draw/log-schema';
import type { EmptyReason } from '../draw/candidates';
import type { MeetingStatus } from '../domain/meetings';
import type { MemberRole } from '../domain/people';
import type { Question, QuestioningSettings, QuestionRecord } from '../domain/questioning';
import type { TimerState } from '../live/timer';

/**
 * The hall's questioning slide: the draw settling on a name, then the questioner, the question if
 * one was drawn, and the answer or follow-up timer. Built from public facts only: never the
 * secretary's notes.
 */
export interface HallDrawContent {
  kind: 'draw';
  meetingName: string;
  /** 随机询问 */
  stageLabel: string;
  itemNo: number;
  itemCount: number;
  evaluatee: { name: string; unitName: string; position: string };
  /** The draw-log entry: the hall animates once per draw and records when it painted it. */
  drawId: string;
  /** 第几个提问 for this evaluatee (standing questions, in order). */
  questionNo: number;
  /** Display names of the candidates, in roster order: what the animation runs through. */
  candidates: string[];
  member: { name: string; role: MemberRole };
  /** Services' clock (ms) at which the animation settles on the name, whenever the hall started it. */
  settleAt: number;
  question: { topic: string; text: string } | null;
  /**
   * Who has the floor: the questioner before any timer ran ('ask', 请提问), the evaluatee once
   * the answer timer started ('answer', 回答中), the questioner again on a follow-up ('followUp').
   */
  floor: 'ask' | 'answer' | 'followUp';
  timer: (TimerState & { label: string }) | null;
}

/** A research finding as the questioning names it: its id and (a start of) its text. */
export interface FindingRef {
  id: string;
  text: string;
}

export interface QuestioningMemberRef {
  id: string;
  name: string;
  role: MemberRole;
}

export interface EvaluateeRef {
  id: string;
  name: string;
  unitName: string;
  position: string;
}

export interface QuestionRecordView extends QuestionRecord {
  /** 第几次抽取 for this evaluatee (cancelled draws keep their number). */
  drawOrdinal: number;
  /** 第几个提问 for this evaluatee among the questions not cancelled; null for a cancelled one. */
  questionNo: number | null;
}

/** One log entry in words, for the console's log view. */
export interface DrawLogLine {
  id: string;
  type: DrawLogEntry['type'];
  at: string;
  text: string;
  cancelled: boolean;
}

/** What the console's questioning panel shows; the notes are here, never in the hall's view. */
export interface QuestioningState {
  serverNow: number;
  /** The live session's rev when this was made (orders racing answers and events). */
  rev: number;
  meetingId: string | null;
  rehearsal: boolean;
  /** Why nothing can be drawn now (not at 随机询问, meeting not running), or null. */
  blockedBy: string | null;
  evaluatee: EvaluateeRef | null;
  settings: QuestioningSettings;
  scope: { scope: DrawScope; scopeId: string; label: string; cycle: number } | null;
  /** Present, not excluded, not yet asked in scope and cycle, in roster order. */
  candidates: QuestioningMemberRef[];
  /** Present but excluded by the settings. */
  excluded: QuestioningMemberRef[];
  /** Asked in the scope's current cycle, in the order drawn. */
  asked: QuestioningMemberRef[];
  presentCount: number;
  empty: { reason: EmptyReason; message: string } | null;
  /** Everyone in scope has asked: the console offers 开始新一轮. */
  offerNewCycle: boolean;
  current: QuestionRecordView | null;
  /** This evaluatee's questions, in the order drawn (cancelled ones too, marked). */
  records: QuestionRecordView[];
  /** This evaluatee's question bank, in bank order. */
  bank: Question[];
  /** Members present, in roster order: who may be entered as asking without a draw (自由提问). */
  present: QuestioningMemberRef[];
  /** The research findings of this evaluatee's evaluation this year, which a minuted question may name. */
  findings: FindingRef[];
  logTail: DrawLogLine[];
  logCount: number;
}

export interface BankEvaluatee extends EvaluateeRef {
  mode: 'report' | 'written';
  itemIndex: number;
}

/** The desk's question bank screen: one meeting's evaluatees, their questions and the minutes. */
export interface QuestionBankView {
  meeting: { id: string; name: string; date: string; status: MeetingStatus };
  evaluatees: BankEvaluatee[];
  questions: Question[];
  records: QuestionRecordView[];
  settings: QuestioningSettings;
  /** Active members in roster order, for the exclusions. */
  members: QuestioningMemberRef[];
  /** Topic suggestions: the evaluation criteria and topics already used. */
  topics: string[];
}

/** The full draw log with the audit's verdict and the printable fairness report. */
export interface DrawLogReport {
  meetingId: string;
  meetingName: string;
  rehearsal: boolean;
  entries: DrawLogEntry[];
  ok: boolean;
  problems: string[];
  warnings: string[];
  /** 随机抽取公平性核查记录, line by line (fairnessReport). */
  lines: string[];
  drawCount: number;
  cancelCount: number;
  cycleCount: number;
}
