import { ApiError } from '../../../shared/api/errors';
import { computeCoverage } from '../../../shared/domain/coverage';
import type { Evaluation } from '../../../shared/domain/evaluations';
import { REPORT_MODE_LABELS } from '../../../shared/domain/evaluations';
import type { Meeting } from '../../../shared/domain/meetings';
import type { CoreData, YearData } from '../../../shared/domain/partitions';
import type { PublicNotice } from '../../../shared/domain/plan-papers';
import { upwardOrgan } from '../../../shared/domain/plan-papers';
import { citedTitle, planName, termYears } from '../../../shared/domain/settings';
import { formatSession } from '../../../shared/format';
import type { AnnualPlanInput, PlanPersonInput, PlanRequestInput, PublicNoticeInput } from '../documents';

/**
 * Store records → the plan papers' inputs, in the county's own words: organ names, 机关代字, the law and measure,
 * vote titles and periods from the settings; who is evaluated from the year partitions; when from the meetings.
 * Refusals are ApiErrors that say what is missing.
 */

export interface PlanFacts {
  core: Readonly<CoreData>;
  /** The year partitions of the term (missing years read as empty). */
  years: readonly Readonly<YearData>[];
  meetings: readonly Readonly<Meeting>[];
}

function person(core: Readonly<CoreData>, ev: Evaluation): PlanPersonInput & { mode: string } {
  const e = core.evaluatees.find((p) => p.id === ev.evaluateeId);
  const unit = e ? (core.units.find((u) => u.id === e.unitId)?.name ?? '') : '';
  return { name: e?.name ?? '（已删除）', category: e?.category ?? '其他', unitAndPost: `${unit}${e?.position ?? ''}`, mode: REPORT_MODE_LABELS[ev.mode] };
}

const basis = (core: Readonly<CoreData>) => ({ law: citedTitle(core.settings.legalBasis.law), measure: citedTitle(core.settings.legalBasis.measure) });

export function requestInput(f: PlanFacts, args: { docNumber: string; date: string; signer: string; contactName: string; contactPhone: string }): PlanRequestInput {
  const s = f.core.settings;
  const up = upwardOrgan(s);
  const termYearList = termYears(s.term);
  const byYear = new Map(f.years.map((y) => [y.year, y]));
  const evaluations = f.years.flatMap((y) => y.evaluations);
  const coverage = computeCoverage({ evaluatees: f.core.evaluatees, evaluations, term: s.term, stageOf: () => 'planned' });
  return {
    organ: up.organ,
    shortName: s.organisation.shortName,
    addressee: up.addressee,
    docNumber: args.docNumber,
    signer: args.signer,
    contactName: args.contactName,
    contactPhone: args.contactPhone,
    date: args.date,
    planName: planName(s.term),
    session: formatSession(s.term.session),
    startYear: s.term.startYear,
    endYear: s.term.endYear,
    ...basis(f.core),
    years: termYearList.map((year) => ({ year, persons: (byYear.get(year)?.evaluations ?? []).map((ev) => person(f.core, ev)) })),
    unplanned: coverage.counts.uncovered,
    voteTitle: s.voteTitles.meeting,
    followUpVoteTitle: s.voteTitles.followUp,
    reportMonths: s.deadlines.rectificationReportMonths,
    issuingOffice: s.organisation.issuingOffice,
  };
}

/** The meetings of a year that hear its evaluations, in date order, with who each hears. */
function yearMeetings(f: PlanFacts, data: Readonly<YearData>) {
  const used = new Set(data.evaluations.flatMap((ev) => (ev.meetingId ? [ev.meetingId] : [])));
  const meetings = f.meetings.filter((m) => used.has(m.id)).sort((a, b) => a.date.localeCompare(b.date));
  const on = (m: Readonly<Meeting>) => data.evaluations.filter((ev) => ev.meetingId === m.id);
  return {
    meetings: meetings.map((m) => ({
      name: m.name,
      date: m.date,
      reports: on(m).filter((ev) => ev.mode === 'report').length,
      written: on(m).filter((ev) => ev.mode === 'written').length,
    })),
    unscheduled: data.evaluations.filter((ev) => !ev.meetingId || !meetings.some((m) => m.id === ev.meetingId)).length,
    dateOf: (ev: Evaluation) => meetings.find((m) => m.id === ev.meetingId)?.date ?? '',
  };
}

export function annualPlanInput(f: PlanFacts, data: Readonly<YearData>, date: string): AnnualPlanInput {
  const s = f.core.settings;
  if (data.evaluations.length === 0) throw new ApiError('invalid_args', `${data.year}年度还没有列入计划的评议对象，请先在五年计划中列入。`);
  const m = yearMeetings(f, data);
  return {
    organ: s.organisation.fullName,
    shortName: s.organisation.shortName,
    year: data.year,
    planName: planName(s.term),
    startYear: s.term.startYear,
    endYear: s.term.endYear,
    ...basis(f.core),
    evaluations: data.evaluations.map((ev) => ({ ...person(f.core, ev), meetingDate: m.dateOf(ev) })),
    meetings: m.meetings,
    unscheduled: m.unscheduled,
    voteTitle: s.voteTitles.meeting,
    followUpVoteTitle: s.voteTitles.followUp,
    reportMonths: s.deadlines.rectificationReportMonths,
    planDays: s.deadlines.rectificationPlanDays,
    date,
  };
}

export function noticeInput(f: PlanFacts, data: Readonly<YearData>, notice: PublicNotice | undefined, date: string): PublicNoticeInput {
  const s = f.core.settings;
  if (data.evaluations.length === 0) throw new ApiError('invalid_args', `${data.year}年度还没有列入计划的评议对象，不能发布公告。`);
  if (!notice) throw new ApiError('invalid_args', '请先填写并保存意见反映渠道和征求意见时间。');
  const m = yearMeetings(f, data);
  return {
    organ: s.organisation.fullName,
    shortName: s.organisation.shortName,
    year: data.year,
    ...basis(f.core),
    evaluatees: data.evaluations.map((ev) => person(f.core, ev)),
    meetings: m.meetings.map(({ name, date: d }) => ({ name, date: d })),
    unscheduled: m.unscheduled,
    channels: notice.channels,
    from: notice.from,
    to: notice.to,
    date,
  };
}
