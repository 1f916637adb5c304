import type { StatsView } from '../../../shared/api/calls/stats';
import { meetingKey, type CoreData, type MeetingData, type YearData } from '../../../shared/domain/partitions';
import { termYearFor } from '../../../shared/domain/settings';
import { computeStats, withoutRefs, type StatsInput } from '../../../shared/stats';
import type { ServiceContext } from '../api/service-context';
import { meetingIds, readCore, readYear, today, yearsOnRecord } from '../desk/desk-data';

/**
 * The statistics' input read from the store: core, every year partition and every meeting partition under its
 * key (rehearsal copies are other partitions and never read). Nothing is cached: the store keeps the
 * partitions in memory and the whole term computes in milliseconds (`stats.compute.ms` in the benchmark), so a
 * change of a record or a definition shows at the next read.
 */
export async function statsInput(ctx: ServiceContext): Promise<{ core: Readonly<CoreData>; input: StatsInput }> {
  const core = await readCore(ctx);
  const years = await Promise.all(yearsOnRecord(ctx).map((y) => readYear(ctx, y)));
  const keys = meetingIds(ctx).map(meetingKey);
  const meetings = await Promise.all(keys.map(async (key) => ({ key, data: await ctx.store.read<MeetingData>(key) })));
  const input: StatsInput = {
    settings: core.settings,
    evaluatees: core.evaluatees,
    years: years as YearData[],
    meetings: meetings.filter((m) => ctx.store.has(m.key)) as { key: string; data: MeetingData }[],
    today: today(ctx).iso,
  };
  return { core, input };
}

export async function statsView(ctx: ServiceContext): Promise<StatsView> {
  const { core, input } = await statsInput(ctx);
  const report = computeStats(input);
  return {
    ...report,
    byYear: report.byYear.map(withoutRefs),
    upTo: report.upTo.map(withoutRefs),
    whole: withoutRefs(report.whole),
    today: input.today,
    currentYear: termYearFor(core.settings.term, today(ctx).year),
  };
}
