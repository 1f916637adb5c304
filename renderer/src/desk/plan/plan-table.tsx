import { memo, type MouseEvent } from 'react';
import type { PlanCell, PlanRow } from '../../../../shared/api/desk-types';
import { COVERAGE_STATUS_LABELS, type CoverageStatus } from '../../../../shared/domain/coverage';
import { REPORT_MODE_LABELS } from '../../../../shared/domain/evaluations';
import { EVALUATEE_CATEGORIES, type EvaluateeCategory } from '../../../../shared/domain/evaluatees';
import { formatDateCn } from '../../../../shared/format';

export type CellAction = { kind: 'add'; row: PlanRow; year: number } | { kind: 'remove'; row: PlanRow; cell: PlanCell };

export interface PlanTableProps {
  years: number[];
  plannedPerYear: number[];
  currentYear: number;
  rows: PlanRow[];
  /** Rows grouped under a heading per category; off when one category is filtered. */
  grouped: boolean;
  highlightId?: string;
  onCell: (action: CellAction) => void;
}

const STATUS_TAG: Record<CoverageStatus, string> = { covered: 'ok', uncovered: 'warn', left: '' };

export function rowDomId(evaluateeId: string): string {
  return `plan-row-${evaluateeId}`;
}

/**
 * The year × evaluatee matrix. Plain elements only and one click handler for the whole table
 * (cells carry data attributes), so a 10-year archive of ~160 rows renders well under the
 * 200 ms budget without per-cell components.
 */
export const PlanTable = memo(function PlanTable({ years, plannedPerYear, currentYear, rows, grouped, highlightId, onCell }: PlanTableProps) {
  const byId = new Map(rows.map((r) => [r.evaluateeId, r]));
  const onClick = (e: MouseEvent<HTMLTableElement>) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-ee]');
    if (!button) return;
    const row = byId.get(button.dataset.ee ?? '');
    const index = Number(button.dataset.i);
    if (!row) return;
    const cell = row.cells[index];
    if (cell) onCell({ kind: 'remove', row, cell });
    else if (years[index] !== undefined) onCell({ kind: 'add', row, year: years[index] });
  };

  const groups: { category: EvaluateeCategory; rows: PlanRow[] }[] = grouped
    ? EVALUATEE_CATEGORIES.map((category) => ({ category, rows: rows.filter((r) => r.category === category) })).filter((g) => g.rows.length > 0)
    : [];
  const colCount = 3 + years.length;

  return (
    <table className="list plan-table" data-testid="plan-table" aria-label="五年计划" onClick={onClick}>
      <colgroup>
        <col className="who" />
        <col className="unit" />
        <col className="status" />
        {years.map((y) => (
          <col key={y} className={`year${y === currentYear ? ' current' : ''}`} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className="who">被评议对象</th>
          <th className="unit">单位及职务</th>
          <th className="status">覆盖情况</th>
          {years.map((y, i) => (
            <th key={y} className={`year${y === currentYear ? ' current' : ''}`} scope="col" title={y === currentYear ? '本年度' : undefined}>
              {y}年
              <div className="per-year">计划{plannedPerYear[i] ?? 0}项</div>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grouped
          ? groups.map((g) => [
              <tr key={`g-${g.category}`} className="group">
                <th colSpan={colCount} scope="colgroup">
                  {g.category}
                  <span className="muted">
                    {g.rows.length}人 · 已覆盖{g.rows.filter((r) => r.status === 'covered').length}人
                  </span>
                </th>
              </tr>,
              ...g.rows.map((r) => <Row key={r.evaluateeId} row={r} years={years} highlight={r.evaluateeId === highlightId} />),
            ])
          : rows.map((r) => <Row key={r.evaluateeId} row={r} years={years} highlight={r.evaluateeId === highlightId} />)}
        {rows.length === 0 && (
          <tr>
            <td colSpan={colCount} className="muted empty-note">
              没有符合条件的被评议对象
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
});

function Row({ row, years, highlight }: { row: PlanRow; years: number[]; highlight: boolean }) {
  const cls = [row.ended ? 'ended' : '', row.status === 'uncovered' ? 'uncovered' : '', highlight ? 'highlight' : ''].filter(Boolean).join(' ');
  return (
    <tr id={rowDomId(row.evaluateeId)} className={cls || undefined}>
      <th scope="row" className="who">
        {row.name}
        {row.ended && <div className="ended-note">{row.endedDate ? `${formatDateCn(row.endedDate)}离任` : '已离任'}</div>}
      </th>
      <td className="unit">
        {row.unitName} <span className="muted">{row.position}</span>
      </td>
      <td className="status">
        <span className={`tag ${STATUS_TAG[row.status]}`}>{COVERAGE_STATUS_LABELS[row.status]}</span>
      </td>
      {years.map((y, i) => (
        <Cell key={y} row={row} year={y} index={i} cell={row.cells[i] ?? null} />
      ))}
    </tr>
  );
}

function Cell({ row, year, index, cell }: { row: PlanRow; year: number; index: number; cell: PlanCell | null }) {
  if (cell) {
    const label = `${row.name} ${year}年 ${cell.stageLabel} ${REPORT_MODE_LABELS[cell.mode]}`;
    const cls = `cell planned${cell.conflict ? ' conflict' : ''}${cell.held ? ' held' : ''}`;
    // An evaluation the meeting has heard is history: it stays, so it offers no removal.
    if (cell.held) {
      return (
        <td className={cls} title={cell.conflict ? '此项计划存在冲突' : '已召开评议会议，不能移出计划'}>
          <div className="box" aria-label={label}>
            <span className="stage">{cell.stageLabel}</span>
            <span className="mode">{REPORT_MODE_LABELS[cell.mode]}</span>
          </div>
        </td>
      );
    }
    return (
      <td className={cls}>
        <button type="button" data-ee={row.evaluateeId} data-i={index} aria-label={`${label}，移出计划`} title={cell.conflict ? '此项计划存在冲突，点击可移出' : '点击可移出计划'}>
          <span className="stage">{cell.stageLabel}</span>
          <span className="mode">{REPORT_MODE_LABELS[cell.mode]}</span>
        </button>
      </td>
    );
  }
  if (!row.plannableYears.includes(year)) {
    return <td className="cell na" title={`${year}年不在任`} />;
  }
  // Once covered, a person is not offered a second year: the service allows one per term.
  if (row.status === 'covered') return <td className="cell" />;
  return (
    <td className="cell open">
      <button type="button" data-ee={row.evaluateeId} data-i={index} aria-label={`将${row.name}列入${year}年评议计划`}>
        列入
      </button>
    </td>
  );
}
