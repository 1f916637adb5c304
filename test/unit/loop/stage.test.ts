import { describe, expect, it } from 'vitest';
import { deriveStage, escalationDecision, escalationStepSchema, LOOP_STAGES, stageLabel, type LoopFacts } from '../../../shared/loop';

const base: LoopFacts = {
  researchStarted: false,
  heardAtMeeting: false,
  votingStarted: false,
  meetingVote: null,
  opinion: null,
  reportReceivedOn: null,
  followUpResearchStarted: false,
  laterVotes: [],
  escalation: [],
  closure: null,
};
const at = (over: Partial<LoopFacts>) => deriveStage({ ...base, ...over });

const pass = (announcedOn: string) => ({ announcedOn, failing: false });
const fail = (announcedOn: string) => ({ announcedOn, failing: true });
const delivered = { opinion: { issued: true, deliveredOn: '2024-11-08' } };

const inquiry = escalationStepSchema.parse({
  kind: 'inquiry',
  id: 'es_abcd0002',
  evaluationId: 'ev_abcd1234',
  meetingId: 'mt_abcd0005',
  date: '2025-06-20',
  askedBy: [{ memberId: 'mb_abcd0001', name: '委员甲' }],
  question: '为何整改不到位？',
});
const decision = escalationStepSchema.parse({
  kind: 'decision',
  id: 'es_abcd0003',
  evaluationId: 'ev_abcd1234',
  date: '2025-08-28',
  meetingId: 'mt_abcd0006',
  text: '责成限期整改',
});
const investigation = (resolved: boolean) =>
  escalationStepSchema.parse({
    kind: 'investigation',
    id: 'es_abcd0004',
    evaluationId: 'ev_abcd1234',
    proposedBy: 'council',
    proposedOn: '2025-07-01',
    proposal: '组织调查',
    resolution: resolved ? { kind: 'resolution', date: '2025-09-30', meetingId: 'mt_abcd0007', text: '关于……的决议' } : null,
  });

describe('deriveStage: before the vote', () => {
  it('walks planned → research → meeting → vote', () => {
    expect(at({}).stage).toBe('planned');
    expect(at({ researchStarted: true }).stage).toBe('research');
    expect(at({ researchStarted: true, heardAtMeeting: true }).stage).toBe('meeting');
    expect(at({ heardAtMeeting: true }).stage).toBe('meeting');
    expect(at({ heardAtMeeting: true, votingStarted: true }).stage).toBe('vote');
    expect(at({ heardAtMeeting: true, votingStarted: true }).next).toBe('等待公布测评结果');
  });

  it('is at opinion once the vote is announced, until delivery', () => {
    expect(at({ meetingVote: pass('2024-10-28') })).toEqual({ stage: 'opinion', reReport: null, closedBy: null, next: '等待印发评议意见' });
    expect(at({ meetingVote: pass('2024-10-28'), opinion: { issued: true, deliveredOn: null } }).next).toBe('等待送达评议意见');
  });
});

describe('deriveStage: the passing path', () => {
  const voted = { meetingVote: pass('2024-10-28'), ...delivered };

  it('rectification → follow-up → closed needs the report and the follow-up vote', () => {
    expect(at(voted).stage).toBe('rectification');
    expect(at(voted).next).toBe('等待整改情况报告');
    expect(at({ ...voted, reportReceivedOn: '2025-05-06' })).toEqual({ stage: 'follow-up', reReport: null, closedBy: null, next: '等待回头看' });
    expect(at({ ...voted, reportReceivedOn: '2025-05-06', followUpResearchStarted: true }).next).toBe('等待满意度测评');
    expect(at({ ...voted, reportReceivedOn: '2025-05-06', laterVotes: [{ kind: 'followUp', ...pass('2025-08-28') }] })).toEqual({
      stage: 'closed',
      reReport: null,
      closedBy: 'followUpVote',
      next: '',
    });
  });

  it('does not close on a follow-up vote held before the report arrived', () => {
    const s = at({ ...voted, laterVotes: [{ kind: 'followUp', ...pass('2025-04-28') }] });
    expect(s.stage).toBe('follow-up');
    expect(s.next).toBe('整改情况报告尚未收到');
  });

  it('closes by the office with a reason at any stage', () => {
    const closure = { date: '2025-03-01', reason: '被评议对象已调离' };
    expect(at({ closure })).toEqual({ stage: 'closed', reReport: null, closedBy: 'office', next: '' });
    expect(at({ ...voted, closure }).closedBy).toBe('office');
  });
});

