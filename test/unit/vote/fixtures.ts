import type { Counts, RoundContext } from '../../../shared/vote';

/** Counts with zeros for whatever is not named. */
export function counts(partial: Partial<Counts>): Counts {
  return { satisfied: 0, basic: 0, unsatisfied: 0, blank: 0, invalid: 0, ...partial };
}

/** A round where everyone present voted and returned a sheet. */
export function context(entitled: number, present: number, returned = present, issued = present): RoundContext {
  return { entitled, present, issued, returned };
}

/** Counts for a round with `returned` sheets: the rest of the sheets are 不满意. */
export function filled(returned: number, partial: Partial<Counts>): Counts {
  const c = counts(partial);
  const used = c.satisfied + c.basic + c.blank + c.invalid;
  return { ...c, unsatisfied: partial.unsatisfied ?? returned - used };
}
