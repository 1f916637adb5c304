import { ApiError, type ApiIssue } from '../../../shared/api/errors';
import type { EscalationStepInput, loopCalls } from '../../../shared/api/calls/loop';
import type { LoopCase } from '../../../shared/api/loop-types';
import type { Evaluation } from '../../../shared/domain/evaluations';
import { newId } from '../../../shared/domain/ids';
import type { CoreData, MeetingData, YearData } from '../../../shared/domain/partitions';
import { formatDateCn } from '../../../shared/format/dates';
import { firstDelivery, loopFacts } from '../../../shared/loop/facts';
import { LOOP_LABELS } from '../../../shared/loop/labels';
import type { EscalationStep } from '../../../shared/loop/schemas';
import { deriveStage, type LoopState } from '../../../shared/loop/stage';
import { checkedVerdicts, interpellationProblems, investigationProblems, reportDateProblem } from '../../../shared/loop/validation';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { allMeetings, readCore, today, updateYear } from '../desk/desk-data';
import { recordFor } from '../opinions/opinion-data';
import { syncLedger } from './ledger-sync';
import { itemsOf, recordsOf, writableLoop } from './loop-records';
import { readCase } from './loop-read';

type WriteNames = Exclude<keyof typeof loopCalls, 'loop.overview' | 'loop.cases' | 'loop.case' | `loop.evidence.${string}`>;
type WriteHandlers = Pick<Handlers, WriteNames>;

/** A refusal of bad input: the Chinese message names the rule; nothing is written. */
export function refuse(message: string, path = ''): never {
  throw new ApiError('invalid_args', message, [{ path, message }]);
}

function refuseAll(problems: readonly string[], path: string): void {
  if (problems.length === 0) return;
  const issues: ApiIssue[] = problems.map((message) => ({ path, message }));
  throw new ApiError('invalid_args', problems.join('；'), issues);
}

/** What a write sees: the evaluation inside the year's draft, and what other partitions say. */
export interface WriteScope {
  data: YearData;
  ev: Evaluation;
  core: Readonly<CoreData>;
  meetings: readonly Readonly<MeetingData>[];
  /** The stage as the records stood before this change. */
  state: LoopState;
  today: string;
}

/**
 * One change to one evaluation's loop records, atomic in one store update of its year: the ledger
 * is first brought in line with the issued opinion, then `change` runs; a throw writes nothing.
 * Answers with the case as now derived.
 */
export async function changeCase(ctx: ServiceContext, year: number, evaluationId: string, change: (s: WriteScope) => void): Promise<LoopCase> {
  const [core, meetings] = await Promise.all([readCore(ctx), allMeetings(ctx)]);
  const now = today(ctx).iso;
  if (!ctx.store.has(`year/${year}`)) throw new ApiError('not_found', `${year}年度没有评议记录。`);
  await updateYear(ctx, year, (data) => {
    const ev = data.evaluations.find((e) => e.id === evaluationId);
    if (!ev) throw new ApiError('not_found', '找不到该评议，可能已移出计划。');
    syncLedger(data, evaluationId);
    const state = deriveStage(loopFacts(recordsOf(ev, data, meetings)));
    change({ data, ev, core, meetings, state, today: now });
  });
  return readCase(ctx, year, evaluationId);
}

function sameEvaluation(sent: string | null | undefined, evaluationId: string, path: string): void {
  if (sent !== undefined && sent !== null && sent !== evaluationId) refuse('记录所属的评议与当前评议不一致，未保存', path);
}

function meetingExists(meetings: readonly Readonly<MeetingData>[], id: string | null | undefined, label: string, path: string): void {
  if (id === null || id === undefined) return;
  if (!meetings.some((m) => m.meeting.id === id)) refuse(`${label}不存在，可能已被删除`, path);
}

function notAfterToday(date: string, label: string, today: string, path: string): void {
  if (date > today) refuse(`${label}（${formatDateCn(date)}）不能晚于今天（${formatDateCn(today)}）`, path);
}

function deliveredOrRefuse(s: WriteScope, what: string): string {
  const delivered = firstDelivery(recordFor(s.data, s.ev.id));
  if (!delivered) throw new ApiError('conflict', `评议意见尚未送达，不能${what}。`);
  return delivered;
}

