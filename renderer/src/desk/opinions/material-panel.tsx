import type { OpinionMaterial } from '../../../../shared/api/opinion-types';
import { formatDateCn } from '../../../../shared/format/dates';

/**
 * 素材: what the app recorded about this evaluation — the meeting, the vote with its rule and
 * arithmetic, the questions with the secretary's minutes — for the secretariat to draw on. Each can
 * be put into the draft where the caret was last.
 */
export function MaterialPanel({ material, hints, onInsert }: { material: OpinionMaterial; hints: string[]; onInsert?: (text: string) => void }) {
  const { meeting, vote, questions } = material;
  return (
    <section className="panel" aria-labelledby="op-mat-title">
      <div className="panel-head">
        <h2 id="op-mat-title">起草素材</h2>
      </div>
      {hints.length > 0 && (
        <ul className="op-hints muted">
          {hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
      <dl className="wb-facts op-facts">
        <dt>评议会议</dt>
        <dd>{meeting ? `${meeting.name}（${formatDateCn(meeting.date)}）` : <span className="muted">尚未安排</span>}</dd>
        <dt>测评结果</dt>
        <dd>
          {vote ? (
            <>
              <span className={`tag ${vote.failing ? 'danger' : 'ok'}`}>{vote.outcome}</span> 满意率{vote.rateText}
              <div className="muted">{vote.countsText}</div>
              <div className="muted op-rule">{vote.ruleText}</div>
              {vote.arithmetic.map((a) => (
                <div key={a} className="muted op-rule">
                  {a}
                </div>
              ))}
            </>
          ) : (
            <span className="muted">尚未公布</span>
          )}
        </dd>
      </dl>
      <h3 className="op-sub">询问记录（{questions.length}条）</h3>
      {questions.length === 0 ? (
        <p className="muted">无询问记录。</p>
      ) : (
        <ol className="op-questions">
          {questions.map((q, i) => (
            <li key={i}>
              <div>
                <strong>
                  {q.memberName}
                  {q.memberRole}
                </strong>
                {q.topic && <span className="tag">{q.topic}</span>}
                {!q.done && <span className="tag warn">询问中</span>}
                {onInsert && (
                  <button type="button" className="btn small" onClick={() => onInsert(q.topic ? `关于${q.topic}。${q.questionText}` : q.questionText)}>
                    插入草稿
                  </button>
                )}
              </div>
              {q.questionText && <div>问：{q.questionText}</div>}
              {q.notes && <div className="muted">记录：{q.notes}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
