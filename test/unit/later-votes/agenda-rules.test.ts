import { describe, expect, it } from 'vitest';
import { checkMeeting } from '../../../shared/domain/integrity';
import { agendaItemSchema, firstEvaluationEvaluatees, type AgendaItem } from '../../../shared/domain/meetings';
import { emptyMeeting, emptyYear } from '../../../shared/domain/partitions';
import { DEFAULT_VOTE_TITLES } from '../../../shared/domain/settings';
import type { EvaluationVoteResult } from '../../../shared/domain/vote-round';
import { stageLabelOf, stagesOf, stepLabel } from '../../../shared/live/steps';
import { laterCandidates, laterProblem, lastResult, type EvaluationLoopFacts } from '../../../shared/loop/later';
import { coreWith, evaluatee, evaluation } from '../domain/fixtures';
import { addHearing, addLaterVote, removeItem, updateVote } from '../../../renderer/src/desk/meetings/agenda-ops';

/** The agenda's rules for hearings and later votes: they belong to earlier evaluations, not to this meeting's plan. */

function meeting(agenda: AgendaItem[], year = 2025) {
  return emptyMeeting({ id: 'mt_0002', name: '县第十九届人大常委会第二十五次会议', session: 19, sitting: 25, date: `${year}-12-20`, place: '', year, status: 'planned', agenda });
}

const later = (id: string, evaluateeIds: string[], evaluationIds: string[], voteKind: 'followUp' | 'reReport' = 'followUp'): AgendaItem =>
  agendaItemSchema.parse({ kind: 'vote', id, title: DEFAULT_VOTE_TITLES[voteKind], evaluateeIds, evaluationIds, voteKind });
const hearing = (id: string, evaluateeId: string, evaluationId: string, purpose: 'report' | 'reReport' = 'report'): AgendaItem =>
  agendaItemSchema.parse({ kind: 'hearing', id, evaluateeId, evaluationId, purpose });

function result(failing: boolean, announcedAt: string): EvaluationVoteResult {
  return {
    meetingId: 'mt_0001',
    agendaItemId: 'ag_0001',
    roundId: 'vr_0001',
    roundNo: 1,
    state: 'announced',
    announcedAt,
    amendedAt: null,
    amendments: 0,
    outcome: failing ? '不满意' : '满意',
    failing,
    rate: null,
    rateText: '',
    counts: { satisfied: 0, basic: 0, unsatisfied: 0, blank: 0, invalid: 0 },
    valid: 0,
    context: { entitled: 30, present: 30, issued: 30, returned: 30 } as EvaluationVoteResult['context'],
    arithmetic: [],
    ruleName: '',
    ruleText: '',
    ruleSummary: '',
    policyText: '',
    apart: [],
    tellers: [],
    scrutineers: [],
    reReport: failing,
  };
}

describe('the agenda of a later meeting', () => {
  const core = coreWith([evaluatee('a001'), evaluatee('a002')]);

  it('a later vote and a hearing need no report item and no plan entry of the meeting’s year', () => {
    // The plan of 2025 holds neither: a 2024 evaluation's 满意度测评 and a re-report are heard in 2025.
    const plan = emptyYear(2025);
    const data = meeting([hearing('ag_0001', 'ee_a002', 'ev_0002', 'reReport'), later('ag_0002', ['ee_a001'], ['ev_0001']), later('ag_0003', ['ee_a002'], ['ev_0002'], 'reReport')]);
    expect(checkMeeting(data, core, plan)).toEqual([]);
    // The meeting's own vote still needs the report.
    const own = meeting([agendaItemSchema.parse({ kind: 'vote', id: 'ag_0004', title: '民主测评', evaluateeIds: ['ee_a001'] })]);
    expect(checkMeeting(own, core, plan).map((i) => i.message)).toEqual(['人员a001列入了“民主测评”，但议程中没有其汇报']);
  });

  it('the same person in the meeting’s vote and a later vote is allowed; twice in one kind is not', () => {
    const plan = emptyYear(2025);
    plan.evaluations = [{ ...evaluation('ee_a001', 2025), id: 'ev_0009' }];
    const data = meeting([
      agendaItemSchema.parse({ kind: 'report', id: 'ag_0001', evaluateeId: 'ee_a001' }),
      agendaItemSchema.parse({ kind: 'vote', id: 'ag_0002', title: '民主测评', evaluateeIds: ['ee_a001'] }),
      later('ag_0003', ['ee_a001'], ['ev_0001']),
    ]);
    expect(checkMeeting(data, core, plan)).toEqual([]);
    const twice = meeting([later('ag_0003', ['ee_a001'], ['ev_0001']), later('ag_0004', ['ee_a001'], ['ev_0001']), hearing('ag_0005', 'ee_a001', 'ev_0001'), hearing('ag_0006', 'ee_a001', 'ev_0001')]);
    expect(checkMeeting(twice, core).map((i) => i.message)).toEqual(['人员a001在本次会议中重复列入测评', '人员a001的听取整改情况报告在议程中重复出现']);
    const unpaired = meeting([later('ag_0003', ['ee_a001', 'ee_a002'], ['ev_0001'])]);
    expect(checkMeeting(unpaired, core).map((i) => i.message)).toEqual(['“满意度测评”应为每名被测评对象注明所属评议']);
  });

  it('only the first evaluation links the plan to the meeting', () => {
    const agenda = [agendaItemSchema.parse({ kind: 'report', id: 'ag_0001', evaluateeId: 'ee_a001' }), hearing('ag_0002', 'ee_a002', 'ev_0002'), later('ag_0003', ['ee_a002'], ['ev_0002'])];
    expect([...firstEvaluationEvaluatees(agenda)]).toEqual(['ee_a001']);
  });

  it('a hearing is held like a report; stages named by what they are, no word twice', () => {
    const h = hearing('ag_0002', 'ee_a002', 'ev_0002', 'reReport');
    expect(stagesOf(h)).toEqual(['report', 'questioning']);
    expect(stageLabelOf(h, 'report', DEFAULT_VOTE_TITLES)).toBe('听取整改情况再次报告');
    const v = later('ag_0003', ['ee_a002'], ['ev_0002']);
    expect(stageLabelOf(v, 'vote', { ...DEFAULT_VOTE_TITLES, followUp: '整改满意度测评' })).toBe('整改满意度测评');
    expect(stepLabel('满意度测评', '满意度测评')).toBe('满意度测评');
    expect(stepLabel('政府组成部门负责人民主测评', '民主测评')).toBe('政府组成部门负责人民主测评');
    expect(stepLabel('张三', '听取报告')).toBe('张三 · 听取报告');
  });
});

