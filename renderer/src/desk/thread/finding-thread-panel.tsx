import { useState } from 'react';
import type { FindingThread, ThreadItem } from '../../../../shared/thread/links';
import { useCall } from '../../platform/hooks';
import { getPlatform } from '../../platform/platform';
import { useHandoffGuard } from '../transfer/handoff-guard';
import './thread.css';

/**
 * 调研问题追溯: each research finding of an evaluation with where it went — the question made from it
 * for the meeting's bank, the minutes of the answer, the opinion's paragraphs, the issued item, its
 * 整改台账 entry and the 回头看 verdict — and the issued items back to their findings. A finding is
 * turned into a question or into the opinion draft here.
 */
export function FindingThreadPanel({ year, evaluationId, actions = true }: { year: number; evaluationId: string; actions?: boolean }) {
  const { data, error } = useCall('thread.trace', { year, evaluationId });
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // 已导出到会场: a question goes into the bank of the meeting that hears the evaluation; asks first when it is out.
  const handoff = useHandoffGuard(data?.meetingId);
  const run = async (name: 'thread.toQuestion' | 'thread.toOpinion', findingId: string, done: string) => {
    if (name === 'thread.toQuestion' && !(await handoff.confirmEdit())) return;
    getPlatform()
      .call(name, { year, findingId })
      .then(
        () => setNotice({ kind: 'ok', text: done }),
        (err: Error) => setNotice({ kind: 'error', text: err.message }),
      );
  };
  return (
    <section className="panel thread-panel" aria-labelledby="thread-title" data-testid="finding-thread">
      <h2 id="thread-title">调研问题追溯</h2>
      <p className="muted">每个调研发现的问题转为询问问题、写入评议意见后，在这里看到它的询问记录、意见条目、整改台账和回头看评价；反过来，每项意见条目注明来自哪个调研问题。</p>
      {notice && (
        <div className={`banner ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
      {error && (
        <div className="banner error" role="alert">
          读取失败：{error.message}
        </div>
      )}
      {!data ? (
        <p className="muted">正在读取…</p>
      ) : data.findings.length === 0 ? (
        <p className="muted">本评议尚未记录调研发现的问题。</p>
      ) : (
        <ol className="thread-findings">
          {data.findings.map((f) => (
            <FindingRow key={f.findingId} f={f} actions={actions} onQuestion={() => void run('thread.toQuestion', f.findingId, '已转为询问问题，放入评议会议的题库。')} onOpinion={() => void run('thread.toOpinion', f.findingId, '已写入评议意见草稿的“存在的问题”（整改建议写入“意见和建议”）。')} />
          ))}
        </ol>
      )}
      {data && data.items.length > 0 && <ItemsBack items={data.items} findings={data.findings} />}
    </section>
  );
}

function FindingRow({ f, actions, onQuestion, onOpinion }: { f: FindingThread; actions: boolean; onQuestion: () => void; onOpinion: () => void }) {
  const asked = f.questions.length > 0;
  const inOpinion = f.paragraphs.length > 0 || f.items.length > 0;
  return (
    <li className="thread-finding" data-testid="thread-finding">
      <div className="thread-finding-head">
        <strong>{f.text}</strong>
        {actions && (
          <span className="thread-actions">
            <button type="button" className="btn small" disabled={asked} onClick={onQuestion} aria-label={`转为询问问题：${f.text}`}>
              {asked ? '已转为询问问题' : '转为询问问题'}
            </button>
            <button type="button" className="btn small" disabled={inOpinion} onClick={onOpinion} aria-label={`写入评议意见：${f.text}`}>
              {inOpinion ? '已写入评议意见' : '写入评议意见'}
            </button>
          </span>
        )}
      </div>
      <dl className="thread-chain">
        <dt>询问问题</dt>
        <dd>{asked ? f.questions.map((q) => <div key={q.questionId}>{q.meetingName}：{q.text}（{q.status === 'asked' ? '已提问' : q.status === 'withdrawn' ? '已撤回' : '待提问'}）</div>) : <span className="muted">未转为询问问题</span>}</dd>
        <dt>询问记录</dt>
        <dd>
          {f.minutes.length ? (
            f.minutes.map((m) => (
              <div key={m.recordId}>
                {m.memberName}{m.memberRole}（{m.originLabel}）：{m.questionText || '（未记录问题内容）'}
                {m.notes && <span className="muted"> — 答复记录：{m.notes.length > 60 ? `${m.notes.slice(0, 60)}…` : m.notes}</span>}
              </div>
            ))
          ) : (
            <span className="muted">会上尚未询问</span>
          )}
        </dd>
        <dt>评议意见</dt>
        <dd>
          {f.items.length ? (
            f.items.map((i) => (
              <div key={`${i.opinionId}-${i.no}`}>
                {i.docNumber} 意见和建议第{i.no}项：{i.label}{i.text}
              </div>
            ))
          ) : f.paragraphs.length ? (
            f.paragraphs.map((p) => (
              <div key={`${p.section}-${p.index}`}>
                草稿第{p.versionNo}版“{p.sectionTitle}”：{p.text}
              </div>
            ))
          ) : (
            <span className="muted">未写入评议意见</span>
          )}
        </dd>
        <dt>整改台账</dt>
        <dd>{f.items.some((i) => i.ledger) ? f.items.map((i) => i.ledger && <div key={i.no}>第{i.no}项：{i.ledger.statusLabel}</div>) : <span className="muted">尚无台账条目</span>}</dd>
        <dt>回头看</dt>
        <dd>{f.items.some((i) => i.ledger?.verdictLabel) ? f.items.map((i) => i.ledger?.verdictLabel && <div key={i.no}>第{i.no}项：{i.ledger.verdictLabel}</div>) : <span className="muted">尚未评价</span>}</dd>
      </dl>
    </li>
  );
}

/** The way back: each issued item (and so its ledger entry) with the findings it came from. */
export function ItemsBack({ items, findings }: { items: ThreadItem[]; findings: FindingThread[] }) {
  const text = (id: string) => findings.find((f) => f.findingId === id)?.text ?? '（已删除的调研问题）';
  return (
    <table className="table thread-items" aria-label="意见条目的来源">
      <thead>
        <tr>
          <th>意见条目</th>
          <th>整改台账</th>
          <th>回头看</th>
          <th>来自调研问题</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={`${i.opinionId}-${i.no}`}>
            <td>
              第{i.no}项 {i.label}{i.text}
            </td>
            <td>{i.ledger?.statusLabel ?? '—'}</td>
            <td>{i.ledger?.verdictLabel ?? '—'}</td>
            <td>{i.findingIds.length ? i.findingIds.map((id) => <div key={id}>{text(id)}</div>) : <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
