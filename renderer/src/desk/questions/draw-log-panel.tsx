import { useRef } from 'react';
import { useCall } from '../../platform/hooks';

/**
 * 随机抽取公平性核查记录: the full log in words with the replay's verdict, printable on its own
 * (the print stylesheet shows only this panel while `printing-draw-log` is on the body). Read again
 * with every stored change (a draw on the console, a redraw, a question added here).
 */
export function DrawLogPanel({ meetingId }: { meetingId: string }) {
  const { data: report, error } = useCall('questioning.log', { meetingId, rehearsal: false });

  const details = useRef<HTMLDetailsElement>(null);
  const print = () => {
    // The printout is the whole record: the technical note is opened for it.
    if (details.current) details.current.open = true;
    document.body.classList.add('printing-draw-log');
    const done = () => {
      document.body.classList.remove('printing-draw-log');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };

  return (
    <section className="panel qb-log" aria-labelledby="qb-log-title">
      <div className="mt-panel-head">
        <h2 id="qb-log-title">抽取记录与公平性核查</h2>
        {report && (
          <span className="muted">
            共{report.entries.length}条：抽取{report.drawCount}次，作废{report.cancelCount}次，新一轮{report.cycleCount}次
          </span>
        )}
        <span className="grow" />
        <button className="btn" disabled={!report} onClick={print}>
          打印核查记录
        </button>
      </div>
      {error && <div className="banner error">{error.message}</div>}
      {report && (
        <>
          <div className={`banner ${report.ok ? 'ok' : 'error'}`} data-testid="qb-verdict">
            {report.ok
              ? report.drawCount === 0
                ? '尚未抽取。'
                : `复核通过：${report.drawCount}次抽取均按记录的随机数重新演算，结果一致，候选人名单符合抽取规则。`
              : `复核发现${report.problems.length}个问题，详见下方记录。`}
          </div>
          <p className="qb-fairness" data-testid="qb-fairness">
            提问人由程序随机抽取：每位候选人被抽中的机会完全相同，任何人（包括操作人员）都不能事先知道或指定结果。每次抽取时的候选名单和所用的随机数都记录在案，事后可按记录重新演算一遍，核对结果是否一致——上面的复核结论就是这样得出的。重新抽取或撤销的抽取作废但保留记录。
          </p>
          <details ref={details} className="qb-details">
            <summary>详情：完整记录与演算方法</summary>
            <div className="qb-print">
              <pre className="qb-report">{report.lines.join('\n')}</pre>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
