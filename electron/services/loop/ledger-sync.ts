import type { OpinionRecord } from '../../../shared/domain/opinions';
import type { YearData } from '../../../shared/domain/partitions';
import { reconcileLedger } from '../../../shared/loop/ledger';
import type { LedgerEntry } from '../../../shared/loop/schemas';
import { recordFor } from '../opinions/opinion-data';
import { itemsOf, loopOf, writableLoop } from './loop-records';

/**
 * The ledger follows the issued opinion: one entry per item of the last issued version, created
 * when a version is issued, its frozen text following a re-issue (matched by number), its
 * measures, notes, evidence and verdict kept. A draft never changes it; an entry whose item a
 * re-issue removed is kept (reported as orphaned by the case view).
 */

export function newLedgerEntry(evaluationId: string, opinionId: string, itemNo: number, itemText: string): LedgerEntry {
  return {
    evaluationId,
    opinionId,
    itemNo,
    itemText,
    measures: '',
    responsible: '',
    dueDate: null,
    progress: [],
    status: 'notStarted',
    evidence: [],
    verdict: null,
  };
}

/** The ledger entries an opinion should have now, without writing: stored ones retexted, missing ones added. */
export function reconciledEntries(stored: readonly LedgerEntry[], opinion: Readonly<OpinionRecord> | null): LedgerEntry[] {
  if (!opinion) return [];
  const { items } = itemsOf(opinion);
  const mine = stored.filter((e) => e.opinionId === opinion.id).map((e) => structuredClone(e) as LedgerEntry);
  const r = reconcileLedger(mine, opinion.id, items);
  for (const t of r.retext) {
    const entry = mine.find((e) => e.itemNo === t.itemNo);
    if (entry) entry.itemText = t.after;
  }
  for (const c of r.create) mine.push(newLedgerEntry(opinion.evaluationId, opinion.id, c.itemNo, c.itemText));
  return mine.sort((a, b) => a.itemNo - b.itemNo);
}

/**
 * Brings the stored ledger of one evaluation in line with its issued opinion inside a year write.
 * Returns true when something changed. Entries of another opinion id (an opinion record replaced)
 * are left as they are.
 */
export function syncLedger(data: YearData, evaluationId: string): boolean {
  const opinion = recordFor(data, evaluationId);
  if (!opinion) return false;
  const current = loopOf(data).ledger.filter((e) => e.evaluationId === evaluationId && e.opinionId === opinion.id);
  const wanted = reconciledEntries(current, opinion);
  if (JSON.stringify(current.sort((a, b) => a.itemNo - b.itemNo)) === JSON.stringify(wanted)) return false;
  const loop = writableLoop(data);
  loop.ledger = [...loop.ledger.filter((e) => !(e.evaluationId === evaluationId && e.opinionId === opinion.id)), ...wanted];
  return true;
}
