import { afterEach, describe, expect, it } from 'vitest';
import { announceVote, issueOpinion, laterVote, openHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const count = (stages: { stage: string; count: number }[], stage: string) => stages.find((s) => s.stage === stage)?.count;

/** The deadlines of the current year's evaluations, which the tests make: the demo's earlier years have their own. */
let thisYear: readonly { evaluationId: string }[] = [];
const ours = <T extends { evaluationId: string }>(due: readonly T[]) => due.filter((d) => thisYear.some((r) => r.evaluationId === d.evaluationId));

describe('stages derived from the records on the workbench, the plan and the lists', () => {
  it('counts opinion, rectification, follow-up, closed and escalated from the records', async () => {
    h = await openHarness();
    const rows = (await h.call('opinions.list', { year: 2026 })).rows;
    const meetingId = (await h.call('meetings.list', {}))[0]!.id;
    const at = (i: number) => ({ year: 2026, evaluationId: rows[i]!.evaluationId });
    // The demo's earlier years have loops of their own: loop.overview (every year) is compared with its figures before.
    const before = await h.call('loop.overview', {});

    // 0: vote announced only → opinion. 1: delivered → rectification. 2: report received → follow-up.
    // 3: report + passing 满意度测评 → closed. 4: failing vote, failing re-report vote → escalated.
    for (const i of [0, 1, 2, 3]) await announceVote(h, 2026, at(i).evaluationId);
    await announceVote(h, 2026, at(4).evaluationId, { failing: true });
    for (const i of [1, 2, 3, 4]) await issueOpinion(h, at(i), ['加强队伍建设']);
    for (const i of [2, 3]) await h.call('loop.report.save', { ...at(i), report: { receivedOn: '2026-11-20', reportDate: null, docNumber: '', meetingId: null } });
    await laterVote(h, 2026, at(3).evaluationId, 'followUp', { failing: false, announcedAt: '2026-11-25T08:00:00.000Z', meetingId });
    await laterVote(h, 2026, at(4).evaluationId, 'reReport', { failing: true, announcedAt: '2026-11-26T08:00:00.000Z', meetingId });

    const overview = await h.call('desk.overview', {});
    expect(overview.stages.map((s) => s.stage)).toEqual(['planned', 'research', 'meeting', 'vote', 'opinion', 'rectification', 'follow-up', 'closed', 'escalated']);
    expect([count(overview.stages, 'opinion'), count(overview.stages, 'rectification'), count(overview.stages, 'follow-up'), count(overview.stages, 'closed'), count(overview.stages, 'escalated')]).toEqual([1, 1, 1, 1, 1]);
    // The others wait on their meeting: the demo's research of this year has begun for each of them.
    expect(count(overview.stages, 'planned')).toBe(0);
    expect(count(overview.stages, 'research')).toBe(rows.length - 5);
    expect(overview.stages.find((s) => s.stage === 'escalated')!.label).toBe('进一步监督');

    const loop = await h.call('loop.overview', {});
    expect(loop.escalated).toBe(before.escalated + 1);
    expect(count(loop.stages, 'closed')).toBe(count(before.stages, 'closed')! + 1);
    expect(count(loop.stages, 'escalated')).toBe(count(before.stages, 'escalated')! + 1);

    const plan = await h.call('plan.get', {});
    const cell = (evaluationId: string) => plan.rows.flatMap((r) => r.cells).find((c) => c?.evaluationId === evaluationId)!;
    expect([0, 1, 2, 3, 4].map((i) => [cell(at(i).evaluationId).stage, cell(at(i).evaluationId).stageLabel, cell(at(i).evaluationId).held])).toEqual([
      ['opinion', '评议意见', true],
      ['rectification', '跟踪整改', true],
      ['follow-up', '回头看', true],
      ['closed', '已办结', true],
      ['escalated', '进一步监督', true],
    ]);
    const listed = (await h.call('opinions.list', { year: 2026 })).rows;
    expect(listed.find((r) => r.evaluationId === at(4).evaluationId)!.stageLabel).toBe('进一步监督');
  });

  it('lists what is due within 30 days and everything overdue on the workbench, never dropped by age', async () => {
    h = await openHarness();
    const rows = (await h.call('opinions.list', { year: 2026 })).rows;
    thisYear = rows;
    const at = (i: number) => ({ year: 2026, evaluationId: rows[i]!.evaluationId });
    await announceVote(h, 2026, at(0).evaluationId);
    await issueOpinion(h, at(0), ['一'], { deliveredOn: '2026-11-08' });
    await announceVote(h, 2026, at(1).evaluationId);
    await issueOpinion(h, at(1), ['一'], { deliveredOn: '2026-11-20' });
    expect(ours((await h.call('desk.overview', {})).due)).toEqual([]);
    expect(ours((await h.call('opinions.pending', {})).deadlines).map((d) => d.reportDue)).toEqual(['2027-05-08', '2027-05-20']);

    h.setToday('2027-04-15');
    expect(ours((await h.call('desk.overview', {})).due).map((d) => [d.evaluationId, d.state])).toEqual([[at(0).evaluationId, 'soon']]);

    h.setToday('2029-01-01');
    const late = await h.call('desk.overview', {});
    expect(ours(late.due).map((d) => [d.evaluationId, d.kind, d.state, d.due])).toEqual([
      [at(0).evaluationId, 'report', 'overdue', '2027-05-08'],
      [at(1).evaluationId, 'report', 'overdue', '2027-05-20'],
    ]);
    expect(ours((await h.call('opinions.pending', {})).deadlines)).toHaveLength(2);

    // The report arrived: that deadline leaves the lists.
    await h.call('loop.report.save', { ...at(0), report: { receivedOn: '2027-05-01', reportDate: null, docNumber: '', meetingId: null } });
    expect(ours((await h.call('desk.overview', {})).due).map((d) => d.evaluationId)).toEqual([at(1).evaluationId]);
    expect(ours((await h.call('opinions.pending', {})).deadlines).map((d) => d.evaluationId)).toEqual([at(1).evaluationId]);
  });

  it('on the failing path lists the re-report, with no meeting scheduled yet', async () => {
    h = await openHarness();
    const rows = (await h.call('opinions.list', { year: 2026 })).rows;
    thisYear = rows;
    const which = { year: 2026, evaluationId: rows[0]!.evaluationId };
    await announceVote(h, 2026, which.evaluationId, { failing: true, announcedAt: '2026-10-28T08:00:00.000Z' });
    await issueOpinion(h, which, ['一']);
    const due = ours((await h.call('desk.overview', {})).due);
    expect(due).toEqual([expect.objectContaining({ kind: 'reReport', state: 'unscheduled', due: '2027-01-28', meeting: null })]);
    expect(due[0]!.message).toContain('尚未安排常委会会议');
    const pending = ours((await h.call('opinions.pending', {})).deadlines);
    expect(pending).toEqual([expect.objectContaining({ reportDue: null, reReportDue: '2027-01-28' })]);
  });
});
