import { useMemo, useState } from 'react';
import { useCall } from '../../platform/hooks';
import { getPlatform } from '../../platform/platform';
import { ConfirmDialog } from '../../ui/dialog';
import { PageTitle } from '../../ui/page-title';
import { SheetTools } from '../sheets/sheet-tools';
import type { EvaluateeRow } from '../../../../shared/api/desk-types';
import { EvaluateeDialog } from './evaluatee-dialog';
import { EvaluateeTable } from './evaluatee-table';
import { EMPTY_FILTER, filterEvaluatees, type EvaluateeFilter } from './evaluatee-filters';
import { EvaluateeFilterBar } from './evaluatee-filter-bar';
import { SucceedDialog } from './succeed-dialog';
import { UnitsPanel } from './units-panel';
import './list-page.css';
import { PageBanners } from '../../ui/banners';

type Tab = 'people' | 'units';
type Action = { kind: 'create' } | { kind: 'edit' | 'succeed' | 'delete'; row: EvaluateeRow };

/** 被评议对象: the appointees the plan must cover, and the units they work in. */
export function EvaluateesPage() {
  const list = useCall('evaluatees.list', {});
  const units = useCall('units.list', {});
  const [tab, setTab] = useState<Tab>('people');
  const [filter, setFilter] = useState<EvaluateeFilter>(EMPTY_FILTER);
  const [action, setAction] = useState<Action | null>(null);
  const [notice, setNotice] = useState<string>();

  const rows = useMemo(() => list.data ?? [], [list.data]);
  const shown = useMemo(() => filterEvaluatees(rows, filter), [rows, filter]);
  const inPost = rows.filter((r) => !r.endedDate).length;
  const uncovered = rows.filter((r) => r.coverage === 'uncovered').length;

  const done = (text: string) => {
    setAction(null);
    setNotice(text);
  };

  return (
    <>
      <PageTitle title="被评议对象" sub={list.data ? `共${rows.length}人，在任${inPost}人，本届尚未覆盖${uncovered}人` : undefined}>
        <SheetTools key={tab} kind={tab === 'people' ? 'evaluatees' : 'units'} onNotice={setNotice} />
        {tab === 'people' && (
          <button className="btn primary" disabled={!list.data || !units.data} onClick={() => setAction({ kind: 'create' })}>
            新增被评议对象
          </button>
        )}
      </PageTitle>

      <div className="tabs" role="tablist" aria-label="被评议对象与单位">
        <button role="tab" aria-selected={tab === 'people'} onClick={() => setTab('people')}>
          被评议对象
        </button>
        <button role="tab" aria-selected={tab === 'units'} onClick={() => setTab('units')}>
          单位
        </button>
      </div>

      <PageBanners notice={notice} error={list.error} />

      {tab === 'people' ? (
        <div className="panel" role="tabpanel" aria-label="被评议对象">
          <EvaluateeFilterBar filter={filter} units={units.data ?? []} onChange={setFilter} />
          <p className="filter-summary" aria-live="polite">
            {list.loading && !list.data ? '正在读取…' : `显示${shown.length}人${shown.length < rows.length ? `（共${rows.length}人）` : ''}`}
          </p>
          {list.data && rows.length === 0 && (
            <div className="banner warn" role="status">
              尚未录入被评议对象。点击“新增被评议对象”逐一录入（所在单位可在对话框中当场新增），录入后在计划中安排评议年度。
            </div>
          )}
          <EvaluateeTable rows={shown} onAction={(kind, row) => setAction({ kind, row })} />
        </div>
      ) : (
        <div className="panel" role="tabpanel" aria-label="单位">
          <UnitsPanel units={units.data ?? []} />
        </div>
      )}

      {(action?.kind === 'create' || action?.kind === 'edit') && (
        <EvaluateeDialog
          row={action.kind === 'edit' ? action.row : undefined}
          rows={rows}
          units={units.data ?? []}
          onClose={() => setAction(null)}
          onSaved={(e) => done(action.kind === 'edit' ? `已保存${e.name}的信息。` : `已新增被评议对象${e.name}，尚未列入评议计划。`)}
        />
      )}
      {action?.kind === 'succeed' && (
        <SucceedDialog
          row={action.row}
          onClose={() => setAction(null)}
          onDone={({ ended, successor }) => done(`${ended.name}已${ended.endReason ?? '离任'}；继任者${successor.name}已列为新的被评议对象，尚未覆盖，请在五年计划中安排。`)}
        />
      )}
      {action?.kind === 'delete' && (
        <ConfirmDialog
          title="删除被评议对象"
          message={
            <>
              确定删除“{action.row.name}（{action.row.unitName}{action.row.position}）”吗？已列入评议计划的人员不能删除，请先从计划中移出；岗位易人请用“岗位交接”，以保留原任的记录。
            </>
          }
          confirmLabel="删除"
          danger
          onConfirm={async () => {
            await getPlatform().call('evaluatees.delete', { id: action.row.id });
            setNotice(`已删除${action.row.name}。`);
          }}
          onClose={() => setAction(null)}
        />
      )}
    </>
  );
}
