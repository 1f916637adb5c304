import { ApiError } from '../../../shared/api/errors';
import type { OpinionMaterial, OpinionRow } from '../../../shared/api/opinion-types';
import type { Evaluation } from '../../../shared/domain/evaluations';
import type { Evaluatee } from '../../../shared/domain/evaluatees';
import { reportItems } from '../../../shared/domain/meetings';
import {
  OPINION_STATUS_LABELS,
  currentVersion,
  emptyOpinions,
  remainingPlaceholders,
  versionStatus,
  type MemberOpinion,
  type OpinionRecord,
  type OpinionsData,
} from '../../../shared/domain/opinions';
import type { CoreData, MeetingData, YearData } from '../../../shared/domain/partitions';
import type { QuestionRecord } from '../../../shared/domain/questioning';
import { activityPhrases, sortFindings } from '../../../shared/domain/research-compose';
import { otherMethodsOf } from '../meeting-docs/paper-inputs';
import type { ServiceContext } from '../api/service-context';
import { allMeetings, hasYear, readCore, readYear, yearsOnRecord } from '../desk/desk-data';
import { voteCountsText, withoutTypedNumber, type PrefillFacts } from './prefill';

/**
 * Reading what an opinion is made of: the evaluation and its person, the meeting that heard it with
 * its questioning minutes, the vote result copied onto the evaluation, the members' opinions. Each
 * piece is optional: the vote and the questioning are recorded by other parts of the app and may
 * not exist yet (or at all, for a written report).
 */

export function opinionsOf(data: Readonly<YearData>): Readonly<OpinionsData> {
  return data.opinions ?? emptyOpinions();
}

/** The year partition's opinions, created on first write (older files have none). */
export function writableOpinions(data: YearData): OpinionsData {
  data.opinions ??= emptyOpinions();
  return data.opinions;
}

export interface EvaluationFacts {
  core: Readonly<CoreData>;
  year: Readonly<YearData>;
  evaluation: Evaluation;
  evaluatee: Evaluatee;
  unitName: string;
  meeting: Readonly<MeetingData> | null;
}

/** The meeting that heard the evaluation: its own, else the year's meeting with the person on its agenda. */
export function meetingOf(ev: Evaluation, meetings: readonly Readonly<MeetingData>[]): Readonly<MeetingData> | null {
  const ids = [ev.meetingId, ev.voteResult?.meetingId].filter((id): id is string => id !== undefined);
  for (const id of ids) {
    const m = meetings.find((x) => x.meeting.id === id);
    if (m) return m;
  }
  return meetings.find((m) => m.meeting.year === ev.year && reportItems(m.meeting).some((r) => r.evaluateeId === ev.evaluateeId)) ?? null;
}

export async function loadFacts(ctx: ServiceContext, year: number, evaluationId: string): Promise<EvaluationFacts> {
  if (!hasYear(ctx, year)) throw new ApiError('not_found', `${year}年度没有评议记录。`);
  const [core, data, meetings] = await Promise.all([readCore(ctx), readYear(ctx, year), allMeetings(ctx)]);
  const evaluation = data.evaluations.find((ev) => ev.id === evaluationId);
  if (!evaluation) throw new ApiError('not_found', '找不到该评议，可能已移出计划。');
  const evaluatee = core.evaluatees.find((e) => e.id === evaluation.evaluateeId);
  if (!evaluatee) throw new ApiError('not_found', '找不到该被评议对象，可能已被删除。');
  const unitName = core.units.find((u) => u.id === evaluatee.unitId)?.name ?? '';
  return { core, year: data, evaluation, evaluatee, unitName, meeting: meetingOf(evaluation, meetings) };
}

/** Questions put to the person at the meeting, in the order asked; cancelled draws are not minutes. */
export function questionsFor(meeting: Readonly<MeetingData> | null, evaluateeId: string): QuestionRecord[] {
  const records = meeting?.questioning?.records ?? [];
  return records.filter((r) => r.evaluateeId === evaluateeId && r.status !== 'cancelled').sort((a, b) => a.drawnAt.localeCompare(b.drawnAt));
}

export function memberOpinionsFor(data: Readonly<YearData>, evaluateeId: string): MemberOpinion[] {
  return opinionsOf(data).memberOpinions.filter((o) => o.evaluateeId === evaluateeId);
}

export function recordFor(data: Readonly<YearData>, evaluationId: string): Readonly<OpinionRecord> | null {
  return opinionsOf(data).records.find((r) => r.evaluationId === evaluationId) ?? null;
}

/**
 * What the 调研报告 entered for the evaluation gives the draft: its methods with their counts, and
 * the paragraphs of 三、存在问题 as findings (a typed （一） or 1. number dropped: the draft numbers them).
 */
