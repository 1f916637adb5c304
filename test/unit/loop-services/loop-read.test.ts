import { afterEach, describe, expect, it } from 'vitest';
import { announceVote, issueOpinion, openHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('loop read calls', () => {
  it('derives the stage, the items and the report deadline from the records', async () => {
    h = await openHarness();
    // The demo's earlier years have cases of their own (one overdue): only this evaluation's are asserted.
    const row = (await h.call('opinions.list', { year: 2026 })).rows[0]!;
    const mine = <T extends { evaluationId: string }>(list: readonly T[]) => list.filter((x) => x.evaluationId === row.evaluationId);
    const first = await h.call('loop.overview', {});
    expect(first.stages.map((s) => s.stage)).toEqual(['planned', 'research', 'meeting', 'vote', 'opinion', 'rectification', 'follow-up', 'closed', 'escalated']);
    expect(mine(first.due)).toEqual([]);
    expect(await h.call('loop.cases', { year: 2026 })).toEqual([]);
    const earlier = (await h.call('loop.cases', {})).map((r) => r.evaluationId);

    const which = { year: 2026, evaluationId: row.evaluationId };
    await announceVote(h, 2026, row.evaluationId);
    expect((await h.call('loop.case', which)).state.stage).toBe('opinion');
    await issueOpinion(h, which, ['加强队伍建设', '完善制度', '提升服务']);
    const c = await h.call('loop.case', which);
    expect(c.state.stage).toBe('rectification');
    expect(c.items).toBe(3);
    // The desk's date defaults and day counts use the service's day, not the browser's clock.
    expect(c.today).toBe('2026-11-28');
    h.setToday('2026-12-03');
    expect((await h.call('loop.case', which)).today).toBe('2026-12-03');
    expect(c.ledger.map((e) => [e.itemNo, e.itemText.split('\n')[0], e.status])).toEqual([
      [1, '加强队伍建设', 'notStarted'],
      [2, '完善制度', 'notStarted'],
      [3, '提升服务', 'notStarted'],
    ]);
    expect(c.deadlines).toEqual([expect.objectContaining({ kind: 'report', due: '2027-05-08', state: 'later' })]);
    const ids = (await h.call('loop.cases', {})).map((r) => r.evaluationId);
    expect(ids.filter((id) => id === row.evaluationId)).toHaveLength(1);
    expect(ids.filter((id) => id !== row.evaluationId)).toEqual(earlier);
    const listed = (await h.call('loop.cases', { year: 2026 }))[0]!;
    expect(listed).toMatchObject({ name: row.name, outcome: '满意', deliveredOn: '2026-11-08', items: 3, itemsDone: 0, stageLabel: '跟踪整改', inPost: true });
    expect(listed.opinionNumber).toMatch(/〔2026〕\d+号$/);
    expect(mine(await h.call('loop.cases', { year: 2025 }))).toEqual([]);
    expect(await h.call('loop.cases', { year: 2031 })).toEqual([]);
    expect(c.thresholds.interpellationMin).toBe(3);
    expect(c.members.length).toBeGreaterThan(0);
    expect(c.meetings.map((m) => m.id)).toContain(c.evaluation.meetingId);

    // Nothing drops off by age: overdue a year later, still listed.
    h.setToday('2028-06-01');
    const late = await h.call('loop.overview', {});
    expect(mine(late.due)).toEqual([expect.objectContaining({ evaluationId: row.evaluationId, kind: 'report', state: 'overdue' })]);
  });

  it('refuses an unknown evaluation', async () => {
    h = await openHarness();
    expect(await h.refused('loop.case', { year: 2026, evaluationId: 'ev_zzzzzzzzzz' })).toMatchObject({ code: 'not_found' });
    expect(await h.refused('loop.case', { year: 2031, evaluationId: 'ev_zzzzzzzzzz' })).toMatchObject({ code: 'not_found' });
  });
});
