import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCall } from '../../platform/hooks';
import { PageTitle } from '../../ui/page-title';
import { SheetTools } from '../sheets/sheet-tools';
import type { PlanRow, PlanView } from '../../../../shared/api/desk-types';
import { EVALUATEE_CATEGORIES, type EvaluateeCategory } from '../../../../shared/domain/evaluatees';
import { formatSession } from '../../../../shared/format';
import { ConflictsPanel } from './conflicts-panel';
import { PlanPapers } from './plan-papers';
import { PlanTargetNotice } from '../stats/plan-target-notice';
import { AddPlanDialog, RemovePlanDialog } from './plan-dialogs';
import { PlanTable, rowDomId, type CellAction } from './plan-table';
import './plan.css';
import { planName } from '../../../../shared/domain/settings';

type StatusFilter = 'all' | 'uncovered' | 'covered' | 'left' | 'conflict';
const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部覆盖情况' },
  { value: 'uncovered', label: '仅未覆盖' },
  { value: 'covered', label: '仅已覆盖' },
  { value: 'left', label: '仅已离任未评议' },
  { value: 'conflict', label: '仅有冲突' },
];

function matches(row: PlanRow, category: EvaluateeCategory | 'all', status: StatusFilter, query: string, conflicted: Set<string>): boolean {
  if (category !== 'all' && row.category !== category) return false;
  if (status === 'conflict' ? !conflicted.has(row.evaluateeId) : status !== 'all' && row.status !== status) return false;
  if (query && !`${row.name} ${row.unitName} ${row.position}`.includes(query)) return false;
  return true;
}

/** 五年计划 (named by the term's length: 六年计划 for six years): who is evaluated in which year of the term, who is not covered yet, and what conflicts. */
export function PlanPage() {
  const { data, error } = useCall('plan.get', {});
  const [category, setCategory] = useState<EvaluateeCategory | 'all'>('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [sheetNotice, setSheetNotice] = useState<string>();
  const [query, setQuery] = useState('');
  const [action, setAction] = useState<CellAction | null>(null);
  const [highlightId, setHighlightId] = useState<string>();

  // The benchmark (ui.plan.render.ms) reads this mark: the first render with data, once per mount.
  const marked = useRef(false);
  useEffect(() => {
    if (data && !marked.current) {
      marked.current = true;
      performance.mark('plan-rendered');
    }
  }, [data]);

  const conflicted = useMemo(() => new Set(data?.conflicts.map((c) => c.evaluateeId) ?? []), [data]);
  const q = query.trim();
  const rows = useMemo(() => (data ? data.rows.filter((r) => matches(r, category, status, q, conflicted)) : []), [data, category, status, q, conflicted]);
  // Only marks the current year's column; read once per visit.
  const [currentYear] = useState(() => new Date().getFullYear());
  const onCell = useCallback((a: CellAction) => setAction(a), []);

  const locate = useCallback((evaluateeId: string) => {
    // Clear filters that would hide the row, then bring it into view once it is rendered.
    setCategory('all');
    setStatus('all');
    setQuery('');
    setHighlightId(evaluateeId);
    requestAnimationFrame(() => document.getElementById(rowDomId(evaluateeId))?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  }, []);

  if (!data) {
    return (
      <>
        <PageTitle title="五年计划" />
        {error ? (
          <div className="banner error" role="alert">
            五年计划读取失败：{error.message}
          </div>
        ) : (
          <p className="muted">正在读取…</p>
        )}
      </>
    );
  }

  return (
    <>
      <PageTitle title={planName(data.term)} sub={`${formatSession(data.term.session)} · ${data.term.startYear}—${data.term.endYear}年 · 本届内每名被评议对象评议一次`}>
        <SheetTools kind="plan" onNotice={setSheetNotice} />
      </PageTitle>
      {sheetNotice && (
        <div className="banner ok" role="status">
          {sheetNotice}
        </div>
      )}
      {error && (
        <div className="banner error" role="alert">
          刷新失败，以下为上次读取的数据：{error.message}
        </div>
      )}
      <CoverageSummary data={data} />
      <ConflictsPanel data={data} onLocate={locate} />
      <PlanTargetNotice data={data} />
      <div className="toolbar plan-filters" role="search" aria-label="筛选">
        <select aria-label="类别" value={category} onChange={(e) => setCategory(e.target.value as EvaluateeCategory | 'all')}>
          <option value="all">全部类别</option>
          {EVALUATEE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <select aria-label="覆盖情况" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
          {STATUS_FILTERS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <input type="search" aria-label="搜索姓名或单位" placeholder="搜索姓名、单位或职务" value={query} onChange={(e) => setQuery(e.target.value)} />
        <span className="grow" />
        <span className="muted" role="status">
          显示{rows.length}人，共{data.rows.length}人
        </span>
      </div>
      <div className="plan-legend muted" aria-hidden="true">
        未覆盖的对象可点击“列入”列入当年计划；点击已列入的单元格可移出计划（改列其他年度须先移出）。
        <span className="swatch planned" />已列入
        <span className="swatch conflict" />有冲突
        <span className="swatch na" />不在任
      </div>
      {data.rows.length === 0 && (
        <div className="banner warn" role="status">
          尚未录入被评议对象。请先在<a href="#/evaluatees">被评议对象</a>中录入本届须评议的人员，再在此将每人列入一个年度。
        </div>
      )}
      <PlanTable
        years={data.years}
        plannedPerYear={data.counts.plannedPerYear}
        currentYear={currentYear}
        rows={rows}
        grouped={category === 'all'}
        highlightId={highlightId}
        onCell={onCell}
      />
      <PlanPapers years={data.years} planLabel={planName(data.term)} />
      {action?.kind === 'add' && <AddPlanDialog row={action.row} year={action.year} years={data.years} onClose={() => setAction(null)} />}
      {action?.kind === 'remove' && <RemovePlanDialog row={action.row} cell={action.cell} onClose={() => setAction(null)} />}
    </>
  );
}

function CoverageSummary({ data }: { data: PlanView }) {
  const c = data.counts;
  return (
    <section className="plan-summary" aria-label="覆盖情况">
      <div className="figure">
        <span className="label">已覆盖</span>
        <strong data-testid="plan-covered">{c.covered}</strong>
        <span className="of">/ {c.total}人</span>
      </div>
      <div className={`figure${c.uncovered > 0 ? ' warn' : ''}`}>
        <span className="label">未覆盖</span>
        <strong data-testid="plan-uncovered">{c.uncovered}</strong>
        <span className="of">人</span>
      </div>
      <div className="figure">
        <span className="label">已离任未评议</span>
        <strong>{c.left}</strong>
        <span className="of">人</span>
      </div>
      <div className={`figure${c.errors > 0 ? ' danger' : ''}`}>
        <span className="label">冲突</span>
        <strong>{c.errors}</strong>
        <span className="of">处</span>
      </div>
      <div className={`figure${c.warnings > 0 ? ' warn' : ''}`}>
        <span className="label">提醒</span>
        <strong>{c.warnings}</strong>
        <span className="of">项</span>
      </div>
      <div className="by-category">
        {EVALUATEE_CATEGORIES.filter((k) => c.byCategory[k].total > 0).map((k) => (
          <div key={k}>
            <span className="muted">{k}</span> {c.byCategory[k].covered}/{c.byCategory[k].total}人
          </div>
        ))}
      </div>
    </section>
  );
}