/** The members named on a paper: a roster id must be a member on record (active or not is the thresholds' business). */
function rosterIds(refs: readonly { memberId?: string | undefined; name: string }[], core: Readonly<CoreData>, what: string, path: string): void {
  const problems = refs.flatMap((r) =>
    r.memberId !== undefined && !core.members.some((m) => m.id === r.memberId) ? [`${r.name}不是本级人大常委会组成人员，不能作为${what}`] : [],
  );
  refuseAll(problems, path);
}

/** The checks of one escalation step, by kind: the legal thresholds, the order of its dates, the meetings it names. */
function stepProblems(step: EscalationStep, s: WriteScope): void {
  const roster = s.core.members.map((m) => ({ id: m.id, name: m.name, active: m.active }));
  switch (step.kind) {
    case 'inquiry':
      meetingExists(s.meetings, step.meetingId, '询问会议', 'step.meetingId');
      rosterIds(step.askedBy, s.core, '询问人', 'step.askedBy');
      return;
    case 'interpellation':
      refuseAll(interpellationProblems(step, roster), 'step.proposers');
      meetingExists(s.meetings, step.decision?.meetingId, '答复会议', 'step.decision.meetingId');
      step.answers.forEach((a, i) => meetingExists(s.meetings, a.meetingId, '答复会议', `step.answers.${i}.meetingId`));
      return;
    case 'investigation':
      refuseAll(investigationProblems(step, roster), 'step.proposers');
      rosterIds(step.committee, s.core, '调查委员会组成人员', 'step.committee');
      meetingExists(s.meetings, step.resolution?.meetingId, '作出决议的会议', 'step.resolution.meetingId');
      return;
    case 'decision':
      meetingExists(s.meetings, step.meetingId, '作出决定的会议', 'step.meetingId');
      return;
  }
}

/** A step's first date, for the rule that escalation follows delivery. */
function stepDate(step: EscalationStepInput): string {
  switch (step.kind) {
    case 'inquiry':
    case 'decision':
      return step.date;
    case 'interpellation':
    case 'investigation':
      return step.proposedOn;
  }
}

