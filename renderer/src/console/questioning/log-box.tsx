import { memo, useState } from 'react';
import type { DrawLogReport, QuestioningState } from '../../../../shared/api/questioning-types';
import { getPlatform } from '../../platform/platform';
import { Dialog } from '../../ui/dialog';

/** The log's last entries, and the whole log with the replay's verdict on request. */
export const LogBox = memo(function LogBox(state: Pick<QuestioningState, 'meetingId' | 'rehearsal' | 'logCount' | 'logTail'>) {
  const [report, setReport] = useState<DrawLogReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = () => {
    if (!state.meetingId) return;
    getPlatform()
      .call('questioning.log', { meetingId: state.meetingId, rehearsal: state.rehearsal })
      .then((r) => {
        setError(null);
        setReport(r);
      })
      .catch((err: Error) => setError(err.message));
  };
  return (
    <section className="q-box" aria-labelledby="q-log-title">
      <h3 id="q-log-title">
        抽取记录 <span className="muted">共{state.logCount}条，只增不改</span>
        <button className="btn small" onClick={open} disabled={!state.meetingId}>
          完整记录与公平性核查
        </button>
      </h3>
      {error && <div className="banner error">{error}</div>}
      {state.logTail.length === 0 ? (
        <p className="muted">尚未抽取。</p>
      ) : (
        <ol className="q-log" start={state.logCount - state.logTail.length + 1}>
          {state.logTail.map((l) => (
            <li key={l.id} className={l.cancelled ? 'cancelled' : undefined}>
              <span className="muted">{l.at}</span> {l.text}
              {l.cancelled && <span className="tag danger">已作废</span>}
            </li>
          ))}
        </ol>
      )}
      {report && (
        <Dialog title="随机抽取公平性核查" onClose={() => setReport(null)} wide>
          <div className={`banner ${report.ok ? 'ok' : 'error'}`} data-testid="q-verdict">
            {report.ok ? `复核通过：${report.drawCount}次抽取均可按记录重新演算，结果一致。` : `复核发现${report.problems.length}个问题。`}
          </div>
          <pre className="q-report">{report.lines.join('\n')}</pre>
        </Dialog>
      )}
    </section>
  );
});