const M1 = { id: 'mt_0001', date: '2025-10-28' };
const M2 = { id: 'mt_0002', date: '2026-12-20' };

describe('what an earlier evaluation waits for', () => {
  const ev = (over: Partial<EvaluationLoopFacts['evaluation']> = {}): EvaluationLoopFacts['evaluation'] => ({ id: 'ev_0001', evaluateeId: 'ee_a001', year: 2025, meetingId: 'mt_0001', ...over });
  const calendar = [
    { id: 'mt_0003', name: '第二十七次会议', date: '2026-02-10' },
    { id: 'mt_0004', name: '第二十八次会议', date: '2026-01-28' },
  ];

  it('a passing result waits for its 满意度测评; a failing one for the re-report, with the meeting the rule points to', () => {
    const passing: EvaluationLoopFacts = { evaluation: ev({ voteResult: result(false, '2025-10-28T03:00:00.000Z') }), report: null, laterVotes: [] };
    const failing: EvaluationLoopFacts = { evaluation: ev({ id: 'ev_0002', evaluateeId: 'ee_a002', voteResult: result(true, '2025-10-28T03:00:00.000Z') }), report: null, laterVotes: [] };
    const [a, b] = laterCandidates([passing, failing], M2, { reReportMonths: 3 }, calendar);
    expect(a).toMatchObject({ evaluationId: 'ev_0001', path: 'followUp', reportReceivedOn: null, suggestion: null });
    // 28 Oct + 3 months = 28 Jan: that day's meeting is the first on or after it.
    expect(b).toMatchObject({ evaluationId: 'ev_0002', path: 'reReport', failingSince: '2025-10-28', suggestedMeetingId: 'mt_0004', reReportEarliest: '2026-01-28', failingVote: { kind: 'meeting', outcome: '不满意' } });
    expect(b!.suggestion).toContain('建议安排在第二十八次会议（2026年1月28日）');
    const none = laterCandidates([failing], M2, { reReportMonths: 3 }, [])[0]!;
    expect(none.suggestion).toContain('尚未安排常委会会议');
  });

  it('a passing later vote closes the chain; a failing one opens the re-report; nothing before the first vote', () => {
    const closed: EvaluationLoopFacts = {
      evaluation: ev({ voteResult: result(false, '2025-10-28T03:00:00.000Z') }),
      report: { receivedOn: '2026-04-01', meetingId: null },
      laterVotes: [{ kind: 'followUp', meetingId: 'mt_0003', agendaItemId: 'ag_0009', result: result(false, '2026-06-01T03:00:00.000Z') }],
    };
    expect(laterCandidates([closed], M2, { reReportMonths: 3 }, [])).toEqual([]);
    const failedAgain: EvaluationLoopFacts = { ...closed, laterVotes: [{ ...closed.laterVotes[0]!, result: result(true, '2026-06-01T03:00:00.000Z') }] };
    expect(lastResult(failedAgain)?.failing).toBe(true);
    expect(laterCandidates([failedAgain], M2, { reReportMonths: 3 }, [])[0]).toMatchObject({ path: 'reReport', failingSince: '2026-06-01', failingVote: { kind: 'followUp', outcome: '不满意' } });
    expect(laterProblem(failedAgain, { kind: 'vote', voteKind: 'followUp' }, M2, '张三')).toContain('应安排再次报告');
    expect(laterProblem(failedAgain, { kind: 'vote', voteKind: 'reReport' }, M2, '张三')).toBeNull();
    const before: EvaluationLoopFacts = { evaluation: ev(), report: null, laterVotes: [] };
    expect(laterCandidates([before], M2, { reReportMonths: 3 }, [])).toEqual([]);
    expect(laterProblem(before, { kind: 'hearing', purpose: 'report' }, M2, '张三')).toContain('尚未公布民主测评结果');
    expect(laterProblem(closed, { kind: 'hearing', purpose: 'report' }, M2, '张三')).toBeNull();
    expect(laterProblem(closed, { kind: 'hearing', purpose: 'report' }, M1, '张三')).toContain('在本次会议进行');
    // A meeting dated before the last result was announced cannot continue it.
    const march = { id: 'mt_0005', date: '2026-03-10' };
    expect(laterProblem(closed, { kind: 'hearing', purpose: 'report' }, march, '张三')).toContain('早于张三的测评结果公布之日（2026年6月1日）');
    expect(laterCandidates([failedAgain], march, { reReportMonths: 3 }, [])).toEqual([]);
    // A failing re-report vote escalates: no further re-report. A case the office closed is done.
    const escalatedCase: EvaluationLoopFacts = {
      ...closed,
      laterVotes: [{ kind: 'reReport', meetingId: 'mt_0003', agendaItemId: 'ag_0009', result: result(true, '2026-03-01T03:00:00.000Z') }],
    };
    expect(laterCandidates([escalatedCase], M2, { reReportMonths: 3 }, [])).toEqual([]);
    expect(laterProblem(escalatedCase, { kind: 'hearing', purpose: 'reReport' }, M2, '张三')).toContain('应按规定采取询问、质询等措施');
    const officeClosed: EvaluationLoopFacts = { evaluation: ev({ voteResult: result(true, '2025-10-28T03:00:00.000Z') }), report: null, laterVotes: [], closed: true };
    expect(laterCandidates([officeClosed], M2, { reReportMonths: 3 }, [])).toEqual([]);
    expect(laterProblem(officeClosed, { kind: 'vote', voteKind: 'reReport' }, M2, '张三')).toContain('已办结');
  });
});

