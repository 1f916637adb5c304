import { ApiError } from '../../../shared/api/errors';
import type { researchCalls } from '../../../shared/api/calls/research';
import type { ResearchEvaluationRef, ResearchRecordsView } from '../../../shared/api/research-types';
import { sortCriteria } from '../../../shared/domain/criteria';
import { newId } from '../../../shared/domain/ids';
import type { CoreData, YearData } from '../../../shared/domain/partitions';
import { checkGroup, emptyResearchContent } from '../../../shared/domain/research';
import { activityPhrases, composeContent, sortActivities, sortFindings } from '../../../shared/domain/research-compose';
import { ACTIVITY_LABELS, groupOf, JUDICIAL_ACTIVITY_KINDS, type ResearchActivity, type ResearchGroup } from '../../../shared/domain/research-records';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { readCore, readYear, today, updateYear } from '../desk/desk-data';
import { buildCombinedResearchReport, buildNoticeDocument, buildQuestionnaireForm, DEFAULT_RESEARCH_GROUP } from '../documents';
import { loadFacts } from '../opinions/opinion-data';
import { deliverDocx } from '../meeting-docs/deliver';
import { otherMethodsOf, researchInput } from '../meeting-docs/paper-inputs';
import { isJudicial, reportFor, writableResearch } from '../meeting-docs/research-handlers';
import { findingRemovalProblem, unlinkFinding } from '../../../shared/thread/links';

type RecordHandlers = Pick<Handlers, keyof typeof researchCalls>;

function evaluationRefs(core: Readonly<CoreData>, data: Readonly<YearData>): ResearchEvaluationRef[] {
  return data.evaluations.flatMap((ev) => {
    const e = core.evaluatees.find((x) => x.id === ev.evaluateeId);
    if (!e) return [];
    return [{ evaluationId: ev.id, name: e.name, unitName: core.units.find((u) => u.id === e.unitId)?.name ?? '', position: e.position, category: e.category }];
  });
}

/** Names an evaluation for a message: 张明. */
const nameOf = (core: Readonly<CoreData>, data: Readonly<YearData>, evaluationId: string) =>
  evaluationRefs(core, data).find((r) => r.evaluationId === evaluationId)?.name ?? '该被评议对象';

function requireEvaluations(core: Readonly<CoreData>, data: Readonly<YearData>, ids: readonly string[]): void {
  for (const id of ids) if (!data.evaluations.some((e) => e.id === id)) throw new ApiError('not_found', '找不到该评议，可能已移出计划。');
  void core;
}

const stampOf = (ctx: ServiceContext) => new Date(ctx.clock.now()).toISOString();

/**
 * The research records of a year partition (shared/domain/research-records.ts): each save writes one
 * record whole through the store, after the checks that need other records (the evaluations exist,
 * one group per evaluation, the leader, a finding's activity and criterion). A refusal writes nothing.
 */
