import type { DrawRosterMember } from './candidates';
import { foldLog, type DrawRecord } from './fold';
import type { DrawScope } from './log-schema';

/**
 * The audit: re-derives every draw from the log alone. For each draw it re-runs the mapping on the
 * logged values and candidates, checks the candidates were exactly the members present, not
 * excluded and not yet asked in the scope and cycle given the log up to that entry, that nobody
 * was drawn twice in a scope and cycle, and that every cancellation names an earlier draw not
 * already cancelled. With the roster it also checks everyone present was a member.
 */

export interface ScopeAsked {
  scope: DrawScope;
  scopeId: string;
  /** The cycle the scope is in at the end of the log. */
  cycle: number;
  /** Members who asked in the current cycle, in the order drawn (cancelled draws left out). */
  asked: string[];
  /** Every cycle's asked members, by cycle number. */
  byCycle: Record<number, string[]>;
}

export interface ReplayResult {
  /** True when there are no problems (warnings do not make a draw unfair). */
  ok: boolean;
  /** Chinese sentences, each naming the draw or entry (第3次抽取（dl_0005）：…). */
  problems: string[];
  /** Things worth a look that do not make a draw unfair, e.g. the roster was renumbered since. */
  warnings: string[];
  asked: ScopeAsked[];
  draws: DrawRecord[];
}

/** `log` is taken as unknown entries: a stored file may have been altered into any shape. */
export function replayLog(log: readonly unknown[], rosterById?: ReadonlyMap<string, DrawRosterMember>): ReplayResult {
  const { state, findings } = foldLog(log, rosterById ? { rosterById } : {});
  const problems = findings.flatMap((f) => f.problems);
  const warnings = findings.flatMap((f) => f.warnings);
  const asked = [...state.scopes.values()].map((s) => {
    const byCycle: Record<number, string[]> = {};
    for (const [cycle, members] of [...s.asked.entries()].sort((a, b) => a[0] - b[0])) byCycle[cycle] = [...members.keys()];
    return { scope: s.scope, scopeId: s.scopeId, cycle: s.cycle, asked: [...(s.asked.get(s.cycle)?.keys() ?? [])], byCycle };
  });
  const draws = [...state.draws.values()].sort((a, b) => a.ordinal - b.ordinal);
  return { ok: problems.length === 0, problems, warnings, asked, draws };
}
