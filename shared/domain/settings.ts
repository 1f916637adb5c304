import { z } from 'zod';
import { docPrefixProblem } from '../format/doc-number';
import { boolField, intField, objectError, optionalText, requiredText, yearField } from './fields';
import { voteRulesSchema } from '../vote/rules';
import { DEFAULT_COPY_TO, DEFAULT_ISSUING_OFFICE, documentFormatSchema } from './document-settings';
import { upwardSchema } from './plan-papers';

/**
 * Organisation settings: one container with a sub-object per concern. Every sub-object and field
 * that is not tied to a particular county has a default, so a file written by an older version
 * (without, say, the vote rules a later issue adds) still loads. Later issues add their own
 * sub-object the same way: `votes: voteRulesSchema.prefault({})`.
 */

export { DEFAULT_COPY_TO } from './document-settings';

/** The placeholder a new installation holds until the office types its own name. */
export const PLACEHOLDER_FULL_NAME = '某某县人民代表大会常务委员会';

export const organisationSchema = z.object({
  /** 全称, used in red headers and signatures. */
  fullName: requiredText('机关全称', 60).default(PLACEHOLDER_FULL_NAME),
  /** 简称, used in running text and meeting names (县人大常委会 → 县第十九届人大常委会…). */
  shortName: requiredText('机关简称', 30).default('县人大常委会'),
  /** 机关代字 of document numbers: X人常〔2024〕5号. */
  docPrefix: requiredText('机关代字', 12)
    .refine((p) => docPrefixProblem(p) === null, { error: (issue) => docPrefixProblem(String(issue.input)) ?? '机关代字无效' })
    .default('X人常'),
  /** 印发机关 in the imprint block (版记). */
  issuingOffice: requiredText('印发机关', 40).default(DEFAULT_ISSUING_OFFICE),
  /** Default copy-to list (抄送); the evaluatee's unit is added per document. */
  copyTo: z
    .array(requiredText('抄送机关', 40), { error: '抄送机关应为列表' })
    .max(20, '抄送机关不能超过20个')
    .default(() => [...DEFAULT_COPY_TO]),
});

/** What the settings screen offers when the office turns the rectification-plan deadline on. */
export const DEFAULT_PLAN_DAYS = 15;

export const deadlinesSchema = z.object({
  /**
   * 整改方案: days after the opinion is delivered, or null when the county asks for no plan (the
   * default: no paper prints a deadline the office did not set). Folders written before this was
   * optional hold a number and keep it.
   */
  rectificationPlanDays: intField('整改方案报送期限（天）', 1, 180).nullable().default(null),
  /** 整改情况报告: months after delivery. */
  rectificationReportMonths: intField('整改情况报告期限（月）', 1, 24).default(6),
  /** Re-report after a 不满意 grade: months. */
  reReportMonths: intField('不满意再次报告期限（月）', 1, 24).default(3),
});

/** The three votes of an evaluation, each with its own title (domain: three votes, three names). */
export const VOTE_KINDS = ['meeting', 'followUp', 'reReport'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];
export const VOTE_KIND_LABELS: Readonly<Record<VoteKind, string>> = {
  meeting: '评议会议上的测评',
  followUp: '回头看后的测评',
  reReport: '不满意再次报告后的测评',
};
export const DEFAULT_VOTE_TITLES: Readonly<Record<VoteKind, string>> = {
  meeting: '民主测评',
  followUp: '满意度测评',
  reReport: '整改情况测评',
};

/** A vote's title as printed: the ballot adds 票, so a title must not end with 票 itself. */
function voteTitle(kind: VoteKind) {
  const label = `${VOTE_KIND_LABELS[kind]}名称`;
  return requiredText(label, 20)
    .refine((t) => !t.endsWith('票'), { message: `${label}不要以“票”结尾（测评票的标题会自动加“票”）` })
    .default(DEFAULT_VOTE_TITLES[kind]);
}

export const voteTitlesSchema = z.object(
  {
    meeting: voteTitle('meeting'),
    followUp: voteTitle('followUp'),
    reReport: voteTitle('reReport'),
  },
  objectError('测评名称'),
);
export type VoteTitles = z.infer<typeof voteTitlesSchema>;

export const DEFAULT_LAW = '《中华人民共和国各级人民代表大会常务委员会监督法》';

/**
 * 评议依据: what the opinion cites before the year's 实施方案. The law is the national one by
 * default; the county's own measure (its 工作评议办法) has no default — only the office knows its
 * title — and is left out while empty.
 */
export const legalBasisSchema = z.object(
  {
    law: optionalText('评议依据的法律', 80).default(DEFAULT_LAW),
    measure: optionalText('本级评议办法', 80),
  },
  objectError('评议依据'),
);
export type LegalBasis = z.infer<typeof legalBasisSchema>;

/** A title as cited: in 书名号 whether or not the office typed them. */
export function citedTitle(title: string): string {
  const t = title.trim().replace(/^《+/u, '').replace(/》+$/u, '');
  return t === '' ? '' : `《${t}》`;
}

export const QUORUM_RULES = ['more-than-half', 'half-or-more'] as const;
export type QuorumRule = (typeof QUORUM_RULES)[number];
/** "过半数" is strictly more than half, "半数以上" includes half (Chinese legal usage). */
export const QUORUM_RULE_LABELS: Record<QuorumRule, string> = {
  'more-than-half': '全体组成人员过半数出席',
  'half-or-more': '全体组成人员半数以上出席',
};

