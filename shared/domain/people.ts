import { z } from 'zod';
import { boolField, dateField, enumField, idField, intField, optionalText, requiredText } from './fields';

/** Standing Committee members (常委会组成人员): the only voters and the base of the quorum. */

/** A county Standing Committee has no other member roles; office staff are not members. */
export const MEMBER_ROLES = ['主任', '副主任', '委员'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

/** The plain fields, for forms that pick or omit some (zod refuses omit on a refined schema). */
export const memberObject = z.object({
  id: idField('mb', '组成人员'),
  name: requiredText('姓名', 30),
  role: enumField('职务', MEMBER_ROLES),
  gender: enumField('性别', GENDERS).optional(),
  /** 届次 the member was elected in (the current term unless filled by a by-election). */
  session: intField('届次', 1, 99).optional(),
  termStart: dateField('任期开始日期').optional(),
  termEnd: dateField('任期结束日期').optional(),
  /** 名单顺序: the order of the official roster, used by sign-in sheets and attendance. */
  rosterOrder: intField('名单顺序', 1, 999),
  /** Members who left stay on record (old votes refer to them) but are no longer counted. */
  active: boolField('在任状态').default(true),
  note: optionalText('备注', 500),
});

function memberRules(m: { termStart?: string; termEnd?: string }, ctx: z.RefinementCtx): void {
  if (m.termStart && m.termEnd && m.termEnd < m.termStart) {
    ctx.addIssue({ code: 'custom', message: '任期结束日期不能早于任期开始日期', path: ['termEnd'] });
  }
}

export const memberSchema = memberObject.superRefine(memberRules);
/** A new member as a form sends it: everything but the id, which the service assigns. */
export const memberDraftSchema = memberObject.omit({ id: true }).superRefine(memberRules);

export type Member = z.infer<typeof memberSchema>;
export type MemberInput = z.input<typeof memberSchema>;
export type MemberDraft = z.input<typeof memberDraftSchema>;

/** In roster order; the role only breaks ties while an edit has left two members on one number. */
export function sortMembers<T extends Pick<Member, 'role' | 'rosterOrder'>>(members: readonly T[]): T[] {
  const rank = (r: MemberRole) => MEMBER_ROLES.indexOf(r);
  return [...members].sort((a, b) => a.rosterOrder - b.rosterOrder || rank(a.role) - rank(b.role));
}

/** Who presides over a meeting unless the office picks another: the first active 主任 on the roster. */
export function defaultPresiding<T extends Pick<Member, 'role' | 'rosterOrder' | 'active'>>(members: readonly T[]): T | undefined {
  return sortMembers(members.filter((m) => m.active)).find((m) => m.role === '主任');
}

/** 单位: the government department, the court or the procuratorate an evaluatee works in. */

export const UNIT_KINDS = ['government', 'court', 'procuratorate', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  government: '政府组成部门',
  court: '人民法院',
  procuratorate: '人民检察院',
  other: '其他',
};

export const unitSchema = z.object({
  id: idField('un', '单位'),
  name: requiredText('单位名称', 60),
  kind: enumField('单位类别', UNIT_KINDS),
  note: optionalText('备注', 500),
});

export type Unit = z.infer<typeof unitSchema>;
export type UnitInput = z.input<typeof unitSchema>;
export const unitDraftSchema = unitSchema.omit({ id: true });
export type UnitDraft = z.input<typeof unitDraftSchema>;

/**
 * 人员库: people beyond the members who staff research groups and attend meetings as 列席 —
 * 人大代表, heads of the special committees (专门委员会 / 工作委员会负责人) and specialists. They never
 * vote and never count for the quorum.
 */

export const PERSON_KINDS = ['人大代表', '专委会负责人', '专家', '其他'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const personSchema = z.object({
  id: idField('ps', '人员'),
  name: requiredText('姓名', 30),
  kind: enumField('人员类别', PERSON_KINDS),
  /** 工作单位 as printed: 县第一中学, 县人大常委会法制工作委员会. */
  organisation: optionalText('工作单位', 60),
  /** 职务或专业领域: 主任, 会计, 法律. */
  field: optionalText('职务或专业领域', 60),
  /** 联系方式: a telephone number or an address, as the office keeps it. */
  contact: optionalText('联系方式', 60),
  /** People no longer available stay on record (old groups name them) but are not offered. */
  active: boolField('在册状态').default(true),
  note: optionalText('备注', 500),
});
export type Person = z.infer<typeof personSchema>;
export type PersonInput = z.input<typeof personSchema>;
export const personDraftSchema = personSchema.omit({ id: true });
export type PersonDraft = z.input<typeof personDraftSchema>;

/** By kind in the order above, then by name. */
export function sortPeople<T extends Pick<Person, 'kind' | 'name'>>(people: readonly T[]): T[] {
  const rank = (k: PersonKind) => PERSON_KINDS.indexOf(k);
  return [...people].sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
}

/** 县第一中学教师（人大代表）: how a person is described where a post is printed. */
export function personPost(p: Pick<Person, 'kind' | 'organisation' | 'field'>): string {
  const where = `${p.organisation}${p.field}`.trim();
  return where === '' ? p.kind : p.kind === '其他' ? where : `${where}（${p.kind}）`;
}
