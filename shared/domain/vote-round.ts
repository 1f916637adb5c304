import { z } from 'zod';
import { groupResultSchema, ruleSnapshotSchema } from '../vote/groups';
import { ROUND_STATES } from '../vote/round-states';
import { MARKS, VOTER_GROUP_KINDS, countsSchema, roundContextSchema, voterGroupSchema } from '../vote/terms';
import { idField } from './fields';

/**
 * Vote rounds (民主测评) kept in the meeting's partition, written durably on every keyed sheet.
 * A round belongs to a vote agenda item; its evaluatees are fixed when it is prepared (ballots can
 * then be printed days ahead). Rounds are never deleted: a void round stays with its reason. The
 * audit log is append-only and is the record a county office shows when a result is questioned.
 * Rules and states are in shared/vote (vote-rules.md is the specification).
 */

export const ROUND_ID_PATTERN = /^vr_[0-9a-z]{4,32}$/;
export const roundIdField = z.string({ error: '测评轮次编号无效' }).regex(ROUND_ID_PATTERN, '测评轮次编号无效');

/** One voter group per kind: the members (binding) and, optionally, groups counted apart. */
export const groupIdField = z.enum(VOTER_GROUP_KINDS, { error: '投票人员类别无效' });
export type GroupId = z.infer<typeof groupIdField>;

/** Sheet by sheet (唱票), totals from a manual count, or two blind counts compared cell by cell. */
export const COUNTING_MODES = ['sheets', 'totals', 'double'] as const;
export type CountingMode = (typeof COUNTING_MODES)[number];
export const COUNTING_MODE_LABELS: Readonly<Record<CountingMode, string>> = {
  sheets: '逐张录入（唱票）',
  totals: '汇总录入',
  double: '两次计票核对',
};

const count = z.number().int().min(0).max(9999);
const stamp = z.string();
const nameList = z.array(z.string().trim().min(1).max(20)).max(10).default([]);

export const storedSheetSchema = z.object({
  no: z.number().int().min(1).max(9999),
  marks: z.array(z.enum(MARKS)).min(1),
  /** When it was confirmed (or last corrected). */
  at: stamp,
  corrected: z.boolean().default(false),
});
export type StoredSheet = z.infer<typeof storedSheetSchema>;

export const doubleCountSchema = z.object({
  first: z.array(countsSchema).nullable().default(null),
  second: z.array(countsSchema).nullable().default(null),
  confirmedBy: z.string().nullable().default(null),
  confirmedAt: stamp.nullable().default(null),
});
export type DoubleCount = z.infer<typeof doubleCountSchema>;

export const roundGroupSchema = z.object({
  id: groupIdField,
  group: voterGroupSchema,
  mode: z.enum(COUNTING_MODES).default('sheets'),
  /** 应到 and 实到 as they stood when the round opened (a group counted apart: its voters present). */
  entitled: count.nullable().default(null),
  present: count.nullable().default(null),
  issued: count.nullable().default(null),
  returned: count.nullable().default(null),
  sheets: z.array(storedSheetSchema).default([]),
  totals: z.array(countsSchema).nullable().default(null),
  double: doubleCountSchema.prefault({}),
  /** Counts after the last amendment (after announcement); null when never amended. */
  amended: z.array(countsSchema).nullable().default(null),
});
export type RoundGroup = z.infer<typeof roundGroupSchema>;

export const amendmentSchema = z.object({
  at: stamp,
  groupId: groupIdField,
  reason: z.string().min(1),
  before: z.array(countsSchema),
  after: z.array(countsSchema),
});
export type Amendment = z.infer<typeof amendmentSchema>;

/** One group's graded result as stored: the shared GroupResult plus how it was counted. */
export const storedGroupResultSchema = groupResultSchema.extend({ id: groupIdField, mode: z.enum(COUNTING_MODES) });
export type StoredGroupResult = z.infer<typeof storedGroupResultSchema>;

/** What a result keeps (vote-rules.md, last section), frozen when the round is checked. */
export const storedResultSchema = z.object({
  rule: ruleSnapshotSchema,
  groups: z.array(storedGroupResultSchema).min(1),
  tellers: z.array(z.string()),
  scrutineers: z.array(z.string()),
  gradedAt: stamp,
  /**
   * 姓名 and 单位及职务 of the evaluatees (in evaluateeIds order) as they were when the result was
   * frozen, so a 通报 or count report printed after a transfer still says what was announced.
   * Absent in results frozen before it was kept.
   */
  people: z.array(z.object({ name: z.string(), position: z.string() })).optional(),
});
export type StoredResult = z.infer<typeof storedResultSchema>;

