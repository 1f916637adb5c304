import { useState } from 'react';
import type { QuestioningState } from '../../../../shared/api/questioning-types';
import type { Questioning } from './use-questioning';

/**
 * 自由提问: a member asks without being drawn. The operator picks who (present members) and,
 * optionally, a question of the bank; the question is minuted and timed like a drawn one and the
 * hall shows the name at once. Offered whatever the meeting's draw setting says.
 */
export function VolunteerBox({ state, q, disabled }: { state: QuestioningState; q: Questioning; disabled: boolean }) {
  const [memberId, setMemberId] = useState('');
  const [questionId, setQuestionId] = useState('');
  const pending = state.bank.filter((b) => b.status === 'pending');
  const chosen = state.present.some((m) => m.id === memberId) ? memberId : '';
  const question = pending.some((b) => b.id === questionId) ? questionId : '';
  const submit = () => {
    if (!chosen) return q.setNotice('请选择提问的委员。');
    q.act('questioning.volunteer', { memberId: chosen, ...(question ? { questionId: question } : {}) });
    setMemberId('');
    setQuestionId('');
  };
  return (
    <div className="q-volunteer" role="group" aria-label="自由提问">
      <label>
        自由提问
        <select value={chosen} onChange={(e) => setMemberId(e.target.value)} aria-label="自由提问的委员" disabled={disabled}>
          <option value="">选择提问的委员…</option>
          {state.present.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}（{m.role}）
            </option>
          ))}
        </select>
      </label>
      {pending.length > 0 && (
        <select value={question} onChange={(e) => setQuestionId(e.target.value)} aria-label="自由提问的题库问题" disabled={disabled}>
          <option value="">现场提出（不从题库选）</option>
          {pending.map((b) => (
            <option key={b.id} value={b.id}>
              {b.topic}：{b.text.length > 24 ? `${b.text.slice(0, 24)}…` : b.text}
            </option>
          ))}
        </select>
      )}
      <button className="btn" disabled={disabled || !chosen || q.busy} onClick={submit}>
        登记提问
      </button>
    </div>
  );
}

/** The research finding a minuted question addresses: chosen from the evaluation's findings. */
export function FindingPicker({ recordId, findingId, state, q }: { recordId: string; findingId: string | undefined; state: QuestioningState; q: Questioning }) {
  if (state.findings.length === 0 && !findingId) return null;
  const known = !findingId || state.findings.some((f) => f.id === findingId);
  return (
    <label className="q-finding">
      针对的调研问题
      <select
        value={findingId ?? ''}
        aria-label="针对的调研问题"
        onChange={(e) => q.act('questioning.finding', { recordId, findingId: e.target.value || null })}
      >
        <option value="">（未指明）</option>
        {!known && <option value={findingId}>（已删除的调研问题）</option>}
        {state.findings.map((f) => (
          <option key={f.id} value={f.id}>
            {f.text.length > 30 ? `${f.text.slice(0, 30)}…` : f.text}
          </option>
        ))}
      </select>
    </label>
  );
}
