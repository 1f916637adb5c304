import { describeIssues, issuesOf } from '../api/validation';
import { DrawError } from './errors';
import { applyEntry, askedIn, foldLog, type DrawRecord } from './fold';
import { drawLogEntrySchema, scopeKey, type DrawLog, type DrawLogEntryInput, type DrawScope } from './log-schema';

/**
 * The append-only log and the questions the console asks of it. There is deliberately no update
 * or delete: a redraw or an undo is a new 'cancel' entry, and the store checks with
 * assertAppendOnly that what it writes only grew.
 */

/**
 * Checks `entry` against everything the log holds so far (the same checks a replay makes) and
 * returns a new log with it at the end; `log` is not touched. Throws a DrawError naming every
 * problem, e.g. a reused id (an attempt to edit), a cancellation of an unknown or already cancelled
 * draw, a draw whose candidates are not the eligible members or whose result does not follow from
 * its values.
 */
export function appendEntry(log: DrawLog, entry: DrawLogEntryInput): DrawLog {
  const parsed = drawLogEntrySchema.safeParse(entry);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    throw new DrawError([`抽取记录格式无效：${describeIssues(issues)}`], 'invalid_args');
  }
  const { state } = foldLog(log, { validated: true, applyOnly: true });
  const finding = applyEntry(state, parsed.data, log.length, { validated: true });
  if (finding.problems.length > 0) throw new DrawError(finding.problems);
  return [...log, parsed.data];
}

/** Key-order-independent JSON, so a re-saved but unchanged entry compares equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Throws unless `after` is `before` with entries added at the end (for the store, before a write). */
export function assertAppendOnly(before: readonly unknown[], after: readonly unknown[]): void {
  if (after.length < before.length) {
    throw new DrawError(`抽取记录只能追加：原有${before.length}条记录，新记录只有${after.length}条`);
  }
  for (let i = 0; i < before.length; i++) {
    if (canonical(before[i]) !== canonical(after[i])) {
      const id = (before[i] as { id?: unknown } | null)?.id;
      throw new DrawError(`抽取记录只能追加：第${i + 1}条记录（${String(id)}）被修改`);
    }
  }
}

/**
 * Sequential ids ('dl_0001', …): the log is append-only, so the position is unique and stable, and
 * an auditor reading the printout can see that no entry is missing.
 */
export function nextEntryId(log: DrawLog): string {
  return `dl_${String(log.length + 1).padStart(4, '0')}`;
}

/** What the console asks of the log, from one pass over it. */
export interface LogView {
  /** The cycle a scope is in now (1 until a new-cycle entry). */
  cycle(scope: DrawScope, scopeId: string): number;
  /** Members who asked in a scope and cycle (default: the current one), in the order drawn. */
  asked(scope: DrawScope, scopeId: string, cycle?: number): string[];
  /** Questions drawn by draws that stand: they are not offered again. */
  drawnQuestionIds: Set<string>;
  /** Every draw with its number (第几次抽取) and the cancellation that voided it, if any. */
  draws: DrawRecord[];
  /** The latest draw in a scope if it stands, else null: what the console and the hall show. */
  current(scope: DrawScope, scopeId: string): DrawRecord | null;
}

export function viewLog(log: DrawLog): LogView {
  const { state } = foldLog(log, { validated: true, applyOnly: true });
  const draws = [...state.draws.values()].sort((a, b) => a.ordinal - b.ordinal);
  return {
    cycle: (scope, scopeId) => state.scopes.get(scopeKey(scope, scopeId))?.cycle ?? 1,
    asked: (scope, scopeId, cycle) => {
      const s = state.scopes.get(scopeKey(scope, scopeId));
      // Cancelled draws are already removed: a member passed over by a redraw stays eligible.
      return s ? [...askedIn(s, cycle ?? s.cycle).keys()] : [];
    },
    drawnQuestionIds: new Set(state.questions.keys()),
    draws,
    current: (scope, scopeId) => {
      const last = draws.findLast((r) => r.entry.scope === scope && r.entry.scopeId === scopeId);
      return last && !last.cancelledBy ? last : null;
    },
  };
}

/** The cycle a scope is in now (1 until a new-cycle entry). */
export function currentCycle(log: DrawLog, scope: DrawScope, scopeId: string): number {
  return viewLog(log).cycle(scope, scopeId);
}

/**
 * Members who have asked in a scope and cycle (default: the current one), in the order drawn.
 * Cancelled draws do not count: a member passed over by a redraw stays eligible.
 */
export function askedInScope(log: DrawLog, scope: DrawScope, scopeId: string, cycle?: number): string[] {
  return viewLog(log).asked(scope, scopeId, cycle);
}

/** Questions drawn by draws that stand (not cancelled): they are not offered again. */
export function drawnQuestionIds(log: DrawLog): Set<string> {
  return viewLog(log).drawnQuestionIds;
}

/** The latest draw in a scope that stands, or null. */
export function currentDraw(log: DrawLog, scope: DrawScope, scopeId: string): DrawRecord | null {
  return viewLog(log).current(scope, scopeId);
}
