import { ApiError } from '../../../shared/api/errors';
import type { LoopCase, LoopCaseRow, LoopOverview } from '../../../shared/api/loop-types';
import type { Evaluation } from '../../../shared/domain/evaluations';
import type { CoreData, MeetingData, YearData } from '../../../shared/domain/partitions';
import { LOOP_STAGES, stageLabel } from '../../../shared/loop/stage';
import type { ServiceContext } from '../api/service-context';
import type { Store } from '../store/types';
import { allMeetings, hasYear, readCore, readYear, today, yearsOnRecord } from '../desk/desk-data';
import { loopMeetings } from './loop-records';
import { DUE_LISTED, STATE_ORDER, caseRow, caseView, type LoopSources } from './loop-view';

/** Reading the loop: the sources every view needs, one case, the workbench's figures. */

export async function loopSources(ctx: ServiceContext): Promise<LoopSources> {
  const [core, meetings] = await Promise.all([readCore(ctx), allMeetings(ctx)]);
  return { core, meetings, calendar: loopMeetings(meetings), today: today(ctx).iso };
}

export async function allYears(ctx: ServiceContext): Promise<Readonly<YearData>[]> {
  return Promise.all(yearsOnRecord(ctx).map((y) => readYear(ctx, y)));
}

/** The evaluation and its year, or a not_found naming what is missing. */
export async function findCase(ctx: ServiceContext, year: number, evaluationId: string): Promise<{ data: Readonly<YearData>; ev: Evaluation }> {
  if (!hasYear(ctx, year)) throw new ApiError('not_found', `${year}年度没有评议记录。`);
  const data = await readYear(ctx, year);
  const ev = data.evaluations.find((e) => e.id === evaluationId);
  if (!ev) throw new ApiError('not_found', '找不到该评议，可能已移出计划。');
  return { data, ev };
}

export async function readCase(ctx: ServiceContext, year: number, evaluationId: string): Promise<LoopCase> {
  const [{ data, ev }, src] = await Promise.all([findCase(ctx, year, evaluationId), loopSources(ctx)]);
  return caseView(ev, data, src);
}

/** The rows of one year's evaluations, computed afresh (what the cache must always agree with). */
export function yearRows(year: Readonly<YearData>, src: LoopSources): LoopCaseRow[] {
  return year.evaluations.map((ev) => caseRow(ev, year, src));
}

/**
 * A case row is a pure function of its year partition, the core partition, the meetings on record
 * and today's date (`caseRow(ev, year, src)`). Of the meetings, a row reads the calendar (each
 * meeting's id, name, date, year and status) and, in full, only the meetings of its evaluation's
 * year or named by it (`recordsOf` → `meetingOf`). The store hands out one frozen object per
 * partition and replaces it with a new one on every change (update, recovery, restore), so the
 * object identities are the cache's key: a year's rows are kept against its partition object and
 * reused while core, today, the calendar and every meeting the year reads are the very same; any
 * change to one of them makes the next read compute again. So a meeting's sheets and draws,
 * committed one by one while it runs, make only its own year's rows computed again. Nothing is
 * invalidated by hand and nothing stale can be kept alive (weak keys).
 */
interface YearRowsEntry {
  core: Readonly<CoreData>;
  calendar: string;
  meetings: readonly Readonly<MeetingData>[];
  today: string;
  rows: LoopCaseRow[];
}
const rowsByYear = new WeakMap<Readonly<YearData>, YearRowsEntry>();

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The meetings a year's rows read in full: those of its evaluations' years and those they name. */
export function meetingsReadBy(year: Readonly<YearData>, meetings: readonly Readonly<MeetingData>[]): Readonly<MeetingData>[] {
  const years = new Set([year.year, ...year.evaluations.map((e) => e.year)]);
  const ids = new Set(year.evaluations.flatMap((e) => [e.meetingId, e.voteResult?.meetingId]).filter((id): id is string => id !== undefined));
  return meetings.filter((m) => years.has(m.meeting.year) || ids.has(m.meeting.id));
}

function cachedYearRows(year: Readonly<YearData>, src: LoopSources, calendar: string): LoopCaseRow[] {
  const hit = rowsByYear.get(year);
  const read = meetingsReadBy(year, src.meetings);
  if (hit && hit.core === src.core && hit.today === src.today && hit.calendar === calendar && sameList(hit.meetings, read)) return hit.rows;
  const rows = yearRows(year, src);
  rowsByYear.set(year, { core: src.core, calendar, meetings: read, today: src.today, rows });
  return rows;
}

