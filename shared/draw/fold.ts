import { describeIssues, issuesOf } from '../api/validation';
import { formatDateCn } from '../format/dates';
import type { DrawRosterMember } from './candidates';
import {
  drawLogEntrySchema,
  scopeKey,
  type CancelEntry,
  type DrawEntry,
  type DrawLogEntry,
  type DrawScope,
  type NewCycleEntry,
} from './log-schema';
import { checkLoggedValues } from './pick-index';
import { formatRound } from '../format/chinese-numerals';

/**
 * One pass over the log, entry by entry, checking each against the state the log had built up to
 * it. The same checker serves appendEntry (refusing a bad new entry), replayLog (the audit) and the
 * queries (who asked in a scope), so the rules are written once.
 */

export interface DrawRecord {
  entry: DrawEntry;
  /** 第几次抽取 in the whole log, from 1 (cancelled draws keep their number). */
  ordinal: number;
  cancelledBy: CancelEntry | null;
  /** The cycle the scope was in when drawn: entry.cycle in a sound log, the truth in a tampered one. */
  scopeCycle: number;
}

export interface ScopeState {
  scope: DrawScope;
  scopeId: string;
  cycle: number;
  /** cycle → memberId → id of the draw that picked them (cancelled draws removed). */
  asked: Map<number, Map<string, string>>;
}

export interface FoldState {
  ids: Set<string>;
  draws: Map<string, DrawRecord>;
  scopes: Map<string, ScopeState>;
  /** questionId → id of the draw that picked it, while that draw stands. */
  questions: Map<string, string>;
  /** Names seen in the log or the roster, for messages. */
  names: Map<string, string>;
  drawCount: number;
  lastAtMs: number | null;
}

export interface FoldOptions {
  rosterById?: ReadonlyMap<string, DrawRosterMember>;
  /** Ids appearing anywhere in the log, so a cancellation of a later draw is named as such. */
  allIds?: ReadonlySet<string>;
  /**
   * The entries are typed DrawLogEntry values already parsed by the schema (the store parses the
   * meeting file on load): skip re-parsing, which would make every draw cost O(log) zod parses.
   * The audit (replayLog) never sets it: a stored file may hold anything.
   */
  validated?: boolean;
  /**
   * Only build the state, without checking: for the queries and for the part of the log before a
   * new entry, every entry of which was checked when it was appended.
   */
  applyOnly?: boolean;
}

export interface EntryFinding {
  entry: DrawLogEntry | null;
  problems: string[];
  warnings: string[];
}

export function newFoldState(): FoldState {
  return { ids: new Set(), draws: new Map(), scopes: new Map(), questions: new Map(), names: new Map(), drawCount: 0, lastAtMs: null };
}

export function scopeState(state: FoldState, scope: DrawScope, scopeId: string): ScopeState {
  const key = scopeKey(scope, scopeId);
  let s = state.scopes.get(key);
  if (!s) {
    s = { scope, scopeId, cycle: 1, asked: new Map() };
    state.scopes.set(key, s);
  }
  return s;
}

export function askedIn(s: ScopeState, cycle: number): Map<string, string> {
  let m = s.asked.get(cycle);
  if (!m) {
    m = new Map();
    s.asked.set(cycle, m);
  }
  return m;
}

