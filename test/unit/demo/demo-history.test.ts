import { describe, expect, it } from 'vitest';
import { buildDemoCounty, demoCountyPartitions, type DemoCounty } from '../../../electron/services/demo/demo-county';
import { statesOf } from '../../../electron/services/loop/loop-records';
import { compactResult, resultRound } from '../../../electron/services/vote/evaluation-sync';
import { gradeRound } from '../../../electron/services/vote/tally';
import { checkMeeting, checkYear } from '../../../shared/domain/integrity';
import { coreSchema, meetingSchema, parsePartitionKey, yearSchema, type MeetingData, type YearData } from '../../../shared/domain/partitions';
import type { Evaluation } from '../../../shared/domain/evaluations';
import {
  announcementDay,
  firstDelivery,
  issuedItems,
  loopDataSchema,
  openDeadlines,
  reconcileLedger,
  reportDue,
  suggestReReportMeeting,
  type LoopState,
} from '../../../shared/loop';

const YEAR = 2026;
/** Early in the year, the day the office in the middle of its year, and the last day. */
const DAYS = [`${YEAR}-01-02`, `${YEAR}-06-15`, `${YEAR}-12-31`];

interface Case {
  year: YearData;
  ev: Evaluation;
  state: LoopState;
}

/** Every evaluation with its stage as the loop services derive it from the records. */
function casesOf(demo: DemoCounty): Case[] {
  const states = statesOf(Object.values(demo.years), demo.meetings);
  return Object.values(demo.years).flatMap((year) => year.evaluations.map((ev) => ({ year, ev, state: states.get(ev.id)! })));
}

const meetingsOnCalendar = (demo: DemoCounty) => demo.meetings.map((m) => ({ id: m.meeting.id, name: m.meeting.name, date: m.meeting.date }));

function deliveredOf(c: Case): string {
  const day = firstDelivery(c.year.opinions?.records.find((r) => r.evaluationId === c.ev.id) ?? null);
  if (!day) throw new Error('not delivered');
  return day;
}

/** Every 'YYYY-MM-DD…' string in a record with the key it stands under. */
function datesIn(value: unknown, key = ''): { key: string; day: string }[] {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}/.test(value) ? [{ key, day: value.slice(0, 10) }] : [];
  if (Array.isArray(value)) return value.flatMap((v) => datesIn(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => datesIn(v, k));
  return [];
}

