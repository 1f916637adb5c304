import { memo, useMemo } from 'react';
import type { QuestioningState } from '../../../../shared/api/questioning-types';
import { QUESTION_STATUS_LABELS, RECORD_STATUS_LABELS } from '../../../../shared/domain/questioning';
import { NotesEditor } from './notes-editor';
import type { Questioning } from './use-questioning';
import { formatRound } from '../../../../shared/format/chinese-numerals';

/** Who may be drawn now, and who may not and why (present but excluded, already asked). */
export const CandidatesBox = memo(function CandidatesBox(state: Pick<QuestioningState, 'candidates' | 'scope' | 'presentCount' | 'excluded' | 'asked' | 'empty'>) {
  return (
    <section className="q-box" aria-labelledby="q-cand-title">
      <h3 id="q-cand-title">
        候选人 <span className="q-count" data-testid="q-candidate-count">{state.candidates.length}人</span>
      </h3>
      <p className="muted q-scope">
        {state.scope ? `${state.scope.label} · ${formatRound(state.scope.cycle)} · ` : ''}出席{state.presentCount}人
        {state.excluded.length > 0 && `，排除${state.excluded.map((m) => m.name).join('、')}`}
        {state.asked.length > 0 && `，本轮已提问${state.asked.length}人`}
      </p>
      {state.candidates.length > 0 ? (
        <ul className="q-chips" aria-label="候选人">
          {state.candidates.map((m) => (
            <li key={m.id}>{m.name}</li>
          ))}
        </ul>
      ) : (
        state.empty && <p className="q-empty">{state.empty.message}</p>
      )}
      {state.asked.length > 0 && (
        <p className="muted q-asked">
          本轮已提问：{state.asked.map((m) => m.name).join('、')}
        </p>
      )}
    </section>
  );
});

type RecordView = QuestioningState['records'][number];

/** One finished (or cancelled) question: re-rendered only when that record changes. */
const RecordRow = memo(function RecordRow({ r, call }: { r: RecordView; call: Questioning['call'] }) {
  return (
    <li className={`q-record status-${r.status}`}>
      <div className="q-record-head">
        <strong>{r.questionNo ? `第${r.questionNo}问` : '作废'}</strong> {r.memberName}
        <span className="muted">{r.memberRole}</span>
        {r.origin === 'volunteer' && <span className="tag">自由提问</span>}
        <span className={`tag${r.status === 'cancelled' ? ' danger' : ''}`}>{RECORD_STATUS_LABELS[r.status]}</span>
      </div>
      {r.questionText && <div className="q-record-text">{r.questionText}</div>}
      {r.status === 'cancelled' ? (
        <div className="muted">原因：{r.cancelReason}</div>
      ) : (
        <details>
          <summary>{r.notes ? `记录：${r.notes.slice(0, 40)}${r.notes.length > 40 ? '…' : ''}` : '记录（空）'}</summary>
          <NotesEditor key={r.id} recordId={r.id} notes={r.notes} rows={4} label="询问记录" save={async (notes) => void (await call('questioning.notes', { recordId: r.id, notes }))} />
        </details>
      )}
    </li>
  );
});

/** The questions asked of this evaluatee so far, with their minutes (editable afterwards too). */
export const RecordsBox = memo(function RecordsBox({ records, currentId, call }: { records: RecordView[]; currentId: string | undefined; call: Questioning['call'] }) {
  const done = useMemo(() => records.filter((r) => r.id !== currentId), [records, currentId]);
  return (
    <section className="q-box" aria-labelledby="q-records-title">
      <h3 id="q-records-title">已结束的提问（{done.filter((r) => r.status === 'done').length}问）</h3>
      {done.length === 0 ? (
        <p className="muted">尚无。</p>
      ) : (
        <ol className="q-records">
          {done.map((r) => (
            <RecordRow key={r.id} r={r} call={call} />
          ))}
        </ol>
      )}
    </section>
  );
});

export const BankBox = memo(function BankBox(state: Pick<QuestioningState, 'bank' | 'settings'>) {
  const pending = state.bank.filter((b) => b.status === 'pending').length;
  return (
    <section className="q-box" aria-labelledby="q-bank-title">
      <h3 id="q-bank-title">
        题库 <span className="muted">待提问{pending}个／共{state.bank.length}个</span>
        <span className={`tag${state.settings.drawQuestion ? ' red' : ''}`}>{state.settings.drawQuestion ? '同时抽取问题' : '不抽取问题'}</span>
      </h3>
      {state.bank.length === 0 ? (
        <p className="muted">本对象题库为空（在办公桌“会议 → 题库与随机询问”中准备）。</p>
      ) : (
        <ol className="q-bank">
          {state.bank.map((b) => (
            <li key={b.id} className={`status-${b.status}`}>
              <span className={`tag${b.status === 'asked' ? ' ok' : b.status === 'withdrawn' ? '' : ' warn'}`}>{QUESTION_STATUS_LABELS[b.status]}</span> <span className="muted">{b.topic}</span> {b.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
