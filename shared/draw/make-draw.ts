import type { RandomSource } from '../domain/ids';
import { drawCandidates, type DrawRosterMember, type EmptyReason, type IdSet } from './candidates';
import { appendEntry, currentCycle, viewLog } from './log';
import type { CancelKind, DrawEntry, DrawLog, DrawScope } from './log-schema';
import { pickIndex } from './pick-index';

/**
 * What the services call: each builds the entry from the log, the roster and the random source,
 * and appends it through appendEntry, so a draw made here always passes the replay.
 */

export interface DrawMemberInput {
  log: DrawLog;
  /** Entry id, e.g. nextEntryId(log). */
  id: string;
  /** ISO instant, from the services' clock (shared/ reads no clock). */
  at: string;
  scope: DrawScope;
  scopeId: string;
  roster: readonly DrawRosterMember[];
  present: IdSet;
  excluded?: IdSet;
  /** crypto in production; a seeded source in tests. */
  source: RandomSource;
  /**
   * Questions still to be asked, in bank order; when given, a question is drawn too. Questions
   * drawn by a draw that stands are left out, as the replay requires.
   */
  questionIds?: readonly string[];
}

export type DrawMemberResult =
  | {
      ok: true;
      entry: DrawEntry;
      log: DrawLog;
      /** Why no question was drawn although questionIds was given (the bank had none left). */
      questionNote: string | null;
    }
  | {
      ok: false;
      reason: EmptyReason;
      /** Chinese, for the console, e.g. 本轮所有出席的组成人员都已提问. */
      message: string;
      /** Everyone eligible has asked: offer a new cycle (startNewCycle). */
      offerNewCycle: boolean;
    };

export function drawMember(input: DrawMemberInput): DrawMemberResult {
  const view = viewLog(input.log);
  const cycle = view.cycle(input.scope, input.scopeId);
  const asked = view.asked(input.scope, input.scopeId, cycle);
  const c = drawCandidates({ roster: input.roster, present: input.present, asked, excluded: input.excluded ?? [] });
  if (c.empty) return { ok: false, reason: c.empty.reason, message: c.empty.message, offerNewCycle: c.offerNewCycle };

  const pick = pickIndex(c.members.length, input.source);
  const member = c.members[pick.index] as DrawRosterMember;
  let question: DrawEntry['question'];
  let questionNote: string | null = null;
  if (input.questionIds) {
    const drawn = view.drawnQuestionIds;
    const bankIds = [...new Set(input.questionIds)].filter((id) => !drawn.has(id));
    if (bankIds.length === 0) questionNote = '题库中没有待提问的问题，未抽取问题';
    else {
      const q = pickIndex(bankIds.length, input.source);
      question = { bankIds, values: q.values, index: q.index, questionId: bankIds[q.index] as string };
    }
  }
  const entry: DrawEntry = {
    type: 'draw',
    id: input.id,
    at: input.at,
    scope: input.scope,
    scopeId: input.scopeId,
    cycle,
    present: c.present,
    excluded: c.excluded,
    candidates: c.members.map((m) => ({ memberId: m.id, name: m.name })),
    values: pick.values,
    index: pick.index,
    memberId: member.id,
    ...(question ? { question } : {}),
  };
  const log = appendEntry(input.log, entry);
  return { ok: true, entry: log.at(-1) as DrawEntry, log, questionNote };
}

export interface CancelDrawInput {
  log: DrawLog;
  id: string;
  at: string;
  drawId: string;
  kind: CancelKind;
  /** Required: e.g. 该委员临时离场. */
  reason: string;
}

/** A redraw or an undo: the draw stays in the log, voided; its member is eligible again. */
export function cancelDraw(input: CancelDrawInput): DrawLog {
  return appendEntry(input.log, { type: 'cancel', id: input.id, at: input.at, drawId: input.drawId, kind: input.kind, reason: input.reason });
}

export interface StartNewCycleInput {
  log: DrawLog;
  id: string;
  at: string;
  scope: DrawScope;
  scopeId: string;
  reason: string;
}

/** Everyone present becomes eligible again in the scope. */
export function startNewCycle(input: StartNewCycleInput): DrawLog {
  const cycle = currentCycle(input.log, input.scope, input.scopeId) + 1;
  return appendEntry(input.log, { type: 'new-cycle', id: input.id, at: input.at, scope: input.scope, scopeId: input.scopeId, cycle, reason: input.reason });
}