describe('deriveStage: a failing result at the meeting', () => {
  const failed = { meetingVote: fail('2024-10-28') };
  const reReport = { from: 'meeting', announcedOn: '2024-10-28' };

  it('still goes through the opinion, then waits for the re-report', () => {
    expect(at(failed)).toEqual({ stage: 'opinion', reReport, closedBy: null, next: '等待印发评议意见' });
    expect(at({ ...failed, ...delivered })).toEqual({ stage: 'rectification', reReport, closedBy: null, next: '等待再次向常委会会议报告并进行整改情况测评' });
  });

  it('the re-report replaces the written report and 回头看', () => {
    expect(at({ ...failed, ...delivered, reportReceivedOn: '2025-01-10', followUpResearchStarted: true }).stage).toBe('rectification');
    expect(at({ ...failed, ...delivered, laterVotes: [{ kind: 'followUp', ...pass('2025-02-26') }] }).stage).toBe('rectification');
  });

  it('closes when the re-report vote passes', () => {
    expect(at({ ...failed, ...delivered, laterVotes: [{ kind: 'reReport', ...pass('2025-02-26') }] })).toEqual({
      stage: 'closed',
      reReport,
      closedBy: 'reReportVote',
      next: '',
    });
  });

  it('is escalated while still failing, until a decision is recorded', () => {
    const still = { ...failed, ...delivered, laterVotes: [{ kind: 'reReport' as const, ...fail('2025-02-26') }] };
    expect(at(still)).toEqual({ stage: 'escalated', reReport, closedBy: null, next: '整改情况测评仍不合格，请确定进一步监督措施' });
    expect(at({ ...still, escalation: [inquiry] })).toEqual({ stage: 'escalated', reReport, closedBy: null, next: '等待常委会作出相应决定' });
    expect(at({ ...still, escalation: [inquiry, investigation(false)] }).stage).toBe('escalated');
    expect(at({ ...still, escalation: [inquiry, decision] })).toEqual({ stage: 'closed', reReport, closedBy: 'decision', next: '' });
    expect(at({ ...still, escalation: [investigation(true)] }).closedBy).toBe('decision');
    expect(at({ ...still, closure: { date: '2025-12-01', reason: '已换届，由新一届常委会跟踪' } }).closedBy).toBe('office');
  });

  it('judges by the last re-report vote', () => {
    const votes = [
      { kind: 'reReport' as const, ...pass('2025-06-26') },
      { kind: 'reReport' as const, ...fail('2025-02-26') },
    ];
    expect(at({ ...failed, ...delivered, laterVotes: votes }).stage).toBe('closed');
  });
});

describe('deriveStage: a failing 满意度测评 after 回头看', () => {
  const voted = { meetingVote: pass('2024-10-28'), ...delivered, reportReceivedOn: '2025-05-06', followUpResearchStarted: true };
  const failedFollowUp = { kind: 'followUp' as const, ...fail('2025-08-28') };
  const reReport = { from: 'followUp', announcedOn: '2025-08-28' };

  it('opens the re-report path from its announcement', () => {
    expect(at({ ...voted, laterVotes: [failedFollowUp] })).toEqual({
      stage: 'rectification',
      reReport,
      closedBy: null,
      next: '等待再次向常委会会议报告并进行整改情况测评',
    });
  });

  it('ignores a re-report vote older than the failing result', () => {
    expect(at({ ...voted, laterVotes: [failedFollowUp, { kind: 'reReport', ...pass('2025-01-01') }] }).stage).toBe('rectification');
  });

  it('closes on a passing re-report vote, escalates on a failing one', () => {
    expect(at({ ...voted, laterVotes: [failedFollowUp, { kind: 'reReport', ...pass('2025-12-20') }] }).closedBy).toBe('reReportVote');
    const still = at({ ...voted, laterVotes: [failedFollowUp, { kind: 'reReport', ...fail('2025-12-20') }] });
    expect(still.stage).toBe('escalated');
    expect(still.reReport).toEqual(reReport);
    expect(at({ ...voted, laterVotes: [failedFollowUp, { kind: 'reReport', ...fail('2025-12-20') }], escalation: [decision] }).stage).toBe('closed');
  });

  it('a later passing follow-up vote decides over an earlier failing one', () => {
    expect(at({ ...voted, laterVotes: [failedFollowUp, { kind: 'followUp', ...pass('2025-10-28') }] }).closedBy).toBe('followUpVote');
  });
});

describe('escalationDecision and labels', () => {
  it('takes the latest decision or resolution', () => {
    expect(escalationDecision([inquiry])).toBeNull();
    expect(escalationDecision([investigation(false)])).toBeNull();
    expect(escalationDecision([decision, investigation(true)])).toEqual({ date: '2025-09-30', text: '关于……的决议' });
  });

  it('labels every stage in Chinese', () => {
    for (const s of LOOP_STAGES) expect(stageLabel(s)).toMatch(/\p{Script=Han}/u);
    expect(stageLabel('escalated')).toBe('进一步监督');
  });
});
