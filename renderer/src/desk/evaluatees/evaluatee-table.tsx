import { formatDateCn } from '../../../../shared/format/dates';
import type { EvaluateeRow } from '../../../../shared/api/desk-types';
import { COVERAGE_LABELS, COVERAGE_TONES } from './evaluatee-filters';

export type RowAction = 'edit' | 'succeed' | 'delete';

export function EvaluateeTable({ rows, onAction }: { rows: readonly EvaluateeRow[]; onAction: (kind: RowAction, row: EvaluateeRow) => void }) {
  return (
    <table className="list" aria-label="被评议对象名单">
      <thead>
        <tr>
          <th>姓名</th>
          <th>类别</th>
          <th>单位</th>
          <th>职务</th>
          <th>任职日期</th>
          <th>计划年度</th>
          <th>覆盖情况</th>
          <th>
            <span className="visually-hidden">操作</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className={r.endedDate ? 'ended' : undefined}>
            <td>
              {r.name}
              {r.gender && <span className="muted">（{r.gender}）</span>}
              {r.predecessorName && <span className="sub-line">接任{r.predecessorName}</span>}
            </td>
            <td>{r.category}</td>
            <td>{r.unitName}</td>
            <td>{r.position}</td>
            <td>{formatDateCn(r.appointmentDate)}</td>
            <td>{r.plannedYears.length ? r.plannedYears.map((y) => `${y}年`).join('、') : <span className="muted">未列入</span>}</td>
            <td>
              <span className={`tag ${COVERAGE_TONES[r.coverage]}`}>{COVERAGE_LABELS[r.coverage]}</span>
              {r.endedDate && r.coverage !== 'left' && <span className="tag">已离任</span>}
              {r.endedDate && (
                <span className="sub-line">
                  {formatDateCn(r.endedDate)}
                  {r.endReason ?? '离任'}
                </span>
              )}
            </td>
            <td className="actions">
              <button className="btn small" onClick={() => onAction('edit', r)} aria-label={`编辑 ${r.name}`}>
                编辑
              </button>
              {!r.endedDate && (
                <button className="btn small" onClick={() => onAction('succeed', r)} aria-label={`岗位交接 ${r.name}`}>
                  岗位交接
                </button>
              )}
              <button className="btn small danger" onClick={() => onAction('delete', r)} aria-label={`删除 ${r.name}`}>
                删除
              </button>
            </td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={8} className="muted">
              没有符合条件的被评议对象。
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
