import { Field } from '../../ui/field';
import { EVALUATEE_CATEGORIES, type EvaluateeCategory } from '../../../../shared/domain/evaluatees';
import type { EvaluateeRow, UnitRow } from '../../../../shared/api/desk-types';
import { COVERAGE_LABELS, EMPTY_FILTER, type CoverageFilter, type EvaluateeFilter, type PostFilter } from './evaluatee-filters';

const COVERAGE_OPTIONS: EvaluateeRow['coverage'][] = ['covered', 'uncovered', 'left', 'outside-term'];

export function EvaluateeFilterBar({ filter, units, onChange }: { filter: EvaluateeFilter; units: readonly UnitRow[]; onChange: (f: EvaluateeFilter) => void }) {
  const set = <K extends keyof EvaluateeFilter>(key: K, value: EvaluateeFilter[K]) => onChange({ ...filter, [key]: value });
  const active = JSON.stringify(filter) !== JSON.stringify(EMPTY_FILTER);
  return (
    <div className="filter-bar" role="search" aria-label="筛选被评议对象">
      <div className="field search">
        <label htmlFor="ee-search">搜索</label>
        <input id="ee-search" type="search" placeholder="姓名、单位或职务" value={filter.search} onChange={(e) => set('search', e.target.value)} />
      </div>
      <Field label="类别">
        {(id) => (
          <select id={id} value={filter.category} onChange={(e) => set('category', e.target.value as EvaluateeCategory | '')}>
            <option value="">全部类别</option>
            {EVALUATEE_CATEGORIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label="单位">
        {(id) => (
          <select id={id} value={filter.unitId} onChange={(e) => set('unitId', e.target.value)}>
            <option value="">全部单位</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="覆盖情况">
        {(id) => (
          <select id={id} value={filter.coverage} onChange={(e) => set('coverage', e.target.value as CoverageFilter)}>
            <option value="">全部</option>
            {COVERAGE_OPTIONS.map((c) => (
              <option key={c} value={c}>
                {COVERAGE_LABELS[c]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="在任情况">
        {(id) => (
          <select id={id} value={filter.post} onChange={(e) => set('post', e.target.value as PostFilter)}>
            <option value="">全部</option>
            <option value="in-post">在任</option>
            <option value="ended">已离任</option>
          </select>
        )}
      </Field>
      {active && (
        <button className="btn" onClick={() => onChange(EMPTY_FILTER)}>
          清除筛选
        </button>
      )}
    </div>
  );
}
