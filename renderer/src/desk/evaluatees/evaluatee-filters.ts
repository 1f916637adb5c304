import { COVERAGE_STATUS_LABELS } from '../../../../shared/domain/coverage';
import type { EvaluateeCategory } from '../../../../shared/domain/evaluatees';
import type { EvaluateeRow } from '../../../../shared/api/desk-types';

export type CoverageFilter = EvaluateeRow['coverage'] | '';
export type PostFilter = '' | 'in-post' | 'ended';

export interface EvaluateeFilter {
  search: string;
  category: EvaluateeCategory | '';
  unitId: string;
  coverage: CoverageFilter;
  post: PostFilter;
}

export const EMPTY_FILTER: EvaluateeFilter = { search: '', category: '', unitId: '', coverage: '', post: '' };

export const COVERAGE_LABELS: Record<EvaluateeRow['coverage'], string> = {
  ...COVERAGE_STATUS_LABELS,
  // Held the post only before or after the current term: the term's plan does not concern them.
  'outside-term': '不在本届计划期',
};

export const COVERAGE_TONES: Record<EvaluateeRow['coverage'], string> = {
  covered: 'ok',
  uncovered: 'warn',
  left: '',
  'outside-term': '',
};

export function filterEvaluatees(rows: readonly EvaluateeRow[], f: EvaluateeFilter): EvaluateeRow[] {
  const q = f.search.trim().toLowerCase();
  return rows.filter((r) => {
    if (f.category && r.category !== f.category) return false;
    if (f.unitId && r.unitId !== f.unitId) return false;
    if (f.coverage && r.coverage !== f.coverage) return false;
    if (f.post === 'in-post' && r.endedDate) return false;
    if (f.post === 'ended' && !r.endedDate) return false;
    if (q && ![r.name, r.unitName, r.position].some((s) => s.toLowerCase().includes(q))) return false;
    return true;
  });
}
