import { useCall } from '../../platform/hooks';
import { formatDateCn } from '../../../../shared/format/dates';
import { DueTag } from '../loop/loop-bits';
import '../loop/loop.css';

/** The stages the loop follows after the meeting's vote, as the strip shows them (every year). */
const LOOP_STRIP = new Set(['opinion', 'rectification', 'follow-up', 'escalated', 'closed']);

/**
 * 到期事项: from loop.overview, everything due within 30 days and everything overdue, until it
 * arrives or the case closes (nothing drops off by age); a row opens its case. Beside it the
 * cases of every year by derived stage, 进一步监督 included.
 */
export function LoopDuePanel() {
  const { data, error } = useCall('loop.overview', {});
  return (
    <section className="panel wb-due" aria-labelledby="wb-due-title">
      <div className="panel-head">
        <h2 id="wb-due-title">到期事项</h2>
        <span className="muted">30日内到期和已逾期的整改期限</span>
        <span className="grow" />
        <a href="#/loop">跟踪整改</a>
      </div>
      {error && (
        <div className="banner error" role="alert">
          到期事项读取失败：{error.message}
        </div>
      )}
      {data && (
        <>
          <ol className="wb-loop-stages" aria-label="跟踪整改各阶段">
            {data.stages
              .filter((s) => LOOP_STRIP.has(s.stage))
              .map((s) => (
                <li key={s.stage} className={s.count === 0 ? 'zero' : s.stage === 'escalated' ? 'alert' : 'active'}>
                  <a href={`#/loop?stage=${s.stage}`} aria-label={`${s.label} ${s.count}项`}>
                    <span className="name">{s.label}</span>
                    <span className="count">
                      {s.count}
                      <small>项</small>
                    </span>
                  </a>
                </li>
              ))}
          </ol>
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
        </>
      )}
    </section>
  );
}
