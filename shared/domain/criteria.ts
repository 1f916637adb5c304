import { z } from 'zod';
import { idField, intField, optionalText, requiredText } from './fields';

/**
 * 评价标准: what the members judge each evaluatee on (Article 4 of the model county's measures).
 * The list is the county's own and editable; the first two are the model county's, the others the
 * usual local ones.
 */

export const criterionSchema = z.object({
  id: idField('cr', '评价标准'),
  name: requiredText('评价标准名称', 60),
  description: optionalText('评价标准说明', 500),
  /** Display and document order, 1-based. */
  order: intField('评价标准顺序', 1, 99),
});

export type Criterion = z.infer<typeof criterionSchema>;
export type CriterionInput = z.input<typeof criterionSchema>;
export const criterionDraftSchema = criterionSchema.omit({ id: true });

export const DEFAULT_CRITERIA_NAMES = [
  '贯彻执行国家法律法规情况',
  '贯彻执行县委重大决策部署情况',
  '履行部门职责和行政效能',
  '执行人大及其常委会决议决定、办理审议意见和代表建议情况',
  '干部作风建设情况',
  '廉洁自律情况',
] as const;

/** Fixed ids, so the defaults are the same in every installation and need no random source. */
export function defaultCriteria(): Criterion[] {
  return DEFAULT_CRITERIA_NAMES.map((name, i) => ({ id: `cr_std${i + 1}`, name, description: '', order: i + 1 }));
}

export function sortCriteria<T extends Pick<Criterion, 'order'>>(criteria: readonly T[]): T[] {
  return [...criteria].sort((a, b) => a.order - b.order);
}
