import type { EvaluateeCategory } from '../../../shared/domain/evaluatees';
import type { ReportMode } from '../../../shared/domain/evaluations';
import { placeholder, type OpinionContent, type OpinionParagraph } from '../../../shared/domain/opinions';
import { citedTitle, type Deadlines, type LegalBasis, type VoteTitles } from '../../../shared/domain/settings';
import type { EvaluationVoteResult } from '../../../shared/domain/vote-round';
import { formatDateCn } from '../../../shared/format/dates';
import { DEFAULT_GRADE_LABELS, type GradeLabels } from '../../../shared/vote/terms';

/**
 * The first draft of an opinion, from what the app knows: the meeting and its date, the vote result
 * with its rule, the questions asked, the members' opinions, research findings. What only people can
 * judge (the achievements, the problems) is left as a 【待填写：…】 placeholder, which keeps the draft
 * from going to the council until someone has written it. Pure, so tests read its text directly.
 */

export interface PrefillFacts {
  name: string;
  unitName: string;
  position: string;
  category: EvaluateeCategory;
  mode: ReportMode;
  year: number;
  /** 县人大常委会: running text names the organ by its short name. */
  orgShortName: string;
  meeting: { name: string; date: string } | null;
  vote: EvaluationVoteResult | null;
  gradeLabels?: GradeLabels;
  questions: readonly { topic: string; questionText: string }[];
  memberOpinions: readonly { text: string }[];
  findings: readonly string[];
  /** The research report's methods with their counts (个别谈话12人次 …), when one was entered. */
  researchMethods?: readonly string[];
  criteria: readonly string[];
  deadlines: Deadlines;
  /** The votes' titles from the settings: the meeting's (民主测评) and the re-report's (整改情况测评). */
  voteTitles: Pick<VoteTitles, 'meeting' | 'reReport'>;
  /** What the opinion cites: the law and the county's own measure, from the settings. */
  legalBasis: LegalBasis;
}

const body = (text: string): OpinionParagraph => ({ level: 0, text });
/**
 * Every list the draft fills (problems, suggestions) is at one level, so its items are numbered
 * alike (1., 2. …) whatever number a person typed in front of a finding or an opinion.
 */
const item = (text: string): OpinionParagraph => ({ level: 3, text });
/** A finding or an opinion someone wrote: its own number dropped, ended as a sentence. */
const recorded = (text: string): OpinionParagraph => item(sentence(withoutTypedNumber(text)));

/**
 * "（1）", "1.", "1、", "（一）", "一、" typed in front of an item: the draft numbers its items itself.
 * A figure that starts the text (1.5亿元…) is not a number of the item.
 */
export function withoutTypedNumber(text: string): string {
  return text.trim().replace(/^(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,3}\s*[.．、](?!\d)|[一二三四五六七八九十]{1,3}、)\s*/u, '');
}

/** Ends a sentence taken from a record with a full stop, whatever the person typed. */
export function sentence(text: string): string {
  const t = text.trim().replace(/[，,、；;：:\s]+$/u, '');
  return /[。！？!?」”）)]$/u.test(t) ? t : `${t}。`;
}

function researchMethods(category: EvaluateeCategory): string {
  if (category === '员额法官') return '案件评查、旁听庭审、座谈走访、查阅资料、听取服务对象意见';
  if (category === '员额检察官') return '案件评查、座谈走访、查阅资料、听取服务对象意见';
  return '座谈走访、听取汇报、查阅资料、问卷调查、听取服务对象意见';
}

/** 应到30人，实到27人，收回测评票27张，其中满意25票、基本满意2票、不满意0票 */
export function voteCountsText(vote: EvaluationVoteResult, labels: GradeLabels = DEFAULT_GRADE_LABELS): string {
  const { context, counts } = vote;
  return (
    `应到${context.entitled}人，实到${context.present}人，收回测评票${context.returned}张，` +
    `其中${labels.satisfied}${counts.satisfied}票、${labels.basic}${counts.basic}票、${labels.unsatisfied}${counts.unsatisfied}票`
  );
}

/**
 * 根据《…监督法》《…办法》和县人大常委会2026年度工作评议实施方案，— the law and the county's measure as
 * the settings name them (in 书名号; an empty one left out), then the year's 实施方案.
 */
export function basisClause(basis: LegalBasis, orgShortName: string, year: number): string {
  const titles = citedTitle(basis.law) + citedTitle(basis.measure);
  return `根据${titles === '' ? '' : `${titles}和`}${orgShortName}${year}年度工作评议实施方案，`;
}

