import { ApiError } from '../../../shared/api/errors';
import { cancelDraw, drawMember, nextEntryId, startNewCycle } from '../../../shared/draw';
import type { CancelKind } from '../../../shared/draw/log-schema';
import type { RandomSource } from '../../../shared/domain/ids';
import type { CoreData, MeetingData } from '../../../shared/domain/partitions';
import {
  DRAW_ANIMATION_MS,
  newQuestioningId,
  TIMER_LABELS,
  type Question,
  type QuestioningData,
  type QuestionRecord,
  type TimerKind,
} from '../../../shared/domain/questioning';
import { addTime, newTimer, pauseTimer, resetTimer, startTimer } from '../../../shared/live/timer';
import { currentRecord, excludedIds, presentIds, requireSpot, rosterOf, spotOf } from './spot';

/**
 * The live questioning changes, as mutations of a meeting partition's draft. Each runs inside
 * one store update, so a redraw (a cancellation and a new draw) is written whole or not at all.
 * The draw log only ever grows through shared/draw, which checks every entry as a replay would.
 */

const MINUTE = 60_000;

export interface OpClock {
  now: number;
  iso: string;
  random: RandomSource;
}

const TIMER_KEY = { answer: 'answerTimer', followUp: 'followUpTimer' } as const satisfies Record<TimerKind, keyof QuestionRecord>;

function minutesOf(q: QuestioningData, which: TimerKind): number {
  return which === 'answer' ? q.settings.answerMinutes : q.settings.followUpMinutes;
}

function stopTimers(r: QuestionRecord, now: number): void {
  r.answerTimer = pauseTimer(r.answerTimer, now);
  r.followUpTimer = pauseTimer(r.followUpTimer, now);
}

/** Questions left 'asking' under another evaluatee (the meeting moved on without 下一个问题) are finished. */
function finishStale(q: QuestioningData, evaluateeId: string, clock: OpClock): void {
  for (const r of q.records) {
    if (r.status !== 'asking' || r.evaluateeId === evaluateeId) continue;
    stopTimers(r, clock.now);
    r.status = 'done';
    r.finishedAt = clock.iso;
  }
}

export function drawQuestioner(data: MeetingData, core: Readonly<CoreData>, clock: OpClock, skipAnimation: boolean): QuestionRecord {
  const q = data.questioning;
  if (!q.settings.drawQuestioners) throw new ApiError('conflict', '本次会议的询问设置未启用随机抽取提问人：请登记自由提问的委员。');
  const spot = requireSpot(spotOf(data, q, core));
  const evaluateeId = spot.item.evaluateeId;
  if (currentRecord(q, evaluateeId)) throw new ApiError('conflict', '当前问题尚未结束：请先结束当前问题（N），或重新抽取（R）、撤销抽取（U）。');
  finishStale(q, evaluateeId, clock);

  const questionIds = q.settings.drawQuestion ? q.bank.filter((b) => b.evaluateeId === evaluateeId && b.status === 'pending').map((b) => b.id) : undefined;
  const result = drawMember({
    log: q.log,
    id: nextEntryId(q.log),
    at: clock.iso,
    scope: spot.scope,
    scopeId: spot.scopeId,
    roster: rosterOf(core),
    present: presentIds(core, data),
    excluded: excludedIds(core, q.settings),
    source: clock.random,
    ...(questionIds ? { questionIds } : {}),
  });
  if (!result.ok) throw new ApiError('conflict', result.offerNewCycle ? `${result.message}，可开始新一轮（需说明原因）。` : `${result.message}。`);
  const entry = result.entry;
  const member = entry.candidates[entry.index]!;
  const role = core.members.find((m) => m.id === member.memberId)?.role ?? '委员';
  const question = entry.question ? q.bank.find((b) => b.id === entry.question!.questionId) : undefined;
  const record: QuestionRecord = {
    id: newQuestioningId('qr', clock.random),
    evaluateeId,
    drawId: entry.id,
    memberId: member.memberId,
    memberName: member.name,
    memberRole: role,
    ...asking(q, question, clock),
    settleAt: skipAnimation ? clock.now : clock.now + DRAW_ANIMATION_MS,
  };
  if (question) {
    question.status = 'asked';
    question.recordId = record.id;
  }
  q.log = [...result.log];
  q.records.push(record);
  return record;
}

/** A new record from its question on, drawn or volunteered alike: the question, fresh timers, being asked. */
function asking(
  q: QuestioningData,
  question: Question | undefined,
  clock: OpClock,
): Pick<QuestionRecord, 'questionId' | 'findingId' | 'topic' | 'questionText' | 'notes' | 'answerTimer' | 'followUpTimer' | 'activeTimer' | 'status' | 'drawnAt'> {
  return {
    ...(question ? { questionId: question.id } : {}),
    ...findingOf(question),
    topic: question?.topic ?? '',
    questionText: question?.text ?? '',
    notes: '',
    answerTimer: newTimer(q.settings.answerMinutes * MINUTE),
    followUpTimer: newTimer(q.settings.followUpMinutes * MINUTE),
    activeTimer: null,
    status: 'asking',
    drawnAt: clock.iso,
  };
}

/** A question made from a research finding addresses that finding in the minutes. */
function findingOf(question: Question | undefined): { findingId?: string } {
  return question?.source.kind === 'research' && question.source.ref ? { findingId: question.source.ref } : {};
}

/**
 * A member asks without being drawn (自由提问): the same minutes and timers as a drawn question,
 * but no draw-log entry — the log holds draws only, and the member stays eligible for the draw.
 * Needs what a draw needs (the questioning stage, the quorum); the member must be present.
 */
