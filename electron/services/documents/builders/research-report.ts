import { formatDateCn } from '../../../../shared/format/dates';
import type { BodyBlock, OfficialDocInput } from '../model';
import { WORD_JOINER } from '../title-lines';
import { checkCount } from './announcement';
import { contentBlocks, type OpinionContent } from './opinion';

/**
 * 调研报告 of a research group (调研组): a meeting paper — title, the group's composition, the methods with their
 * counts, then 一、基本情况 二、主要成效 三、存在问题 四、意见建议, signed by the group.
 */

export interface ResearchMemberInput {
  /** 组长, 副组长 or 成员. */
  role: '组长' | '副组长' | '成员';
  name: string;
  /** Post, e.g. 县人大常委会副主任. */
  post: string;
}

/** Counts of the research methods; absent or 0 means the method was not used. */
export interface ResearchMethodsInput {
  /** 个别谈话 N 人次. */
  talks?: number;
  /** 实地走访 N 处. */
  visits?: number;
  /** 问卷 发放 N 份, 回收 N 份. */
  questionnairesIssued?: number;
  questionnairesReturned?: number;
  /** 查阅资料 N 份. */
  documentsRead?: number;
  /** For judges and prosecutors: 评查案卷 N 件. */
  caseFilesReviewed?: number;
  /** For judges and prosecutors: 旁听庭审 N 次. */
  hearingsAttended?: number;
  /** Further methods in words, e.g. 召开座谈会3次. */
  other?: string[];
}

export interface ResearchReportInput {
  /** e.g. 关于对张明同志履职情况的调研报告. */
  title: string;
  /** Who the report is about, for the lead: 张明同志（县教育局局长）. */
  subject?: string;
  /** Who signs: 县人大常委会调研组 (default). */
  groupName?: string;
  members: ResearchMemberInput[];
  /** 'YYYY-MM-DD', start and end of the research (optional). */
  period?: { from: string; to: string };
  methods?: ResearchMethodsInput;
  /** The methods in words, already phrased (个别谈话12人次); used instead of `methods` when given. */
  methodPhrases?: string[];
  /** Paragraphs before 一、基本情况; a standard lead from subject, period and methods when absent. */
  lead?: OpinionContent;
  basicSituation: OpinionContent;
  achievements: OpinionContent;
  problems: OpinionContent;
  suggestions: OpinionContent;
  /** 'YYYY-MM-DD'. */
  date: string;
}

export const RESEARCH_SECTIONS = ['一、基本情况', '二、主要成效', '三、存在问题', '四、意见建议'] as const;
export const DEFAULT_RESEARCH_GROUP = '县人大常委会调研组';

const ROLES = ['组长', '副组长', '成员'] as const;

/** 县人大常委会副主任刘建国同志任组长，…陈静同志任副组长，县人大常委会委员周伟、县人大代表吴刚同志为成员. */
export function compositionText(members: readonly ResearchMemberInput[]): string {
  const parts: string[] = [];
  for (const role of ROLES) {
    const list = members.filter((m) => m.role === role && m.name.trim() !== '');
    if (list.length === 0) continue;
    const names = list.map((m) => `${m.post.trim()}${m.name.trim()}`).join('、');
    parts.push(role === '成员' ? `${names}同志为成员` : `${names}同志任${role}`);
  }
  return parts.join('，');
}

/** 个别谈话32人次，实地走访6处，发放问卷120份、回收115份，… — only the methods used, in the order of the input. */
export function methodsText(methods: ResearchMethodsInput): string {
  const n = (value: number | undefined, field: string) => (value === undefined ? 0 : checkCount(value, field));
  const parts: string[] = [];
  const talks = n(methods.talks, '个别谈话人次');
  const visits = n(methods.visits, '实地走访处数');
  const issued = n(methods.questionnairesIssued, '问卷发放份数');
  const returned = n(methods.questionnairesReturned, '问卷回收份数');
  if (returned > issued) throw new RangeError(`问卷回收份数（${returned}份）不能多于发放份数（${issued}份）`);
  const documents = n(methods.documentsRead, '查阅资料份数');
  const caseFiles = n(methods.caseFilesReviewed, '评查案卷件数');
  const hearings = n(methods.hearingsAttended, '旁听庭审次数');
  if (talks > 0) parts.push(`个别谈话${talks}人次`);
  if (visits > 0) parts.push(`实地走访${visits}处`);
  if (issued > 0) parts.push(`发放调查问卷${issued}份、回收${returned}份`);
  if (documents > 0) parts.push(`查阅资料${documents}份`);
  if (caseFiles > 0) parts.push(`评查案卷${caseFiles}件`);
  if (hearings > 0) parts.push(`旁听庭审${hearings}次`);
  for (const other of methods.other ?? []) if (other.trim() !== '') parts.push(other.trim().replace(/[。；，]$/, ''));
  return parts.join('，');
}

/** 调研报告 as a meeting paper: title, the group under it, lead, composition and methods, the four sections, signature. */
export function buildResearchReportDocument(input: ResearchReportInput): OfficialDocInput {
  const title = input.title.trim();
  if (title === '') throw new RangeError('调研报告标题不能为空');
  const group = input.groupName?.trim() || DEFAULT_RESEARCH_GROUP;
  const composition = compositionText(input.members);
  if (composition === '') throw new RangeError('调研组组成人员不能为空');
  if (!input.members.some((m) => m.role === '组长')) throw new RangeError('调研组须有组长');
  const methods = input.methodPhrases ? input.methodPhrases.map((p) => p.trim().replace(/[。；，]$/, '')).filter(Boolean).join('，') : methodsText(input.methods ?? {});

  const body: BodyBlock[] = [];
  if (input.lead) {
    body.push(...contentBlocks(input.lead));
  } else {
    const when = input.period ? `${formatDateCn(input.period.from)}至${formatDateCn(input.period.to)}，` : '';
    const whom = input.subject?.trim() ? `对${input.subject.trim()}履职情况` : '';
    body.push({ text: `根据县人大常委会工作评议实施方案，${when}${group}${whom}进行了调研。` });
  }
  body.push({ text: `调研组由${composition}。` });
  body.push({ text: methods ? `调研中，调研组采取${methods}等方式，广泛听取各方面意见。现将调研情况报告如下。` : '现将调研情况报告如下。' });
  const sections = [input.basicSituation, input.achievements, input.problems, input.suggestions];
  RESEARCH_SECTIONS.forEach((heading, i) => {
    body.push({ level: 1, text: heading }, ...contentBlocks(sections[i] ?? ''));
  });
  return {
    kind: 'meeting-paper',
    title,
    body,
    signature: { organ: group, date: input.date, sealed: false },
    properties: { title: title.replaceAll(WORD_JOINER, ''), subject: '调研报告' },
  };
}
