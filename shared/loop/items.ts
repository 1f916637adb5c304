import { LOOP_LABELS } from './labels';
import { isFrozen, numberParagraphs, type OpinionContent, type OpinionParagraphLevel, type OpinionRecord } from '../domain/opinions';

/**
 * Opinion items (意见条目): each top-level numbered paragraph of the 意见和建议 section is one item,
 * the unit the ledger follows and the office counts ("32 items delivered"). The top level is the
 * shallowest numbered level used in the section (normally （一）); the paragraphs after an item up to
 * the next one are its body. Items come only from issued versions, so a later draft never changes
 * what was delivered.
 */

export interface OpinionItem {
  /** 1, 2, … in the section's order; the key a ledger entry keeps. */
  no: number;
  /** As printed: （一）, 1. */
  label: string;
  /** The numbered paragraph's text, without its number. */
  text: string;
  /** The paragraphs that belong to it, as printed (sub-numbers included). */
  body: string[];
}

export function extractItems(content: Pick<OpinionContent, 'sections'>): OpinionItem[] {
  const list = content.sections.suggestions;
  const numbered = list.filter((p) => p.level !== 0 && p.text.trim() !== '');
  if (numbered.length === 0) return [];
  const top = Math.min(...numbered.map((p) => p.level)) as OpinionParagraphLevel;
  const numbers = numberParagraphs(list);
  const items: OpinionItem[] = [];
  list.forEach((p, i) => {
    const text = p.text.trim();
    if (text === '') return;
    if (p.level === top) {
      items.push({ no: items.length + 1, label: numbers[i] ?? '', text, body: [] });
      return;
    }
    // Body text before the first item is the section's preamble, not an item's.
    items.at(-1)?.body.push(`${numbers[i] ?? ''}${text}`);
  });
  return items;
}

/** An item as one string, for comparing versions and for the ledger's frozen copy. */
export function itemFullText(item: Pick<OpinionItem, 'text' | 'body'>): string {
  return [item.text, ...item.body].join('\n');
}

export type ItemChangeKind = keyof typeof LOOP_LABELS.itemChange;

export interface ItemChange {
  no: number;
  kind: ItemChangeKind;
  before: string | null;
  after: string | null;
}

/**
 * Carrying items over to a re-issued version: matched by number, so the ledger entry of item 3
 * stays item 3's. Every difference is logged; an unchanged item is not.
 */
export function diffItems(before: readonly OpinionItem[], after: readonly OpinionItem[]): ItemChange[] {
  const changes: ItemChange[] = [];
  const last = Math.max(before.length, after.length);
  for (let no = 1; no <= last; no++) {
    const b = before.find((i) => i.no === no);
    const a = after.find((i) => i.no === no);
    if (b && !a) changes.push({ no, kind: 'removed', before: itemFullText(b), after: null });
    else if (!b && a) changes.push({ no, kind: 'added', before: null, after: itemFullText(a) });
    else if (b && a && itemFullText(b) !== itemFullText(a)) changes.push({ no, kind: 'changed', before: itemFullText(b), after: itemFullText(a) });
  }
  return changes;
}

export interface ItemRevision {
  fromVersion: number;
  toVersion: number;
  reason: string;
  changes: ItemChange[];
}

export interface IssuedItems {
  /** The last issued version's number; null while nothing is issued. */
  versionNo: number | null;
  items: OpinionItem[];
  /** One entry per re-issue, oldest first. */
  revisions: ItemRevision[];
}

/** The items of an opinion as issued, and the log of each re-issue; drafts after the last issue are ignored. */
export function issuedItems(record: Pick<OpinionRecord, 'versions'>): IssuedItems {
  const issued = record.versions.filter(isFrozen);
  const revisions: ItemRevision[] = [];
  let prev: { no: number; items: OpinionItem[] } | null = null;
  for (const v of issued) {
    const items = extractItems(v.content);
    if (prev) revisions.push({ fromVersion: prev.no, toVersion: v.no, reason: v.reason, changes: diffItems(prev.items, items) });
    prev = { no: v.no, items };
  }
  return { versionNo: prev?.no ?? null, items: prev?.items ?? [], revisions };
}

/** 第3项 文字修改 …: a change in one line, for the ledger's history. */
export function describeItemChange(change: ItemChange): string {
  return `第${change.no}项${LOOP_LABELS.itemChange[change.kind]}`;
}
