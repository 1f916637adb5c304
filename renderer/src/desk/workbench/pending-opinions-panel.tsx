import { useCall } from '../../platform/hooks';
import type { PendingOpinion, RectificationDeadline } from '../../../../shared/api/opinion-types';
import { formatDateCn } from '../../../../shared/format';
import { daysBetween } from './next-meeting-panel';
import '../opinions/opinions.css';

/**
 * 评议意见 on the workbench: what waits for the 主任会议, for issuing and for delivery, and the
 * rectification deadlines a delivery started (plan and report, from the settings).
 */

function Due({ today, date, label }: { today: string; date: string; label: string }) {
  const d = daysBetween(today, date) ?? 0;
  const cls = d < 0 ? 'danger' : d <= 7 ? 'warn' : '';
  const text = d < 0 ? `已逾期${-d}天` : d === 0 ? '今天到期' : `还有${d}天`;
  return (
    <div>
      {label} {formatDateCn(date)} <span className={`tag ${cls}`}>{text}</span>
    </div>
  );
}

function Waiting({ title, items, empty }: { title: string; items: PendingOpinion[]; empty: string }) {
  return (
    <div className="wb-op-group">
      <h3>
        {title} <span className="muted">{items.length}件</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul aria-label={title}>
          {items.map((p) => (
            <li key={p.evaluationId}>
              <a href={`#/opinions/${p.year}/${p.evaluationId}`}>{p.name}</a> <span className="muted">{p.unitName}</span>
              {p.docNumber && <span className="muted"> · {p.docNumber}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PendingOpinionsPanel() {
  const { data, error } = useCall('opinions.pending', {});
  return (
    <section className="panel wb-op" aria-labelledby="wb-op-title">
      <div className="panel-head">
        <h2 id="wb-op-title">评议意见办理</h2>
        <span className="grow" />
        <a href="#/opinions">全部评议意见</a>
      </div>
      {error && (
        <div className="banner error" role="alert">
          评议意见读取失败：{error.message}
        </div>
      )}
      {data && (
        <>
          <div className="wb-op-groups">
            <Waiting title="待主任会议审定" items={data.awaitingCouncil} empty="没有待审定的草稿。" />
            <Waiting title="待印发" items={data.awaitingIssue} empty="没有待印发的评议意见。" />
            <Waiting title="待送达" items={data.awaitingDelivery} empty="没有待送达的评议意见。" />
          </div>
          <h3 className="wb-op-deadlines">整改期限</h3>
          {data.deadlines.length === 0 ? (
            <p className="muted">评议意见送达后，在此提示整改方案和整改情况报告的期限。</p>
          ) : (
            <table className="list" aria-label="整改期限">
              <thead>
                <tr>
                  <th>被评议对象</th>
                  <th>送达</th>
                  <th>期限</th>
                </tr>
              </thead>
              <tbody>
                {data.deadlines.map((d: RectificationDeadline) => (
                  <tr key={d.evaluationId}>
                    <td>
                      <a href={`#/opinions/${d.year}/${d.evaluationId}`}>{d.name}</a>
                      <div className="muted">{d.unitName}</div>
                    </td>
                    <td>
                      {formatDateCn(d.deliveredOn)}
                      <div className="muted">{d.docNumber}</div>
                    </td>
                    <td>
                      {d.planDue && <Due today={data.today} date={d.planDue} label="整改方案" />}
                      {d.reportDue && <Due today={data.today} date={d.reportDue} label="整改情况报告" />}
                      {d.reReportDue && <Due today={data.today} date={d.reReportDue} label="再次报告" />}
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
