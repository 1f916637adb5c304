import { postKeyOf, type EvaluateeCategory } from './evaluatees';
import type { UnitKind } from './people';

/** Judges and prosecutors hold a 员额 seat of their own; everyone else holds a post named by unit and position. */
export function holdsSeat(category: EvaluateeCategory): boolean {
  return category === '员额法官' || category === '员额检察官';
}

/** The unit kind a category normally belongs to: used to offer the matching units first. */
export const CATEGORY_UNIT_KIND: Record<EvaluateeCategory, UnitKind> = {
  政府组成部门负责人: 'government',
  员额法官: 'court',
  员额检察官: 'procuratorate',
  其他: 'other',
};

/**
 * The post key of a new or edited record. A department head's post is "unit/position", so the
 * next holder (岗位交接) continues it; a 员额 seat gets the next free seat number of its unit, so
 * two judges with the same title never share a post.
 */
export function postKeyFor(
  input: { category: EvaluateeCategory; unitId: string; position: string },
  existing: readonly { postKey: string; unitId: string }[],
  previous?: { postKey: string; unitId: string; category: EvaluateeCategory },
): string {
  if (!holdsSeat(input.category)) return postKeyOf(input.unitId, input.position);
  // Editing a judge's title or note keeps the seat; only a move to another unit takes a new one.
  if (previous && holdsSeat(previous.category) && previous.unitId === input.unitId) return previous.postKey;
  const prefix = `${input.unitId}/员额`;
  let max = 0;
  for (const e of existing) {
    if (!e.postKey.startsWith(prefix)) continue;
    const n = Number(e.postKey.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return postKeyOf(input.unitId, `员额${max + 1}`);
}
