import { z } from 'zod';
import { dateField, idField, optionalText } from './fields';
import type { Member, Person } from './people';
import { researchRecordsFields, type ResearchMember } from './research-records';

/**
 * 调研报告 (事前调研): the research group's report on one evaluation, kept in the year partition of
 * the evaluation (`research` of yearSchema) beside the research records (research-records.ts: the
 * group, typed activities, findings). The report holds the text: the four sections 一、基本情况
 * 二、主要成效 三、存在问题 四、意见建议 (built from the records by research-compose.ts, then edited),
 * other methods in words and the date; its group, period and methods are printed from the records.
 *
 * One report per evaluation. Sections are plain paragraphs; a paragraph that starts with （一） or 1.
 * is printed as that heading level (the office types its own sub-headings in a report).
 */

export { RESEARCH_ROLES, RESEARCH_GROUP_MAX, researchMemberSchema, type ResearchRole, type ResearchMember } from './research-records';
export const RESEARCH_PARAGRAPH_MAX = 3000;
export const RESEARCH_PARAGRAPHS_MAX = 80;

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
      if (seen.has(key)) out.refusals.push({ path: `group.members.${i}`, message: `${g.name}在调研组中出现了两次` });
      seen.add(key);
    }
    if (before.some((b) => sameEntry(b, g))) return;
    const member = g.memberId ? members.find((m) => m.id === g.memberId) : undefined;
    const person = g.personId ? people.find((p) => p.id === g.personId) : undefined;
    if ((g.memberId && !member) || (g.personId && !person)) {
      out.refusals.push({ path: `group.members.${i}`, message: `调研组成员${g.name}已不在组成人员名单或人员库中` });
      return;
    }
    if (g.role !== '组长') return;
    if (!member && !person) {
      out.refusals.push({ path: `group.members.${i}`, message: `调研组组长应从组成人员或人员库中选择，“${g.name}”不在其中` });
    } else if (member && !LEADERSHIP_ROLES.includes(member.role)) {
      out.confirmations.push(`组长${member.name}是常委会${member.role}，不是主任或副主任。调研组一般由主任或副主任带队，请确认。`);
    } else if (person) {
      out.confirmations.push(`组长${person.name}是${person.kind}，不是常委会主任或副主任。调研组一般由主任或副主任带队，请确认。`);
    }
  });
  return out;
}

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

export const researchContentSchema = z.object({
  /**
   * Further methods in words, printed after the activities (召开座谈会3次；听取服务对象意见). The group,
   * its dates and the counted methods are research records now (research-records.ts); store version 3
   * moved them there from the report.
   */
  otherMethods: optionalText('其他调研方式', 200),
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
  /** The research records (groups, typed activities, findings): research-records.ts. */
  ...researchRecordsFields,
});
export type ResearchData = z.infer<typeof researchDataSchema>;

export function emptyResearch(): ResearchData {
  return { reports: [], groups: [], activities: [], findings: [] };
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
export function researchProblems(c: ResearchContent, group: { members: readonly ResearchMember[] } | undefined): string[] {
  const out: string[] = [];
  if (!group) out.push('尚未组成调研组');
  else if (!group.members.some((m) => m.role === '组长')) out.push('调研组尚无组长');
  const filled = (list: readonly string[]) => list.some((p) => p.trim() !== '');
  for (const key of RESEARCH_SECTION_KEYS) if (!filled(c.sections[key])) out.push(`“${RESEARCH_SECTION_TITLES[key].slice(2)}”还没有内容`);
  return out;
}
