import { describe, expect, it } from 'vitest';
import { deriveStage, firstDelivery, loopFacts, type LoopRecords } from '../../../shared/loop';
import { opinionVersion } from './fixtures';

const version = (no: number, delivered: string | null) => opinionVersion(no, [], delivered);

const none: LoopRecords = {
  researchStarted: true,
  heardAtMeeting: true,
  votingStarted: true,
  meetingVote: null,
  opinion: null,
  report: null,
  followUpResearchStarted: false,
  laterVotes: [],
  escalation: [],
  closure: null,
};

describe('loopFacts', () => {
  it('takes the day of each announcement and only announced later votes', () => {
    const announcedAt = new Date(2024, 9, 28, 16, 5).toISOString();
    const f = loopFacts({
      ...none,
      meetingVote: { announcedAt, failing: true },
      opinion: { versions: [version(1, '2024-11-08')] },
      laterVotes: [
        { kind: 'reReport', result: null },
        { kind: 'reReport', result: { announcedAt: new Date(2025, 1, 26, 10, 0).toISOString(), failing: false } },
      ],
    });
    expect(f.meetingVote).toEqual({ announcedOn: '2024-10-28', failing: true });
    expect(f.opinion).toEqual({ issued: true, deliveredOn: '2024-11-08' });
    expect(f.laterVotes).toEqual([{ kind: 'reReport', announcedOn: '2025-02-26', failing: false }]);
    expect(deriveStage(f)).toEqual({ stage: 'closed', reReport: { from: 'meeting', announcedOn: '2024-10-28' }, closedBy: 'reReportVote', next: '' });
  });

  it('an approved but unissued opinion is neither issued nor delivered', () => {
    const f = loopFacts({ ...none, meetingVote: { announcedAt: '2024-10-28', failing: false }, opinion: { versions: [version(1, null)] } });
    expect(f.opinion).toEqual({ issued: false, deliveredOn: null });
    expect(deriveStage(f).next).toBe('等待印发评议意见');
  });

  it('counts the deadlines from the first delivery, not a re-issue', () => {
    expect(firstDelivery({ versions: [version(1, '2024-11-08'), version(2, '2024-12-02')] })).toBe('2024-11-08');
    expect(firstDelivery({ versions: [version(1, null)] })).toBeNull();
    expect(firstDelivery(null)).toBeNull();
  });

  it('passes the report, the closure and the follow-up research through', () => {
    const f = loopFacts({
      ...none,
      meetingVote: { announcedAt: '2024-10-28', failing: false },
      opinion: { versions: [version(1, '2024-11-08')] },
      report: { receivedOn: '2025-05-06' },
      followUpResearchStarted: true,
    });
    expect(deriveStage(f)).toEqual({ stage: 'follow-up', reReport: null, closedBy: null, next: '等待满意度测评' });
    expect(deriveStage({ ...f, closure: { date: '2025-06-01', reason: '调离' } }).closedBy).toBe('office');
  });
});