describe.each(DAYS)('demo history seeded on %s', (today) => {
  const demo = buildDemoCounty({ currentYear: YEAR, today });
  const cases = casesOf(demo);
  const earlier = cases.filter((c) => c.ev.year < YEAR);
  const current = demo.meetings.find((m) => m.meeting.year === YEAR)!;

  it('validates every partition through its schema, the loop records through theirs, and passes the integrity checks', () => {
    for (const { key, data } of demoCountyPartitions(demo)) {
      const kind = parsePartitionKey(key)?.kind;
      const schema = kind === 'core' ? coreSchema : kind === 'year' ? yearSchema : meetingSchema;
      expect(schema.safeParse(data).error?.issues ?? [], key).toEqual([]);
    }
    const meetingIds = new Set(demo.meetings.map((m) => m.meeting.id));
    for (const year of Object.values(demo.years)) {
      expect(checkYear(year, demo.core, meetingIds)).toEqual([]);
      if (year.year < YEAR) expect(loopDataSchema.safeParse(year.loop).error?.issues ?? []).toEqual([]);
    }
    for (const m of demo.meetings) expect(checkMeeting(m, demo.core, demo.years[m.meeting.year]), m.meeting.name).toEqual([]);
  });

  it('derives every stage the loop screens show: closed by a 满意度测评 and by a re-report vote, rectification with an overdue report, follow-up', () => {
    const closedBy = (by: string) => earlier.filter((c) => c.state.stage === 'closed' && c.state.closedBy === by);
    // The first three years close (the published figures), the year before the current one as `today` allows.
    expect(closedBy('followUpVote').length).toBeGreaterThanOrEqual(18);
    expect(closedBy('reReportVote')).toHaveLength(1);
    // The overdue and the late report are the year before the current one's: due in May, the late one's 回头看 by autumn.
    if (today >= `${YEAR}-10-01`) expect(earlier.filter((c) => c.state.stage === 'follow-up').length).toBeGreaterThanOrEqual(1);
    const rectifying = earlier.filter((c) => c.state.stage === 'rectification');
    const overdue = rectifying.filter((c) =>
      openDeadlines({ state: c.state, deliveredOn: deliveredOf(c), planReceivedOn: null, reportReceivedOn: null }, demo.core.settings.deadlines, meetingsOnCalendar(demo), today).some(
        (d) => d.kind === 'report' && d.state === 'overdue',
      ),
    );
    if (today >= `${YEAR}-06-01`) expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(earlier.filter((c) => c.state.stage === 'escalated')).toEqual([]);
    // The stage the plan shows is the derived one.
    expect(earlier.filter((c) => c.ev.stage !== c.state.stage)).toEqual([]);
    // This year's evaluations wait on their meeting, their research begun (the demo's groups and activities).
    expect(cases.filter((c) => c.ev.year === YEAR).every((c) => c.state.stage === 'research')).toBe(true);
  });

  it('keeps the 不满意 case on its one path: meeting vote failing, opinion delivered, re-reported at the suggested meeting, passed', () => {
    const failing = earlier.filter((c) => c.ev.voteResult?.failing);
    expect(failing).toHaveLength(1);
    const c = failing[0]!;
    expect(c.state).toMatchObject({ stage: 'closed', closedBy: 'reReportVote', reReport: { from: 'meeting' } });
    const loop = c.year.loop!;
    expect(loop.reports.filter((r) => r.evaluationId === c.ev.id)).toEqual([]);
    expect(loop.followUps.filter((r) => r.evaluationId === c.ev.id)).toEqual([]);
    const votes = loop.laterVotes.filter((v) => v.evaluationId === c.ev.id);
    expect(votes.map((v) => [v.kind, v.result?.failing, v.result?.outcome])).toEqual([['reReport', false, '满意']]);
    const announced = announcementDay(c.ev.voteResult!.announcedAt);
    const suggestion = suggestReReportMeeting(announced, demo.core.settings.deadlines, meetingsOnCalendar(demo));
    expect(suggestion.meeting?.id).toBe(votes[0]!.meetingId);
    const meeting = demo.meetings.find((m) => m.meeting.id === votes[0]!.meetingId)!;
    const item = meeting.meeting.agenda.find((a) => a.id === votes[0]!.agendaItemId);
    expect(item).toMatchObject({ kind: 'vote', voteKind: 'reReport', title: '整改情况测评', evaluationIds: [c.ev.id], evaluateeIds: [c.ev.evaluateeId] });
    // Heard first: the re-report in person, then its vote.
    expect(meeting.meeting.agenda.map((a) => a.kind)).toEqual(['hearing', 'vote']);
    expect(meeting.meeting.agenda[0]).toMatchObject({ kind: 'hearing', purpose: 'reReport', evaluationId: c.ev.id, evaluateeId: c.ev.evaluateeId, mode: 'report' });
    expect(deliveredOf(c) > c.ev.voteResult!.announcedAt.slice(0, 10)).toBe(true);
  });

  it('counts every result by the vote rules: the stored result is the sheets graded again, and each evaluation keeps the compact copy', () => {
    const results = new Map<string, ReturnType<typeof compactResult>>();
    for (const m of demo.meetings) {
      for (const round of m.votes.rounds) {
        const names = round.evaluateeIds.map((id) => demo.core.evaluatees.find((e) => e.id === id)!.name);
        const graded = gradeRound(round, names);
        expect(graded?.binding.results.map((r) => r.outcome)).toEqual(round.result?.groups[0]?.results.map((r) => r.outcome));
        expect(round.state).toBe('announced');
        expect(round.groups[0]?.sheets).toHaveLength(round.groups[0]?.returned ?? -1);
        const counted = resultRound(m, round.agendaItemId);
        round.evaluateeIds.forEach((id, i) => results.set(`${m.meeting.id}/${round.agendaItemId}/${id}`, compactResult(m, counted!, i)));
      }
    }
    for (const c of earlier) {
      const r = c.ev.voteResult!;
      expect(r, c.ev.id).toEqual(results.get(`${r.meetingId}/${r.agendaItemId}/${c.ev.evaluateeId}`));
      for (const v of c.year.loop!.laterVotes.filter((x) => x.evaluationId === c.ev.id)) {
        expect(v.result).toEqual(results.get(`${v.meetingId}/${v.agendaItemId}/${c.ev.evaluateeId}`));
      }
    }
    // Later votes sit on vote items of their own kind, each evaluatee with the evaluation it belongs to.
    const later = demo.meetings.flatMap((m) => m.meeting.agenda.filter((a) => a.kind === 'vote' && a.voteKind !== 'meeting'));
    expect(later.length).toBeGreaterThanOrEqual(4);
    for (const item of later) if (item.kind === 'vote') expect(item.evaluationIds).toHaveLength(item.evaluateeIds.length);
    // Each 满意度测评 follows the hearing of that case's report, and the report names the meeting that heard it.
    for (const c of earlier) {
      for (const v of c.year.loop!.laterVotes.filter((x) => x.evaluationId === c.ev.id && x.kind === 'followUp')) {
        const agenda = demo.meetings.find((m) => m.meeting.id === v.meetingId)!.meeting.agenda;
        expect(agenda.filter((a) => a.kind === 'hearing' && a.evaluationId === c.ev.id).map((a) => a.kind === 'hearing' && a.purpose)).toEqual(['report']);
        expect(c.year.loop!.reports.find((r) => r.evaluationId === c.ev.id)?.meetingId).toBe(v.meetingId);
      }
    }
  });

  it('gives every delivered opinion its items and a ledger entry per item; 回头看 verdicts are on the ledger', () => {
    for (const c of earlier) {
      const record = c.year.opinions!.records.find((r) => r.evaluationId === c.ev.id)!;
      const items = issuedItems(record).items;
      // 1 or 2 in the first three years (the published 32 items), 3 or 4 afterwards.
      expect(items.length).toBeGreaterThanOrEqual(c.ev.year <= YEAR - 2 ? 1 : 3);
      const loop = c.year.loop!;
      const entries = loop.ledger.filter((l) => l.evaluationId === c.ev.id);
      expect(reconcileLedger(entries, record.id, items)).toEqual({ create: [], retext: [], orphaned: [] });
      const followUp = loop.followUps.find((f) => f.evaluationId === c.ev.id);
      for (const check of followUp?.checks ?? []) expect(entries.find((e) => e.itemNo === check.itemNo)?.verdict).toBe(check.verdict);
      if (!followUp) expect(entries.every((e) => e.verdict === null)).toBe(true);
      expect(loop.resultUses.filter((u) => u.evaluationId === c.ev.id).map((u) => u.recipient)).toEqual(expect.arrayContaining(['县委', '县人民政府', '县委组织部']));
    }
  });

  it('dates the records in order, and nothing after today but deadlines and the meeting still to come', () => {
    for (const c of earlier) {
      const meeting = demo.meetings.find((m) => m.meeting.id === c.ev.meetingId)!.meeting;
      const delivered = deliveredOf(c);
      expect(delivered > meeting.date).toBe(true);
      const due = reportDue(delivered, demo.core.settings.deadlines);
      const loop = c.year.loop!;
      const report = loop.reports.find((r) => r.evaluationId === c.ev.id);
      if (report) expect(report.receivedOn > delivered && (report.reportDate ?? '') <= report.receivedOn).toBe(true);
      expect(loop.ledger.filter((l) => l.evaluationId === c.ev.id).every((l) => l.dueDate === due)).toBe(true);
      const followUp = loop.followUps.find((f) => f.evaluationId === c.ev.id);
      if (followUp) expect(report && followUp.startDate > report.receivedOn).toBe(true);
      for (const v of loop.laterVotes.filter((x) => x.evaluationId === c.ev.id && x.kind === 'followUp')) {
        expect(demo.meetings.find((m) => m.meeting.id === v.meetingId)!.meeting.date > (followUp?.endDate ?? '9999')).toBe(true);
      }
    }
    const deadlines = new Set(['dueDate']);
    const parts = demoCountyPartitions(demo).filter((p) => p.key !== 'core' && p.data !== current);
    const late = parts.flatMap((p) => datesIn(p.data).filter((d) => d.day > today && !deadlines.has(d.key)).map((d) => `${p.key} ${d.key} ${d.day}`));
    expect(late).toEqual([]);
  });
});

