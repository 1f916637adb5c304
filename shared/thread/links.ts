import { isFrozen, SECTION_TITLES, type OpinionContent, type OpinionRecord } from '../domain/opinions';
import type { MeetingData, YearData } from '../domain/partitions';
import type { Finding } from '../domain/research-records';
import { RECORD_ORIGIN_LABELS, type QuestionStatus, type RecordOrigin, type RecordStatus } from '../domain/questioning';
import { extractItems } from '../loop/items';
import { LOOP_LABELS } from '../loop/labels';
import type { ItemStatus, ItemVerdict } from '../loop/labels';

/**
 * The thread of a research finding (调研问题) through the records: the question made from it for
 * the bank (source `research`, `ref` = the finding), the minutes of the answer (a record naming the
 * finding), the paragraphs of the opinion made from it (存在的问题, 意见和建议: `findingId`), the
 * opinion item of the issued version those paragraphs belong to, its 整改台账 entry and the 回头看
 * verdict; and back, from an item (or its ledger entry) to its findings. Every link is an id, so
 * edits of a text never break it. Pure: the services read the partitions and call these.
 */

export type ThreadSection = 'problems' | 'suggestions';
const LINKED_SECTIONS: readonly ThreadSection[] = ['problems', 'suggestions'];

/** Findings named by each item of a content's 意见和建议: the item paragraph's and its body's, by item number. */
export function itemFindingIds(content: Pick<OpinionContent, 'sections'>): Map<number, string[]> {
  const items = extractItems(content);
  const out = new Map<number, string[]>();
  if (items.length === 0) return out;
  const list = content.sections.suggestions;
  const top = Math.min(...list.filter((p) => p.level !== 0 && p.text.trim() !== '').map((p) => p.level));
  let no = 0;
  for (const p of list) {
    if (p.text.trim() === '') continue;
    if (p.level === top) no += 1;
    if (no === 0 || !p.findingId) continue;
    const ids = out.get(no) ?? [];
    if (!ids.includes(p.findingId)) ids.push(p.findingId);
    out.set(no, ids);
  }
  return out;
}

/** Finding ids named anywhere in a content's 存在的问题 and 意见和建议. */
export function contentFindingIds(content: Pick<OpinionContent, 'sections'>): Set<string> {
  const ids = new Set<string>();
  for (const key of LINKED_SECTIONS) for (const p of content.sections[key]) if (p.findingId) ids.add(p.findingId);
  return ids;
}

/**
 * Paragraphs of a content that name a finding not of this evaluation (or no longer on record): what
 * a save refuses, each message naming the section, the paragraph and the field.
 */
export function foreignFindingProblems(content: Pick<OpinionContent, 'sections'>, evaluationId: string, findings: readonly Pick<Finding, 'id' | 'evaluationId'>[]): { path: string; message: string }[] {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const out: { path: string; message: string }[] = [];
  for (const key of LINKED_SECTIONS) {
    content.sections[key].forEach((p, i) => {
      if (!p.findingId) return;
      const f = byId.get(p.findingId);
      const where = `“${SECTION_TITLES[key]}”第${i + 1}段的关联调研问题`;
      if (!f) out.push({ path: `content.sections.${key}.${i}.findingId`, message: `${where}已不在调研记录中` });
      else if (f.evaluationId !== evaluationId) out.push({ path: `content.sections.${key}.${i}.findingId`, message: `${where}属于另一名被评议对象的评议，不能关联` });
    });
  }
  return out;
}

/** Why a finding may not be deleted (an issued opinion uses it), or null. */
export function findingRemovalProblem(year: Readonly<YearData>, findingId: string): string | null {
  for (const record of year.opinions?.records ?? []) {
    const issued = record.versions.filter(isFrozen);
    const using = issued.find((v) => contentFindingIds(v.content).has(findingId));
    if (using) {
      const no = [...itemFindingIds(using.content)].find(([, ids]) => ids.includes(findingId))?.[0];
      return `该调研问题已写入已印发的评议意见（${using.issue?.docNumber ?? `第${using.no}版`}${no ? `，意见和建议第${no}项` : ''}），不能删除`;
    }
  }
  return null;
}

/**
 * What deleting a finding that no issued opinion uses leaves behind: draft paragraphs keep their
 * text and lose the link (a draft never names a finding that is gone). Questions and minutes keep
 * their id, and the trace shows it as deleted.
 */
export function unlinkFinding(year: YearData, findingId: string): void {
  for (const record of year.opinions?.records ?? []) {
    for (const v of record.versions) {
      if (isFrozen(v)) continue;
      for (const key of LINKED_SECTIONS) for (const p of v.content.sections[key]) if (p.findingId === findingId) delete p.findingId;
    }
  }
}

// ── The trace ────────────────────────────────────────────────────────────────────────────────