export function volunteerQuestioner(data: MeetingData, core: Readonly<CoreData>, clock: OpClock, memberId: string, questionId: string | undefined): QuestionRecord {
  const q = data.questioning;
  const spot = requireSpot(spotOf(data, q, core), '登记提问');
  const evaluateeId = spot.item.evaluateeId;
  if (currentRecord(q, evaluateeId)) throw new ApiError('conflict', '当前问题尚未结束：请先结束当前问题（N），或撤销（U）。');
  const member = core.members.find((m) => m.id === memberId && m.active);
  if (!member) throw new ApiError('invalid_args', '提问人不在组成人员名单中。');
  if (data.attendance.members[memberId] !== 'present') throw new ApiError('conflict', `${member.name}未签到出席，不能登记提问：请先在签到中改为出席。`);
  let question: Question | undefined;
  if (questionId) {
    question = q.bank.find((b) => b.id === questionId && b.evaluateeId === evaluateeId);
    if (!question) throw new ApiError('not_found', '找不到该问题：所选问题不在本被评议对象的题库中。');
    if (question.status !== 'pending') throw new ApiError('conflict', '所选问题已提问或已撤回。');
  }
  finishStale(q, evaluateeId, clock);
  const id = newQuestioningId('qr', clock.random);
  const record: QuestionRecord = {
    id,
    evaluateeId,
    origin: 'volunteer',
    drawId: id,
    memberId: member.id,
    memberName: member.name,
    memberRole: member.role,
    ...asking(q, question, clock),
    // Nobody is drawn: the hall shows the name at once.
    settleAt: clock.now,
  };
  if (question) {
    question.status = 'asked';
    question.recordId = record.id;
  }
  q.records.push(record);
  return record;
}

/** A redraw or an undo of the question being asked: a logged cancellation, never a deletion. */
export function cancelCurrent(data: MeetingData, clock: OpClock, kind: CancelKind, reason: string): QuestionRecord {
  const q = data.questioning;
  const spot = requireSpot(spotOf(data));
  const record = currentRecord(q, spot.item.evaluateeId);
  if (!record) throw new ApiError('conflict', kind === 'redraw' ? '当前没有可重新抽取的抽取。' : '当前没有可撤销的抽取（已结束的问题不能撤销）。');
  // A volunteered question has no draw to cancel: the record alone is marked, with its reason.
  if (record.origin !== 'volunteer') q.log = [...cancelDraw({ log: q.log, id: nextEntryId(q.log), at: clock.iso, drawId: record.drawId, kind, reason })];
  stopTimers(record, clock.now);
  record.status = 'cancelled';
  record.cancelReason = reason;
  record.finishedAt = clock.iso;
  const question = record.questionId ? q.bank.find((b) => b.id === record.questionId) : undefined;
  // The question goes back to the bank: the cancelled draw no longer holds it (as in the log).
  if (question && question.status === 'asked' && question.recordId === record.id) {
    question.status = 'pending';
    delete question.recordId;
  }
  return record;
}

export function newCycle(data: MeetingData, clock: OpClock, reason: string): void {
  const q = data.questioning;
  const spot = requireSpot(spotOf(data));
  q.log = [...startNewCycle({ log: q.log, id: nextEntryId(q.log), at: clock.iso, scope: spot.scope, scopeId: spot.scopeId, reason })];
}

function askingRecord(data: MeetingData, recordId: string | undefined): QuestionRecord {
  const q = data.questioning;
  const record = recordId ? q.records.find((r) => r.id === recordId) : currentRecord(q, spotOf(data).item?.evaluateeId);
  if (!record) throw new ApiError(recordId ? 'not_found' : 'conflict', recordId ? '找不到该询问记录。' : '当前没有正在进行的提问，请先抽取提问人（D）。');
  if (record.status !== 'asking') throw new ApiError('conflict', '该问题已结束或已作废，不能再计时。');
  return record;
}

export type TimerAction = 'start' | 'pause' | 'reset' | 'addMinute';

/** Only one of a question's two timers runs: starting one pauses the other. */
export function questionTimer(data: MeetingData, now: number, recordId: string | undefined, which: TimerKind, action: TimerAction): void {
  const record = askingRecord(data, recordId);
  const key = TIMER_KEY[which];
  const other = TIMER_KEY[which === 'answer' ? 'followUp' : 'answer'];
  const t = record[key];
  switch (action) {
    case 'start':
      record[other] = pauseTimer(record[other], now);
      record[key] = startTimer(t, now);
      record.activeTimer = which;
      break;
    case 'pause':
      record[key] = pauseTimer(t, now);
      break;
    case 'reset':
      record[key] = resetTimer(t, minutesOf(data.questioning, which) * MINUTE);
      // A reset timer is not what the hall should show; the other one is, if it was used.
      if (record.activeTimer === which) record.activeTimer = record[other].started ? (which === 'answer' ? 'followUp' : 'answer') : null;
      break;
    case 'addMinute':
      record[key] = addTime(t, MINUTE);
      break;
  }
}

export function finishCurrent(data: MeetingData, clock: OpClock): QuestionRecord {
  const record = askingRecord(data, undefined);
  stopTimers(record, clock.now);
  record.status = 'done';
  record.finishedAt = clock.iso;
  return record;
}

export function skipAnimation(data: MeetingData, now: number): void {
  const record = askingRecord(data, undefined);
  record.settleAt = Math.min(record.settleAt, now);
}

export function findRecord(data: MeetingData, recordId: string): QuestionRecord {
  const record = data.questioning.records.find((r) => r.id === recordId);
  if (!record) throw new ApiError('not_found', '找不到该询问记录。');
  return record;
}

export { TIMER_KEY, TIMER_LABELS };
