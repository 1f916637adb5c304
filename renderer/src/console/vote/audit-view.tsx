import { useEffect, useState } from 'react';
import type { VoteAuditView, VoteRoundView } from '../../../../shared/api/vote-types';
import { getPlatform } from '../../platform/platform';
import { formatDateTimeCn } from '../../ui/format';
import { deliverToUser } from '../../desk/exports/deliver';
import { VOTE_TEXT } from './vote-text';

/** The round's append-only log (every sheet, correction, undo, state change…), and its CSV. */
export function AuditView({ round }: { round: VoteRoundView }) {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<VoteAuditView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Refetched whenever the log grows while it is open.
  useEffect(() => {
    if (!open) return;
    let alive = true;
    getPlatform()
      .call('vote.audit', { roundId: round.id })
      .then((e) => alive && setEntries(e))
      .catch((err: Error) => alive && setError(err.message));
    return () => {
      alive = false;
    };
  }, [open, round.id, round.auditCount]);

  const csv = () =>
    getPlatform()
      .call('vote.auditCsv', { roundId: round.id })
      .then((file) => setNotice(deliverToUser(file)))
      .catch((err: Error) => setError(err.message));

  return (
    <details className="vote-audit" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {VOTE_TEXT.audit}（{round.auditCount} 条）
      </summary>
      <div className="vote-row">
        <button className="btn small" onClick={() => void csv()}>
          {VOTE_TEXT.csv}
        </button>
        <span className="muted">记录只增不改：每张票的录入、撤销、更正及理由，状态变更、作废和更正公布结果都在其中。</span>
      </div>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {notice && (
        <div className="banner ok" role="status">
          {notice}
        </div>
      )}
      {entries && (
        <div className="vote-audit-scroll">
          <table className="vote-table vote-audit-table">
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">时间</th>
                <th scope="col">操作</th>
                <th scope="col">票号</th>
                <th scope="col">内容</th>
                <th scope="col">理由</th>
              </tr>
            </thead>
            <tbody>
              {[...entries].reverse().map((e) => (
                <tr key={e.seq}>
                  <td className="num">{e.seq}</td>
                  <td>{formatDateTimeCn(e.at).replace(/^\d+年/, '')}</td>
                  <td>
                    {e.actionLabel}
                    {e.groupLabel && e.groupLabel !== '常委会组成人员' ? `（${e.groupLabel}）` : ''}
                  </td>
                  <td className="num">{e.no ?? ''}</td>
                  <td>{e.detail}</td>
                  <td>{e.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
