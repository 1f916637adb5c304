import { ApiError } from '../../../shared/api/errors';
import type { documentCalls } from '../../../shared/api/calls/documents';
import type { ResearchDetail } from '../../../shared/api/documents-types';
import type { YearData } from '../../../shared/domain/partitions';
import { personPost, sortPeople } from '../../../shared/domain/people';
import { emptyResearch, researchFileName, researchProblems, type ResearchContent, type ResearchData, type ResearchReport } from '../../../shared/domain/research';
import { groupOf, JUDICIAL_ACTIVITY_KINDS, ACTIVITY_KINDS } from '../../../shared/domain/research-records';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { today, updateYear } from '../desk/desk-data';
import { buildResearchReportDocument } from '../documents';
import { loadFacts } from '../opinions/opinion-data';
import { derivedLabel } from '../loop/loop-records';
import { deliverDocx } from './deliver';
import { researchInput } from './paper-inputs';
import { activeMembers } from './round-docs';

export const isJudicial = (category: string) => category === '员额法官' || category === '员额检察官';

type ResearchHandlers = Pick<Handlers, Extract<keyof typeof documentCalls, `research.${string}`>>;

/** The year partition's research reports and records, created on first write (older files have none). */
export function writableResearch(data: YearData): ResearchData {
  data.research ??= emptyResearch();
  return data.research;
}

export function reportFor(data: Readonly<YearData>, evaluationId: string): Readonly<ResearchReport> | null {
  return data.research?.reports.find((r) => r.evaluationId === evaluationId) ?? null;
}

/**
 * 调研报告: one per evaluation in its year partition, saved whole on every autosave (the editor
 * sends the complete content; the schema has already checked every field), exported as a meeting paper.
 */
export function researchHandlers(ctx: ServiceContext): ResearchHandlers {
  return {
    'research.get': async ({ year, evaluationId }): Promise<ResearchDetail> => {
      const f = await loadFacts(ctx, year, evaluationId);
      const report = reportFor(f.year, evaluationId);
      return {
        today: today(ctx).iso,
        year,
        evaluationId,
        evaluateeId: f.evaluatee.id,
        name: f.evaluatee.name,
        unitName: f.unitName,
        position: f.evaluatee.position,
        category: f.evaluatee.category,
        stageLabel: derivedLabel(f.evaluation, f.year, f.meeting),
        activityKinds: isJudicial(f.evaluatee.category) ? [...ACTIVITY_KINDS] : ACTIVITY_KINDS.filter((k) => !JUDICIAL_ACTIVITY_KINDS.includes(k)),
        content: report ? (structuredClone(report.content) as ResearchContent) : null,
        updatedAt: report?.updatedAt ?? null,
        members: activeMembers(f.core).map((m) => ({ id: m.id, name: m.name, role: m.role })),
        people: sortPeople(f.core.people.filter((p) => p.active)).map((p) => ({ id: p.id, name: p.name, kind: p.kind, post: personPost(p) })),
        orgShortName: f.core.settings.organisation.shortName,
      };
    },

    'research.save': async ({ year, evaluationId, content }) => {
      const f = await loadFacts(ctx, year, evaluationId);
      const stamp = new Date(ctx.clock.now()).toISOString();
      await updateYear(ctx, year, (data) => {
        if (!data.evaluations.some((e) => e.id === evaluationId)) throw new ApiError('not_found', '找不到该评议，可能已移出计划。');
        const research = writableResearch(data);
        const existing = research.reports.find((r) => r.evaluationId === evaluationId);
        if (existing) {
          existing.content = content;
          existing.updatedAt = stamp;
        } else {
          research.reports.push({ evaluationId, evaluateeId: f.evaluatee.id, content, createdAt: stamp, updatedAt: stamp });
        }
      });
      return { updatedAt: stamp };
    },

    'research.export': async ({ year, evaluationId }, caller) => {
      const f = await loadFacts(ctx, year, evaluationId);
      const report = reportFor(f.year, evaluationId);
      if (!report) throw new ApiError('not_found', '尚未填写调研报告。');
      const group = groupOf(f.year.research?.groups ?? [], evaluationId);
      const problems = researchProblems(report.content, group);
      if (problems.length > 0) throw new ApiError('conflict', `调研报告尚不完整：${problems.join('；')}。`);
      const activities = (f.year.research?.activities ?? []).filter((a) => a.evaluationIds.includes(evaluationId));
      const input = researchInput(f.core, f.evaluatee, report.content, { group, activities }, today(ctx).iso);
      return deliverDocx(ctx, caller, f.core, buildResearchReportDocument(input), researchFileName(f.evaluatee.name));
    },
  };
}
