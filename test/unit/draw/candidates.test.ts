import { describe, expect, it } from 'vitest';
import { drawCandidates, EMPTY_REASON_TEXT } from '../../../shared/draw/candidates';
import { memberId, roster } from './support';

const all = roster(10);
const ids = (...n: number[]) => n.map(memberId);

describe('drawCandidates', () => {
  it('members present, in roster order, whatever order the roster and the present list come in', () => {
    const c = drawCandidates({ roster: all, present: new Set(ids(7, 2, 9, 4)), asked: [], excluded: [] });
    expect(c.ids).toEqual(ids(2, 4, 7, 9));
    expect(c.present).toEqual(ids(2, 4, 7, 9));
    expect(c.members.map((m) => m.rosterOrder)).toEqual([2, 4, 7, 9]);
    expect(c.empty).toBeNull();
    expect(c.offerNewCycle).toBe(false);
  });

  it('absent members, excluded members (the chair) and those who already asked are left out', () => {
    const c = drawCandidates({ roster: all, present: ids(1, 2, 3, 4, 5, 6), asked: ids(3, 5), excluded: ids(1, 8) });
    expect(c.ids).toEqual(ids(2, 4, 6));
    // Only exclusions that matter (present) are recorded with the draw.
    expect(c.excluded).toEqual(ids(1));
    expect(c.present).toEqual(ids(1, 2, 3, 4, 5, 6));
  });

  it('ids that are not members (deputies, staff) and members who left are never candidates', () => {
    const withFormer = [...all, { id: 'mb_gone1', name: '钱老', role: '委员' as const, rosterOrder: 11, active: false }];
    const c = drawCandidates({ roster: withFormer, present: ['mb_gone1', 'mb_deputy', memberId(3)], asked: [], excluded: [] });
    expect(c.ids).toEqual(ids(3));
    expect(c.present).toEqual(ids(3));
  });

  it('says in Chinese why nobody can be drawn, and offers a new cycle only when everyone has asked', () => {
    const none = drawCandidates({ roster: [], present: [], asked: [], excluded: [] });
    expect(none.empty).toEqual({ reason: 'no-members', message: EMPTY_REASON_TEXT['no-members'] });
    expect(drawCandidates({ roster: all, present: [], asked: [], excluded: [] }).empty?.reason).toBe('none-present');
    const allExcluded = drawCandidates({ roster: all, present: ids(1), asked: [], excluded: ids(1) });
    expect(allExcluded.empty?.message).toBe('出席的组成人员均已排除在抽取之外，无法抽取');
    expect(allExcluded.offerNewCycle).toBe(false);
    const done = drawCandidates({ roster: all, present: ids(1, 2, 3), asked: ids(2, 3), excluded: ids(1) });
    expect(done.empty).toEqual({ reason: 'all-asked', message: '本轮所有出席的组成人员都已提问' });
    expect(done.offerNewCycle).toBe(true);
  });
});