/** 2026年10月28日 9:05:12, in the machine's local time like every date the office reads. */
export function formatDrawTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${formatDateCn(d)} ${d.getHours()}:${p2(d.getMinutes())}:${p2(d.getSeconds())}`;
}

export function drawLabel(ordinal: number, id: string): string {
  return `第${ordinal}次抽取（${id}）`;
}

function nameOf(state: FoldState, id: string): string {
  const name = state.names.get(id);
  return name ? `${name}（${id}）` : id;
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

function checkRoster(state: FoldState, entry: DrawEntry, roster: ReadonlyMap<string, DrawRosterMember>, problems: string[], warnings: string[]): void {
  let lastOrder = -Infinity;
  let ordered = true;
  for (const id of entry.present) {
    const m = roster.get(id);
    if (!m) {
      problems.push(`出席名单中的${nameOf(state, id)}不在组成人员名单中`);
      continue;
    }
    if (m.rosterOrder < lastOrder) ordered = false;
    lastOrder = m.rosterOrder;
  }
  // The roster may have been reordered or a name corrected since the meeting: worth a note, but
  // the record made at the time is what the draw used.
  if (!ordered) warnings.push('出席名单的顺序与当前组成人员名单顺序不一致（名单顺序可能在会后调整过）');
  for (const c of entry.candidates) {
    const m = roster.get(c.memberId);
    if (m && m.name !== c.name) warnings.push(`候选人${c.memberId}记录的姓名“${c.name}”与当前名单“${m.name}”不一致`);
  }
}

function checkDraw(state: FoldState, entry: DrawEntry, options: FoldOptions, problems: string[], warnings: string[]): void {
  const s = scopeState(state, entry.scope, entry.scopeId);
  if (entry.cycle !== s.cycle) problems.push(`轮次应为${formatRound(s.cycle)}，记录为${formatRound(entry.cycle)}`);
  const asked = askedIn(s, s.cycle);

  const candidateIds = entry.candidates.map((c) => c.memberId);
  for (const [what, list] of [
    ['出席名单', entry.present],
    ['排除名单', entry.excluded],
    ['候选人名单', candidateIds],
  ] as const) {
    for (const id of duplicates(list)) problems.push(`${what}中${nameOf(state, id)}重复出现`);
  }
  if (options.rosterById) checkRoster(state, entry, options.rosterById, problems, warnings);

  // The candidates must be exactly the eligible members at this point of the log, in order.
  const present = new Set(entry.present);
  const excluded = new Set(entry.excluded);
  const expected = entry.present.filter((id) => !excluded.has(id) && !asked.has(id));
  const expectedSet = new Set(expected);
  const listed = new Set(candidateIds);
  const askedLabel = (drawId: string) => drawLabel(state.draws.get(drawId)?.ordinal ?? 0, drawId);
  let extraOrMissing = false;
  for (const id of candidateIds) {
    if (expectedSet.has(id)) continue;
    extraOrMissing = true;
    const askedBy = asked.get(id);
    const why = !present.has(id) ? '不在出席名单中' : excluded.has(id) ? '在排除名单中' : `本轮已在${askedLabel(askedBy ?? '')}中被抽中`;
    problems.push(`候选人名单多列了${nameOf(state, id)}（${why}）`);
  }
  for (const id of expected) {
    if (listed.has(id)) continue;
    extraOrMissing = true;
    problems.push(`候选人名单漏列了${nameOf(state, id)}（出席、未排除且本轮尚未提问）`);
  }
  if (!extraOrMissing && expected.some((id, i) => id !== candidateIds[i])) problems.push('候选人顺序与出席名单（名单顺序）不一致');

  // Re-run the mapping on the logged values and candidates.
  const check = checkLoggedValues(entry.candidates.length, entry.values);
  if (!check.ok) {
    problems.push(`随机数核对不符：${check.problem}`);
    if (entry.candidates[entry.index]?.memberId !== entry.memberId) problems.push(`记录的序号${entry.index}与结果${nameOf(state, entry.memberId)}不对应`);
  } else {
    if (check.index !== entry.index) problems.push(`按记录的随机数，序号应为${check.index}，记录为${entry.index}`);
    const should = entry.candidates[check.index];
    if (should && should.memberId !== entry.memberId) {
      problems.push(`按记录的随机数应抽中${nameOf(state, should.memberId)}，记录的结果却是${nameOf(state, entry.memberId)}`);
    }
  }

  const before = asked.get(entry.memberId);
  if (before !== undefined) {
    problems.push(`${nameOf(state, entry.memberId)}本轮已在${askedLabel(before)}中被抽中，不应重复抽中`);
  }

  const q = entry.question;
  if (q) {
    for (const id of duplicates(q.bankIds)) problems.push(`题库候选中问题${id}重复出现`);
    for (const id of q.bankIds) {
      const by = state.questions.get(id);
      if (by !== undefined) problems.push(`题库候选包含已在${askedLabel(by)}中抽出的问题${id}`);
    }
    const qc = checkLoggedValues(q.bankIds.length, q.values);
    if (!qc.ok) problems.push(`问题抽取的随机数核对不符：${qc.problem}`);
    else {
      if (qc.index !== q.index) problems.push(`问题抽取的序号应为${qc.index}，记录为${q.index}`);
      const should = q.bankIds[qc.index];
      if (should !== q.questionId) problems.push(`按记录的随机数应抽出问题${should}，记录的却是问题${q.questionId}`);
    }
  }
}

function applyDraw(state: FoldState, entry: DrawEntry, ordinal: number): void {
  const s = scopeState(state, entry.scope, entry.scopeId);
  // The recorded result is who was actually called on, right or wrong, so later draws are judged
  // against it.
  askedIn(s, s.cycle).set(entry.memberId, entry.id);
  state.draws.set(entry.id, { entry, ordinal, cancelledBy: null, scopeCycle: s.cycle });
  if (entry.question) state.questions.set(entry.question.questionId, entry.id);
}

function applyCancel(state: FoldState, entry: CancelEntry, options: FoldOptions, problems: string[]): void {
  const record = state.draws.get(entry.drawId);
  if (!record) {
    if (state.ids.has(entry.drawId)) problems.push(`撤销的记录${entry.drawId}不是抽取记录`);
    else if (options.allIds?.has(entry.drawId)) problems.push(`撤销的抽取${entry.drawId}在本条记录之后，只能撤销此前的抽取`);
    else problems.push(`撤销的抽取${entry.drawId}不存在`);
    return;
  }
  if (record.cancelledBy) {
    problems.push(`${drawLabel(record.ordinal, record.entry.id)}已由${record.cancelledBy.id}撤销，不能重复撤销`);
    return;
  }
  record.cancelledBy = entry;
  // A member passed over by a redraw or an undone draw has not asked: eligible again.
  const s = scopeState(state, record.entry.scope, record.entry.scopeId);
  const asked = askedIn(s, record.scopeCycle);
  if (asked.get(record.entry.memberId) === record.entry.id) asked.delete(record.entry.memberId);
  const q = record.entry.question;
  if (q && state.questions.get(q.questionId) === record.entry.id) state.questions.delete(q.questionId);
}

function applyNewCycle(state: FoldState, entry: NewCycleEntry, problems: string[]): void {
  const s = scopeState(state, entry.scope, entry.scopeId);
  if (entry.cycle !== s.cycle + 1) problems.push(`新一轮应为${formatRound(s.cycle + 1)}，记录为${formatRound(entry.cycle)}`);
  s.cycle = entry.cycle;
}

export function entryLabel(entry: DrawLogEntry, state: FoldState, position: number): string {
  if (entry.type === 'draw') return drawLabel(state.drawCount + 1, entry.id);
  if (entry.type === 'cancel') return `第${position + 1}条记录（撤销，${entry.id}）`;
  return `第${position + 1}条记录（开始新一轮，${entry.id}）`;
}

/**
 * Checks one entry at `position` against `state`, then applies it. Problems and warnings are full
 * Chinese sentences naming the entry.
 */
export function applyEntry(state: FoldState, raw: unknown, position: number, options: FoldOptions = {}): EntryFinding {
  const parsed = options.validated ? { success: true as const, data: raw as DrawLogEntry } : drawLogEntrySchema.safeParse(raw);
  if (!parsed.success) {
    const isDraw = typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'draw';
    const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const label = isDraw ? drawLabel(++state.drawCount, String(id)) : `第${position + 1}条记录`;
    if (typeof id === 'string') state.ids.add(id);
    return { entry: null, problems: [`${label}：格式无效：${describeIssues(issuesOf(parsed.error))}`], warnings: [] };
  }
  const entry = parsed.data;
  const label = entryLabel(entry, state, position);
  const problems: string[] = [];
  const warnings: string[] = [];

  if (!options.applyOnly && state.ids.has(entry.id)) problems.push(`记录编号${entry.id}已存在（抽取记录只能追加，不能修改）`);
  const atMs = Date.parse(entry.at);
  if (state.lastAtMs !== null && atMs < state.lastAtMs) warnings.push(`${label}：时间早于上一条记录（本机时钟可能被调整过）`);

  if (entry.type === 'draw') {
    for (const c of entry.candidates) state.names.set(c.memberId, c.name);
    for (const id of entry.present) {
      const m = options.rosterById?.get(id);
      if (m && !state.names.has(id)) state.names.set(id, m.name);
    }
    if (!options.applyOnly) checkDraw(state, entry, options, problems, warnings);
    applyDraw(state, entry, ++state.drawCount);
  } else if (entry.type === 'cancel') {
    applyCancel(state, entry, options, problems);
  } else {
    applyNewCycle(state, entry, problems);
  }
  state.ids.add(entry.id);
  state.lastAtMs = state.lastAtMs === null ? atMs : Math.max(state.lastAtMs, atMs);
  return { entry, problems: problems.map((p) => `${label}：${p}`), warnings: warnings.map((w) => (w.startsWith(label) ? w : `${label}：${w}`)) };
}

export interface FoldResult {
  state: FoldState;
  findings: EntryFinding[];
}

export function foldLog(log: readonly unknown[], options: Omit<FoldOptions, 'allIds'> = {}): FoldResult {
  const allIds = new Set<string>();
  for (const raw of log) {
    const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    if (typeof id === 'string') allIds.add(id);
  }
  const state = newFoldState();
  const findings = log.map((raw, i) => applyEntry(state, raw, i, { ...options, allIds }));
  return { state, findings };
}