export const quorumSchema = z.object({
  rule: z
    .enum(QUORUM_RULES, { error: `法定人数规则应为${Object.values(QUORUM_RULE_LABELS).join('或')}` })
    .default('more-than-half'),
});

/**
 * The Standing Committee's term (届): its number and the calendar years of the five-year plan.
 * No default: the county states which term it is in.
 */
export const termSchema = z
  .object(
    {
      session: intField('届次', 1, 99),
      startYear: yearField('本届起始年份'),
      endYear: yearField('本届结束年份'),
    },
    objectError('本届届次和起止年份'),
  )
  .refine((t) => t.endYear >= t.startYear, { message: '本届结束年份不能早于起始年份', path: ['endYear'] })
  .refine((t) => t.endYear - t.startYear <= 5, { message: '一届的计划期不能超过6个年度', path: ['endYear'] });

/** How many department heads the office hears in person (到会汇报) a year: 5–6 by default. */
export const reportsTargetSchema = z
  .object({ min: intField('每年听取政府组成部门负责人汇报人数下限', 0, 99).default(5), max: intField('每年听取政府组成部门负责人汇报人数上限', 0, 99).default(6) }, objectError('每年听取政府组成部门负责人汇报人数'))
  .refine((t) => t.max >= t.min, { message: '每年听取政府组成部门负责人汇报人数的上限不能小于下限', path: ['max'] });
export type ReportsTarget = z.infer<typeof reportsTargetSchema>;

export const settingsSchema = z.object(
  {
    organisation: organisationSchema.prefault({}),
    deadlines: deadlinesSchema.prefault({}),
    quorum: quorumSchema.prefault({}),
    term: termSchema,
    /** Default time of a work report at the meeting (听取报告), minutes. */
    reportMinutes: intField('汇报时长（分钟）', 1, 120).default(15),
    /** 民主测评: grade labels, the grading rule, blank policy, satisfaction-rate formula (vote-rules.md). */
    votes: voteRulesSchema.prefault({}),
    /** Titles of the three votes (民主测评, 满意度测评, 整改情况测评): ballots, 通报, opinions. */
    voteTitles: voteTitlesSchema.prefault({}),
    /** 评议依据 cited by the opinion: the law and the county's own measure. */
    legalBasis: legalBasisSchema.prefault({}),
    /** 公文格式: font profile, the red header's text, size and scale, the red line (document-settings.ts). */
    documents: documentFormatSchema.prefault({}),
    /** 上行文: the organ (e.g. the Standing Committee's 党组) and 机关代字 of papers to the county committee (plan-papers.ts). */
    upward: upwardSchema.prefault({}),
    /** The office's target of department heads heard in person (到会汇报) a year; the plan and the statistics warn outside it. */
    reportsTarget: reportsTargetSchema.prefault({}),
    /** Whether the records hold the built-in demo county (so 设置 can offer to clear it). */
    demo: boolField('演示数据').default(false),
    /**
     * True from a new installation or cleared demo until the office has entered its own names and
     * term (the desk's 初始设置): until then the names held are placeholders, not the county's.
     * Files written before this existed were set up already.
     */
    setupPending: boolField('初始设置').default(false),
  },
  objectError('机关设置'),
);

export type Organisation = z.infer<typeof organisationSchema>;
export type Deadlines = z.infer<typeof deadlinesSchema>;
export type Term = z.infer<typeof termSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

/** Five calendar years starting with the current one: what a new installation assumes. */
export function defaultTerm(currentYear: number): Term {
  return { session: 1, startYear: currentYear, endYear: currentYear + 4 };
}

export function defaultSettings(currentYear: number): Settings {
  return settingsSchema.parse({ term: defaultTerm(currentYear) });
}

/**
 * Whether the desk opens on 初始设置: a folder marked so (new, or its demo cleared), or one set up
 * before the mark existed whose organ is still the placeholder 某某县… (its papers would print it).
 */
export function needsSetup(settings: Pick<Settings, 'setupPending' | 'demo' | 'organisation'>): boolean {
  return settings.setupPending || (!settings.demo && settings.organisation.fullName === PLACEHOLDER_FULL_NAME);
}

/** How many calendar years the plan period covers (2026—2030: 5). */
export function termLength(term: Pick<Term, 'startYear' | 'endYear'>): number {
  return term.endYear - term.startYear + 1;
}

const PLAN_LENGTH_NAMES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The plan's name by its length: 五年计划 for the usual term, 六年计划 for 2026—2031, so a term
 * of another length is never silently called a five-year plan.
 */
export function planName(term: Pick<Term, 'startYear' | 'endYear'>): string {
  const n = termLength(term);
  return `${PLAN_LENGTH_NAMES[n] ?? String(n)}年计划`;
}

/**
 * The year a screen opens on: the current year while it is in the term, else the term's first
 * year (a term still to come) or its last (a term that has ended).
 */
export function termYearFor(term: Pick<Term, 'startYear' | 'endYear'>, currentYear: number): number {
  return Math.min(Math.max(currentYear, term.startYear), term.endYear);
}

/** Years of the plan period, in order. */
export function termYears(term: Pick<Term, 'startYear' | 'endYear'>): number[] {
  const years: number[] = [];
  for (let y = term.startYear; y <= term.endYear; y++) years.push(y);
  return years;
}
