import { ApiError } from '../../../shared/api/errors';
import { checkCore, checkMeeting, checkYear } from '../../../shared/domain/integrity';
import { CORE_KEY, meetingKey, parsePartitionKey, yearKey, type CoreData, type MeetingData, type YearData } from '../../../shared/domain/partitions';
import { describeIssues } from '../../../shared/api/validation';
import type { Evaluation } from '../../../shared/domain/evaluations';
import type { ServiceContext } from '../api/service-context';
import type { StoreTransaction } from '../store';

/**
 * Typed access to the desk's partitions with the cross-record checks run inside every change,
 * so a write that would leave a dangling reference is refused before it reaches the disk.
 */
export function throwIfIssues(issues: { path: string; message: string }[], what: string): void {
  if (issues.length) throw new ApiError('invalid_args', `${what}：${describeIssues(issues)}`, issues);
}

export function readCore(ctx: ServiceContext): Promise<Readonly<CoreData>> {
  return ctx.store.read<CoreData>(CORE_KEY);
}

export function updateCore<R>(ctx: ServiceContext, mutate: (core: CoreData) => R): Promise<R> {
  return ctx.store.update<CoreData, R>(CORE_KEY, (core) => {
    const result = mutate(core);
    throwIfIssues(checkCore(core), '数据不一致，未保存');
    return result;
  });
}

export function readYear(ctx: ServiceContext, year: number): Promise<Readonly<YearData>> {
  return ctx.store.read<YearData>(yearKey(year));
}

export async function updateYear<R>(ctx: ServiceContext, year: number, mutate: (data: YearData) => R): Promise<R> {
  const core = await readCore(ctx);
  return ctx.store.update<YearData, R>(yearKey(year), (data) => {
    const result = mutate(data);
    throwIfIssues(checkYear(data, core), '计划数据不一致，未保存');
    return result;
  });
}

export function hasYear(ctx: ServiceContext, year: number): boolean {
  return ctx.store.has(yearKey(year));
}

/** Every year partition that exists, in year order. */
export function yearsOnRecord(ctx: ServiceContext): number[] {
  return ctx.store
    .list('year')
    .map((k) => parsePartitionKey(k))
    .flatMap((p) => (p?.kind === 'year' ? [p.year] : []))
    .sort((a, b) => a - b);
}

export async function allEvaluations(ctx: ServiceContext, years = yearsOnRecord(ctx)): Promise<Evaluation[]> {
  const parts = await Promise.all(years.map((y) => readYear(ctx, y)));
  return parts.flatMap((p) => p.evaluations);
}

export function meetingIds(ctx: ServiceContext): string[] {
  return ctx.store.list('meeting').flatMap((k) => {
    const p = parsePartitionKey(k);
    return p?.kind === 'meeting' ? [p.id] : [];
  });
}

export async function readMeeting(ctx: ServiceContext, id: string): Promise<Readonly<MeetingData>> {
  if (!ctx.store.has(meetingKey(id))) throw new ApiError('not_found', '找不到该会议，可能已被删除。');
  return ctx.store.read<MeetingData>(meetingKey(id));
}

export async function allMeetings(ctx: ServiceContext): Promise<Readonly<MeetingData>[]> {
  const keys = meetingIds(ctx).map(meetingKey);
  const read = await Promise.all(keys.map((key) => ctx.store.read<MeetingData>(key)));
  // A meeting file found bad on this first read with no good backup stays in quarantine: no longer listed.
  return read.filter((_, i) => ctx.store.has(keys[i] as string));
}

export async function updateMeeting<R>(ctx: ServiceContext, id: string, mutate: (data: MeetingData) => R): Promise<R> {
  await readMeeting(ctx, id);
  const core = await readCore(ctx);
  return ctx.store.update<MeetingData, R>(meetingKey(id), (data) => {
    const result = mutate(data);
    throwIfIssues(checkMeeting(data, core), '会议数据不一致，未保存');
    return result;
  });
}

/** The year partitions a store change touches: each drafted once, all checked against core at the end (as updateYear checks). */
export function yearDrafts(tx: StoreTransaction): { draft(year: number): Promise<YearData>; forget(year: number): void; check(core: Readonly<CoreData>): void } {
  const years = new Map<number, YearData>();
  return {
    draft: async (year) => years.get(year) ?? years.set(year, await tx.draft<YearData>(yearKey(year))).get(year)!,
    forget: (year) => void years.delete(year),
    check: (core) => {
      for (const data of years.values()) throwIfIssues(checkYear(data, core), '计划数据不一致，未保存');
    },
  };
}

/** The partitions of one `changeTogether`: working copies, each read on first ask. */
export interface DeskChange {
  core(): Promise<CoreData>;
  /** A year's plan (a missing year's is empty and is created only if it is changed). */
  year(year: number): Promise<YearData>;
  /** A meeting on record (not found: refused, as `updateMeeting` does). */
  meeting(id: string): Promise<MeetingData>;
  /** A meeting made by this change. */
  newMeeting(id: string): Promise<MeetingData>;
  remove(key: string): void;
}

/**
 * Changes several of the desk's partitions as one (the store's transact: all or none, even
 * across a crash), with the same cross-record checks as updateCore/updateYear/updateMeeting run
 * on every partition the change touched.
 */
export function changeTogether<R>(ctx: ServiceContext, label: string, work: (change: DeskChange) => Promise<R>): Promise<R> {
  return ctx.store.transact(label, async (tx) => {
    let core: CoreData | null = null;
    const years = yearDrafts(tx);
    const meetings = new Map<string, MeetingData>();
    const meeting = async (id: string) => meetings.get(id) ?? meetings.set(id, await tx.draft<MeetingData>(meetingKey(id))).get(id)!;
    const change: DeskChange = {
      core: async () => (core ??= await tx.draft<CoreData>(CORE_KEY)),
      year: years.draft,
      meeting: async (id) => {
        if (!meetings.has(id) && !ctx.store.has(meetingKey(id))) throw new ApiError('not_found', '找不到该会议，可能已被删除。');
        return meeting(id);
      },
      newMeeting: meeting,
      remove: (key) => {
        tx.remove(key);
        const parsed = parsePartitionKey(key);
        if (parsed?.kind === 'meeting') meetings.delete(parsed.id);
        if (parsed?.kind === 'year') years.forget(parsed.year);
      },
    };
    const result = await work(change);
    const checkedCore = core ?? (await readCore(ctx));
    if (core) throwIfIssues(checkCore(core), '数据不一致，未保存');
    years.check(checkedCore);
    for (const data of meetings.values()) throwIfIssues(checkMeeting(data, checkedCore), '会议数据不一致，未保存');
    return result;
  });
}

/** The current calendar year and date on the services' clock (local time). */
export function today(ctx: ServiceContext): { iso: string; year: number } {
  const d = new Date(ctx.clock.now());
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { iso, year: d.getFullYear() };
}
