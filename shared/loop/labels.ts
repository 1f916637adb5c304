import { STAGE_LABELS } from '../domain/evaluations';

/**
 * Every Chinese label of the closed loop in one catalog, so the ledger, the workbench, the papers
 * and the messages name a status or a step the same way. Code keys stay English.
 */

export const ITEM_STATUSES = ['notStarted', 'inProgress', 'done', 'ongoing', 'notDone'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_VERDICTS = ['fullyRectified', 'mostlyRectified', 'notRectified'] as const;
export type ItemVerdict = (typeof ITEM_VERDICTS)[number];

/** The later votes of an evaluation; the meeting's own vote (民主测评) is the evaluation's voteResult. */
export const LATER_VOTE_KINDS = ['followUp', 'reReport'] as const;
export type LaterVoteKind = (typeof LATER_VOTE_KINDS)[number];

export const ESCALATION_KINDS = ['inquiry', 'interpellation', 'investigation', 'decision'] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

/** How the 主任会议 decides a 质询案 is answered. */
export const ANSWER_MODES = ['meeting', 'written'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

export const INVESTIGATION_PROPOSERS = ['council', 'members'] as const;
export type InvestigationProposer = (typeof INVESTIGATION_PROPOSERS)[number];

export const RESOLUTION_KINDS = ['resolution', 'decision'] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

export const RESULT_USE_KINDS = ['bulletin', 'opinion', 'recommendation', 'other'] as const;
export type ResultUseKind = (typeof RESULT_USE_KINDS)[number];

export const DELIVERY_MODES = ['inPerson', 'confidential', 'electronic', 'meeting', 'post', 'other'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const LOOP_LABELS = {
  itemStatus: {
    notStarted: '未启动',
    inProgress: '整改中',
    done: '已完成',
    ongoing: '需长期坚持',
    notDone: '未完成',
  } satisfies Record<ItemStatus, string>,
  itemVerdict: {
    fullyRectified: '整改到位',
    mostlyRectified: '基本到位',
    notRectified: '未到位',
  } satisfies Record<ItemVerdict, string>,
  /** What each later vote is, whatever title the settings give it (voteTitles prints the title). */
  laterVoteKind: {
    followUp: '回头看后的满意度测评',
    reReport: '不满意再次报告后的整改情况测评',
  } satisfies Record<LaterVoteKind, string>,
  itemChange: {
    added: '新增',
    removed: '删除',
    changed: '文字修改',
  },
  escalationKind: {
    inquiry: '询问',
    interpellation: '质询案',
    investigation: '特定问题调查委员会',
    decision: '常委会相应决定',
  } satisfies Record<EscalationKind, string>,
  answerMode: {
    meeting: '在常委会会议上口头答复',
    written: '书面答复',
  } satisfies Record<AnswerMode, string>,
  investigationProposer: {
    council: '主任会议提议',
    members: '组成人员联名书面提议',
  } satisfies Record<InvestigationProposer, string>,
  resolutionKind: {
    resolution: '决议',
    decision: '决定',
  } satisfies Record<ResolutionKind, string>,
  resultUseKind: {
    bulletin: '测评结果通报',
    opinion: '评议意见',
    recommendation: '结果运用建议',
    other: '其他',
  } satisfies Record<ResultUseKind, string>,
  deliveryMode: {
    inPerson: '专人送达',
    confidential: '机要交换',
    electronic: '电子公文',
    meeting: '会议印发',
    post: '邮寄',
    other: '其他',
  } satisfies Record<DeliveryMode, string>,
  /** The evaluation's stages, and escalation after a re-report that still fails. */
  stage: { ...STAGE_LABELS, escalated: '进一步监督' },
  deadline: {
    plan: '整改方案',
    report: '整改情况报告',
    reReport: '不满意再次报告',
  },
  dueState: {
    overdue: '已逾期',
    soon: '30日内到期',
    later: '未到期',
    unscheduled: '尚未安排会议',
  },
  closedBy: {
    followUpVote: '回头看后测评通过',
    reReportVote: '再次报告后测评通过',
    decision: '常委会已作出决定',
    office: '办公室办结',
  },
} as const;

/** Whom the opinion goes to besides the evaluatee's unit (the office may add others). */
export const DEFAULT_RESULT_RECIPIENTS = ['县委', '县人民政府', '县委组织部'] as const;
