import { useState } from 'react';
import type { BankEvaluatee, QuestionBankView } from '../../../../shared/api/questioning-types';
import { QUESTION_SOURCE_LABELS, QUESTION_STATUS_LABELS, RECORD_STATUS_LABELS, type Question } from '../../../../shared/domain/questioning';
import { getPlatform } from '../../platform/platform';
import { useHandoffGuard } from '../transfer/handoff-guard';
import { QuestionEditDialog } from './question-edit-dialog';
import { QuestionForm, type NewQuestions } from './question-form';

const STATUS_TAGS = { pending: 'warn', asked: 'ok', withdrawn: '' } as const;

/** One evaluatee's questions (题库) and, once asked, the minutes (询问记录). */
export function EvaluateeBank({ view, evaluatee, onSaved }: { view: QuestionBankView; evaluatee: BankEvaluatee; onSaved: (v: QuestionBankView) => void }) {
  const meetingId = view.meeting.id;
  const questions = view.questions.filter((q) => q.evaluateeId === evaluatee.id);
  const records = view.records.filter((r) => r.evaluateeId === evaluatee.id && r.status !== 'cancelled');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Question | null>(null);
  const closed = view.meeting.status === 'closed';
  const written = evaluatee.mode === 'written';

  // 已导出到会场: adding, changing, withdrawing or restoring a question asks first (once per visit).
  const handoff = useHandoffGuard(meetingId);
  const run = async (task: () => Promise<QuestionBankView>): Promise<boolean> => {
    if (!(await handoff.confirmEdit())) return false;
    setBusy(true);
    setError(null);
    try {
      onSaved(await task());
      return true;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = (q: NewQuestions) => run(() => getPlatform().call('questions.add', { meetingId, evaluateeId: evaluatee.id, ...q }));

  return (
    <section className="panel qb-evaluatee" aria-labelledby={`qb-${evaluatee.id}`} data-testid="qb-evaluatee">
      <div className="mt-panel-head">
        <h2 id={`qb-${evaluatee.id}`}>
          第{evaluatee.itemIndex + 1}项　{evaluatee.name}
        </h2>
        <span className="muted">
          {evaluatee.unitName} {evaluatee.position}
        </span>
        <span className="grow" />
        <span className="muted">
          {written ? '书面报告，不安排随机询问' : `题库${questions.length}个，待提问${questions.filter((q) => q.status === 'pending').length}个`}
        </span>
      </div>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {questions.length > 0 && (
        <table className="list qb-table" aria-label={`${evaluatee.name}的题库`}>
          <thead>
            <tr>
              <th className="seq">序号</th>
              <th className="topic">主题</th>
              <th>问题</th>
              <th className="src">来源</th>
              <th className="st">状态</th>
              <th className="actions">操作</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((q, i) => (
              <tr key={q.id} className={`status-${q.status}`}>
                <td className="seq">{i + 1}</td>
                <td className="topic">{q.topic}</td>
                <td className="qtext">
                  {q.text}
                  {q.withdrawReason && <span className="muted qb-reason">撤回原因：{q.withdrawReason}</span>}
                </td>
                <td className="src">{QUESTION_SOURCE_LABELS[q.source.kind]}</td>
                <td className="st">
                  <span className={`tag ${STATUS_TAGS[q.status]}`}>{QUESTION_STATUS_LABELS[q.status]}</span>
                </td>
                <td className="actions">
                  {q.status === 'pending' && (
                    <>
                      <button className="btn small" disabled={busy} onClick={() => handoff.guard(() => setEditing(q))} aria-label={`修改第${i + 1}个问题`}>
                        修改
                      </button>
                      <button className="btn small" disabled={busy} onClick={() => void run(() => getPlatform().call('questions.withdraw', { meetingId, questionId: q.id, reason: '' }))} aria-label={`撤回第${i + 1}个问题`}>
                        撤回
                      </button>
                    </>
                  )}
                  {q.status === 'withdrawn' && (
                    <button className="btn small" disabled={busy} onClick={() => void run(() => getPlatform().call('questions.restore', { meetingId, questionId: q.id }))} aria-label={`恢复第${i + 1}个问题`}>
                      恢复
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!closed && !written && <QuestionForm evaluatee={evaluatee} topics={view.topics} busy={busy} onAdd={add} />}
      {records.length > 0 && (
        <div className="qb-minutes">
          <h3>询问记录</h3>
          <ol>
            {records.map((r) => (
              <li key={r.id}>
                <div>
                  <strong>第{r.questionNo}问</strong> {r.memberName}（{r.memberRole}） {r.origin === 'volunteer' && <span className="tag">自由提问</span>} <span className="tag">{RECORD_STATUS_LABELS[r.status]}</span>
                </div>
                <div>问题：{r.questionText || <span className="muted">（未记录）</span>}</div>
                <div className="qb-notes">记录：{r.notes || <span className="muted">（空）</span>}</div>
              </li>
            ))}
          </ol>
        </div>
      )}
      {editing && (
        <QuestionEditDialog
          question={editing}
          topics={view.topics}
          onClose={() => setEditing(null)}
          onSave={async (topic, text) => {
            onSaved(await getPlatform().call('questions.update', { meetingId, questionId: editing.id, topic, text }));
            setEditing(null);
          }}
        />
      )}
    </section>
  );
}
