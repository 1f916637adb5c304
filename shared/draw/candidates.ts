import { sortMembers, type MemberRole } from '../domain/people';

/**
 * Who may be drawn: members present who have not yet asked in the scope and cycle, minus named
 * exclusions (e.g. the chair), in roster order. Roster order is fixed before any random value is
 * read and can be checked against the printed roster, so the mapping of values to people is
 * visible to anyone auditing the draw.
 */

/** The fields of a member the draw needs (a stored Member fits). */
export interface DrawRosterMember {
  id: string;
  name: string;
  role: MemberRole;
  rosterOrder: number;
  /** Members who left stay on the roster for old records but are never drawn. */
  active?: boolean;
}

export type IdSet = ReadonlySet<string> | readonly string[];

export interface CandidateInput {
  roster: readonly DrawRosterMember[];
  present: IdSet;
  /** Members who already asked in this scope and cycle (see askedInScope). */
  asked: IdSet;
  excluded: IdSet;
}

export type EmptyReason = 'no-members' | 'none-present' | 'all-excluded' | 'all-asked';

export const EMPTY_REASON_TEXT: Record<EmptyReason, string> = {
  'no-members': '名单中没有在任的组成人员，无法抽取',
  'none-present': '没有出席的组成人员，无法抽取',
  'all-excluded': '出席的组成人员均已排除在抽取之外，无法抽取',
  'all-asked': '本轮所有出席的组成人员都已提问',
};

export interface CandidateResult {
  /** Candidate ids in roster order. */
  ids: string[];
  members: DrawRosterMember[];
  /** Members present, in roster order: recorded with the draw so a replay can re-derive the candidates. */
  present: string[];
  /** Members present who are excluded, in roster order (recorded with the draw). */
  excluded: string[];
  /** Why there is nobody to draw; null when there are candidates. */
  empty: { reason: EmptyReason; message: string } | null;
  /** True when everyone eligible has asked: the console offers a new cycle. */
  offerNewCycle: boolean;
}

function toSet(ids: IdSet): ReadonlySet<string> {
  return ids instanceof Set ? ids : new Set(ids as readonly string[]);
}

export function drawCandidates(input: CandidateInput): CandidateResult {
  const present = toSet(input.present);
  const asked = toSet(input.asked);
  const excluded = toSet(input.excluded);
  const roster = sortMembers(input.roster.filter((m) => m.active !== false));
  const here = roster.filter((m) => present.has(m.id));
  const notExcluded = here.filter((m) => !excluded.has(m.id));
  const members = notExcluded.filter((m) => !asked.has(m.id));

  let reason: EmptyReason | null = null;
  if (members.length === 0) {
    if (roster.length === 0) reason = 'no-members';
    else if (here.length === 0) reason = 'none-present';
    else if (notExcluded.length === 0) reason = 'all-excluded';
    else reason = 'all-asked';
  }
  return {
    ids: members.map((m) => m.id),
    members,
    present: here.map((m) => m.id),
    excluded: here.filter((m) => excluded.has(m.id)).map((m) => m.id),
    empty: reason ? { reason, message: EMPTY_REASON_TEXT[reason] } : null,
    offerNewCycle: reason === 'all-asked',
  };
}

/** For replayLog and fairnessReport: the roster keyed by id. */
export function indexRoster(roster: readonly DrawRosterMember[]): ReadonlyMap<string, DrawRosterMember> {
  return new Map(roster.map((m) => [m.id, m]));
}
