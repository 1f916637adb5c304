import { z } from 'zod';
import { chineseNumeral } from '../format/chinese-numerals';
import { dateField, enumField, idField, intField, optionalText, requiredText } from './fields';
import type { RandomSource } from './ids';

/**
 * 评议意见 kept in the year partition of the evaluation they answer (`opinions` of yearSchema):
 * the members' opinions the secretariat collects (评议表, remarks at the meeting) and one opinion
 * per evaluation, with its versions and workflow dates.
 *
 * The workflow is 草稿 → 主任会议审定 → 印发 → 送达, each step dated on the version. A version that
 * has been issued is frozen: changing it makes a new version with a reason, and the old versions
 * stay as they were (what was printed and delivered is the record).
 *
 * The body is structured paragraphs with a level; numbering (（一）, 1., （1）) is generated from the
 * level and the position, so a moved or deleted paragraph never leaves a wrong number behind.
 */

/** 0 body text; 1 一、; 2 （一）; 3 1.; 4 （1） — the generator's levels (GB/T 9704 7.3.3). */
export const PARAGRAPH_LEVELS = [0, 1, 2, 3, 4] as const;
export type OpinionParagraphLevel = (typeof PARAGRAPH_LEVELS)[number];
export const LEVEL_LABELS: Readonly<Record<OpinionParagraphLevel, string>> = {
  0: '正文',
  1: '一、',
  2: '（一）',
  3: '1.',
  4: '（1）',
};

/**
 * The four sections of an opinion (documents-gbt9704.md, 评议意见). They are the opinion's 一、
 * headings, fixed by the county's evaluation rules, so paragraphs inside a section use levels
 * 0, 2, 3 and 4 only; the lead paragraphs before the first section are body text.
 */
export const SECTION_KEYS = ['basicEvaluation', 'problems', 'suggestions', 'rectification'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = {
  basicEvaluation: '基本评价',
  problems: '存在的问题',
  suggestions: '意见和建议',
  rectification: '整改要求',
};
export const SECTION_LEVELS: readonly OpinionParagraphLevel[] = [0, 2, 3, 4];

export const PARAGRAPH_MAX = 3000;
export const PARAGRAPHS_MAX = 120;

/**
 * Text the app cannot know (a judgement) is left in the draft between these marks; an opinion
 * cannot go to the council while any remains, so none ever reaches a printed document.
 */
export const PLACEHOLDER_OPEN = '【待填写：';
export const PLACEHOLDER_CLOSE = '】';
export function placeholder(what: string): string {
  return `${PLACEHOLDER_OPEN}${what}${PLACEHOLDER_CLOSE}`;
}

export const paragraphSchema = z.object({
  level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: '段落级别应为0至4' }),
  text: z.string({ error: '段落内容应为文字' }).max(PARAGRAPH_MAX, `每段不能超过${PARAGRAPH_MAX}个字`),
  /**
   * The research finding this paragraph was made from (存在的问题 / 意见和建议), by id: the link
   * survives edits of the text (shared/thread).
   */
  findingId: idField('fd', '关联的调研问题').optional(),
});
export type OpinionParagraph = z.infer<typeof paragraphSchema>;

const paragraphs = (label: string, levels: readonly OpinionParagraphLevel[]) =>
  z
    .array(paragraphSchema, { error: `${label}应为段落列表` })
    .max(PARAGRAPHS_MAX, `${label}不能超过${PARAGRAPHS_MAX}段`)
    .refine((list) => list.every((p) => levels.includes(p.level)), {
      error: levels.length === 1 ? `${label}只能是正文段落` : `${label}中的标题级别应为（一）、1.或（1）（“一、”是四个部分的标题）`,
    });

export const opinionContentSchema = z.object({
  /** 主送: 张三同志, or the unit. */
  addressee: requiredText('主送', 60),
  /** The basis, the research methods, the meeting and the vote result. */
  lead: paragraphs('开头段落', [0]).default([]),
  sections: z.object({
    basicEvaluation: paragraphs('“基本评价”', SECTION_LEVELS).default([]),
    problems: paragraphs('“存在的问题”', SECTION_LEVELS).default([]),
    suggestions: paragraphs('“意见和建议”', SECTION_LEVELS).default([]),
    rectification: paragraphs('“整改要求”', SECTION_LEVELS).default([]),
  }),
});
export type OpinionContent = z.infer<typeof opinionContentSchema>;
export type OpinionContentInput = z.input<typeof opinionContentSchema>;

export const councilStepSchema = z.object({
  /** 主任会议审定 date; also the document's 成文日期. */
  date: dateField('主任会议审定日期'),
  /** 第X次主任会议, when known: gives the note under the title. */
  sitting: intField('主任会议次数', 1, 999).nullable().default(null),
});
export const issueStepSchema = z.object({
  docNumber: requiredText('发文字号', 40),
  issueDate: dateField('印发日期'),
});
export const deliveryStepSchema = z.object({
  date: dateField('送达日期'),
  receivedBy: requiredText('签收人', 30),
});
export type CouncilStep = z.infer<typeof councilStepSchema>;
export type IssueStep = z.infer<typeof issueStepSchema>;
export type DeliveryStep = z.infer<typeof deliveryStepSchema>;