export function loopWriteHandlers(ctx: ServiceContext): WriteHandlers {
  const change = (year: number, evaluationId: string, fn: (s: WriteScope) => void) => changeCase(ctx, year, evaluationId, fn);

  return {
    'loop.ledger.save': ({ year, evaluationId, itemNo, entry }) =>
      change(year, evaluationId, (s) => {
        const opinion = recordFor(s.data, evaluationId);
        const items = itemsOf(opinion).items;
        if (!opinion || items.length === 0) throw new ApiError('conflict', '评议意见尚未印发（或没有条目），还没有整改台账。');
        const target = writableLoop(s.data).ledger.find((e) => e.opinionId === opinion.id && e.itemNo === itemNo);
        if (!target) return refuse(`评议意见中没有第${itemNo}项（共${items.length}项）`, 'itemNo');
        target.measures = entry.measures;
        target.responsible = entry.responsible;
        target.dueDate = entry.dueDate;
        target.status = entry.status;
        target.verdict = entry.verdict;
        target.progress = [...entry.progress].sort((a, b) => a.date.localeCompare(b.date));
      }),

    'loop.plan.save': ({ year, evaluationId, plan }) =>
      change(year, evaluationId, (s) => {
        sameEvaluation(plan.evaluationId, evaluationId, 'plan.evaluationId');
        const delivered = deliveredOrRefuse(s, '登记整改方案');
        if (plan.receivedOn < delivered) {
          refuse(`收到日期（${formatDateCn(plan.receivedOn)}）早于评议意见送达日期（${formatDateCn(delivered)}），整改方案应在送达之后`, 'plan.receivedOn');
        }
        notAfterToday(plan.receivedOn, '收到日期', s.today, 'plan.receivedOn');
        const loop = writableLoop(s.data);
        const old = loop.plans.find((p) => p.evaluationId === evaluationId);
        const next = { evaluationId, receivedOn: plan.receivedOn, docNumber: plan.docNumber, file: old?.file ?? null };
        loop.plans = [...loop.plans.filter((p) => p.evaluationId !== evaluationId), next];
      }),

    'loop.plan.remove': ({ year, evaluationId }) =>
      change(year, evaluationId, (s) => {
        const loop = writableLoop(s.data);
        if (!loop.plans.some((p) => p.evaluationId === evaluationId)) throw new ApiError('not_found', '该评议没有整改方案登记。');
        loop.plans = loop.plans.filter((p) => p.evaluationId !== evaluationId);
      }),

    'loop.report.save': ({ year, evaluationId, report }) =>
      change(year, evaluationId, (s) => {
        sameEvaluation(report.evaluationId, evaluationId, 'report.evaluationId');
        const delivered = firstDelivery(recordFor(s.data, evaluationId));
        const problem = reportDateProblem(report, delivered);
        if (problem) {
          if (!delivered) throw new ApiError('conflict', problem);
          refuse(problem, report.receivedOn < delivered ? 'report.receivedOn' : 'report.reportDate');
        }
        notAfterToday(report.receivedOn, '收到日期', s.today, 'report.receivedOn');
        meetingExists(s.meetings, report.meetingId, '听取报告的会议', 'report.meetingId');
        const loop = writableLoop(s.data);
        const old = loop.reports.find((p) => p.evaluationId === evaluationId);
        const next = { evaluationId, reportDate: report.reportDate, receivedOn: report.receivedOn, docNumber: report.docNumber, file: old?.file ?? null, meetingId: report.meetingId };
        loop.reports = [...loop.reports.filter((p) => p.evaluationId !== evaluationId), next];
      }),

    'loop.report.remove': ({ year, evaluationId }) =>
      change(year, evaluationId, (s) => {
        const loop = writableLoop(s.data);
        if (!loop.reports.some((p) => p.evaluationId === evaluationId)) throw new ApiError('not_found', '该评议没有整改情况报告登记。');
        loop.reports = loop.reports.filter((p) => p.evaluationId !== evaluationId);
      }),

    'loop.followUp.save': ({ year, evaluationId, followUp }) =>
      change(year, evaluationId, (s) => {
        sameEvaluation(followUp.evaluationId, evaluationId, 'followUp.evaluationId');
        const delivered = deliveredOrRefuse(s, '登记回头看');
        if (followUp.startDate < delivered) {
          refuse(`回头看开始日期（${formatDateCn(followUp.startDate)}）早于评议意见送达日期（${formatDateCn(delivered)}），回头看应在送达之后`, 'followUp.startDate');
        }
        const opinion = recordFor(s.data, evaluationId);
        if (!opinion) throw new ApiError('conflict', '该评议没有评议意见。');
        const { verdicts, problems } = checkedVerdicts(followUp.checks, { id: opinion.id, items: itemsOf(opinion).items });
        refuseAll(problems, 'followUp.checks');
        const loop = writableLoop(s.data);
        const old = loop.followUps.find((f) => f.evaluationId === evaluationId);
        // A verdict the earlier record gave and this one no longer does is withdrawn from the ledger;
        // one the office set on the ledger itself stays.
        const before = new Map((old?.checks ?? []).filter((c) => c.opinionId === opinion.id).map((c) => [c.itemNo, c.verdict]));
        for (const entry of loop.ledger) {
          if (entry.opinionId !== opinion.id) continue;
          const v = verdicts.get(entry.itemNo);
          if (v) entry.verdict = v;
          else if (before.has(entry.itemNo) && before.get(entry.itemNo) === entry.verdict) entry.verdict = null;
        }
        loop.followUps = [...loop.followUps.filter((f) => f.evaluationId !== evaluationId), { ...followUp, evaluationId }];
      }),

    'loop.escalation.save': ({ year, evaluationId, step, confirm }) =>
      change(year, evaluationId, (s) => {
        sameEvaluation(step.evaluationId, evaluationId, 'step.evaluationId');
        const delivered = deliveredOrRefuse(s, '记录进一步监督措施');
        const when = stepDate(step);
        if (when < delivered) refuse(`${LOOP_LABELS.escalationKind[step.kind]}的日期（${formatDateCn(when)}）早于评议意见送达日期（${formatDateCn(delivered)}）`, 'step');
        const loop = writableLoop(s.data);
        const old = step.id === undefined ? undefined : loop.escalation.find((x) => x.id === step.id && x.evaluationId === evaluationId);
        if (step.id !== undefined && !old) throw new ApiError('not_found', '该监督措施记录已不存在，可能已被删除。');
        if (old && old.kind !== step.kind) refuse(`不能把“${LOOP_LABELS.escalationKind[old.kind]}”改为“${LOOP_LABELS.escalationKind[step.kind]}”，请另行记录`, 'step.kind');
        // Steps follow a re-report vote that still failed; before that the office confirms it means it.
        const onPath = s.state.stage === 'escalated' || s.state.closedBy === 'decision' || old !== undefined;
        if (!onPath && !confirm) {
          throw new ApiError(
            'needs_confirmation',
            `该评议当前为“${LOOP_LABELS.stage[s.state.stage]}”，整改情况测评尚未显示仍不满意。进一步监督措施一般在不满意再次报告后的整改情况测评仍不满意时采取，确需记录的请确认。`,
          );
        }
        const { id: _id, evaluationId: _ev, ...fields } = step;
        const next = { ...fields, id: old?.id ?? newId('es', ctx.random), evaluationId, documents: old?.documents ?? [] } as EscalationStep;
        stepProblems(next, s);
        loop.escalation = old ? loop.escalation.map((x) => (x === old ? next : x)) : [...loop.escalation, next];
      }),

    'loop.escalation.remove': ({ year, evaluationId, stepId }) =>
      change(year, evaluationId, (s) => {
        const loop = writableLoop(s.data);
        if (!loop.escalation.some((x) => x.id === stepId && x.evaluationId === evaluationId)) throw new ApiError('not_found', '该监督措施记录已不存在，可能已被删除。');
        loop.escalation = loop.escalation.filter((x) => x.id !== stepId);
      }),

    'loop.close': ({ year, evaluationId, closure }) =>
      change(year, evaluationId, (s) => {
        sameEvaluation(closure.evaluationId, evaluationId, 'closure.evaluationId');
        const loop = writableLoop(s.data);
        const existing = loop.closures.find((c) => c.evaluationId === evaluationId);
        if (!existing && s.state.stage === 'closed') {
          throw new ApiError('conflict', `该评议已办结（${s.state.closedBy ? LOOP_LABELS.closedBy[s.state.closedBy] : ''}），无需再由办公室办结。`);
        }
        notAfterToday(closure.date, '办结日期', s.today, 'closure.date');
        const delivered = firstDelivery(recordFor(s.data, evaluationId));
        if (delivered && closure.date < delivered) refuse(`办结日期（${formatDateCn(closure.date)}）不能早于评议意见送达日期（${formatDateCn(delivered)}）`, 'closure.date');
        loop.closures = [...loop.closures.filter((c) => c.evaluationId !== evaluationId), { evaluationId, date: closure.date, reason: closure.reason }];
      }),

    'loop.reopen': ({ year, evaluationId, reason }) =>
      change(year, evaluationId, (s) => {
        const loop = writableLoop(s.data);
        const existing = loop.closures.find((c) => c.evaluationId === evaluationId);
        if (!existing) throw new ApiError('conflict', '该评议没有办公室办结记录，无需撤销。');
        loop.closures = loop.closures.filter((c) => c.evaluationId !== evaluationId);
        ctx.log.info('loop closure withdrawn', { evaluationId, closedOn: existing.date, closedFor: existing.reason, reason });
      }),

    'loop.resultUse.save': ({ year, evaluationId, entry }) =>
      change(year, evaluationId, (s) => {
        sameEvaluation(entry.evaluationId, evaluationId, 'entry.evaluationId');
        meetingExists(s.meetings, entry.meetingId, '会议', 'entry.meetingId');
        notAfterToday(entry.date, '送达日期', s.today, 'entry.date');
        const loop = writableLoop(s.data);
        const old = entry.id === undefined ? undefined : loop.resultUses.find((r) => r.id === entry.id && r.evaluationId === evaluationId);
        if (entry.id !== undefined && !old) throw new ApiError('not_found', '该结果运用登记已不存在，可能已被删除。');
        const next = { ...entry, id: old?.id ?? newId('ru', ctx.random), evaluationId };
        loop.resultUses = old ? loop.resultUses.map((r) => (r === old ? next : r)) : [...loop.resultUses, next];
      }),

    'loop.resultUse.remove': ({ year, evaluationId, id }) =>
      change(year, evaluationId, (s) => {
        const loop = writableLoop(s.data);
        if (!loop.resultUses.some((r) => r.id === id && r.evaluationId === evaluationId)) throw new ApiError('not_found', '该结果运用登记已不存在，可能已被删除。');
        loop.resultUses = loop.resultUses.filter((r) => r.id !== id);
      }),
  };
}

