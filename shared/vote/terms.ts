import { z } from 'zod';
import { enumField, intField, objectError, requiredText } from '../domain/fields';

/**
 * The words of the on-site vote (民主测评), as data: grades, marks, counts, voter groups.
 * See the rules in shared/vote/README.md; everything a user reads is Chinese and comes from here.
 */

/** The three grades a member can give; their labels are a setting (gradeLabelsSchema). */
export const GRADES = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Grade = (typeof GRADES)[number];

/** What one sheet says about one evaluatee: a grade, nothing (blank), or something unreadable. */
export const MARKS = ['satisfied', 'basic', 'unsatisfied', 'blank', 'invalid'] as const;
export type Mark = (typeof MARKS)[number];

/** Console keys, as the teller's sheet is keyed: 1 满意, 2 基本满意, 3 不满意, 0 blank, 9 invalid. */
export const MARK_KEYS: Readonly<Record<Mark, string>> = {
  satisfied: '1',
  basic: '2',
  unsatisfied: '3',
  blank: '0',
  invalid: '9',
};

export const DEFAULT_GRADE_LABELS: Readonly<Record<Grade, string>> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
};

/** Words for the two non-grade marks; a blank under the abstention policy is called 弃权. */
export const BLANK_LABEL = '空白';
export const ABSTAIN_LABEL = '弃权';
export const INVALID_LABEL = '无效';

export const gradeLabelsSchema = z
  .object(
    {
      satisfied: requiredText('第一等次名称', 10).default(DEFAULT_GRADE_LABELS.satisfied),
      basic: requiredText('第二等次名称', 10).default(DEFAULT_GRADE_LABELS.basic),
      unsatisfied: requiredText('第三等次名称', 10).default(DEFAULT_GRADE_LABELS.unsatisfied),
    },
    objectError('测评等次名称'),
  )
  // The arithmetic and the hall name grades by label; two equal labels would make them ambiguous.
  .refine((l) => new Set([l.satisfied, l.basic, l.unsatisfied]).size === 3, { message: '三个测评等次的名称不能相同' })
  .refine((l) => ![l.satisfied, l.basic, l.unsatisfied].some((x) => [BLANK_LABEL, ABSTAIN_LABEL, INVALID_LABEL].includes(x)), {
    message: `测评等次名称不能为“${BLANK_LABEL}”“${ABSTAIN_LABEL}”或“${INVALID_LABEL}”`,
  });
export type GradeLabels = z.infer<typeof gradeLabelsSchema>;

/** Labels of all five marks, for tables and messages. */
export function markLabels(labels: GradeLabels = DEFAULT_GRADE_LABELS, blankPolicy: BlankPolicy = 'invalid'): Record<Mark, string> {
  return { ...labels, blank: blankPolicy === 'abstain' ? ABSTAIN_LABEL : BLANK_LABEL, invalid: INVALID_LABEL };
}

/** A blank for one evaluatee is, by default, invalid for that evaluatee; some counties call it 弃权. */
export const BLANK_POLICIES = ['invalid', 'abstain'] as const;
export type BlankPolicy = (typeof BLANK_POLICIES)[number];
export const BLANK_POLICY_LABELS: Readonly<Record<BlankPolicy, string>> = {
  invalid: '空白视为无效票',
  abstain: '空白视为弃权（计入有效票，不计入任何等次）',
};
export const blankPolicySchema = enumField('空白票处理方式', BLANK_POLICIES);

/** A count of sheets: what a teller can write down. 9999 is far above any county meeting. */
const countField = (label: string) => intField(label, 0, 9999);

/** The five counts of one evaluatee in one group; they must add up to the sheets returned. */
export const countsSchema = z.object(
  {
    satisfied: countField('满意票数'),
    basic: countField('基本满意票数'),
    unsatisfied: countField('不满意票数'),
    blank: countField('空白票数'),
    invalid: countField('无效票数'),
  },
  objectError('计票结果'),
);
export type Counts = z.infer<typeof countsSchema>;

export function emptyCounts(): Counts {
  return { satisfied: 0, basic: 0, unsatisfied: 0, blank: 0, invalid: 0 };
}

export function countsTotal(c: Counts): number {
  return c.satisfied + c.basic + c.unsatisfied + c.blank + c.invalid;
}

/** 有效票 for one evaluatee: sheets with exactly one grade mark, plus blanks when blank = abstention. */
export function validCount(c: Counts, blankPolicy: BlankPolicy): number {
  return c.satisfied + c.basic + c.unsatisfied + (blankPolicy === 'abstain' ? c.blank : 0);
}

/**
 * The numbers a round knows besides the marks. 应到/实到 are per voter group: for the binding
 * group, all Standing Committee members and those present.
 */
export const roundContextSchema = z.object(
  {
    entitled: countField('应到人数'),
    present: countField('实到人数'),
    issued: countField('发出票数'),
    returned: countField('收回票数'),
  },
  objectError('投票情况'),
);
export type RoundContext = z.infer<typeof roundContextSchema>;

/**
 * Who votes. Members present are the binding group; deputies and citizens may vote in groups of
 * their own whose counts and results stand beside the binding ones and are never added to them.
 */
export const VOTER_GROUP_KINDS = ['members', 'deputies', 'citizens', 'other'] as const;
export type VoterGroupKind = (typeof VOTER_GROUP_KINDS)[number];
export const VOTER_GROUP_LABELS: Readonly<Record<VoterGroupKind, string>> = {
  members: '常委会组成人员',
  deputies: '人大代表',
  citizens: '群众代表',
  other: '其他人员',
};

/** Only the members' group decides the grade; every other group is counted apart. */
export function isBindingGroup(kind: VoterGroupKind): boolean {
  return kind === 'members';
}

export const voterGroupSchema = z.object(
  {
    kind: enumField('投票人员类别', VOTER_GROUP_KINDS),
    /** Shown name, e.g. 人大代表 or 服务对象代表; defaults to the kind's label. */
    label: requiredText('投票人员类别名称', 20).optional(),
  },
  objectError('投票人员类别'),
);
export type VoterGroup = z.infer<typeof voterGroupSchema>;

export function voterGroupLabel(group: VoterGroup): string {
  return group.label ?? VOTER_GROUP_LABELS[group.kind];
}
