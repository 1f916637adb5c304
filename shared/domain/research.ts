import { z } from 'zod';
import { dateField, enumField, idField, intField, optionalText, requiredText } from './fields';
import type { EvaluateeCategory } from './evaluatees';
import type { Member, Person } from './people';

/**
 * 调研报告 (事前调研): the research group's report on one evaluation, kept in the year partition of
 * the evaluation (`research` of yearSchema). Research records come in a later batch; until then the
 * secretariat enters what the report says: the group's composition, the methods with their counts,
 * the period and the four sections 一、基本情况 二、主要成效 三、存在问题 四、意见建议.
 *
 * One report per evaluation. Sections are plain paragraphs; a paragraph that starts with （一） or 1.
 * is printed as that heading level (the office types its own sub-headings in a report).
 */

export const RESEARCH_ROLES = ['组长', '副组长', '成员'] as const;
export type ResearchRole = (typeof RESEARCH_ROLES)[number];

export const RESEARCH_GROUP_MAX = 30;
export const RESEARCH_PARAGRAPH_MAX = 3000;
export const RESEARCH_PARAGRAPHS_MAX = 80;

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

/** 主任 and 副主任: who leads a research group without being asked about it. */
export const LEADERSHIP_ROLES: readonly string[] = ['主任', '副主任'];

export interface GroupVerdict {
  /** Refused: nothing is saved. */
  refusals: { path: string; message: string }[];
  /** Saved only after the clerk confirms. */
  confirmations: string[];
}

const sameEntry = (a: ResearchMember, b: ResearchMember) =>
  a.role === b.role && (a.memberId ?? '') === (b.memberId ?? '') && (a.personId ?? '') === (b.personId ?? '') && a.name === b.name;

/**
 * The group as saved, judged against the roster and the registry: the 组长 comes from the
 * leadership (主任 / 副主任); a member or registry person of another rank leads only after a
 * confirmation; a leader from neither is refused; a picked person is in the group once. As with
 * the other checks, only what changed is judged: an entry already saved is not asked about again,
 * and an older report with typed-in leaders still saves.
 */
export function checkGroup(
  group: readonly ResearchMember[],
  before: readonly ResearchMember[],
  members: readonly Pick<Member, 'id' | 'name' | 'role'>[],
  people: readonly Pick<Person, 'id' | 'name' | 'kind'>[],
): GroupVerdict {
  const out: GroupVerdict = { refusals: [], confirmations: [] };
  const seen = new Set<string>();
  group.forEach((g, i) => {
    const key = g.memberId ?? g.personId;
    if (key) {
      if (seen.has(key)) out.refusals.push({ path: `content.group.${i}`, message: `${g.name}在调研组中出现了两次` });
      seen.add(key);
    }
    if (before.some((b) => sameEntry(b, g))) return;
    const member = g.memberId ? members.find((m) => m.id === g.memberId) : undefined;
    const person = g.personId ? people.find((p) => p.id === g.personId) : undefined;
    if ((g.memberId && !member) || (g.personId && !person)) {
      out.refusals.push({ path: `content.group.${i}`, message: `调研组成员${g.name}已不在组成人员名单或人员库中` });
      return;
    }
    if (g.role !== '组长') return;
    if (!member && !person) {
      out.refusals.push({ path: `content.group.${i}`, message: `调研组组长应从组成人员或人员库中选择，“${g.name}”不在其中` });
    } else if (member && !LEADERSHIP_ROLES.includes(member.role)) {
      out.confirmations.push(`组长${member.name}是常委会${member.role}，不是主任或副主任。调研组一般由主任或副主任带队，请确认。`);
    } else if (person) {
      out.confirmations.push(`组长${person.name}是${person.kind}，不是常委会主任或副主任。调研组一般由主任或副主任带队，请确认。`);
    }
  });
  return out;
}

/** The methods the generator knows, with their counts (0: not used). */
export const METHOD_KEYS = ['talks', 'visits', 'questionnairesIssued', 'questionnairesReturned', 'documentsRead', 'caseFilesReviewed', 'hearingsAttended'] as const;
export type MethodKey = (typeof METHOD_KEYS)[number];
export const METHOD_LABELS: Readonly<Record<MethodKey, string>> = {
  talks: '个别谈话',
  visits: '实地走访',
  questionnairesIssued: '发放问卷',
  questionnairesReturned: '回收问卷',
  documentsRead: '查阅资料',
  caseFilesReviewed: '评查案卷',
  hearingsAttended: '旁听庭审',
};
export const METHOD_UNITS: Readonly<Record<MethodKey, string>> = {
  talks: '人次',
  visits: '处',
  questionnairesIssued: '份',
  questionnairesReturned: '份',
  documentsRead: '份',
  caseFilesReviewed: '件',
  hearingsAttended: '次',
};

/** Judges and prosecutors are also researched through their case files and hearings. */
export function methodsFor(category: EvaluateeCategory): MethodKey[] {
  const judicial = category === '员额法官' || category === '员额检察官';
  return METHOD_KEYS.filter((k) => judicial || (k !== 'caseFilesReviewed' && k !== 'hearingsAttended'));
}

const methodCount = (key: MethodKey) => intField(`${METHOD_LABELS[key]}数量`, 0, 99999).default(0);