export function researchFacts(data: Readonly<YearData>, evaluation: Evaluation, criteria: readonly { id: string; order: number }[]): { findings: string[]; methods: string[] } {
  const research = data.research;
  const report = research?.reports.find((r) => r.evaluationId === evaluation.id);
  const activities = (research?.activities ?? []).filter((a) => a.evaluationIds.includes(evaluation.id));
  const methods = [...activityPhrases(activities), ...(report ? otherMethodsOf(report.content) : [])];
  // The findings recorded, in criterion order; else the paragraphs of the report's 存在问题.
  const recorded = sortFindings((research?.findings ?? []).filter((f) => f.evaluationId === evaluation.id), criteria).map((f) => f.text.trim());
  if (recorded.length > 0) return { findings: recorded, methods };
  if (!report) return { findings: [], methods };
  const findings = report.content.sections.problems
    .map(withoutTypedNumber)
    .filter((p) => p !== '');
  return { findings, methods };
}

export function prefillFacts(f: EvaluationFacts): PrefillFacts {
  const { core, evaluation, evaluatee, meeting } = f;
  const research = researchFacts(f.year, evaluation, core.criteria);
  return {
    name: evaluatee.name,
    unitName: f.unitName,
    position: evaluatee.position,
    category: evaluatee.category,
    mode: evaluation.mode,
    year: evaluation.year,
    orgShortName: core.settings.organisation.shortName,
    meeting: meeting ? { name: meeting.meeting.name, date: meeting.meeting.date } : null,
    vote: evaluation.voteResult ?? null,
    gradeLabels: core.settings.votes.gradeLabels,
    questions: questionsFor(meeting, evaluatee.id).map((q) => ({ topic: q.topic, questionText: q.questionText })),
    memberOpinions: memberOpinionsFor(f.year, evaluatee.id),
    findings: research.findings,
    researchMethods: research.methods,
    criteria: core.criteria.map((c) => c.name),
    deadlines: core.settings.deadlines,
    voteTitles: core.settings.voteTitles,
    legalBasis: core.settings.legalBasis,
  };
}

export function material(f: EvaluationFacts): OpinionMaterial {
  const vote = f.evaluation.voteResult;
  return {
    meeting: f.meeting ? { id: f.meeting.meeting.id, name: f.meeting.meeting.name, date: f.meeting.meeting.date } : null,
    vote: vote
      ? {
          outcome: vote.outcome,
          rateText: vote.rateText,
          countsText: voteCountsText(vote, f.core.settings.votes.gradeLabels),
          ruleText: vote.ruleText,
          arithmetic: [...vote.arithmetic],
          failing: vote.failing,
        }
      : null,
    questions: questionsFor(f.meeting, f.evaluatee.id).map((q) => ({
      memberName: q.memberName,
      memberRole: q.memberRole,
      topic: q.topic,
      questionText: q.questionText,
      notes: q.notes,
      done: q.status === 'done',
    })),
    findings: researchFacts(f.year, f.evaluation, f.core.criteria).findings,
  };
}

export function opinionRow(
  ev: Evaluation,
  ctx: { core: Readonly<CoreData>; year: Readonly<YearData>; meeting: Readonly<MeetingData> | null; stageLabel: string },
): OpinionRow {
  const evaluatee = ctx.core.evaluatees.find((e) => e.id === ev.evaluateeId);
  const record = recordFor(ctx.year, ev.id);
  const v = record ? currentVersion(record) : null;
  const status = v ? versionStatus(v) : 'none';
  return {
    year: ev.year,
    evaluationId: ev.id,
    evaluateeId: ev.evaluateeId,
    name: evaluatee?.name ?? '（已删除）',
    unitName: ctx.core.units.find((u) => u.id === evaluatee?.unitId)?.name ?? '',
    position: evaluatee?.position ?? '',
    category: evaluatee?.category ?? '其他',
    mode: ev.mode,
    stageLabel: ctx.stageLabel,
    meetingId: ctx.meeting?.meeting.id ?? null,
    meetingName: ctx.meeting?.meeting.name ?? null,
    meetingDate: ctx.meeting?.meeting.date ?? null,
    voteOutcome: ev.voteResult?.outcome ?? null,
    voteRateText: ev.voteResult?.rateText ?? null,
    memberOpinions: memberOpinionsFor(ctx.year, ev.evaluateeId).length,
    opinionId: record?.id ?? null,
    status,
    statusLabel: OPINION_STATUS_LABELS[status],
    versionNo: v?.no ?? null,
    councilDate: v?.council?.date ?? null,
    docNumber: v?.issue?.docNumber ?? null,
    issueDate: v?.issue?.issueDate ?? null,
    deliveryDate: v?.delivery?.date ?? null,
    receivedBy: v?.delivery?.receivedBy ?? null,
    placeholders: v && status === 'draft' ? remainingPlaceholders(v.content).length : 0,
  };
}

/** Every opinion of every year on record (document numbers are unique across them all). */
export async function allOpinionRecords(ctx: ServiceContext): Promise<Readonly<OpinionRecord>[]> {
  const years = await Promise.all(yearsOnRecord(ctx).map((y) => readYear(ctx, y)));
  return years.flatMap((y) => opinionsOf(y).records);
}
