import type { DeskOverview } from '../../../../shared/api/desk-types';
import { formatDateCn } from '../../../../shared/format/dates';
import { DueTag } from '../loop/loop-bits';
import '../loop/loop.css';

/**
 * 到期事项: from the workbench's data (desk.overview, the loop's deadlines of every year), everything
 * due within 30 days and everything overdue, until it arrives or the case closes (nothing drops
 * off by age); a row opens its case.
 */
export function LoopDuePanel({ data }: { data: Pick<DeskOverview, 'due' | 'today'> }) {
  return (
    <section className="panel wb-due" aria-labelledby="wb-due-title">
      <div className="panel-head">
        <h2 id="wb-due-title">到期事项</h2>
        <span className="muted">30日内到期和已逾期的整改期限</span>
        <span className="grow" />
        <a href="#/loop">跟踪整改</a>
      </div>
      {data.due.length === 0 ? (
        <p className="muted" data-testid="wb-due-empty">
          没有30日内到期或已逾期的事项。评议意见送达后，整改情况报告等期限在此提示，逾期的一直保留到收到或办结。
        </p>
      ) : (
        <table className="list" aria-label="到期事项">
          <thead>
            <tr>
              <th>被评议对象</th>
              <th>事项</th>
              <th>期限</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {data.due.map((d) => (
              <tr key={`${d.evaluationId}-${d.kind}`}>
                <td>
                  <a href={`#/loop/${d.year}/${d.evaluationId}`}>{d.name}</a>
                  <div className="muted">{d.unitName}</div>
                </td>
                <td>{d.label}</td>
                <td>
                  {d.meeting ? `${d.meeting.name}（${formatDateCn(d.meeting.date)}）` : d.state === 'unscheduled' ? `${formatDateCn(d.due)}以后` : formatDateCn(d.due)}
                  {d.message && <div className="muted loop-hint">{d.message}</div>}
                </td>
                <td>
                  <DueTag deadline={d} today={data.today} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