export function leadParagraph(f: PrefillFacts): string {
  const who = `${f.name}同志`;
  const basis = basisClause(f.legalBasis, f.orgShortName, f.year);
  const methods = f.researchMethods && f.researchMethods.length > 0 ? f.researchMethods.join('、') : researchMethods(f.category);
  const research = `${f.orgShortName}组织调研组，采取${methods}等方式，对${who}履职情况进行了事前调研。`;
  const meeting = f.meeting
    ? `${formatDateCn(f.meeting.date)}，${f.meeting.name}`
    : placeholder('评议会议的日期和名称');
  const heard = f.mode === 'written' ? `审议了${who}的书面履职报告` : `听取了${who}的履职情况报告`;
  const asked = f.questions.length > 0 ? '，进行了询问' : '';
  let text = `${basis}${research}${meeting}${heard}${asked}，并进行了${f.voteTitles.meeting}。`;
  if (f.vote) {
    text += `测评结果为“${f.vote.outcome}”（${voteCountsText(f.vote, f.gradeLabels)}，满意率${f.vote.rateText}）。`;
  }
  return `${text}现将评议意见反馈如下。`;
}

function basicEvaluation(f: PrefillFacts): OpinionParagraph[] {
  const criteria = f.criteria.length > 0 ? `对照评价标准（${f.criteria.join('；')}）` : '对照评价标准';
  const out = [body(`常委会组成人员认为，${f.name}同志任${f.unitName}${f.position}以来，${placeholder(`${criteria}概括履职的主要成效`)}`)];
  if (f.vote) out.push(body(`在${f.voteTitles.meeting}中，${f.name}同志的测评等次为“${f.vote.outcome}”，满意率为${f.vote.rateText}。`));
  return out;
}

function problems(f: PrefillFacts): OpinionParagraph[] {
  const out: OpinionParagraph[] = [];
  const topics = [...new Set(f.questions.map((q) => q.topic.trim()).filter((t) => t !== ''))];
  if (f.questions.length > 0) {
    const about = topics.length > 0 ? `围绕${topics.join('、')}等方面` : `就${f.questions.length}个方面的问题`;
    out.push(body(`评议会议上，常委会组成人员${about}进行了询问。结合事前调研和询问情况，主要存在以下问题：`));
  } else {
    out.push(body('结合事前调研和评议情况，主要存在以下问题：'));
  }
  for (const finding of f.findings) out.push(recorded(finding));
  for (const topic of topics) out.push(item(`关于${topic}。${placeholder('结合询问和答复情况归纳存在的问题')}`));
  if (f.findings.length === 0 && topics.length === 0) out.push(item(placeholder('结合事前调研、询问和组成人员意见逐条归纳存在的问题')));
  return out;
}

function suggestions(f: PrefillFacts): OpinionParagraph[] {
  const texts = f.memberOpinions.map((o) => o.text.trim()).filter((t) => t !== '');
  if (texts.length === 0) return [body('针对存在的问题，提出以下意见和建议：'), item(placeholder('结合组成人员的评议意见提出意见和建议'))];
  return [body('针对存在的问题，常委会组成人员提出以下意见和建议：'), ...texts.map(recorded)];
}

/**
 * The deadlines sentence of 整改要求, from the settings: the report within 6 months by default, and
 * a rectification plan only when the office set its days.
 */
export function deadlineSentence(deadlines: Deadlines, orgShortName: string): string {
  const plan = deadlines.rectificationPlanDays === null ? '' : `${deadlines.rectificationPlanDays}日内报送整改方案，`;
  return `请于收到本意见之日起${plan}${deadlines.rectificationReportMonths}个月内将整改落实情况书面报告${orgShortName}。`;
}

/** After a failing grade: rectify, report to a Standing Committee meeting N months later, then its vote. */
export function reReportSentence(f: Pick<PrefillFacts, 'deadlines' | 'orgShortName' | 'voteTitles'>, outcome: string): string {
  return (
    `鉴于${f.voteTitles.meeting}结果为“${outcome}”，请认真整改，${f.deadlines.reReportMonths}个月后向${f.orgShortName}会议报告整改情况，` +
    `并接受${f.voteTitles.reReport}。`
  );
}

function rectification(f: PrefillFacts): OpinionParagraph[] {
  const out = [
    body(`请${f.name}同志对照本评议意见，认真研究制定整改措施，明确整改责任和时限，切实抓好整改落实。${deadlineSentence(f.deadlines, f.orgShortName)}`),
  ];
  if (f.vote?.failing) {
    out.push(body(reReportSentence(f, f.vote.outcome)));
  }
  return out;
}

export function prefillOpinion(f: PrefillFacts): OpinionContent {
  return {
    addressee: `${f.name}同志`,
    lead: [body(leadParagraph(f))],
    sections: {
      basicEvaluation: basicEvaluation(f),
      problems: problems(f),
      suggestions: suggestions(f),
      rectification: rectification(f),
    },
  };
}

/** Why the draft is thinner than it could be: shown beside the editor. */
export function prefillHints(f: PrefillFacts): string[] {
  const hints: string[] = [];
  if (!f.meeting) hints.push('尚未安排评议会议，开头段落中的会议情况需补充。');
  if (!f.vote) hints.push('尚无已公布的测评结果；测评公布后可“按最新记录重新预填”。');
  if (f.questions.length === 0 && f.mode === 'report') hints.push('尚无询问记录。');
  if (f.memberOpinions.length === 0) hints.push('尚未登记组成人员的评议意见。');
  return hints;
}
