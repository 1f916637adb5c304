import { z } from 'zod';
import { dateField, enumField, idField, intField, optionalText, requiredText } from './fields';

/**
 * The research records (事前调研) of a year, kept in the year partition beside the reports
 * (`research.groups`, `research.activities`, `research.findings` of yearSchema):
 *
 * - a research group (调研组, id `rg_…`) per evaluation or per batch of evaluations researched together;
 *   a batch writes one 调研报告 per evaluation (`perEvaluation`) or one combined report with a section per
 *   evaluatee (`combined`);
 * - typed activities (调研活动, id `ra_…`), each with date, place, participants and notes, for the
 *   evaluations it served (one or several of its group's);
 * - findings (问题, id `fd_…`), first-class records of one evaluation: text, the activity they came from,
 *   the evaluation criterion (评价标准) they concern, a weight and a suggestion.
 *
 * An evaluation belongs to at most one group. The rules that refuse bad input (a questionnaire's tallies
 * beyond the sheets returned, returned beyond issued, a notice period ending before it starts) are in
 * the schemas, so a call is refused with the field's name before anything is written.
 */

const evaluationId = idField('ev', '评议');

export const RESEARCH_ROLES = ['组长', '副组长', '成员'] as const;
export type ResearchRole = (typeof RESEARCH_ROLES)[number];

export const RESEARCH_GROUP_MAX = 30;

export const researchMemberSchema = z.object({
  role: enumField('调研组职务', RESEARCH_ROLES),
  /** A member of the roster when picked from it. */
  memberId: idField('mb', '组成人员').optional(),
  /** A person of the registry (人员库: deputy, special-committee head, specialist) when picked from it. */
  personId: idField('ps', '人员').optional(),
  /** Neither id: someone typed in (office staff); older reports hold only such entries. */
  name: requiredText('调研组成员姓名', 30),
  /** As printed: 县人大常委会副主任, 县人大常委会办公室主任. */
  post: requiredText('调研组成员职务', 40),
});
export type ResearchMember = z.infer<typeof researchMemberSchema>;


// ── The group ────────────────────────────────────────────────────────────────────────────────

export const REPORT_MODES = ['perEvaluation', 'combined'] as const;
export type ReportMode = (typeof REPORT_MODES)[number];
export const REPORT_MODE_LABELS: Readonly<Record<ReportMode, string>> = {
  perEvaluation: '每名被评议对象各一份调研报告',
  combined: '合并为一份调研报告（每名被评议对象一节）',
};
/** Evaluations one group researches together (a batch of judges and prosecutors is the largest). */
export const GROUP_EVALUATIONS_MAX = 30;

export const researchGroupObject = z.object({
  id: idField('rg', '调研组'),
  /** One evaluation, or a batch researched together; each evaluation in at most one group of the year. */
  evaluationIds: z
    .array(evaluationId, { error: '调研组的评议对象应为列表' })
    .min(1, '调研组至少应有一名被评议对象')
    .max(GROUP_EVALUATIONS_MAX, `一个调研组不能超过${GROUP_EVALUATIONS_MAX}名被评议对象`),
  /** As printed under the title and as the signature; 县人大常委会调研组 when empty. */
  name: optionalText('调研组名称', 40),
  members: z.array(researchMemberSchema, { error: '调研组成员应为列表' }).max(RESEARCH_GROUP_MAX, `调研组成员不能超过${RESEARCH_GROUP_MAX}人`).default([]),
  from: dateField('调研开始日期').optional(),
  to: dateField('调研结束日期').optional(),
  reportMode: enumField('调研报告形式', REPORT_MODES).default('perEvaluation'),
  createdAt: z.string({ error: '时间应为文字' }),
  updatedAt: z.string({ error: '时间应为文字' }),
});

function groupRules(g: { evaluationIds: readonly string[]; from?: string; to?: string; reportMode: ReportMode }, ctx: z.RefinementCtx): void {
  if (g.from && g.to && g.to < g.from) ctx.addIssue({ code: 'custom', message: '调研结束日期不能早于开始日期', path: ['to'] });
  if (new Set(g.evaluationIds).size !== g.evaluationIds.length) ctx.addIssue({ code: 'custom', message: '同一被评议对象在调研组中出现了两次', path: ['evaluationIds'] });
  if (g.reportMode === 'combined' && g.evaluationIds.length < 2) {
    ctx.addIssue({ code: 'custom', message: '只有一名被评议对象时不能合并调研报告', path: ['reportMode'] });
  }
}

