import { isoDateOf } from '../../../shared/format/dates';
import type { Clock } from '../deps';
import { buildDemoCounty, demoCountyPartitions } from './demo-county';

/**
 * What a data folder that never held data starts with: the demo county of the current year, its
 * earlier years' loops recorded up to today, as the store's `seed`. The store writes it under a
 * marker, so a first start stopped half-way (the app killed while seeding) is completed at the next
 * start instead of leaving a half county; the seed is built again then, for that day, and the
 * store removes whatever of the first attempt the new one does not have.
 */
export function demoSeed(clock: Clock): () => { key: string; data: unknown }[] {
  return () => {
    const now = clock.now();
    return demoCountyPartitions(buildDemoCounty({ currentYear: new Date(now).getFullYear(), today: isoDateOf(now) }));
  };
}
