import { z } from 'zod';
import { dateField, idField, intField, optionalText, requiredText } from '../domain/fields';
import { opinionIdField } from '../domain/opinions';
import { researchMemberSchema } from '../domain/research';
import { evaluationVoteResultSchema } from '../domain/vote-round';
import {
  ANSWER_MODES,
  DELIVERY_MODES,
  INVESTIGATION_PROPOSERS,
  ITEM_STATUSES,
  ITEM_VERDICTS,
  LATER_VOTE_KINDS,
  LOOP_LABELS,
  RESOLUTION_KINDS,
  RESULT_USE_KINDS,
} from './labels';

/**
 * The records of the closed loop after the meeting. Types only: the store partitions that keep
 * them are wired by the services. Every record names the evaluation it belongs to; later votes and
 * escalation steps never stand on their own.
 */

/** An enum whose message lists the Chinese labels, not the code keys. */
function labelledEnum<const T extends readonly [string, ...string[]]>(label: string, values: T, labels: Readonly<Record<T[number], string>>) {
  const list = values.map((v: T[number]) => labels[v]).join('、');
  return z.enum(values, {
    error: (issue) => (issue.input === undefined || issue.input === null ? `${label}不能为空` : `${label}应为${list}之一`),
  });
}

// ---------------------------------------------------------------- files

/** Evidence files and scans are copied into the data folder; 50 MB each at most. */
export const FILE_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Where a copied file lies, relative to the data folder: forward slashes, no drive, no leading
 * slash and no '..' segment, so a stored reference can never point outside the folder.
 */
