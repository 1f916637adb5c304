import { describe, expect, it } from 'vitest';
import { checkQuorum, quorumNeeded } from '../../../shared/live/quorum';

describe('quorum', () => {
  it('more than half of all members (过半数) is strictly more', () => {
    expect(quorumNeeded(30, 'more-than-half')).toBe(16);
    expect(checkQuorum(30, 15, 'more-than-half').met).toBe(false);
    expect(checkQuorum(30, 16, 'more-than-half').met).toBe(true);
    expect(quorumNeeded(29, 'more-than-half')).toBe(15);
    expect(checkQuorum(29, 14, 'more-than-half').met).toBe(false);
  });
  it('half or more (半数以上) includes exactly half', () => {
    expect(checkQuorum(30, 15, 'half-or-more').met).toBe(true);
    expect(checkQuorum(30, 14, 'half-or-more').met).toBe(false);
    expect(quorumNeeded(29, 'half-or-more')).toBe(15);
  });
  it('says it the way the hall shows it', () => {
    expect(checkQuorum(30, 18, 'more-than-half').text).toBe('应到30人，实到18人，符合法定人数');
    expect(checkQuorum(30, 10, 'more-than-half').text).toBe('应到30人，实到10人，不足法定人数（至少需16人）');
  });
  it('no members means no quorum', () => {
    expect(checkQuorum(0, 0, 'more-than-half').met).toBe(false);
  });
});
