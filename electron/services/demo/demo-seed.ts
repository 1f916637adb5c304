import type { Clock } from '../deps';
import { buildDemoCounty, demoCountyPartitions } from './demo-county';

/**
 * What a data folder that never held data starts with: the demo county of the current year, as
 * the store's `seed`. The store writes it under a marker, so a first start stopped half-way
 * (the app killed while seeding) is completed at the next start instead of leaving a half county.
 */
export function demoSeed(clock: Clock): () => { key: string; data: unknown }[] {
  return () => demoCountyPartitions(buildDemoCounty({ currentYear: new Date(clock.now()).getFullYear() }));
}