export function storedPathProblem(path: string): string | null {
  if (path.trim() === '') return '文件存放位置不能为空';
  if (path.includes('\\') || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\0')) return `文件存放位置“${path}”不在数据文件夹内`;
  if (path.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) return `文件存放位置“${path}”不在数据文件夹内`;
  return null;
}

export const fileRefSchema = z.object({
  /** The name the user's file had, as shown in lists. */
  name: requiredText('文件名', 200),
  size: z
    .number({ error: '文件大小应为数字' })
    .int('文件大小应为整数')
    .min(0, '文件大小不能为负数')
    .max(FILE_MAX_BYTES, `文件不能超过${FILE_MAX_BYTES / 1024 / 1024} MB`),
  sha256: z.string({ error: '文件校验值不能为空' }).regex(/^[0-9a-f]{64}$/, '文件校验值应为64位十六进制的SHA-256'),
  storedAs: z
    .string({ error: '文件存放位置不能为空' })
    .refine((p) => storedPathProblem(p) === null, { error: (issue) => storedPathProblem(String(issue.input)) ?? '文件存放位置无效' }),
});
export type FileRef = z.infer<typeof fileRefSchema>;

const files = (label: string) => z.array(fileRefSchema, { error: `${label}应为文件列表` }).max(200, `${label}不能超过200个`).default([]);

// ---------------------------------------------------------------- ledger

export const progressNoteSchema = z.object({
  date: dateField('进展日期'),
  text: requiredText('进展情况', 2000),
});
export type ProgressNote = z.infer<typeof progressNoteSchema>;

/** One ledger entry per opinion item (整改台账). The item's text is the issued one, copied and frozen. */
export const ledgerEntrySchema = z.object({
  evaluationId: idField('ev', '评议'),
  opinionId: opinionIdField,
  itemNo: intField('意见条目序号', 1, 999),
  /** The item as issued (itemFullText); never edited — a re-issue is logged, not overwritten. */
  itemText: requiredText('意见条目内容', 10000),
  measures: optionalText('整改措施', 5000),
  responsible: optionalText('责任人', 60),
  dueDate: dateField('完成时限').nullable().default(null),
  progress: z.array(progressNoteSchema, { error: '整改进展应为列表' }).max(200, '整改进展不能超过200条').default([]),
  status: labelledEnum('整改状态', ITEM_STATUSES, LOOP_LABELS.itemStatus).default('notStarted'),
  evidence: files('佐证材料'),
  /** 回头看 verdict, once the follow-up group has checked the item. */
  verdict: labelledEnum('回头看评价', ITEM_VERDICTS, LOOP_LABELS.itemVerdict).nullable().default(null),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

// ---------------------------------------------------------------- report received

/** The evaluatee's 整改情况报告, as it arrived. */
export const rectificationReportSchema = z.object({
  evaluationId: idField('ev', '评议'),
  /** The report's own date (成文日期), when it carries one. */
  reportDate: dateField('报告成文日期').nullable().default(null),
  receivedOn: dateField('收到日期'),
  /** The evaluatee's own document number: X政发〔2025〕3号. */
  docNumber: optionalText('报告文号', 40),
  file: fileRefSchema.nullable().default(null),
  /** The meeting that hears it, when the office puts it on an agenda. */
  meetingId: idField('mt', '听取报告的会议').nullable().default(null),
});
export type RectificationReport = z.infer<typeof rectificationReportSchema>;

/** The 整改方案, only asked for when the county sets a plan deadline (settings). */
export const rectificationPlanSchema = z.object({
  evaluationId: idField('ev', '评议'),
  receivedOn: dateField('收到日期'),
  docNumber: optionalText('方案文号', 40),
  file: fileRefSchema.nullable().default(null),
});
export type RectificationPlan = z.infer<typeof rectificationPlanSchema>;

// ---------------------------------------------------------------- 回头看

export const followUpActivitySchema = z.object({
  date: dateField('活动日期'),
  /** 实地察看, 座谈, 查阅资料 … in words. */
  activity: requiredText('活动内容', 500),
  place: optionalText('地点', 100),
});

export const itemCheckSchema = z.object({
  opinionId: opinionIdField,
  itemNo: intField('意见条目序号', 1, 999),
  /** What the group checked for this item. */
  checked: optionalText('核查情况', 3000),
  verdict: labelledEnum('回头看评价', ITEM_VERDICTS, LOOP_LABELS.itemVerdict),
});
export type ItemCheck = z.infer<typeof itemCheckSchema>;

export const followUpResearchSchema = z
  .object({
    evaluationId: idField('ev', '评议'),
    groupName: optionalText('调研组名称', 40),
    group: z.array(researchMemberSchema, { error: '调研组成员应为列表' }).max(30, '调研组成员不能超过30人').default([]),
    startDate: dateField('开始日期'),
    endDate: dateField('结束日期'),
    activities: z.array(followUpActivitySchema, { error: '调研活动应为列表' }).max(100, '调研活动不能超过100项').default([]),
    checks: z.array(itemCheckSchema, { error: '逐项核查应为列表' }).max(999).default([]),
    summary: optionalText('总体评价', 5000),
  })
  .refine((r) => r.endDate >= r.startDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });
export type FollowUpResearch = z.infer<typeof followUpResearchSchema>;

// ---------------------------------------------------------------- later votes

/**
 * A later vote of an evaluation: the 满意度测评 after 回头看 or the 整改情况测评 after a failing
 * re-report. It belongs to the original evaluation, so it needs no plan entry and never counts as
 * coverage; its result has the same compact form as the meeting's vote.
 */
export const laterVoteSchema = z.object({
  evaluationId: idField('ev', '评议'),
  kind: labelledEnum('测评类别', LATER_VOTE_KINDS, LOOP_LABELS.laterVoteKind),
  meetingId: idField('mt', '测评会议'),
  agendaItemId: idField('ag', '测评议程').nullable().default(null),
  /** Null until a round is announced. */
  result: evaluationVoteResultSchema.nullable().default(null),
  /** Given when the office confirmed a 满意度测评 before the rectification report was received. */
  earlyReason: optionalText('提前测评的理由', 500),
});
export type LaterVote = z.infer<typeof laterVoteSchema>;

// ---------------------------------------------------------------- escalation

/** A member as listed on a paper: the roster id when picked from it, the name as written. */
export const memberRefSchema = z.object({
  memberId: idField('mb', '组成人员').optional(),
  name: requiredText('姓名', 30),
});
export type MemberRef = z.infer<typeof memberRefSchema>;
const memberRef = memberRefSchema;

const common = {
  id: idField('es', '监督措施'),
  evaluationId: idField('ev', '评议'),
  documents: files('相关文件'),
};

export const inquiryStepSchema = z.object({
  kind: z.literal('inquiry'),
  ...common,
  meetingId: idField('mt', '询问会议'),
  date: dateField('询问日期'),
  askedBy: z.array(memberRef, { error: '询问人应为列表' }).min(1, '询问人不能为空').max(20),
  question: requiredText('询问内容', 3000),
  answeredBy: optionalText('答复人', 60),
  answer: optionalText('答复内容', 5000),
});

export const interpellationAnswerSchema = z.object({
  mode: labelledEnum('答复方式', ANSWER_MODES, LOOP_LABELS.answerMode),
  date: dateField('答复日期'),
  meetingId: idField('mt', '答复会议').nullable().default(null),
  answeredBy: requiredText('答复人', 60),
  text: optionalText('答复内容', 10000),
  /** Proposers not satisfied with this answer; more than half → a second answer. */
  notSatisfied: z.array(idField('mb', '不满意的提案人'), { error: '不满意的提案人应为列表' }).default([]),
  verdictDate: dateField('提案人表示意见日期').nullable().default(null),
});
export type InterpellationAnswer = z.infer<typeof interpellationAnswerSchema>;

export const interpellationStepSchema = z.object({
  kind: z.literal('interpellation'),
  ...common,
  proposedOn: dateField('提出日期'),
  proposers: z.array(memberRef, { error: '提案人应为列表' }).max(100),
  /** The organ questioned: the department, the court or the procuratorate the evaluatee leads or serves in. */
  object: requiredText('质询对象', 60),
  questions: requiredText('质询的问题', 5000),
  reasons: requiredText('质询的内容和理由', 5000),
  /** The 主任会议's decision on how it is answered. */
  decision: z
    .object({ date: dateField('主任会议决定日期'), mode: labelledEnum('答复方式', ANSWER_MODES, LOOP_LABELS.answerMode), meetingId: idField('mt', '答复会议').nullable().default(null) })
    .nullable()
    .default(null),
  answers: z.array(interpellationAnswerSchema, { error: '答复应为列表' }).max(5).default([]),
});

export const investigationStepSchema = z.object({
  kind: z.literal('investigation'),
  ...common,
  proposedBy: labelledEnum('提议方式', INVESTIGATION_PROPOSERS, LOOP_LABELS.investigationProposer),
  proposedOn: dateField('提议日期'),
  /** The members who signed, when proposed by members. */
  proposers: z.array(memberRef, { error: '提议人应为列表' }).max(100).default([]),
  proposal: requiredText('提议内容', 5000),
  /** The committee: chair first. */
  committee: z.array(memberRef, { error: '调查委员会组成人员应为列表' }).max(30).default([]),
  report: z.object({ date: dateField('调查报告日期'), text: optionalText('调查报告', 20000) }).nullable().default(null),
  resolution: z
    .object({
      kind: labelledEnum('决议或决定', RESOLUTION_KINDS, LOOP_LABELS.resolutionKind),
      date: dateField('作出日期'),
      meetingId: idField('mt', '作出决议的会议'),
      text: requiredText('决议或决定内容', 10000),
    })
    .nullable()
    .default(null),
});

/** 相应决定 by the Standing Committee. */
export const decisionStepSchema = z.object({
  kind: z.literal('decision'),
  ...common,
  date: dateField('决定日期'),
  meetingId: idField('mt', '作出决定的会议'),
  text: requiredText('决定内容', 10000),
});

export const escalationStepSchema = z.discriminatedUnion('kind', [inquiryStepSchema, interpellationStepSchema, investigationStepSchema, decisionStepSchema], {
  error: `监督措施应为${Object.values(LOOP_LABELS.escalationKind).join('、')}之一`,
});
export type EscalationStep = z.infer<typeof escalationStepSchema>;
export type InquiryStep = z.infer<typeof inquiryStepSchema>;
export type InterpellationStep = z.infer<typeof interpellationStepSchema>;
export type InvestigationStep = z.infer<typeof investigationStepSchema>;
export type DecisionStep = z.infer<typeof decisionStepSchema>;

/** The office closes a case by hand (the evaluatee left the post, a decision outside the app …). */
export const closureSchema = z.object({
  evaluationId: idField('ev', '评议'),
  date: dateField('办结日期'),
  reason: requiredText('办结理由', 1000),
});
export type Closure = z.infer<typeof closureSchema>;

// ---------------------------------------------------------------- use of results

/** What was sent where (结果运用): the 通报, the opinion to 县委 and others, the recommendation. */
export const resultUseSchema = z
  .object({
    id: idField('ru', '结果运用登记'),
    evaluationId: idField('ev', '评议').nullable().default(null),
    meetingId: idField('mt', '会议').nullable().default(null),
    kind: labelledEnum('材料类别', RESULT_USE_KINDS, LOOP_LABELS.resultUseKind),
    recipient: requiredText('送达单位', 60),
    date: dateField('送达日期'),
    how: labelledEnum('送达方式', DELIVERY_MODES, LOOP_LABELS.deliveryMode),
    docNumber: optionalText('文号', 40),
    note: optionalText('备注', 1000),
  })
  .refine((e) => e.evaluationId !== null || e.meetingId !== null, { message: '结果运用登记应属于一项评议或一次会议', path: ['evaluationId'] });
export type ResultUse = z.infer<typeof resultUseSchema>;

// ---------------------------------------------------------------- the partition field

/**
 * The closed loop's records of one year's evaluations, kept in that year's partition beside the
 * evaluations and opinions (`loop`, optional so older files stay as they are). Each record names
 * its evaluation; an evaluation has at most one report, plan, 回头看 record and closure. Item
 * revisions are not stored: they are derived from the opinion's issued versions (issuedItems).
 */
export const loopDataSchema = z.object({
  ledger: z.array(ledgerEntrySchema, { error: '整改台账应为列表' }).default([]),
  plans: z.array(rectificationPlanSchema, { error: '整改方案应为列表' }).default([]),
  reports: z.array(rectificationReportSchema, { error: '整改情况报告应为列表' }).default([]),
  followUps: z.array(followUpResearchSchema, { error: '回头看记录应为列表' }).default([]),
  laterVotes: z.array(laterVoteSchema, { error: '后续测评应为列表' }).default([]),
  escalation: z.array(escalationStepSchema, { error: '监督措施应为列表' }).default([]),
  closures: z.array(closureSchema, { error: '办结记录应为列表' }).default([]),
  resultUses: z.array(resultUseSchema, { error: '结果运用登记应为列表' }).default([]),
});
export type LoopData = z.infer<typeof loopDataSchema>;
export type LoopDataInput = z.input<typeof loopDataSchema>;

export function emptyLoopData(): LoopData {
  return loopDataSchema.parse({});
}
