import type { HallContent } from '../../../shared/api/live-types';
import { LIVE_STAGE_LABELS } from '../../../shared/domain/live';
import { TIMER_LABELS } from '../../../shared/domain/questioning';
import type { LiveInputs } from '../live/projection';
import { currentRecord, evaluateeRef, questionNumbers, spotOf } from './spot';

/**
 * The hall's content during 随机询问, or null to show the evaluatee slide (before the first draw,
 * between questions). Built field by field from public facts — the drawn name, the candidates'
 * names, the drawn question, the timer — so the secretary's notes cannot reach the hall.
 */
export function questioningHall(inputs: LiveInputs): HallContent | null {
  const { core, data } = inputs;
  if (!data || data.live.position.stage !== 'questioning') return null;
  const { item, itemIndex } = spotOf(data);
  if (!item) return null;
  const q = data.questioning;
  const record = currentRecord(q, item.evaluateeId);
  if (!record) return null;
  // A volunteered question has no draw: the hall shows the name as it shows a drawn one, settled.
  const entry = record.origin !== 'volunteer' ? q.log.find((e) => e.type === 'draw' && e.id === record.drawId) : undefined;
  const candidates = entry?.type === 'draw' ? entry.candidates.map((c) => c.name) : [record.memberName];
  const person = evaluateeRef(core, item.evaluateeId);
  const active = record.activeTimer;
  const t = active === 'answer' ? record.answerTimer : active === 'followUp' ? record.followUpTimer : null;
  return {
    kind: 'draw',
    meetingName: data.meeting.name,
    stageLabel: LIVE_STAGE_LABELS.questioning,
    itemNo: itemIndex + 1,
    itemCount: data.meeting.agenda.length,
    evaluatee: { name: person.name, unitName: person.unitName, position: person.position },
    drawId: record.drawId,
    questionNo: questionNumbers(q, item.evaluateeId).get(record.id) ?? 1,
    candidates,
    member: { name: record.memberName, role: record.memberRole },
    settleAt: record.settleAt,
    question: record.questionId ? { topic: record.topic, text: record.questionText } : null,
    floor: active ?? 'ask',
    timer:
      t && active
        ? { durationMs: t.durationMs, elapsedBeforeMs: t.elapsedBeforeMs, runningSince: t.runningSince, started: t.started, label: TIMER_LABELS[active] }
        : null,
  };
}
