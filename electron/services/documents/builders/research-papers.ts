import { formatDateCn } from '../../../../shared/format/dates';
import type { BodyBlock, BodyParagraph, OfficialDocInput } from '../model';
import { WORD_JOINER } from '../title-lines';
import { buildResearchReportDocument, compositionText, DEFAULT_RESEARCH_GROUP, RESEARCH_SECTIONS, type ResearchReportInput } from './research-report';

/**
 * The papers of the research records: the questionnaire as a form to print and hand out, the public
 * notice (网上发布公告) as a meeting paper, and the combined 调研报告 of a batch of evaluations
 * researched together (one section per evaluatee).
 */

export interface QuestionnaireFormInput {
  /** e.g. 关于张明同志履职情况的调查问卷. */
  title: string;
  /** The words above the questions; a standard note when empty. */
  intro: string;
  questions: { text: string; multiple: boolean; options: string[] }[];
  /** Who asks: 县人大常委会调研组. */
  organ: string;
}

const BOX = '□';

/** 调查问卷 as a form: title, the note, each question numbered with its kind and a box per option. */
export function buildQuestionnaireForm(input: QuestionnaireFormInput): OfficialDocInput {
  const title = input.title.trim();
  if (title === '') throw new RangeError('调查问卷标题不能为空');
  if (input.questions.length === 0) throw new RangeError('调查问卷还没有问题');
  const body: BodyBlock[] = [];
  const intro = input.intro.trim() || `为了解有关情况，${input.organ}开展本次问卷调查。问卷不记名，请在所选项前的方框内打“√”。感谢您的支持！`;
  for (const p of intro.split(/\n+/)) if (p.trim()) body.push({ text: p.trim() });
  input.questions.forEach((q, i) => {
    if (q.text.trim() === '') throw new RangeError(`调查问卷第${i + 1}题内容为空`);
    if (q.options.length < 2) throw new RangeError(`调查问卷第${i + 1}题至少应有两个选项`);
    // A question typed with its own （可多选） keeps it, not printed twice.
    const kind = /（[^）]*选[^）]*）$/.test(q.text.trim()) ? '' : `（${q.multiple ? '可多选' : '单选'}）`;
    body.push({ text: `${i + 1}.${q.text.trim()}${kind}`, flush: true });
    body.push({ text: q.options.map((o) => `${BOX}${o.trim()}`).join('　　'), flush: true });
  });
  body.push({ text: '您的其他意见和建议：', flush: true }, { text: '　', flush: true }, { text: '　', flush: true }, { text: input.organ, align: 'right', flush: true });
  return {
    kind: 'form',
    title,
    body,
    properties: { title, subject: '调查问卷' },
  };
}

export interface NoticeInput {
  title: string;
  /** Paragraphs of the notice as the office wrote it. */
  text: string;
  channel: string;
  from?: string;
  to?: string;
  organ: string;
  /** 'YYYY-MM-DD'. */
  date: string;
}

/** 网上发布公告 as a meeting paper: the text, then the period and the channel when given. */
export function buildNoticeDocument(input: NoticeInput): OfficialDocInput {
  const title = input.title.trim();
  const paragraphs = input.text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length === 0) throw new RangeError('公告内容不能为空');
  const body: BodyParagraph[] = paragraphs.map((text) => ({ text }));
  if (input.from && input.to) body.push({ text: `公告期：${formatDateCn(input.from)}至${formatDateCn(input.to)}。` });
  if (input.channel.trim()) body.push({ text: `发布渠道：${input.channel.trim()}。` });
  return {
    kind: 'meeting-paper',
    title,
    body,
    signature: { organ: input.organ, date: input.date, sealed: false },
    properties: { title: title.replaceAll(WORD_JOINER, ''), subject: '公告' },
  };
}

export interface CombinedSectionInput {
  /** 张明同志（县教育局局长）. */
  subject: string;
  basicSituation: ResearchReportInput['basicSituation'];
  achievements: ResearchReportInput['achievements'];
  problems: ResearchReportInput['problems'];
  suggestions: ResearchReportInput['suggestions'];
}

export interface CombinedReportInput extends Omit<ResearchReportInput, 'subject' | 'basicSituation' | 'achievements' | 'problems' | 'suggestions'> {
  sections: CombinedSectionInput[];
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

/**
 * The office's own sub-headings one level lower, renumbered so they do not read as the section
 * headings above them: （一） → 1., 1. → （1）.
 */
function demote(p: BodyParagraph): BodyParagraph {
  const level = p.level ?? 0;
  if (level === 0) return p;
  let text = p.text;
  const cn = /^（([一二三四五六七八九十]{1,3})）/.exec(text);
  const digit = /^(\d{1,2})[.．]/.exec(text);
  if (level === 2 && cn) text = `${CN.indexOf(cn[1]!) + 1}.${text.slice(cn[0].length)}`;
  else if (level === 3 && digit) text = `（${digit[1]}）${text.slice(digit[0].length)}`;
  return { ...p, level: Math.min(4, level + 1) as BodyParagraph['level'], text };
}

/**
 * One 调研报告 of a batch: the lead, composition and methods once, then a 一、 section per evaluatee with
 * （一）基本情况 （二）主要成效 （三）存在问题 （四）意见建议 under it (the typed sub-headings one level lower).
 */
export function buildCombinedResearchReport(input: CombinedReportInput): OfficialDocInput {
  if (input.sections.length < 2) throw new RangeError('合并调研报告至少应有两名被评议对象');
  const { sections, ...rest } = input;
  // The single report's lead, composition and methods, without its four sections.
  const base = buildResearchReportDocument({ ...rest, subject: '', basicSituation: '', achievements: '', problems: '', suggestions: '' });
  const firstHeading = base.body.findIndex((b) => 'text' in b && b.text === RESEARCH_SECTIONS[0]);
  const body: BodyBlock[] = base.body.slice(0, firstHeading);
  const lead = body[0];
  if (lead && 'text' in lead && !input.lead) {
    const when = input.period ? `${formatDateCn(input.period.from)}至${formatDateCn(input.period.to)}，` : '';
    const group = input.groupName?.trim() || DEFAULT_RESEARCH_GROUP;
    body[0] = { text: `根据县人大常委会工作评议实施方案，${when}${group}对${sections.map((s) => s.subject).join('、')}履职情况进行了调研。` };
  }
  const blocks = (c: CombinedSectionInput['basicSituation']): BodyParagraph[] =>
    (typeof c === 'string' ? c.split(/\n+/).map((text) => ({ text })) : c.map((p) => (typeof p === 'string' ? { text: p } : p))).filter((p) => p.text.trim() !== '').map(demote);
  sections.forEach((s, i) => {
    body.push({ level: 1, text: `${CN[i] ?? String(i + 1)}、关于${s.subject}` });
    const parts = [s.basicSituation, s.achievements, s.problems, s.suggestions];
    RESEARCH_SECTIONS.forEach((heading, j) => {
      body.push({ level: 2, text: `（${CN[j]}）${heading.slice(2)}` }, ...blocks(parts[j] ?? ''));
    });
  });
  if (compositionText(input.members) === '') throw new RangeError('调研组组成人员不能为空');
  return { ...base, body, properties: { title: input.title.replaceAll(WORD_JOINER, ''), subject: '调研报告' } };
}
