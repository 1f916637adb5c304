import type { QuorumRule } from '../domain/settings';

export interface QuorumCheck {
  /** 应到: all Standing Committee members. */
  entitled: number;
  /** 实到: members present. */
  present: number;
  met: boolean;
  /** Fewest present that would satisfy the rule. */
  needed: number;
  /** 应到30人，实到18人，符合法定人数 */
  text: string;
}

/** 过半数 is strictly more than half; 半数以上 includes exactly half. */
export function quorumNeeded(entitled: number, rule: QuorumRule): number {
  return rule === 'more-than-half' ? Math.floor(entitled / 2) + 1 : Math.ceil(entitled / 2);
}

export function checkQuorum(entitled: number, present: number, rule: QuorumRule): QuorumCheck {
  const needed = quorumNeeded(entitled, rule);
  const met = entitled > 0 && present >= needed;
  const text = `应到${entitled}人，实到${present}人，${met ? '符合法定人数' : `不足法定人数（至少需${needed}人）`}`;
  return { entitled, present, met, needed, text };
}

/** The fields of the roster and the sign-in that the quorum of a meeting is counted from. */
export interface QuorumInputs {
  members: readonly { id: string; active: boolean }[];
  attendance: { members: Readonly<Record<string, string>> };
  rule: QuorumRule;
}

/** 应到 is every active member, 实到 those signed in as present. */
export function meetingQuorum({ members, attendance, rule }: QuorumInputs): QuorumCheck {
  const active = members.filter((m) => m.active);
  const present = active.filter((m) => attendance.members[m.id] === 'present').length;
  return checkQuorum(active.length, present, rule);
}
