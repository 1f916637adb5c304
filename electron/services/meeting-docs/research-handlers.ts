import { ApiError } from '../../../shared/api/errors';
import type { documentCalls } from '../../../shared/api/calls/documents';
import type { ResearchDetail } from '../../../shared/api/documents-types';
import type { YearData } from '../../../shared/domain/partitions';
import { personPost, sortPeople } from '../../../shared/domain/people';
import { checkGroup, emptyResearch, methodsFor, researchFileName, researchProblems, type ResearchContent, type ResearchData, type ResearchReport } from '../../../shared/domain/research';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { today, updateYear } from '../desk/desk-data';
import { buildResearchReportDocument } from '../documents';
import { loadFacts } from '../opinions/opinion-data';
import { derivedLabel } from '../loop/loop-records';
import { deliverDocx } from './deliver';
import { researchInput } from './paper-inputs';
import { activeMembers } from './round-docs';

type ResearchHandlers = Pick<Handlers, Extract<keyof typeof documentCalls, `research.${string}`>>;

/** The year partition's research reports, created on first write (older files have none). */
function writableResearch(data: YearData): ResearchData {
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
        methods: methodsFor(f.evaluatee.category),
        content: report ? (structuredClone(report.content) as ResearchContent) : null,
        updatedAt: report?.updatedAt ?? null,
        members: activeMembers(f.core).map((m) => ({ id: m.id, name: m.name, role: m.role })),
        people: sortPeople(f.core.people.filter((p) => p.active)).map((p) => ({ id: p.id, name: p.name, kind: p.kind, post: personPost(p) })),
        orgShortName: f.core.settings.organisation.shortName,
      };
    },

    'research.save': async ({ year, evaluationId, content, confirm }) => {
      const f = await loadFacts(ctx, year, evaluationId);
      const verdict = checkGroup(content.group, reportFor(f.year, evaluationId)?.content.group ?? [], f.core.members, f.core.people);
      if (verdict.refusals.length > 0) throw new ApiError('conflict', verdict.refusals.map((r) => r.message).join('；'), verdict.refusals);
      if (verdict.confirmations.length > 0 && !confirm) throw new ApiError('needs_confirmation', verdict.confirmations.join('\n'));
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
      const problems = researchProblems(report.content);
      if (problems.length > 0) throw new ApiError('conflict', `调研报告尚不完整：${problems.join('；')}。`);
      const input = researchInput(f.core, f.evaluatee, report.content, today(ctx).iso);
      return deliverDocx(ctx, caller, f.core, buildResearchReportDocument(input), researchFileName(f.evaluatee.name));
    },
  };
}
