/**
 * Stable record ids: a kind prefix and 10 random base32 characters, e.g. 'ev_7k2m9q4xzt'. The
 * prefix makes a stray id in a log or a file name self-explaining; ids never change once given,
 * so renaming a person or a unit never breaks a reference.
 */

/** Same shape as the services' random source; declared here because shared/ imports nothing else. */
export interface RandomSource {
  bytes(n: number): Uint8Array;
}

export const ID_KINDS = {
  member: 'mb',
  unit: 'un',
  /** A person of the registry beyond the members: deputy, special-committee head, specialist. */
  person: 'ps',
  evaluatee: 'ee',
  criterion: 'cr',
  evaluation: 'ev',
  meeting: 'mt',
  agendaItem: 'ag',
  voteRound: 'vr',
  /** A step of further supervision (询问, 质询案, 特定问题调查委员会, 相应决定). */
  escalationStep: 'es',
  /** A line of the results-use register (结果运用). */
  resultUse: 'ru',
  /** 调研组: a research group of one evaluation or a batch researched together. */
  researchGroup: 'rg',
  /** 调研活动: one typed research activity (座谈走访, 问卷调查, 案件评查 …). */
  researchActivity: 'ra',
  /** 调研问题: a finding of the research, first-class (criterion, weight, suggestion). */
  finding: 'fd',
} as const;

export type IdKind = (typeof ID_KINDS)[keyof typeof ID_KINDS];

/** Crockford's alphabet in lower case: no i, l, o, u, so an id read aloud or retyped survives. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const ID_LENGTH = 10;

export function newId(kind: IdKind, random: RandomSource): string {
  const bytes = random.bytes(ID_LENGTH);
  let body = '';
  // 256 is a multiple of 32, so the low five bits of each byte are uniform.
  for (let i = 0; i < ID_LENGTH; i++) body += ALPHABET[(bytes[i] ?? 0) & 31];
  return `${kind}_${body}`;
}

/**
 * Ids of one kind. Generated ids have 10 characters; shorter fixed ids (the default criteria
 * 'cr_std1' …) are allowed so defaults can be built without a random source.
 */
export function idPattern(kind: IdKind): RegExp {
  return new RegExp(`^${kind}_[0-9a-z]{4,32}$`);
}

export function isIdOf(kind: IdKind, value: unknown): value is string {
  return typeof value === 'string' && idPattern(kind).test(value);
}
