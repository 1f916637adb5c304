import { describe, expect, it } from 'vitest';
import { shareEqual } from '../../../renderer/src/console/share-equal';

describe('shareEqual keeps what did not change', () => {
  it('reuses equal parts, replaces changed ones, returns prev when all is equal', () => {
    const prev = { rev: 1, roster: [{ id: 'a', status: 'present' }, { id: 'b', status: 'absent' }], live: { rev: 1, position: { itemIndex: 0 } } };
    const next = JSON.parse(JSON.stringify({ ...prev, rev: 2, roster: [prev.roster[0], { id: 'b', status: 'present' }], live: { ...prev.live, rev: 2 } })) as typeof prev;
    const shared = shareEqual(prev, next);
    expect(shared).toEqual(next);
    expect(shared.roster[0]).toBe(prev.roster[0]);
    expect(shared.roster[1]).not.toBe(prev.roster[1]);
    expect(shared.live.position).toBe(prev.live.position);
    expect(shareEqual(prev, JSON.parse(JSON.stringify(prev)))).toBe(prev);
  });

  it('a longer list keeps its old items and adds the new', () => {
    const prev = [{ id: 1 }, { id: 2 }];
    const next = [{ id: 1 }, { id: 2 }, { id: 3 }];
    const shared = shareEqual(prev, next);
    expect(shared).not.toBe(prev);
    expect(shared[0]).toBe(prev[0]);
    expect(shared[2]).toBe(next[2]);
  });
});
