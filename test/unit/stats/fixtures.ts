import { defaultSettings, type Settings } from '../../../shared/domain/settings';
import type { Evaluatee, EvaluateeCategory } from '../../../shared/domain/evaluatees';
import { meetingSchema, yearSchema, type MeetingData, type YearData } from '../../../shared/domain/partitions';
import type { ReportMode } from '../../../shared/domain/evaluations';
import type { VoteRound } from '../../../shared/domain/vote-round';
import { gradeResult } from '../../../shared/vote/grade';
import { gradingSettings, ruleSnapshot } from '../../../shared/vote/groups';
import type { Counts } from '../../../shared/vote/terms';
import type { StatsInput } from '../../../shared/stats';

/** Hand-made records for the statistics: a county with a term 2022–2026 and nothing else. */

export function settings2022(): Settings {
  const s = defaultSettings(2022);
  return { ...s, term: { session: 19, startYear: 2022, endYear: 2026 } };
}

let seq = 0;
const id = (kind: string) => `${kind}_${(++seq).toString(36).padStart(6, '0')}`;

export function person(category: EvaluateeCategory, name: string): Evaluatee {
  return {
    id: id('ee'),
    name,
    gender: '男',
    category,
    unitId: 'un_000001',
    position: category === '政府组成部门负责人' ? '局长' : '审判员',
    postKey: `un_000001/${name}`,
    appointmentDate: '2020-01-01',
    note: '',
  } as Evaluatee;
}

export function meeting(year: number, date: string, status: 'planned' | 'closed' = 'closed'): MeetingData {
  return meetingSchema.parse({
    meeting: {
      id: id('mt'),
      name: `第${year}次会议`,
      session: 19,
      sitting: 1,
      date,
      place: '会议室',
      presidingMemberId: null,
      recorder: '',
      year,
      agenda: [],
      status,
    },
  });
}

export function counts(satisfied: number, basic: number, unsatisfied: number, blank = 0): Counts {
  return { satisfied, basic, unsatisfied, blank, invalid: 0 };
}

/**
 * Puts a report item per person and one vote item (民主测评, or a later vote) on the meeting, and
 * returns the vote item's id. Rounds are added by `round`.
 */
export function agenda(m: MeetingData, people: { e: Evaluatee; mode: ReportMode }[], voteKind: 'meeting' | 'followUp' = 'meeting'): string {
  const vote = id('ag');
  if (voteKind === 'meeting') for (const p of people) m.meeting.agenda.push({ kind: 'report', id: id('ag'), evaluateeId: p.e.id, mode: p.mode });
  m.meeting.agenda.push({ kind: 'vote', id: vote, title: '民主测评', evaluateeIds: people.map((p) => p.e.id), voteKind, evaluationIds: [] } as never);
  return vote;
}

/** A round with a stored result graded under `s`; `apart` adds a deputies' group counted apart. */
export function round(
  m: MeetingData,
  agendaItemId: string,
  evaluateeIds: string[],
  members: Counts[],
  opts: { number: number; state: VoteRound['state']; apart?: Counts[]; s?: Settings },
): VoteRound {
  const s = opts.s ?? settings2022();
  const g = gradingSettings(s.votes);
  const context = { entitled: 30, present: 28, issued: 28, returned: 28 };
  const grade = (c: Counts[]) => c.map((x) => gradeResult(x, context, g.rule, g.blankPolicy, g.rateFormula, g.gradeLabels));
  const groups = [{ id: 'members' as const, group: { kind: 'members' as const }, label: '常委会组成人员', binding: true, context, results: grade(members), mode: 'totals' as const }];
  if (opts.apart) groups.push({ id: 'deputies' as never, group: { kind: 'deputies' as never }, label: '人大代表', binding: false, context, results: grade(opts.apart), mode: 'totals' as const });
  const r = {
    id: id('vr'),
    agendaItemId,
    number: opts.number,
    evaluateeIds,
    state: opts.state,
    groups: [{ id: 'members', group: { kind: 'members' } }],
    tellers: [],
    scrutineers: [],
    rule: ruleSnapshot(g),
    result: { rule: ruleSnapshot(g), groups, tellers: [], scrutineers: [], gradedAt: `${m.meeting.date}T10:00:00.000Z` },
    preparedAt: `${m.meeting.date}T09:00:00.000Z`,
    announcedAt: opts.state === 'void' ? null : `${m.meeting.date}T10:00:00.000Z`,
  };
  const parsed = meetingSchema.shape.votes.parse({ rounds: [r] }).rounds[0] as VoteRound;
  m.votes.rounds.push(parsed);
  return parsed;
}

export function year(y: number, evaluations: { e: Evaluatee; m: MeetingData; mode: ReportMode }[]): YearData {
  return yearSchema.parse({
    year: y,
    evaluations: evaluations.map((x) => ({ id: id('ev'), evaluateeId: x.e.id, year: y, meetingId: x.m.meeting.id, mode: x.mode, note: '' })),
  });
}

export function input(parts: { evaluatees: Evaluatee[]; years: YearData[]; meetings: MeetingData[]; rehearsals?: MeetingData[]; today?: string; s?: Settings }): StatsInput {
  return {
    settings: parts.s ?? settings2022(),
    evaluatees: parts.evaluatees,
    years: parts.years,
    meetings: [
      ...parts.meetings.map((data) => ({ key: `meeting/${data.meeting.id}`, data })),
      ...(parts.rehearsals ?? []).map((data) => ({ key: `rehearsal/${data.meeting.id}`, data })),
    ],
    today: parts.today ?? '2026-12-01',
  };
}

/**
 * An issued (and, with `delivered`, delivered) opinion with `items` numbered suggestions, and a
 * ledger entry per item with the given status and verdict.
 */
export function opinion(
  y: YearData,
  evaluationId: string,
  items: { text: string; status: 'done' | 'ongoing' | 'inProgress' | 'notStarted'; verdict?: 'fullyRectified' | 'mostlyRectified' | 'notRectified' }[],
  dates: { issued: string; delivered: string | null },
): void {
  const opId = id('op');
  const ee = y.evaluations.find((e) => e.id === evaluationId)?.evaluateeId ?? 'ee_000000';
  y.opinions ??= { records: [], memberOpinions: [] };
  y.opinions.records.push({
    id: opId,
    evaluationId,
    evaluateeId: ee,
    createdAt: `${dates.issued}T08:00:00.000Z`,
    versions: [
      {
        no: 1,
        createdAt: `${dates.issued}T08:00:00.000Z`,
        updatedAt: `${dates.issued}T08:00:00.000Z`,
        reason: '',
        content: {
          addressee: '某同志',
          lead: [],
          sections: { basicEvaluation: [], problems: [], suggestions: items.map((i) => ({ level: 2 as const, text: i.text })), rectification: [] },
        },
        council: { date: dates.issued, sitting: null },
        issue: { docNumber: `青人常〔${dates.issued.slice(0, 4)}〕${seq}号`, issueDate: dates.issued },
        delivery: dates.delivered ? { date: dates.delivered, receivedBy: '办公室' } : null,
      },
    ],
  });
  y.loop ??= { ledger: [], plans: [], reports: [], followUps: [], laterVotes: [], escalation: [], closures: [], resultUses: [] };
  items.forEach((item, i) =>
    y.loop?.ledger.push({
      evaluationId,
      opinionId: opId,
      itemNo: i + 1,
      itemText: item.text,
      measures: '',
      responsible: '',
      dueDate: null,
      progress: [],
      status: item.status,
      evidence: [],
      verdict: item.verdict ?? null,
    }),
  );
}
