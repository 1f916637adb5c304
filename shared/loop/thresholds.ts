import type { Member } from '../domain/people';

/**
 * The legal thresholds of escalation. Only active members of the county Standing Committee count:
 * members who left stay on record but may not propose, and a name not on the roster is refused.
 */

export const INTERPELLATION_MIN_PROPOSERS = 3;

export interface ProposerRef {
  memberId?: string | undefined;
  name: string;
}

export interface ProposerCheck {
  ok: boolean;
  /** Distinct active members among the proposers. */
  valid: number;
  /** How many the rule needs. */
  required: number;
  /** Every refusal, in Chinese, naming the rule or the person. */
  problems: string[];
}

/** The members on record, active or not. */
export type Roster = readonly Pick<Member, 'id' | 'name' | 'active'>[];

/** Sorts the proposers into active members, and names everyone else with why they do not count. */
function screenProposers(proposers: readonly ProposerRef[], roster: Roster, what: string): { valid: Set<string>; problems: string[] } {
  const byId = new Map(roster.map((m) => [m.id, m]));
  const valid = new Set<string>();
  const problems: string[] = [];
  for (const p of proposers) {
    const m = p.memberId === undefined ? undefined : byId.get(p.memberId);
    if (!m) problems.push(`${p.name}不是本级人大常委会组成人员，不能作为${what}`);
    else if (!m.active) problems.push(`${m.name}已不在任，不能作为${what}`);
    else if (valid.has(m.id)) problems.push(`${m.name}重复列名，只计一次`);
    else valid.add(m.id);
  }
  return { valid, problems };
}

/** 质询案: proposed jointly in writing by at least 3 members of the county Standing Committee. */
export function checkInterpellationProposers(proposers: readonly ProposerRef[], roster: Roster): ProposerCheck {
  const { valid, problems } = screenProposers(proposers, roster, '质询案提案人');
  const required = INTERPELLATION_MIN_PROPOSERS;
  const ok = valid.size >= required;
  if (!ok) problems.push(`质询案应由常委会组成人员${required}人以上联名书面提出，现有提案人${valid.size}人`);
  return { ok, valid: valid.size, required, problems };
}

/** At least one fifth of the active members: the smallest k with 5k ≥ n (integers only). */
export function oneFifthOf(activeMembers: number): number {
  return Math.ceil(activeMembers / 5);
}

/**
 * 特定问题调查委员会: proposed by the 主任会议, or in writing by at least one fifth of the active
 * members (30 members → 6; 27 members → 6).
 */
export function checkInvestigationProposers(proposedBy: 'council' | 'members', proposers: readonly ProposerRef[], roster: Roster): ProposerCheck {
  if (proposedBy === 'council') return { ok: true, valid: 0, required: 0, problems: [] };
  const active = roster.filter((m) => m.active).length;
  const required = oneFifthOf(active);
  const { valid, problems } = screenProposers(proposers, roster, '组织特定问题调查委员会的提议人');
  const ok = valid.size >= required && valid.size > 0;
  if (!ok) {
    problems.push(
      `组织特定问题调查委员会应由主任会议提议，或由常委会组成人员五分之一以上书面联名提议（现有在任组成人员${active}人，至少${Math.max(required, 1)}人），现有提议人${valid.size}人`,
    );
  }
  return { ok, valid: valid.size, required, problems };
}

/** After an answer: more than half of the proposers not satisfied → the organ answers again. */
export function needsSecondAnswer(proposerCount: number, notSatisfied: number): boolean {
  return notSatisfied * 2 > proposerCount;
}