export function researchRecordHandlers(ctx: ServiceContext): RecordHandlers {
  return {
    'research.records': async ({ year, evaluationId }): Promise<ResearchRecordsView> => {
      const f = await loadFacts(ctx, year, evaluationId);
      const research = f.year.research;
      const group = groupOf(research?.groups ?? [], evaluationId) ?? null;
      const criteria = sortCriteria(f.core.criteria).map((c) => ({ id: c.id, name: c.name, order: c.order }));
      return {
        year,
        evaluationId,
        group: group ? structuredClone(group) : null,
        activities: structuredClone(sortActivities((research?.activities ?? []).filter((a) => a.evaluationIds.includes(evaluationId)))),
        findings: structuredClone(sortFindings((research?.findings ?? []).filter((x) => x.evaluationId === evaluationId), criteria)),
        criteria,
        evaluations: evaluationRefs(f.core, f.year),
        takenByOtherGroups: (research?.groups ?? []).filter((g) => g !== group).flatMap((g) => g.evaluationIds),
      };
    },

    'research.group.save': async ({ year, groupId, group, confirm }) => {
      const core = await readCore(ctx);
      const current = await readYear(ctx, year);
      requireEvaluations(core, current, group.evaluationIds);
      const before = groupId ? current.research?.groups.find((g) => g.id === groupId) : undefined;
      if (groupId && !before) throw new ApiError('not_found', '找不到该调研组，可能已被解散。');
      for (const id of group.evaluationIds) {
        const other = (current.research?.groups ?? []).find((g) => g.id !== groupId && g.evaluationIds.includes(id));
        if (other) throw new ApiError('conflict', `${nameOf(core, current, id)}已在另一个调研组中，一名被评议对象只能由一个调研组调研`, [{ path: 'group.evaluationIds', message: '被评议对象已在另一个调研组中' }]);
      }
      const verdict = checkGroup(group.members, before?.members ?? [], core.members, core.people);
      if (verdict.refusals.length > 0) throw new ApiError('conflict', verdict.refusals.map((r) => r.message).join('；'), verdict.refusals);
      if (verdict.confirmations.length > 0 && !confirm) throw new ApiError('needs_confirmation', verdict.confirmations.join('\n'));
      const stamp = stampOf(ctx);
      const id = groupId ?? newId('rg', ctx.random);
      await updateYear(ctx, year, (data) => {
        requireEvaluations(core, data, group.evaluationIds);
        const research = writableResearch(data);
        const record: ResearchGroup = { ...group, id, createdAt: before?.createdAt ?? stamp, updatedAt: stamp } as ResearchGroup;
        const i = research.groups.findIndex((g) => g.id === id);
        if (i >= 0) research.groups[i] = record;
        else research.groups.push(record);
      });
      return { id, updatedAt: stamp };
    },

    'research.group.remove': async ({ year, groupId }) => {
      await updateYear(ctx, year, (data) => {
        const research = writableResearch(data);
        const i = research.groups.findIndex((g) => g.id === groupId);
        if (i < 0) throw new ApiError('not_found', '找不到该调研组，可能已被解散。');
        research.groups.splice(i, 1);
      });
      return { ok: true };
    },

    'research.activity.save': async ({ year, activity }) => {
      const core = await readCore(ctx);
      const stamp = stampOf(ctx);
      const id = activity.id ?? newId('ra', ctx.random);
      await updateYear(ctx, year, (data) => {
        requireEvaluations(core, data, activity.evaluationIds);
        if (JUDICIAL_ACTIVITY_KINDS.includes(activity.kind)) {
          for (const evId of activity.evaluationIds) {
            const ref = evaluationRefs(core, data).find((r) => r.evaluationId === evId);
            if (ref && !isJudicial(ref.category)) {
              throw new ApiError('invalid_args', `${ACTIVITY_LABELS[activity.kind]}只适用于员额法官、员额检察官，${ref.name}是${ref.category}`, [{ path: 'activity.kind', message: '调研活动类型不适用' }]);
            }
          }
        }
        const research = writableResearch(data);
        const i = research.activities.findIndex((a) => a.id === id);
        if (activity.id && i < 0) throw new ApiError('not_found', '找不到该调研活动，可能已被删除。');
        const before = i >= 0 ? research.activities[i] : undefined;
        // A finding from this activity must still be about an evaluation the activity served.
        if (before) {
          const orphan = research.findings.find((x) => x.activityId === id && !activity.evaluationIds.includes(x.evaluationId));
          if (orphan) throw new ApiError('conflict', `调研问题“${orphan.text.slice(0, 20)}”来源于该活动，不能把${nameOf(core, data, orphan.evaluationId)}从活动中移出`);
        }
        const record = { ...activity, id, createdAt: before?.createdAt ?? stamp, updatedAt: stamp } as ResearchActivity;
        if (i >= 0) research.activities[i] = record;
        else research.activities.push(record);
      });
      return { id, updatedAt: stamp };
    },

    'research.activity.remove': async ({ year, activityId }) => {
      await updateYear(ctx, year, (data) => {
        const research = writableResearch(data);
        const i = research.activities.findIndex((a) => a.id === activityId);
        if (i < 0) throw new ApiError('not_found', '找不到该调研活动，可能已被删除。');
        const sourced = research.findings.filter((x) => x.activityId === activityId).length;
        if (sourced > 0) throw new ApiError('conflict', `有${sourced}个调研问题来源于该活动，请先修改这些问题的来源活动或删除这些问题`);
        research.activities.splice(i, 1);
      });
      return { ok: true };
    },

    'research.finding.save': async ({ year, finding }) => {
      const core = await readCore(ctx);
      if (!core.criteria.some((c) => c.id === finding.criterionId)) {
        throw new ApiError('invalid_args', '评价标准不存在，请重新选择', [{ path: 'finding.criterionId', message: '评价标准不存在' }]);
      }
      const stamp = stampOf(ctx);
      const id = finding.id ?? newId('fd', ctx.random);
      await updateYear(ctx, year, (data) => {
        requireEvaluations(core, data, [finding.evaluationId]);
        const research = writableResearch(data);
        if (finding.activityId) {
          const source = research.activities.find((a) => a.id === finding.activityId);
          if (!source) throw new ApiError('not_found', '来源调研活动不存在，可能已被删除', [{ path: 'finding.activityId', message: '来源调研活动不存在' }]);
          if (!source.evaluationIds.includes(finding.evaluationId)) {
            throw new ApiError('invalid_args', '来源调研活动不是对该被评议对象开展的', [{ path: 'finding.activityId', message: '来源调研活动不属于该评议' }]);
          }
        }
        const i = research.findings.findIndex((x) => x.id === id);
        if (finding.id && i < 0) throw new ApiError('not_found', '找不到该调研问题，可能已被删除。');
        const before = i >= 0 ? research.findings[i] : undefined;
        if (before && before.evaluationId !== finding.evaluationId) throw new ApiError('invalid_args', '调研问题不能改到另一项评议下', [{ path: 'finding.evaluationId', message: '不能改变所属评议' }]);
        const record = { ...finding, id, createdAt: before?.createdAt ?? stamp, updatedAt: stamp };
        if (i >= 0) research.findings[i] = record;
        else research.findings.push(record);
      });
      return { id, updatedAt: stamp };
    },

    'research.finding.remove': async ({ year, findingId }) => {
      await updateYear(ctx, year, (data) => {
        const research = writableResearch(data);
        const i = research.findings.findIndex((x) => x.id === findingId);
        if (i < 0) throw new ApiError('not_found', '找不到该调研问题，可能已被删除。');
        // The thread (shared/thread): refused while an issued opinion uses it; drafts lose the link.
        const used = findingRemovalProblem(data, findingId);
        if (used) throw new ApiError('conflict', `${used}。`);
        unlinkFinding(data, findingId);
        research.findings.splice(i, 1);
      });
      return { ok: true };
    },

    'research.compose': async ({ year, evaluationId }) => {
      const f = await loadFacts(ctx, year, evaluationId);
      const research = f.year.research;
      const current = reportFor(f.year, evaluationId)?.content ?? emptyResearchContent();
      const activities = (research?.activities ?? []).filter((a) => a.evaluationIds.includes(evaluationId));
      const findings = (research?.findings ?? []).filter((x) => x.evaluationId === evaluationId);
      return { content: composeContent(structuredClone(current), activities, findings, sortCriteria(f.core.criteria)) };
    },

    'research.questionnaireForm': async ({ year, activityId }, caller) => {
      const core = await readCore(ctx);
      const data = await readYear(ctx, year);
      const a = data.research?.activities.find((x) => x.id === activityId);
      if (!a) throw new ApiError('not_found', '找不到该调研活动，可能已被删除。');
      if (a.kind !== 'questionnaire') throw new ApiError('invalid_args', '该调研活动不是问卷调查');
      const q = a.questionnaire;
      if (q.questions.length === 0) throw new ApiError('conflict', '问卷还没有问题，请先添加问题和选项');
      const group = groupOf(data.research?.groups ?? [], a.evaluationIds[0] ?? '');
      const names = a.evaluationIds.map((id) => nameOf(core, data, id));
      const title = q.title.trim() || `关于${names.join('、')}同志履职情况的调查问卷`;
      const doc = buildQuestionnaireForm({
        title,
        intro: q.intro,
        organ: group?.name.trim() || DEFAULT_RESEARCH_GROUP,
        questions: q.questions.map((x) => ({ text: x.text, multiple: x.multiple, options: x.options.map((o) => o.text) })),
      });
      return deliverDocx(ctx, caller, core, doc, `${title}.docx`);
    },

    'research.noticeForm': async ({ year, activityId }, caller) => {
      const core = await readCore(ctx);
      const data = await readYear(ctx, year);
      const a = data.research?.activities.find((x) => x.id === activityId);
      if (!a) throw new ApiError('not_found', '找不到该调研活动，可能已被删除。');
      if (a.kind !== 'notice') throw new ApiError('invalid_args', '该调研活动不是网上发布公告');
      if (a.notice.text.trim() === '') throw new ApiError('conflict', '公告内容为空，请先填写公告内容');
      const group = groupOf(data.research?.groups ?? [], a.evaluationIds[0] ?? '');
      const organ = group?.name.trim() || DEFAULT_RESEARCH_GROUP;
      const title = '公告';
      const doc = buildNoticeDocument({
        title,
        text: a.notice.text,
        channel: a.notice.channel,
        ...(a.notice.from ? { from: a.notice.from } : {}),
        ...(a.notice.to ? { to: a.notice.to } : {}),
        organ,
        date: a.date ?? a.notice.from ?? today(ctx).iso,
      });
      return deliverDocx(ctx, caller, core, doc, `${organ}公告.docx`);
    },

    'research.exportCombined': async ({ year, groupId }, caller) => {
      const core = await readCore(ctx);
      const data = await readYear(ctx, year);
      const group = data.research?.groups.find((g) => g.id === groupId);
      if (!group) throw new ApiError('not_found', '找不到该调研组，可能已被解散。');
      if (group.reportMode !== 'combined') throw new ApiError('conflict', '该调研组设为每名被评议对象各一份调研报告');
      if (!group.members.some((m) => m.role === '组长')) throw new ApiError('conflict', '调研报告尚不完整：调研组尚无组长。');
      const sections = [];
      const missing: string[] = [];
      for (const evId of group.evaluationIds) {
        const f = await loadFacts(ctx, year, evId);
        const report = reportFor(f.year, evId);
        if (!report) {
          missing.push(f.evaluatee.name);
          continue;
        }
        const input = researchInput(core, f.evaluatee, report.content, { group, activities: [] }, today(ctx).iso);
        sections.push({ subject: input.subject ?? f.evaluatee.name, basicSituation: input.basicSituation, achievements: input.achievements, problems: input.problems, suggestions: input.suggestions });
      }
      if (missing.length > 0) throw new ApiError('conflict', `尚未填写${missing.join('、')}的调研报告`);
      const activities = (data.research?.activities ?? []).filter((a) => a.evaluationIds.some((id) => group.evaluationIds.includes(id)));
      const others = group.evaluationIds.flatMap((id) => otherMethodsOf(reportFor(data, id)?.content ?? emptyResearchContent()));
      const names = group.evaluationIds.map((id) => nameOf(core, data, id));
      const title = `关于对${names[0]}等${names.length}名同志履职情况的调研报告`;
      const lastDate = group.evaluationIds.map((id) => reportFor(data, id)?.content.date).filter((d): d is string => !!d).sort().at(-1);
      const doc = buildCombinedResearchReport({
        title,
        ...(group.name.trim() ? { groupName: group.name.trim() } : {}),
        members: group.members.map((m) => ({ role: m.role, name: m.name, post: m.post })),
        ...(group.from && group.to ? { period: { from: group.from, to: group.to } } : {}),
        methodPhrases: [...activityPhrases(activities), ...new Set(others)],
        sections,
        date: lastDate ?? group.to ?? today(ctx).iso,
      });
      return deliverDocx(ctx, caller, core, doc, `${title}.docx`);
    },
  };
}