const stamp = z.string({ error: '时间应为文字' });

export const opinionVersionSchema = z.object({
  no: z.number().int().min(1),
  createdAt: stamp,
  updatedAt: stamp,
  /** Why this version replaced the previous one; '' for the first. */
  reason: optionalText('修订原因', 200),
  content: opinionContentSchema,
  council: councilStepSchema.nullable().default(null),
  issue: issueStepSchema.nullable().default(null),
  delivery: deliveryStepSchema.nullable().default(null),
});
export type OpinionVersion = z.infer<typeof opinionVersionSchema>;

export const OPINION_ID = /^op_[0-9a-z]{4,32}$/;
export const MEMBER_OPINION_ID = /^mo_[0-9a-z]{4,32}$/;
export const opinionIdField = z.string({ error: '评议意见编号不能为空' }).regex(OPINION_ID, '评议意见编号无效');
export const memberOpinionIdField = z.string({ error: '意见编号不能为空' }).regex(MEMBER_OPINION_ID, '意见编号无效');

export const opinionRecordSchema = z.object({
  id: opinionIdField,
  evaluationId: idField('ev', '评议'),
  evaluateeId: idField('ee', '被评议对象'),
  createdAt: stamp,
  /** Oldest first; the last is the current one. Earlier versions are never changed. */
  versions: z.array(opinionVersionSchema).min(1, '评议意见至少应有一个版本'),
});
export type OpinionRecord = z.infer<typeof opinionRecordSchema>;

/** 书面 (评议表 handed in) or 会上 (said at the meeting, taken down by the secretariat). */
export const MEMBER_OPINION_SOURCES = ['written', 'meeting'] as const;
export type MemberOpinionSource = (typeof MEMBER_OPINION_SOURCES)[number];
export const MEMBER_OPINION_SOURCE_LABELS: Readonly<Record<MemberOpinionSource, string>> = { written: '书面', meeting: '会上' };

export const memberOpinionFields = {
  evaluateeId: idField('ee', '被评议对象'),
  /** A member of the roster; absent for someone not on it (a deputy, an expert). */
  memberId: idField('mb', '组成人员').optional(),
  /** As written on the form, so the record reads without the roster. */
  name: requiredText('提出人', 30),
  text: requiredText('意见内容', 5000),
  source: enumField('意见来源', MEMBER_OPINION_SOURCES).default('written'),
};

export const memberOpinionSchema = z.object({
  id: memberOpinionIdField,
  ...memberOpinionFields,
  createdAt: stamp,
});
export type MemberOpinion = z.infer<typeof memberOpinionSchema>;

export const opinionsDataSchema = z.object({
  records: z.array(opinionRecordSchema, { error: '评议意见应为列表' }).default([]),
  memberOpinions: z.array(memberOpinionSchema, { error: '组成人员意见应为列表' }).default([]),
});
export type OpinionsData = z.infer<typeof opinionsDataSchema>;

export function emptyOpinions(): OpinionsData {
  return { records: [], memberOpinions: [] };
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export function newOpinionId(prefix: 'op' | 'mo', random: RandomSource): string {
  let body = '';
  // 256 is a multiple of 32, so the low five bits of each byte are uniform.
  for (const b of random.bytes(10)) body += ID_ALPHABET[b & 31];
  return `${prefix}_${body}`;
}

// ---------------------------------------------------------------- status

export const OPINION_STATUSES = ['draft', 'approved', 'issued', 'delivered'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];
export const OPINION_STATUS_LABELS: Readonly<Record<OpinionStatus | 'none', string>> = {
  none: '未起草',
  draft: '草稿',
  approved: '已审定',
  issued: '已印发',
  delivered: '已送达',
};

export function versionStatus(v: Pick<OpinionVersion, 'council' | 'issue' | 'delivery'>): OpinionStatus {
  if (v.delivery) return 'delivered';
  if (v.issue) return 'issued';
  if (v.council) return 'approved';
  return 'draft';
}

export function currentVersion(record: Pick<OpinionRecord, 'versions'>): OpinionVersion {
  const v = record.versions.at(-1);
  if (!v) throw new RangeError('an opinion without versions');
  return v;
}

/** An issued version is what was printed: its text and dates never change. */
export function isFrozen(v: Pick<OpinionVersion, 'issue'>): boolean {
  return v.issue !== null;
}

// ---------------------------------------------------------------- numbering

/** 一、 二、 … for level 1; （一） for 2; 1. for 3; （1） for 4. */
export function levelNumber(level: OpinionParagraphLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
    default:
      return '';
  }
}

/**
 * The number each paragraph carries, from its level and its place: a heading counts among the
 * headings of its level since the last heading above it. Empty paragraphs take no number (the
 * document leaves them out), so the editor, the preview and the Word file agree.
 */