describe('the desk’s agenda edits', () => {
  const report = agendaItemSchema.parse({ kind: 'report', id: 'ag_0001', evaluateeId: 'ee_a001' });
  const own = agendaItemSchema.parse({ kind: 'vote', id: 'ag_0002', title: '民主测评', evaluateeIds: ['ee_a001'] });

  it('a hearing goes after the reports, before the votes; a later vote joins an unstarted one of its kind', () => {
    const withHearing = addHearing([report, own], { evaluateeId: 'ee_a002', evaluationId: 'ev_0002', purpose: 'report', mode: 'report' }) as AgendaItem[];
    expect(withHearing.map((a) => a.kind)).toEqual(['report', 'hearing', 'vote']);
    const one = addLaterVote(withHearing, { voteKind: 'followUp', title: '满意度测评', evaluateeId: 'ee_a002', evaluationId: 'ev_0002' }, {}) as AgendaItem[];
    expect(one.at(-1)).toEqual({ kind: 'vote', voteKind: 'followUp', title: '满意度测评', evaluateeIds: ['ee_a002'], evaluationIds: ['ev_0002'] });
    const stored = one.map((a, i) => ({ ...a, id: a.id ?? `ag_000${i + 5}` })) as AgendaItem[];
    const two = addLaterVote(stored, { voteKind: 'followUp', title: '满意度测评', evaluateeId: 'ee_a003', evaluationId: 'ev_0003' }, {});
    expect(two.at(-1)).toMatchObject({ evaluateeIds: ['ee_a002', 'ee_a003'], evaluationIds: ['ev_0002', 'ev_0003'] });
    // Its ballots out: a new ballot instead.
    const started = addLaterVote(stored, { voteKind: 'followUp', title: '满意度测评', evaluateeId: 'ee_a003', evaluationId: 'ev_0003' }, { [stored.at(-1)!.id]: '已准备第1轮测评' });
    expect(started).toHaveLength(5);
    // Dropping a person from a later vote keeps each evaluation beside its evaluatee.
    const joined = two.map((a, i) => ({ ...a, id: a.id ?? `ag_001${i}` })) as AgendaItem[];
    expect(updateVote(joined, 3, '满意度测评', ['ee_a003'])[3]).toMatchObject({ evaluateeIds: ['ee_a003'], evaluationIds: ['ev_0003'] });
    // Removing the report leaves the later vote of the same person alone.
    const mixed = [report, own, later('ag_0009', ['ee_a001'], ['ev_0001'])];
    expect(removeItem(mixed, 0).map((a) => a.id)).toEqual(['ag_0009']);
  });
});

