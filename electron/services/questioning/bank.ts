import { ApiError } from '../../../shared/api/errors';
import type { DrawLogReport, QuestionBankView } from '../../../shared/api/questioning-types';
import { fairnessReport, indexRoster, replayLog } from '../../../shared/draw';
import { assertAppendOnly } from '../../../shared/draw/log';
import { sortCriteria } from '../../../shared/domain/criteria';
import { rehearsalKey, type CoreData, type MeetingData } from '../../../shared/domain/partitions';
import { newQuestioningId, TOPIC_MAX, type Question } from '../../../shared/domain/questioning';
import type { Handlers } from '../api/dispatch';
import type { questioningCalls } from '../../../shared/api/calls/questioning';
import type { ServiceContext } from '../api/service-context';
import { readCore, readMeeting, updateMeeting } from '../desk/desk-data';
import { evaluateeRef, memberRefs, rosterOf } from './spot';
import { recordViews, scopeNamesOf } from './view';

type BankCallName = Extract<keyof typeof questioningCalls, `questions.${string}` | 'questioning.settings' | 'questioning.log'>;
export type BankHandlers = Pick<Handlers, BankCallName>;

/** The desk's view of one meeting's questioning: the bank by evaluatee, the settings, the minutes. */
export function bankView(core: Readonly<CoreData>, data: Readonly<MeetingData>): QuestionBankView {
  const q = data.questioning;
  const { meeting } = data;
  const evaluatees = meeting.agenda.flatMap((item, itemIndex) =>
    item.kind !== 'vote' ? [{ ...evaluateeRef(core, item.evaluateeId), mode: item.mode, itemIndex }] : [],
  );
  const used = q.bank.map((b) => b.topic);
  const criteria = sortCriteria(core.criteria)
    .map((c) => c.name)
    .filter((name) => [...name].length <= TOPIC_MAX);
  return {
    meeting: { id: meeting.id, name: meeting.name, date: meeting.date, status: meeting.status },
    evaluatees,
    questions: [...q.bank],
    records: recordViews(q),
    settings: q.settings,
    members: memberRefs(core),
    topics: [...new Set([...criteria, ...used])],
  };
}

/** The audit of a meeting's (or its rehearsal's) draw log: replay verdict and printable report. */
export function logReport(core: Readonly<CoreData>, data: Readonly<MeetingData>, rehearsal: boolean): DrawLogReport {
  const log = data.questioning.log;
  const rosterById = indexRoster(rosterOf(core));
  const replay = replayLog(log, rosterById);
  const questionTexts = Object.fromEntries(data.questioning.bank.map((b) => [b.id, b.text]));
  const lines = fairnessReport(log, { rosterById, scopeNames: scopeNamesOf(core, data), questionTexts });
  return {
    meetingId: data.meeting.id,
    meetingName: data.meeting.name,
    rehearsal,
    entries: [...log],
    ok: replay.ok,
    problems: replay.problems,
    warnings: replay.warnings,
    lines,
    drawCount: log.filter((e) => e.type === 'draw').length,
    cancelCount: log.filter((e) => e.type === 'cancel').length,
    cycleCount: log.filter((e) => e.type === 'new-cycle').length,
  };
}

function findQuestion(data: MeetingData, id: string): Question {
  const question = data.questioning.bank.find((b) => b.id === id);
  if (!question) throw new ApiError('not_found', '找不到该问题，可能已被删除。');
  return question;
}

/** Bank and settings edits: the record meeting's partition, never a rehearsal copy. */
export function bankHandlers(ctx: ServiceContext): BankHandlers {
  const edit = async (meetingId: string, mutate: (data: MeetingData, core: Readonly<CoreData>) => void): Promise<QuestionBankView> => {
    const core = await readCore(ctx);
    const saved = await updateMeeting(ctx, meetingId, (data) => {
      const before = data.questioning.log.slice();
      mutate(data, core);
      assertAppendOnly(before, data.questioning.log);
      return data;
    });
    return bankView(core, saved);
  };

  return {
    'questions.list': async ({ meetingId }) => bankView(await readCore(ctx), await readMeeting(ctx, meetingId)),

    'questions.add': ({ meetingId, evaluateeId, items, source }) =>
      edit(meetingId, (data) => {
        if (data.meeting.status === 'closed') throw new ApiError('conflict', '会议已结束，题库不能再添加问题。');
        const item = data.meeting.agenda.find((a) => a.kind !== 'vote' && a.evaluateeId === evaluateeId);
        if (!item || item.kind === 'vote') throw new ApiError('conflict', '该被评议对象不在本次会议的议程中。');
        if (item.mode === 'written') throw new ApiError('conflict', '书面报告不安排随机询问，不能添加问题。');
        const at = new Date(ctx.clock.now()).toISOString();
        for (const { topic, text } of items) {
          data.questioning.bank.push({ id: newQuestioningId('qn', ctx.random), evaluateeId, topic, text, status: 'pending', source: { kind: source }, createdAt: at });
        }
      }),

    'questions.update': ({ meetingId, questionId, topic, text }) =>
      edit(meetingId, (data) => {
        const question = findQuestion(data, questionId);
        if (question.status === 'asked') throw new ApiError('conflict', '该问题已提问，不能再修改（询问记录以提问时为准）。');
        question.topic = topic;
        question.text = text;
      }),

    'questions.withdraw': ({ meetingId, questionId, reason }) =>
      edit(meetingId, (data) => {
        const question = findQuestion(data, questionId);
        if (question.status === 'asked') throw new ApiError('conflict', '该问题已提问，不能撤回。');
        question.status = 'withdrawn';
        if (reason) question.withdrawReason = reason;
      }),

    'questions.restore': ({ meetingId, questionId }) =>
      edit(meetingId, (data) => {
        const question = findQuestion(data, questionId);
        if (question.status !== 'withdrawn') throw new ApiError('conflict', '该问题未撤回，无需恢复。');
        question.status = 'pending';
        delete question.withdrawReason;
      }),

    'questioning.settings': ({ meetingId, scope, exclusions, excludeChair, drawQuestioners, drawQuestion, answerMinutes, followUpMinutes }) =>
      edit(meetingId, (data, core) => {
        const known = new Set(core.members.map((m) => m.id));
        const unknown = exclusions.filter((id) => !known.has(id));
        if (unknown.length) throw new ApiError('invalid_args', '排除人员中有不在组成人员名单中的人员。');
        data.questioning.settings = { scope, exclusions: [...new Set(exclusions)], excludeChair, drawQuestioners, drawQuestion, answerMinutes, followUpMinutes };
      }),

    'questioning.log': async ({ meetingId, rehearsal }) => {
      const core = await readCore(ctx);
      if (!rehearsal) return logReport(core, await readMeeting(ctx, meetingId), false);
      const key = rehearsalKey(meetingId);
      if (!ctx.store.has(key)) throw new ApiError('not_found', '该会议没有彩排记录。');
      return logReport(core, await ctx.store.read<MeetingData>(key), true);
    },
  };
}