export const researchMethodsSchema = z
  .object({
    talks: methodCount('talks'),
    visits: methodCount('visits'),
    questionnairesIssued: methodCount('questionnairesIssued'),
    questionnairesReturned: methodCount('questionnairesReturned'),
    documentsRead: methodCount('documentsRead'),
    caseFilesReviewed: methodCount('caseFilesReviewed'),
    hearingsAttended: methodCount('hearingsAttended'),
    /** Further methods in words: 召开座谈会3次；听取服务对象意见. */
    other: optionalText('其他调研方式', 200),
  })
  .refine((m) => m.questionnairesReturned <= m.questionnairesIssued, { message: '回收问卷不能多于发放问卷', path: ['questionnairesReturned'] });
export type ResearchMethods = z.infer<typeof researchMethodsSchema>;

export const RESEARCH_SECTION_KEYS = ['basicSituation', 'achievements', 'problems', 'suggestions'] as const;
export type ResearchSectionKey = (typeof RESEARCH_SECTION_KEYS)[number];
export const RESEARCH_SECTION_TITLES: Readonly<Record<ResearchSectionKey, string>> = {
  basicSituation: '一、基本情况',
  achievements: '二、主要成效',
  problems: '三、存在问题',
  suggestions: '四、意见建议',
};

const sectionParagraphs = (key: ResearchSectionKey) => {
  const label = `“${RESEARCH_SECTION_TITLES[key].slice(2)}”`;
  return z
    .array(z.string({ error: `${label}的段落应为文字` }).max(RESEARCH_PARAGRAPH_MAX, `${label}每段不能超过${RESEARCH_PARAGRAPH_MAX}个字`), {
      error: `${label}应为段落列表`,
    })
    .max(RESEARCH_PARAGRAPHS_MAX, `${label}不能超过${RESEARCH_PARAGRAPHS_MAX}段`)
    .default([]);
};

export const researchContentSchema = z
  .object({
    /** Name of the group as printed under the title and as the signature; 县人大常委会调研组 when empty. */
    groupName: optionalText('调研组名称', 40),
    group: z.array(researchMemberSchema, { error: '调研组成员应为列表' }).max(RESEARCH_GROUP_MAX, `调研组成员不能超过${RESEARCH_GROUP_MAX}人`).default([]),
    from: dateField('调研开始日期').optional(),
    to: dateField('调研结束日期').optional(),
    methods: researchMethodsSchema.prefault({}),
    sections: z
      .object({
        basicSituation: sectionParagraphs('basicSituation'),
        achievements: sectionParagraphs('achievements'),
        problems: sectionParagraphs('problems'),
        suggestions: sectionParagraphs('suggestions'),
      })
      .prefault({}),
    /** 成文日期 of the report. */
    date: dateField('报告日期').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.from && c.to && c.to < c.from) ctx.addIssue({ code: 'custom', message: '调研结束日期不能早于开始日期', path: ['to'] });
    if ((c.from === undefined) !== (c.to === undefined)) {
      ctx.addIssue({ code: 'custom', message: '调研起止日期应同时填写或同时留空', path: [c.from ? 'to' : 'from'] });
    }
  });
export type ResearchContent = z.infer<typeof researchContentSchema>;
export type ResearchContentInput = z.input<typeof researchContentSchema>;

export const researchReportSchema = z.object({
  evaluationId: idField('ev', '评议'),
  evaluateeId: idField('ee', '被评议对象'),
  content: researchContentSchema,
  createdAt: z.string({ error: '时间应为文字' }),
  updatedAt: z.string({ error: '时间应为文字' }),
});
export type ResearchReport = z.infer<typeof researchReportSchema>;

export const researchDataSchema = z.object({
  reports: z.array(researchReportSchema, { error: '调研报告应为列表' }).default([]),
});
export type ResearchData = z.infer<typeof researchDataSchema>;

export function emptyResearch(): ResearchData {
  return { reports: [] };
}

export function emptyResearchContent(): ResearchContent {
  return researchContentSchema.parse({});
}

/** 关于对张明同志履职情况的调研报告 */
export function researchTitleText(name: string): string {
  return `关于对${name.trim()}同志履职情况的调研报告`;
}

export function researchFileName(name: string): string {
  return `${researchTitleText(name)}.docx`;
}

/** What the generator still lacks before the report reads as a report; empty when complete. */
export function researchProblems(c: ResearchContent): string[] {
  const out: string[] = [];
  if (!c.group.some((m) => m.role === '组长')) out.push('调研组尚无组长');
  const filled = (list: readonly string[]) => list.some((p) => p.trim() !== '');
  for (const key of RESEARCH_SECTION_KEYS) if (!filled(c.sections[key])) out.push(`“${RESEARCH_SECTION_TITLES[key].slice(2)}”还没有内容`);
  return out;
}

/** Methods actually used, in words: 个别谈话12人次、实地走访3处、发放问卷50份（回收48份）… */
export function methodsText(m: ResearchMethods, keys: readonly MethodKey[] = METHOD_KEYS): string[] {
  const out: string[] = [];
  for (const key of keys) {
    if (key === 'questionnairesReturned') continue;
    const n = m[key];
    if (n <= 0) continue;
    if (key === 'questionnairesIssued') {
      out.push(`发放问卷${n}份${m.questionnairesReturned > 0 ? `（回收${m.questionnairesReturned}份）` : ''}`);
    } else out.push(`${METHOD_LABELS[key]}${n}${METHOD_UNITS[key]}`);
  }
  for (const part of m.other.split(/[；;。]/)) if (part.trim() !== '') out.push(part.trim());
  return out;
}
