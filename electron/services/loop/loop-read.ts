import { ApiError } from '../../../shared/api/errors';
import type { LoopCase, LoopCaseRow, LoopOverview } from '../../../shared/api/loop-types';
import type { Evaluation } from '../../../shared/domain/evaluations';
import type { YearData } from '../../../shared/domain/partitions';
import { LOOP_STAGES, stageLabel } from '../../../shared/loop/stage';
import type { ServiceContext } from '../api/service-context';
import { allMeetings, hasYear, readCore, readYear, today, yearsOnRecord } from '../desk/desk-data';
import { loopMeetings } from './loop-records';
import { DUE_LISTED, STATE_ORDER, caseRow, caseView, type LoopSources } from './loop-view';

/** Reading the loop: the sources every view needs, one case, the workbench's figures. */

export async function loopSources(ctx: ServiceContext): Promise<LoopSources> {
  const [core, meetings] = await Promise.all([readCore(ctx), allMeetings(ctx)]);
  return { core, meetings, calendar: loopMeetings(meetings), today: today(ctx).iso };
}

export async function allYears(ctx: ServiceContext): Promise<Readonly<YearData>[]> {
  return Promise.all(yearsOnRecord(ctx).map((y) => readYear(ctx, y)));
}

/** The evaluation and its year, or a not_found naming what is missing. */
export async function findCase(ctx: ServiceContext, year: number, evaluationId: string): Promise<{ data: Readonly<YearData>; ev: Evaluation }> {
  if (!hasYear(ctx, year)) throw new ApiError('not_found', `${year}年度没有评议记录。`);
  const data = await readYear(ctx, year);
  const ev = data.evaluations.find((e) => e.id === evaluationId);
  if (!ev) throw new ApiError('not_found', '找不到该评议，可能已移出计划。');
  return { data, ev };
}

export async function readCase(ctx: ServiceContext, year: number, evaluationId: string): Promise<LoopCase> {
  const [{ data, ev }, src] = await Promise.all([findCase(ctx, year, evaluationId), loopSources(ctx)]);
  return caseView(ev, data, src);
}

/** The workbench's loop figures, from every year on record. */
export async function loopOverview(ctx: ServiceContext): Promise<LoopOverview> {
  const [src, years] = await Promise.all([loopSources(ctx), allYears(ctx)]);
  const rows: LoopCaseRow[] = years.flatMap((y) => y.evaluations.map((ev) => caseRow(ev, y, src)));
  const due = rows
    .flatMap((r) =>
      r.deadlines.filter((d) => DUE_LISTED.has(d.state)).map((d) => ({ ...d, evaluationId: r.evaluationId, year: r.year, name: r.name, unitName: r.unitName })),
    )
    .sort((a, b) => (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9) || a.due.localeCompare(b.due) || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    today: src.today,
    due,
    stages: LOOP_STAGES.map((stage) => ({ stage, label: stageLabel(stage), count: rows.filter((r) => r.state.stage === stage).length })),
    escalated: rows.filter((r) => r.state.stage === 'escalated').length,
  };
}

