import type { CoreData } from '../../../shared/domain/partitions';

/** An evaluatee as the live screens name them: 姓名, unit, post; a deleted one keeps a placeholder name. */
export interface PersonRef {
  id: string;
  name: string;
  unitName: string;
  position: string;
}

export function personOf(core: Readonly<CoreData>, id: string): PersonRef {
  const e = core.evaluatees.find((x) => x.id === id);
  const unit = e ? core.units.find((u) => u.id === e.unitId) : undefined;
  return { id, name: e?.name ?? '（已删除）', unitName: unit?.name ?? '', position: e?.position ?? '' };
}