export function numberParagraphs(list: readonly OpinionParagraph[], startLevel1 = 0): string[] {
  const counters = [0, startLevel1, 0, 0, 0];
  return list.map((p) => {
    if (p.level === 0 || p.text.trim() === '') return '';
    counters[p.level] = (counters[p.level] ?? 0) + 1;
    for (let l = p.level + 1; l <= 4; l++) counters[l] = 0;
    return levelNumber(p.level, counters[p.level] ?? 1);
  });
}

/** Section titles as printed: 一、基本评价 … 四、整改要求. */
export function sectionHeading(key: SectionKey): string {
  return `${levelNumber(1, SECTION_KEYS.indexOf(key) + 1)}${SECTION_TITLES[key]}`;
}

/** Where the placeholders left by the prefill still stand, as 'section: text' snippets. */
export function remainingPlaceholders(content: OpinionContent): string[] {
  const out: string[] = [];
  const scan = (where: string, list: readonly OpinionParagraph[]) => {
    for (const p of list) {
      const at = p.text.indexOf(PLACEHOLDER_OPEN);
      if (at >= 0) out.push(`${where}：${p.text.slice(at, p.text.indexOf(PLACEHOLDER_CLOSE, at) + 1 || undefined)}`);
    }
  };
  scan('开头', content.lead);
  for (const key of SECTION_KEYS) scan(SECTION_TITLES[key], content.sections[key]);
  return out;
}

/** What keeps a draft from going to the council, in Chinese; empty when it may go. */
export function draftProblems(content: OpinionContent): string[] {
  const problems: string[] = [];
  const filled = (list: readonly { text: string }[]) => list.some((p) => p.text.trim() !== '');
  if (!filled(content.lead)) problems.push('开头段落还没有内容');
  for (const key of SECTION_KEYS) if (!filled(content.sections[key])) problems.push(`“${SECTION_TITLES[key]}”还没有内容`);
  const left = remainingPlaceholders(content);
  if (left.length > 0) problems.push(`还有${left.length}处【待填写】：${left.slice(0, 3).join('；')}${left.length > 3 ? '……' : ''}`);
  return problems;
}

/** Characters of body text (for the editor's count and the benchmark's synthetic drafts). */
export function contentLength(content: OpinionContent): number {
  const all = [...content.lead, ...SECTION_KEYS.flatMap((k) => content.sections[k])];
  return all.reduce((n, p) => n + [...p.text.trim()].length, 0);
}

// ---------------------------------------------------------------- document text

/** 关于对张三同志履职情况的评议意见 (the generator's title, without its line-break glue). */
export function opinionTitleText(name: string): string {
  return `关于对${name.trim()}同志履职情况的评议意见`;
}

/** The exported file: the title, and the version when it is not the first. */
export function opinionFileName(name: string, versionNo = 1): string {
  return `${opinionTitleText(name)}${versionNo > 1 ? `（第${versionNo}版）` : ''}.docx`;
}

/**
 * （2024年10月28日县第十九届人大常委会第二十三次主任会议通过）: the note under the title, known
 * once the council sitting is recorded. `prefix` is the meeting-name prefix (县, 青岚县).
 */
export function councilNote(dateCn: string, prefix: string, session: number, sitting: number): string {
  return `（${dateCn}${prefix}第${chineseNumeral(session)}届人大常委会第${chineseNumeral(sitting)}次主任会议通过）`;
}

/** A paragraph as printed: the number prefixed, and for a （一） heading the body text that runs on after it. */
export interface PrintedParagraph {
  level: OpinionParagraphLevel;
  text: string;
  /** Body text in the same paragraph after a （一） heading's first sentence (楷体 heading, 仿宋 text). */
  runIn?: string;
}

/**
 * A list as printed: empty paragraphs dropped, numbers generated. A （一） heading is one sentence in
 * 楷体; what follows its first 。 in the same paragraph is body text, as offices write
 * "（一）依法履职意识较强。该同志……".
 */
export function printedParagraphs(list: readonly OpinionParagraph[], startLevel1 = 0): PrintedParagraph[] {
  const numbers = numberParagraphs(list, startLevel1);
  const out: PrintedParagraph[] = [];
  list.forEach((p, i) => {
    const text = p.text.trim();
    if (text === '') return;
    const head = `${numbers[i] ?? ''}${text}`;
    const stop = p.level === 2 ? head.indexOf('。') : -1;
    if (stop >= 0 && stop < head.length - 1) out.push({ level: p.level, text: head.slice(0, stop + 1), runIn: head.slice(stop + 1) });
    else out.push({ level: p.level, text: head });
  });
  return out;
}

/** The whole body as printed: lead, then each section under its 一、 heading. */
export function printedBody(content: OpinionContent): PrintedParagraph[] {
  return [
    ...printedParagraphs(content.lead),
    ...SECTION_KEYS.flatMap((key) => [{ level: 1 as const, text: sectionHeading(key) }, ...printedParagraphs(content.sections[key])]),
  ];
}
