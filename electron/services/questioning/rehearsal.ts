import type { QuestioningData } from '../../../shared/domain/questioning';

/**
 * A rehearsal (彩排) copy is made by live.open with the agenda and attendance only. Its questioning
 * keeps its own draw log and minutes, but the settings and the bank's questions are the record
 * meeting's, as the desk keeps editing them: a question is 已提问 in the rehearsal when a standing
 * rehearsal question used it, 已撤回 when the desk withdrew it, else 待提问.
 */
export function rehearsalQuestioning(rehearsal: Readonly<QuestioningData>, record: Readonly<QuestioningData>): QuestioningData {
  const asked = new Map<string, string>();
  for (const r of rehearsal.records) if (r.status !== 'cancelled' && r.questionId) asked.set(r.questionId, r.id);
  const bank = record.bank.map((b) => {
    const { recordId: _recordId, ...rest } = structuredClone(b);
    const recordId = asked.get(b.id);
    if (recordId) return { ...rest, status: 'asked' as const, recordId };
    return { ...rest, status: b.status === 'withdrawn' ? ('withdrawn' as const) : ('pending' as const) };
  });
  return { ...structuredClone(rehearsal), settings: structuredClone(record.settings), bank };
}
