import { formatDateCn } from '../format/dates';
import { itemFullText, type OpinionItem } from './items';
import { ITEM_STATUSES, ITEM_VERDICTS, LOOP_LABELS, type ItemStatus, type ItemVerdict } from './labels';
import type { LedgerEntry, ResultUse } from './schemas';

/**
 * The ledger against the issued opinion: one entry per item, matched by number. On a re-issue an
 * entry keeps its measures, notes and evidence; only its frozen item text follows the new issue
 * (the change is in the items' revision log), and an entry whose item was removed is reported,
 * never deleted.
 */

export interface LedgerReconciliation {
  /** Items with no entry yet: the entries to create, with the issued text. */
  create: { itemNo: number; itemText: string }[];
  /** Entries whose frozen text is not the issued one (after a re-issue). */
  retext: { itemNo: number; before: string; after: string }[];
  /** Entries whose item the last issue no longer has. */
  orphaned: number[];
}

export function reconcileLedger(
  entries: readonly Pick<LedgerEntry, 'opinionId' | 'itemNo' | 'itemText'>[],
  opinionId: string,
  items: readonly OpinionItem[],
): LedgerReconciliation {
  const mine = entries.filter((e) => e.opinionId === opinionId);
  const out: LedgerReconciliation = { create: [], retext: [], orphaned: [] };
  for (const item of items) {
    const text = itemFullText(item);
    const entry = mine.find((e) => e.itemNo === item.no);
    if (!entry) out.create.push({ itemNo: item.no, itemText: text });
    else if (entry.itemText !== text) out.retext.push({ itemNo: item.no, before: entry.itemText, after: text });
  }
  out.orphaned = mine.filter((e) => !items.some((i) => i.no === e.itemNo)).map((e) => e.itemNo);
  return out;
}

export interface LedgerSummary {
  items: number;
  byStatus: Record<ItemStatus, number>;
  byVerdict: Record<ItemVerdict | 'none', number>;
}

/** Counts for the workbench and the annual statistics, computed, never typed in. */
export function summariseLedger(entries: readonly Pick<LedgerEntry, 'status' | 'verdict'>[]): LedgerSummary {
  const byStatus = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  const byVerdict = Object.fromEntries([...ITEM_VERDICTS, 'none'].map((v) => [v, 0])) as Record<ItemVerdict | 'none', number>;
  for (const e of entries) {
    byStatus[e.status] += 1;
    byVerdict[e.verdict ?? 'none'] += 1;
  }
  return { items: entries.length, byStatus, byVerdict };
}

/** The results-use register in date order, as printed: one line per sending. */
export function resultUseLines(entries: readonly ResultUse[]): string[] {
  return [...entries]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((e) => {
      const doc = e.docNumber === '' ? '' : `（${e.docNumber}）`;
      const note = e.note === '' ? '' : `；${e.note}`;
      return `${formatDateCn(e.date)}　${LOOP_LABELS.resultUseKind[e.kind]}${doc}　送${e.recipient}　${LOOP_LABELS.deliveryMode[e.how]}${note}`;
    });
}
