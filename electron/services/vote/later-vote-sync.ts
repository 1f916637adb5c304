import type { MeetingData } from '../../../shared/domain/partitions';
import type { EvaluationVoteResult } from '../../../shared/domain/vote-round';
import { emptyLoopData } from '../../../shared/loop/schemas';
import type { ServiceContext } from '../api/service-context';
import { loopFacts } from '../desk/agenda-loop';
import { compactResult, resultRound, type YearDraft } from './evaluation-sync';

/**
 * A later vote's result (满意度测评, 整改情况测评) is kept on the ORIGINAL evaluation's
 * `loop.laterVotes` record, never on its voteResult (the first vote's). Like the first vote's copy,
 * it is derived from the meeting partition and rewritten whenever a round of the item is announced,
 * amended or voided, in the same store change: the last published, non-void round counts; a void one leaves null.
 */
export async function syncLaterVotes(ctx: ServiceContext, data: Readonly<MeetingData>, agendaItemId: string, yearDraft: YearDraft): Promise<void> {
  const item = data.meeting.agenda.find((a) => a.id === agendaItemId);
  if (!item || item.kind !== 'vote' || item.voteKind === 'meeting') return;
  const voteKind = item.voteKind;
  const round = resultRound(data, agendaItemId);
  const wanted = new Map<string, EvaluationVoteResult | null>();
  item.evaluateeIds.forEach((evaluateeId, i) => {
    const evaluationId = item.evaluationIds[i];
    if (!evaluationId) return;
    const at = round ? round.evaluateeIds.indexOf(evaluateeId) : -1;
    wanted.set(evaluationId, round && at >= 0 ? compactResult(data, round, at) : null);
  });
  const facts = await loopFacts(ctx);
  const years = new Set([...wanted.keys()].flatMap((id) => facts.get(id)?.year ?? []));
  for (const year of [...years].sort()) {
    const mine = [...wanted].filter(([id]) => facts.get(id)?.year === year);
    const same = mine.every(([id, result]) => {
      const v = facts.get(id)?.laterVotes.find((x) => x.meetingId === data.meeting.id && x.agendaItemId === agendaItemId);
      return v !== undefined && JSON.stringify(v.result) === JSON.stringify(result);
    });
    if (same) continue;
    const loop = ((await yearDraft(year)).loop ??= emptyLoopData());
    for (const [evaluationId, result] of mine) {
      const v = loop.laterVotes.find((x) => x.evaluationId === evaluationId && x.meetingId === data.meeting.id && x.agendaItemId === agendaItemId);
      if (v) v.result = result;
      else loop.laterVotes.push({ evaluationId, kind: voteKind, meetingId: data.meeting.id, agendaItemId, result, earlyReason: '' });
    }
  }
}