describe('demo history: determinism', () => {
  it('is the same for the same day, and the people and the plan do not depend on the day', () => {
    const a = buildDemoCounty({ currentYear: YEAR, today: `${YEAR}-03-01` });
    expect(JSON.stringify(buildDemoCounty({ currentYear: YEAR, today: `${YEAR}-03-01` }))).toBe(JSON.stringify(a));
    const b = buildDemoCounty({ currentYear: YEAR, today: `${YEAR}-11-30` });
    expect(b.core).toEqual(a.core);
    // The current year's August meeting is there once it has been held; every other meeting is the same.
    const augustNow = (d: DemoCounty) => d.meetings.filter((m) => m.meeting.year === YEAR && m.meeting.date.slice(5, 7) === '08');
    expect(augustNow(a)).toEqual([]);
    expect(augustNow(b).map((m) => [m.meeting.sitting, m.meeting.status, m.meeting.agenda.flatMap((i) => (i.kind === 'vote' ? [i.voteKind] : []))])).toEqual([[22, 'closed', ['followUp']]]);
    expect(b.meetings.filter((m) => !augustNow(b).includes(m)).map((m) => m.meeting.id)).toEqual(a.meetings.map((m) => m.meeting.id));
    const sortedStages = (d: DemoCounty) => Object.values(d.years).map((y) => y.evaluations.map((ev) => ev.id));
    expect(sortedStages(b)).toEqual(sortedStages(a));
  });

  it('holds the later votes at meetings of their own: 满意度测评 in August, the re-report in February, numbered in date order', () => {
    const demo = buildDemoCounty({ currentYear: YEAR, today: `${YEAR}-06-15` });
    const byDate = [...demo.meetings].sort((x, y) => x.meeting.date.localeCompare(y.meeting.date)).map((m: MeetingData) => m.meeting);
    expect(byDate.map((m) => m.sitting)).toEqual(byDate.map((m) => m.sitting).sort((x, y) => x - y));
    expect(byDate.map((m) => `${m.date.slice(5, 7)}:${m.status}`)).toEqual(['10:closed', '08:closed', '10:closed', '02:closed', '08:closed', '10:closed', '08:closed', '10:closed', '10:planned']);
  });
});
