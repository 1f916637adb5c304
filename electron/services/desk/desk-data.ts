import { ApiError } from '../../../shared/api/errors';
import { checkCore, checkMeeting, checkYear } from '../../../shared/domain/integrity';
import { CORE_KEY, meetingKey, parsePartitionKey, yearKey, type CoreData, type MeetingData, type YearData } from '../../../shared/domain/partitions';
import { describeIssues } from '../../../shared/api/validation';
import type { Evaluation } from '../../../shared/domain/evaluations';
import type { ServiceContext } from '../api/service-context';

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

/** The current calendar year and date on the services' clock (local time). */
export function today(ctx: ServiceContext): { iso: string; year: number } {
  const d = new Date(ctx.clock.now());
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { iso, year: d.getFullYear() };
}