export const researchGroupSchema = researchGroupObject.superRefine(groupRules);
export type ResearchGroup = z.infer<typeof researchGroupSchema>;
/** A group as the form sends it: without id and times (the service assigns them). */
export const researchGroupDraftSchema = researchGroupObject.omit({ id: true, createdAt: true, updatedAt: true }).superRefine(groupRules);
export type ResearchGroupDraft = z.input<typeof researchGroupDraftSchema>;

// ── Activities ───────────────────────────────────────────────────────────────────────────────

export const ACTIVITY_KINDS = ['forum', 'interview', 'visit', 'briefing', 'reading', 'hearing', 'questionnaire', 'clientOpinions', 'notice', 'caseReview'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_LABELS: Readonly<Record<ActivityKind, string>> = {
  forum: '座谈走访',
  interview: '个别谈话',
  visit: '实地走访',
  briefing: '听取报告',
  reading: '查阅资料',
  hearing: '旁听庭审',
  questionnaire: '问卷调查',
  clientOpinions: '听取服务对象意见建议',
  notice: '网上发布公告',
  caseReview: '案件评查',
};
/** The unit of an activity's count, as printed: 个别谈话12人次. */
export const ACTIVITY_UNITS: Readonly<Record<ActivityKind, string>> = {
  forum: '次',
  interview: '人次',
  visit: '处',
  briefing: '次',
  reading: '份',
  hearing: '次',
  questionnaire: '份',
  clientOpinions: '条',
  notice: '条',
  caseReview: '件',
};
/** Only for judges and prosecutors (员额法官, 员额检察官). */
export const JUDICIAL_ACTIVITY_KINDS: readonly ActivityKind[] = ['hearing', 'caseReview'];

export const CASE_CATEGORIES = ['刑事案件', '民事案件', '行政案件', '执行案件', '涉法涉诉信访重点案件', '其他案件'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const QUESTIONNAIRE_QUESTIONS_MAX = 60;
export const QUESTION_OPTIONS_MAX = 12;
export const SHEETS_MAX = 99999;

export const questionnaireOptionSchema = z.object({
  text: requiredText('选项内容', 100),
  /** How many returned sheets marked this option, counted by hand. */
  tally: intField('选项票数', 0, SHEETS_MAX).default(0),
});
export const questionnaireQuestionSchema = z.object({
  text: requiredText('问题内容', 300),
  multiple: z.boolean({ error: '单选或多选应为是或否' }).default(false),
  options: z
    .array(questionnaireOptionSchema, { error: '选项应为列表' })
    .min(2, '每个问题至少应有两个选项')
    .max(QUESTION_OPTIONS_MAX, `每个问题不能超过${QUESTION_OPTIONS_MAX}个选项`),
});
export type QuestionnaireQuestion = z.infer<typeof questionnaireQuestionSchema>;

export const questionnaireSchema = z.object({
  title: optionalText('问卷标题', 100),
  /** The words above the questions on the printed form. */
  intro: optionalText('问卷说明', 1000),
  issued: intField('发放份数', 0, SHEETS_MAX).default(0),
  returned: intField('回收份数', 0, SHEETS_MAX).default(0),
  questions: z.array(questionnaireQuestionSchema, { error: '问卷问题应为列表' }).max(QUESTIONNAIRE_QUESTIONS_MAX, `问卷不能超过${QUESTIONNAIRE_QUESTIONS_MAX}个问题`).default([]),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

/** An opinion heard (听取服务对象意见建议) or received through a notice: by what channel, what it said. */
export const receivedOpinionSchema = z.object({
  channel: optionalText('意见渠道', 40),
  text: requiredText('意见内容', 2000),
});
export type ReceivedOpinion = z.infer<typeof receivedOpinionSchema>;

export const reviewedCaseSchema = z.object({
  number: requiredText('案号', 60),
  category: enumField('案件类别', CASE_CATEGORIES),
  finding: optionalText('评查意见', 2000),
});
export type ReviewedCase = z.infer<typeof reviewedCaseSchema>;

export const noticeSchema = z.object({
  text: optionalText('公告内容', 5000),
  /** Where it was published: 县人大常委会门户网站、微信公众号. */
  channel: optionalText('发布渠道', 100),
  from: dateField('公告开始日期').optional(),
  to: dateField('公告截止日期').optional(),
  opinions: z.array(receivedOpinionSchema, { error: '收到的意见应为列表' }).max(500, '收到的意见不能超过500条').default([]),
});
export type Notice = z.infer<typeof noticeSchema>;

const OPINIONS_MAX = 500;
const CASES_MAX = 500;

/** What every activity has; `count` is how many (人次, 处, 份, 件…) when the office counted rather than listed. */
const activityFields = {
  /** The evaluations it served: one, or several of a batch group's. */
  evaluationIds: z.array(evaluationId, { error: '调研活动的被评议对象应为列表' }).min(1, '调研活动至少应对应一名被评议对象').max(GROUP_EVALUATIONS_MAX, '调研活动的被评议对象过多'),
  date: dateField('活动日期').optional(),
  place: optionalText('活动地点', 100),
  participants: optionalText('参加人员', 500),
  notes: optionalText('活动记录', 5000),
  count: intField('数量', 0, SHEETS_MAX).optional(),
};
const storedFields = {
  id: idField('ra', '调研活动'),
  createdAt: z.string({ error: '时间应为文字' }),
  updatedAt: z.string({ error: '时间应为文字' }),
};
/** A draft: `id` absent for a new activity; times are the service's. */
const draftFields = { id: idField('ra', '调研活动').optional() };

/** One union for the stored record and the form's draft, so both have the same kinds and fields. */
function activityUnion<B extends z.ZodRawShape>(base: B) {
  const plain = <K extends ActivityKind>(kind: K) => z.object({ ...base, ...activityFields, kind: z.literal(kind) });
  return z.discriminatedUnion(
    'kind',
    [
      plain('forum'),
      plain('interview'),
      plain('visit'),
      plain('briefing'),
      z.object({ ...base, ...activityFields, kind: z.literal('reading'), materials: optionalText('查阅的资料', 2000) }),
      plain('hearing'),
      z.object({ ...base, ...activityFields, kind: z.literal('questionnaire'), questionnaire: questionnaireSchema.prefault({}) }),
      z.object({
        ...base,
        ...activityFields,
        kind: z.literal('clientOpinions'),
        opinions: z.array(receivedOpinionSchema, { error: '意见建议应为列表' }).max(OPINIONS_MAX, `意见建议不能超过${OPINIONS_MAX}条`).default([]),
      }),
      z.object({ ...base, ...activityFields, kind: z.literal('notice'), notice: noticeSchema.prefault({}) }),
      z.object({
        ...base,
        ...activityFields,
        kind: z.literal('caseReview'),
        cases: z.array(reviewedCaseSchema, { error: '评查案件应为列表' }).max(CASES_MAX, `评查案件不能超过${CASES_MAX}件`).default([]),
      }),
    ],
    { error: '调研活动类型不正确' },
  );
}

/** Refusals of a questionnaire's figures, with the path of the field they name. Pure; the schema and the form use it. */
export function questionnaireRefusals(q: Pick<Questionnaire, 'issued' | 'returned' | 'questions'>): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  if (q.returned > q.issued) out.push({ path: ['returned'], message: `回收份数（${q.returned}份）不能多于发放份数（${q.issued}份）` });
  q.questions.forEach((question, qi) => {
    const label = `第${qi + 1}题`;
    if (question.multiple) {
      question.options.forEach((o, oi) => {
        if (o.tally > q.returned) {
          out.push({ path: ['questions', qi, 'options', oi, 'tally'], message: `${label}选项“${o.text}”的票数（${o.tally}）不能多于回收份数（${q.returned}份）` });
        }
      });
    } else {
      const sum = question.options.reduce((s, o) => s + o.tally, 0);
      if (sum > q.returned) out.push({ path: ['questions', qi, 'options'], message: `${label}（单选）各选项票数合计${sum}，不能多于回收份数（${q.returned}份）` });
    }
  });
  return out;
}

type ActivityShape = z.infer<ReturnType<typeof activityUnion<typeof draftFields>>>;

function activityRules(a: ActivityShape, ctx: z.RefinementCtx): void {
  if (a.kind === 'questionnaire') {
    for (const r of questionnaireRefusals(a.questionnaire)) ctx.addIssue({ code: 'custom', message: r.message, path: ['questionnaire', ...r.path] });
  }
  if (a.kind === 'notice' && a.notice.from && a.notice.to && a.notice.to < a.notice.from) {
    ctx.addIssue({ code: 'custom', message: '公告截止日期不能早于开始日期', path: ['notice', 'to'] });
  }
  if (new Set(a.evaluationIds).size !== a.evaluationIds.length) ctx.addIssue({ code: 'custom', message: '同一被评议对象在调研活动中出现了两次', path: ['evaluationIds'] });
}

export const researchActivitySchema = activityUnion(storedFields).superRefine(activityRules);
export type ResearchActivity = z.infer<typeof researchActivitySchema>;
export type ResearchActivityInput = z.input<typeof researchActivitySchema>;
export const researchActivityDraftSchema = activityUnion(draftFields).superRefine(activityRules);
export type ResearchActivityDraft = z.input<typeof researchActivityDraftSchema>;
/** A draft with every default filled in, as a form holds it. */
export type ResearchActivityDraftValue = z.output<typeof researchActivityDraftSchema>;

// ── Findings ─────────────────────────────────────────────────────────────────────────────────

/** How much a finding weighs: printed first within its criterion, highest first. */
export const FINDING_WEIGHTS = [1, 2, 3] as const;
export type FindingWeight = (typeof FINDING_WEIGHTS)[number];
export const FINDING_WEIGHT_LABELS: Readonly<Record<FindingWeight, string>> = { 1: '一般', 2: '较重', 3: '突出' };

export const findingObject = z.object({
  id: idField('fd', '调研问题'),
  evaluationId,
  text: requiredText('问题内容', 2000),
  /** The activity it came from, when one (an activity of the same evaluation). */
  activityId: idField('ra', '来源调研活动').optional(),
  /** The 评价标准 (settings' criteria) the finding concerns. */
  criterionId: idField('cr', '评价标准'),
  weight: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '问题程度应为一般、较重或突出' }).default(1),
  /** What the group suggests about it, for the report's 意见建议. */
  suggestion: optionalText('整改建议', 2000),
  createdAt: z.string({ error: '时间应为文字' }),
  updatedAt: z.string({ error: '时间应为文字' }),
});
export const findingSchema = findingObject;
export type Finding = z.infer<typeof findingSchema>;
export const findingDraftSchema = findingObject.omit({ createdAt: true, updatedAt: true }).extend({ id: idField('fd', '调研问题').optional() });
export type FindingDraft = z.input<typeof findingDraftSchema>;

// ── Questionnaire arithmetic ─────────────────────────────────────────────────────────────────

/** Tally as a share of the sheets returned, in per mille, rounded half up: exact integer arithmetic. */
export function perMille(tally: number, returned: number): number | null {
  if (returned <= 0) return null;
  return Math.floor((tally * 2000 + returned) / (2 * returned));
}

/** 45.8% — one decimal; '—' when nothing was returned. */
export function percentText(tally: number, returned: number): string {
  const pm = perMille(tally, returned);
  if (pm === null) return '—';
  return `${Math.floor(pm / 10)}.${pm % 10}%`;
}

/** 回收率 of the sheets issued. */
export function returnRateText(q: Pick<Questionnaire, 'issued' | 'returned'>): string {
  return percentText(q.returned, q.issued);
}

export interface QuestionFigures {
  text: string;
  multiple: boolean;
  options: { text: string; tally: number; percent: string }[];
  /** Sheets that left a single-choice question blank (returned − the options' sum); null for multiple choice. */
  blank: number | null;
}

export function questionnaireFigures(q: Questionnaire): QuestionFigures[] {
  return q.questions.map((question) => {
    const sum = question.options.reduce((s, o) => s + o.tally, 0);
    return {
      text: question.text,
      multiple: question.multiple,
      options: question.options.map((o) => ({ text: o.text, tally: o.tally, percent: percentText(o.tally, q.returned) })),
      blank: question.multiple ? null : Math.max(0, q.returned - sum),
    };
  });
}

// ── The year's research records ──────────────────────────────────────────────────────────────

export const researchRecordsFields = {
  groups: z.array(researchGroupSchema, { error: '调研组应为列表' }).default([]),
  activities: z.array(researchActivitySchema, { error: '调研活动应为列表' }).default([]),
  findings: z.array(findingSchema, { error: '调研问题应为列表' }).default([]),
};

/** The group an evaluation is researched by, if any. */
export function groupOf<G extends { evaluationIds: readonly string[] }>(groups: readonly G[], evaluationId: string): G | undefined {
  return groups.find((g) => g.evaluationIds.includes(evaluationId));
}
