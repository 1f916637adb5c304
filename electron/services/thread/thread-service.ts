import { ApiError } from '../../../shared/api/errors';
import type { threadCalls } from '../../../shared/api/calls/thread';
import { isFrozen } from '../../../shared/domain/opinions';
import type { MeetingData, YearData } from '../../../shared/domain/partitions';
import { newQuestioningId, QUESTION_MAX, TOPIC_MAX } from '../../../shared/domain/questioning';
import type { Finding } from '../../../shared/domain/research-records';
import { contentFindingIds, evaluationThread } from '../../../shared/thread/links';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { allMeetings, readCore, readYear, updateMeeting, updateYear } from '../desk/desk-data';

export type ThreadHandlers = Pick<Handlers, keyof typeof threadCalls>;

function findingIn(year: Readonly<YearData>, findingId: string): Finding {
  const finding = year.research?.findings.find((f) => f.id === findingId);
  if (!finding) throw new ApiError('not_found', '找不到该调研问题，可能已被删除。');
  return finding;
}

/**
 * The links of a research finding (shared/thread/links.ts): into the question bank of the meeting
 * that hears its evaluation, into the opinion draft, and the trace. Each is one durable write of
 * the partition it changes; the finding itself is never copied, only named by id.
 */
export function threadHandlers(ctx: ServiceContext): ThreadHandlers {
  return {
    'thread.toQuestion': async ({ year, findingId, topic }) => {
      const data = await readYear(ctx, year);
      const finding = findingIn(data, findingId);
      const evaluation = data.evaluations.find((e) => e.id === finding.evaluationId);
      if (!evaluation) throw new ApiError('not_found', '该调研问题所属的评议已不在计划中。');
      if (!evaluation.meetingId) throw new ApiError('conflict', '该评议尚未安排评议会议，不能转为询问问题：请先在会议议程中安排。');
      const text = finding.text.trim();
      if ([...text].length > QUESTION_MAX) {
        throw new ApiError('invalid_args', `调研问题内容有${[...text].length}个字，询问问题不能超过${QUESTION_MAX}个字：请先精简问题内容。`);
      }
      const core = await readCore(ctx);
      const criterion = core.criteria.find((c) => c.id === finding.criterionId)?.name ?? '';
      const chosen = topic?.trim() || ([...criterion].length <= TOPIC_MAX && criterion ? criterion : '调研发现');
      const questionId = newQuestioningId('qn', ctx.random);
      await updateMeeting(ctx, evaluation.meetingId, (m: MeetingData) => {
        if (m.meeting.status === 'closed') throw new ApiError('conflict', '会议已结束，题库不能再添加问题。');
        const item = m.meeting.agenda.find((a) => a.kind !== 'vote' && a.evaluateeId === evaluation.evaluateeId);
        if (!item || item.kind === 'vote') throw new ApiError('conflict', '该被评议对象不在评议会议的议程中。');
        if (item.mode === 'written') throw new ApiError('conflict', '书面报告不安排随机询问，不能转为询问问题。');
        const made = m.questioning.bank.find((b) => b.source.kind === 'research' && b.source.ref === findingId && b.status !== 'withdrawn');
        if (made) throw new ApiError('conflict', '该调研问题已转为询问问题（在题库中）。');
        m.questioning.bank.push({
          id: questionId,
          evaluateeId: evaluation.evaluateeId,
          topic: chosen,
          text,
          status: 'pending',
          source: { kind: 'research', ref: findingId, evaluationId: evaluation.id },
          createdAt: new Date(ctx.clock.now()).toISOString(),
        });
      });
      return { meetingId: evaluation.meetingId, questionId };
    },

    'thread.toOpinion': ({ year, findingId }) =>
      updateYear(ctx, year, (data) => {
        const finding = findingIn(data, findingId);
        const record = data.opinions?.records.find((r) => r.evaluationId === finding.evaluationId);
        if (!record) throw new ApiError('conflict', '该评议尚未起草评议意见：请先在“评议意见”中起草。');
        const version = record.versions.at(-1)!;
        if (isFrozen(version) || version.council) {
          throw new ApiError('conflict', isFrozen(version) ? '评议意见已印发：请先修订为新版本，再写入调研问题。' : '评议意见已经主任会议审定：请先退回修改，再写入调研问题。');
        }
        if (contentFindingIds(version.content).has(findingId)) throw new ApiError('conflict', '该调研问题已写入评议意见草稿。');
        const problems = version.content.sections.problems;
        problems.push({ level: 2, text: finding.text.trim(), findingId });
        const suggestion = finding.suggestion.trim();
        if (suggestion) version.content.sections.suggestions.push({ level: 2, text: suggestion, findingId });
        version.updatedAt = new Date(ctx.clock.now()).toISOString();
        return { opinionId: record.id, versionNo: version.no };
      }),

    'thread.trace': async ({ year, evaluationId }) => {
      const data = await readYear(ctx, year);
      if (!data.evaluations.some((e) => e.id === evaluationId)) throw new ApiError('not_found', '找不到该评议。');
      return evaluationThread(data, evaluationId, await allMeetings(ctx));
    },
  };
}