export interface ThreadQuestion {
  meetingId: string;
  meetingName: string;
  questionId: string;
  topic: string;
  text: string;
  status: QuestionStatus;
}
export interface ThreadMinute {
  meetingId: string;
  meetingName: string;
  recordId: string;
  memberName: string;
  memberRole: string;
  origin: RecordOrigin;
  originLabel: string;
  questionText: string;
  /** The secretary's notes on the answer (desk only: the trace never reaches the hall). */
  notes: string;
  status: RecordStatus;
}
export interface ThreadParagraph {
  opinionId: string;
  versionNo: number;
  issued: boolean;
  section: ThreadSection;
  sectionTitle: string;
  index: number;
  text: string;
}
export interface ThreadLedger {
  opinionId: string;
  itemNo: number;
  status: ItemStatus;
  statusLabel: string;
  /** 回头看 verdict: the ledger's, else the 回头看 record's check of the item. */
  verdict: ItemVerdict | null;
  verdictLabel: string | null;
}
export interface ThreadItem {
  opinionId: string;
  versionNo: number;
  docNumber: string;
  no: number;
  label: string;
  text: string;
  findingIds: string[];
  ledger: ThreadLedger | null;
}
export interface FindingThread {
  findingId: string;
  text: string;
  criterionId: string;
  questions: ThreadQuestion[];
  minutes: ThreadMinute[];
  paragraphs: ThreadParagraph[];
  items: ThreadItem[];
}
export interface EvaluationThread {
  evaluationId: string;
  /** The meeting that hears it (whose question bank thread.toQuestion writes), once scheduled. */
  meetingId: string | null;
  findings: FindingThread[];
  /** The issued items (last issued version) with the findings they came from: the way back. */
  items: ThreadItem[];
}

function ledgerOf(year: Readonly<YearData>, evaluationId: string, opinionId: string, itemNo: number): ThreadLedger | null {
  const entry = year.loop?.ledger.find((e) => e.evaluationId === evaluationId && e.opinionId === opinionId && e.itemNo === itemNo);
  if (!entry) return null;
  const check = year.loop?.followUps
    .filter((f) => f.evaluationId === evaluationId)
    .flatMap((f) => f.checks)
    .findLast((c) => c.opinionId === opinionId && c.itemNo === itemNo);
  const verdict = entry.verdict ?? check?.verdict ?? null;
  return {
    opinionId,
    itemNo,
    status: entry.status,
    statusLabel: LOOP_LABELS.itemStatus[entry.status],
    verdict,
    verdictLabel: verdict ? LOOP_LABELS.itemVerdict[verdict] : null,
  };
}

/** The items of an opinion's last issued version, with their findings and ledger entries. */
export function issuedThreadItems(year: Readonly<YearData>, record: Readonly<OpinionRecord>): ThreadItem[] {
  const version = record.versions.findLast(isFrozen);
  if (!version) return [];
  const ids = itemFindingIds(version.content);
  return extractItems(version.content).map((item) => ({
    opinionId: record.id,
    versionNo: version.no,
    docNumber: version.issue?.docNumber ?? '',
    no: item.no,
    label: item.label,
    text: item.text,
    findingIds: ids.get(item.no) ?? [],
    ledger: ledgerOf(year, record.evaluationId, record.id, item.no),
  }));
}

/**
 * The threads of one evaluation: each finding forward (its questions in the meetings given, the
 * minutes naming it, the opinion's paragraphs and issued items, their ledger entries and verdicts),
 * and the issued items back to their findings.
 */
export function evaluationThread(year: Readonly<YearData>, evaluationId: string, meetings: readonly Readonly<MeetingData>[]): EvaluationThread {
  const evaluation = year.evaluations.find((e) => e.id === evaluationId);
  const findings = (year.research?.findings ?? []).filter((f) => f.evaluationId === evaluationId);
  const record = year.opinions?.records.find((r) => r.evaluationId === evaluationId);
  const items = record ? issuedThreadItems(year, record) : [];
  const current = record?.versions.at(-1);
  const mine = meetings.filter((m) => evaluation && m.meeting.agenda.some((a) => a.kind !== 'vote' && a.evaluateeId === evaluation.evaluateeId));
  const threads = findings.map((f): FindingThread => {
    const questions: ThreadQuestion[] = [];
    const minutes: ThreadMinute[] = [];
    for (const m of mine) {
      const made = m.questioning.bank.filter((b) => b.source.kind === 'research' && b.source.ref === f.id);
      for (const b of made) questions.push({ meetingId: m.meeting.id, meetingName: m.meeting.name, questionId: b.id, topic: b.topic, text: b.text, status: b.status });
      const madeIds = new Set(made.map((b) => b.id));
      for (const r of m.questioning.records) {
        if (r.status === 'cancelled') continue;
        if (r.findingId !== f.id && !(r.findingId === undefined && r.questionId && madeIds.has(r.questionId))) continue;
        const origin = r.origin ?? 'draw';
        minutes.push({
          meetingId: m.meeting.id,
          meetingName: m.meeting.name,
          recordId: r.id,
          memberName: r.memberName,
          memberRole: r.memberRole,
          origin,
          originLabel: RECORD_ORIGIN_LABELS[origin],
          questionText: r.questionText || r.topic,
          notes: r.notes,
          status: r.status,
        });
      }
    }
    const paragraphs: ThreadParagraph[] = [];
    if (record && current) {
      for (const key of LINKED_SECTIONS) {
        current.content.sections[key].forEach((p, index) => {
          if (p.findingId === f.id) paragraphs.push({ opinionId: record.id, versionNo: current.no, issued: isFrozen(current), section: key, sectionTitle: SECTION_TITLES[key], index, text: p.text });
        });
      }
    }
    return { findingId: f.id, text: f.text, criterionId: f.criterionId, questions, minutes, paragraphs, items: items.filter((i) => i.findingIds.includes(f.id)) };
  });
  return { evaluationId, meetingId: evaluation?.meetingId ?? null, findings: threads, items };
}