/** The last answer of allRows, reused while every partition it came from and today are the same. */
interface AllRowsEntry {
  core: Readonly<CoreData>;
  meetings: readonly Readonly<MeetingData>[];
  years: readonly Readonly<YearData>[];
  today: string;
  /** The store's commit count when the partitions were read. */
  revision: number;
  value: { src: LoopSources; years: Readonly<YearData>[]; rows: LoopCaseRow[] };
}
const lastAllRows = new WeakMap<object, AllRowsEntry>();

/**
 * Every evaluation of every year on record as a loop row (derived stage, open deadlines). Rows come
 * from the per-year cache above; with nothing changed since the last call the same answer (same
 * `rows` array) is given back, so the due list and stage counts built from it are kept too.
 * Callers must not mutate what they get.
 */
export async function allRows(ctx: ServiceContext): Promise<{ src: LoopSources; years: Readonly<YearData>[]; rows: LoopCaseRow[] }> {
  const last = lastAllRows.get(ctx.store);
  const revision = commitsOf(ctx.store).count;
  // Nothing committed since and the same day: not even the partitions need reading.
  if (last && last.revision === revision && last.today === today(ctx).iso) return last.value;
  const [src, years] = await Promise.all([loopSources(ctx), allYears(ctx)]);
  const same = last && last.core === src.core && last.today === src.today && sameList(last.meetings, src.meetings) && sameList(last.years, years);
  const calendar = JSON.stringify(src.calendar);
  const value = same ? last.value : { src, years, rows: years.flatMap((y) => cachedYearRows(y, src, calendar)) };
  lastAllRows.set(ctx.store, { core: src.core, meetings: src.meetings, years, today: src.today, revision, value });
  return value;
}

/**
 * How many commits the store has announced (update, remove, recovery, restore all announce theirs:
 * store.onCommit), counted from the first call that asked. The count is read before the partitions
 * are, so a commit that lands while they are read makes the next call read them again.
 */
const commitCounts = new WeakMap<Store, { count: number }>();
function commitsOf(store: Store): { count: number } {
  let counter = commitCounts.get(store);
  if (!counter) {
    const box = { count: 0 };
    store.onCommit(() => {
      box.count++;
    });
    commitCounts.set(store, box);
    counter = box;
  }
  return counter;
}

/** allRows without any cache: every row computed again (tests compare the two). */
export async function allRowsUncached(ctx: ServiceContext): Promise<{ src: LoopSources; years: Readonly<YearData>[]; rows: LoopCaseRow[] }> {
  const [src, years] = await Promise.all([loopSources(ctx), allYears(ctx)]);
  return { src, years, rows: years.flatMap((y) => yearRows(y, src)) };
}

/** What the workbench lists: due within 30 days, overdue, re-reports with no meeting yet; overdue first. */
const dueByRows = new WeakMap<readonly LoopCaseRow[], LoopOverview['due']>();

export function dueList(rows: readonly LoopCaseRow[]): LoopOverview['due'] {
  const kept = dueByRows.get(rows);
  if (kept) return kept.map((d) => ({ ...d }));
  const due = computeDue(rows);
  dueByRows.set(rows, due);
  return due.map((d) => ({ ...d }));
}

function computeDue(rows: readonly LoopCaseRow[]): LoopOverview['due'] {
  return rows
    .flatMap((r) =>
      r.deadlines.filter((d) => DUE_LISTED.has(d.state)).map((d) => ({ ...d, evaluationId: r.evaluationId, year: r.year, name: r.name, unitName: r.unitName })),
    )
    .sort((a, b) => (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9) || a.due.localeCompare(b.due) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Counts by derived stage, every stage listed (zero included) in process order. */
export function stageCounts(rows: readonly Pick<LoopCaseRow, 'state'>[]): LoopOverview['stages'] {
  return LOOP_STAGES.map((stage) => ({ stage, label: stageLabel(stage), count: rows.filter((r) => r.state.stage === stage).length }));
}

const countsByRows = new WeakMap<readonly LoopCaseRow[], { stages: LoopOverview['stages']; escalated: number }>();

/** The workbench's loop figures, from every year on record (counted once per allRows answer). */
export async function loopOverview(ctx: ServiceContext): Promise<LoopOverview> {
  const { src, rows } = await allRows(ctx);
  let counts = countsByRows.get(rows);
  if (!counts) {
    counts = { stages: stageCounts(rows), escalated: rows.filter((r) => r.state.stage === 'escalated').length };
    countsByRows.set(rows, counts);
  }
  return {
    today: src.today,
    due: dueList(rows),
    stages: counts.stages.map((s) => ({ ...s })),
    escalated: counts.escalated,
  };
}