export const roundSchema = z.object({
  id: roundIdField,
  agendaItemId: idField('ag', '议程'),
  /** 1, 2, … within the agenda item (a void round is followed by the next number). */
  number: z.number().int().min(1),
  evaluateeIds: z.array(idField('ee', '被测评对象')).min(1),
  state: z.enum(ROUND_STATES),
  groups: z.array(roundGroupSchema).min(1),
  tellers: nameList,
  scrutineers: nameList,
  /** The rule taken from the settings at preparation, refreshed when the round opens, then frozen. */
  rule: ruleSnapshotSchema,
  result: storedResultSchema.nullable().default(null),
  preparedAt: stamp,
  openedAt: stamp.nullable().default(null),
  closedAt: stamp.nullable().default(null),
  checkedAt: stamp.nullable().default(null),
  announcedAt: stamp.nullable().default(null),
  voidedAt: stamp.nullable().default(null),
  voidReason: z.string().nullable().default(null),
  amendments: z.array(amendmentSchema).default([]),
  /** Which page of the results the hall shows (many evaluatees are paged). */
  hallPage: z.number().int().min(0).default(0),
});
export type VoteRound = z.infer<typeof roundSchema>;

export const AUDIT_ACTIONS = [
  'prepare',
  'tellers',
  'open',
  'close',
  'mode',
  'sheet',
  'undo',
  'correct',
  'totals',
  'double-first',
  'double-second',
  'confirm',
  'state',
  'check',
  'announce',
  'amend',
  'void',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  prepare: '准备测评',
  tellers: '登记计票人、监票人',
  open: '发票',
  close: '收票',
  mode: '计票方式',
  sheet: '录入测评票',
  undo: '撤销测评票',
  correct: '更正测评票',
  totals: '录入汇总结果',
  'double-first': '第一次计票',
  'double-second': '第二次计票',
  confirm: '监票人确认',
  state: '状态变更',
  check: '核对',
  announce: '公布结果',
  amend: '更正已公布结果',
  void: '作废',
};

export const auditEntrySchema = z.object({
  seq: z.number().int().min(1),
  at: stamp,
  roundId: roundIdField,
  groupId: groupIdField.nullable().default(null),
  action: z.enum(AUDIT_ACTIONS),
  /** The sheet concerned (keyed, undone, corrected). */
  no: z.number().int().nullable().default(null),
  /** What happened, in Chinese, with the numbers. */
  detail: z.string(),
  reason: z.string().nullable().default(null),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const votesSchema = z.object({
  rounds: z.array(roundSchema).default([]),
  /** Append-only: entries are added, never changed or removed. */
  audit: z.array(auditEntrySchema).default([]),
});
export type VotesData = z.infer<typeof votesSchema>;

/**
 * The compact copy of a result kept on the evaluation (the year partition), for opinions,
 * documents and statistics: the evaluation's last announced or amended, non-void round of its
 * first vote, binding group first, groups counted apart beside it.
 */
export const evaluationVoteResultSchema = z.object({
  meetingId: idField('mt', '会议'),
  agendaItemId: idField('ag', '议程'),
  roundId: roundIdField,
  roundNo: z.number().int().min(1),
  state: z.enum(['announced', 'amended']),
  announcedAt: stamp,
  amendedAt: stamp.nullable(),
  amendments: z.number().int().min(0),
  outcome: z.string(),
  failing: z.boolean(),
  rate: z.number().nullable(),
  rateText: z.string(),
  counts: countsSchema,
  valid: z.number().int().min(0),
  context: roundContextSchema,
  arithmetic: z.array(z.string()),
  ruleName: z.string(),
  ruleText: z.string(),
  ruleSummary: z.string(),
  policyText: z.string(),
  apart: z.array(z.object({ label: z.string(), outcome: z.string(), rateText: z.string(), counts: countsSchema, context: roundContextSchema })),
  tellers: z.array(z.string()),
  scrutineers: z.array(z.string()),
  /** A failing outcome (不满意, 不通过): rectify and report again, then a new vote. */
  reReport: z.boolean(),
});
export type EvaluationVoteResult = z.infer<typeof evaluationVoteResultSchema>;
