import { describe, expect, it } from 'vitest';
import type { HallView } from '../../../shared/api/live-types';
import type { HallVoteResult } from '../../../shared/api/vote-types';
import type { Evaluation } from '../../../shared/domain/evaluations';
import { atVote, counts, latestRound, marks, readyToCount, roundOf, start } from './support';

/** The evaluations of the meeting's year, read straight from the store. */
async function yearEvaluations(s: Awaited<ReturnType<typeof start>>['s'], year: number): Promise<Evaluation[]> {
  return (await s.store.read<{ evaluations: Evaluation[] }>(`year/${year}`)).evaluations;
}

describe('reveal and results', () => {
  it('before announcement the hall view carries progress only: no counts, grades or rates', async () => {
    const { call, s } = await start();
    const { item } = await atVote(call);
    const r = await readyToCount(call, item, 30, 3);
    const seen: string[] = [];
    s.hub.subscribe('hall', (name, payload) => seen.push(`${name}:${JSON.stringify(payload)}`));
    await call('vote.sheet', { roundId: r.id, groupId: 'members', marks: marks('12312') });
    await call('vote.sheet', { roundId: r.id, groupId: 'members', marks: marks('11113') });
    await call('vote.sheet', { roundId: r.id, groupId: 'members', marks: marks('21190') });
    await call('vote.check', { roundId: r.id });
    const hall = await call<HallView>('hall.view', {}, 'hall');
    expect(hall.content).toEqual({
      kind: 'vote',
      meetingName: expect.any(String),
      title: item.title,
      roundNo: 1,
      phase: 'progress',
      status: '计票完毕，等待公布',
      names: item.evaluatees.map((e) => e.name),
      groups: [{ label: '常委会组成人员', issued: 30, returned: 3, counted: 3 }],
    });
    expect(seen.length).toBeGreaterThanOrEqual(4);
    // The item's own title (…满意度测评) is the one place the word may appear.
    for (const text of [JSON.stringify(hall), ...seen].map((x) => x.replaceAll(item.title, ''))) {
      for (const word of ['satisfied', 'basic', 'unsatisfied', 'outcome', 'rate', '满意', '等次', 'arithmetic', 'tally', 'counts', 'sheets', 'marks']) {
        expect(text, `hall stream carries “${word}”`).not.toContain(word);
      }
    }
    const st = await call('vote.announce', { roundId: r.id });
    const after = await call<HallView>('hall.view', {}, 'hall');
    const content = after.content as HallVoteResult;
    // Five evaluatees fit one page.
    expect(content).toMatchObject({ phase: 'result', page: 0, pageCount: 1, groupLabel: '常委会组成人员', binding: true, amended: false });
    expect(content.rows).toHaveLength(5);
    expect(content.rows[0]).toMatchObject({ name: item.evaluatees[0]!.name, satisfied: 2, basic: 1, unsatisfied: 0, other: 0, rateText: '100.0%', outcome: '不满意', failing: true });
    expect(content.contextText).toBe('应到30人　实到30人　发出30张　收回3张');
    expect(content.ruleSummary).toBe('满意≥应到×1/2为满意；满意+基本满意>应到×1/2为基本满意；否则不满意');
    expect(roundOf(st, r.id).hallPageCount).toBe(1);
    expect(content.rows.map((x) => x.name)).toEqual(item.evaluatees.map((e) => e.name));
    await expect(call('vote.hallPage', { roundId: r.id, page: 1 })).rejects.toThrow(/共 1 页/);
  });

  it('stores the result on each evaluation; a failing grade marks it for re-report; amendments and voiding follow', async () => {
    const { call, s } = await start();
    const { item } = await atVote(call);
    const year = (await call<{ meeting: { year: number } }>('live.state')).meeting.year;
    const r = await readyToCount(call, item, 30, 30);
    expect((await yearEvaluations(s, year)).filter((e) => item.evaluatees.some((p) => p.id === e.evaluateeId)).map((e) => e.stage)).toEqual(Array(5).fill('vote'));
    await call('vote.mode', { roundId: r.id, groupId: 'members', mode: 'totals' });
    // 应到 30 (半数三级): 15 满意 → 满意; 9 + 7 = 16 → 基本满意; 9 + 6 = 15 → 不满意 (exactly half).
    const rows = [
      counts({ satisfied: 15, basic: 10, unsatisfied: 5 }),
      counts({ satisfied: 9, basic: 7, unsatisfied: 14 }),
      counts({ satisfied: 9, basic: 6, unsatisfied: 15 }),
      counts({ satisfied: 28, basic: 1, unsatisfied: 0, blank: 1 }),
      counts({ satisfied: 14, basic: 16 }),
    ];
    await call('vote.totals', { roundId: r.id, groupId: 'members', counts: rows });
    await call('vote.check', { roundId: r.id });
    // Nothing reaches the evaluations before announcement.
    expect((await yearEvaluations(s, year)).some((e) => e.voteResult)).toBe(false);
    await call('vote.announce', { roundId: r.id });
    const byPerson = new Map((await yearEvaluations(s, year)).map((e) => [e.evaluateeId, e]));
    const ev = item.evaluatees.map((p) => byPerson.get(p.id)!);
    expect(ev.map((e) => e.voteResult?.outcome)).toEqual(['满意', '基本满意', '不满意', '满意', '基本满意']);
    expect(ev.map((e) => e.voteResult?.reReport)).toEqual([false, false, true, false, false]);
    expect(ev.map((e) => e.stage)).toEqual(Array(5).fill('opinion'));
    expect(ev[2]!.voteResult).toMatchObject({
      roundNo: 1,
      state: 'announced',
      failing: true,
      rateText: '50.0%',
      counts: rows[2],
      valid: 30,
      context: { entitled: 30, present: 30, issued: 30, returned: 30 },
      ruleName: '半数三级',
      tellers: ['甲计票'],
      scrutineers: ['乙监票'],
      amendments: 0,
    });
    expect(ev[2]!.voteResult!.arithmetic).toEqual(['满意 9 票 < 应到 30 人 × 1/2 = 15 → 不满足', '满意 9 票 + 基本满意 6 票 = 15 票 ≤ 应到 30 人 × 1/2 = 15 → 不满足', '以上条件均不满足 → 不满意']);
    expect(ev[3]!.voteResult?.rateText).toBe('100.0%');

    // An amendment after announcement: recorded with reason and time, the grade follows it.
    await expect(call('vote.amend', { roundId: r.id, groupId: 'members', counts: rows, reason: '复核' })).rejects.toThrow(/相同/);
    const fixed = [...rows];
    fixed[2] = counts({ satisfied: 9, basic: 7, unsatisfied: 14 });
    await expect(call('vote.amend', { roundId: r.id, groupId: 'members', counts: [...rows.slice(0, 2), counts({ satisfied: 9 }), ...rows.slice(3)], reason: '复核' })).rejects.toThrow(/与收回 30 张不符/);
    const st = await call('vote.amend', { roundId: r.id, groupId: 'members', counts: fixed, reason: '监票人复核发现第三人的一张基本满意票被计为不满意' });
    const amended = roundOf(st, r.id);
    expect(amended.state).toBe('amended');
    expect(amended.amendments).toHaveLength(1);
    expect(amended.amendments[0]).toMatchObject({ groupId: 'members', before: rows, after: fixed, reason: '监票人复核发现第三人的一张基本满意票被计为不满意' });
    const third = (await yearEvaluations(s, year)).find((e) => e.evaluateeId === item.evaluatees[2]!.id)!;
    expect(third.voteResult).toMatchObject({ state: 'amended', outcome: '基本满意', reReport: false, amendments: 1 });
    const hall = (await call<HallView>('hall.view', {}, 'hall')).content as HallVoteResult;
    expect(hall.amended).toBe(true);
    expect(hall.rows[2]).toMatchObject({ basic: 7, outcome: '基本满意' });

    // Voided after announcement: the evaluation waits for the repeated vote.
    await call('vote.void', { roundId: r.id, reason: '发现计票舞弊，重新投票' });
    const after = (await yearEvaluations(s, year)).filter((e) => item.evaluatees.some((p) => p.id === e.evaluateeId));
    expect(after.every((e) => e.voteResult === undefined && e.stage === 'vote')).toBe(true);
    expect((await call<HallView>('hall.view', {}, 'hall')).content).toMatchObject({ kind: 'vote', phase: 'void' });
    expect(latestRound(await call('vote.state')).state).toBe('void');
  });

  it('a group counted apart has its own counts and grade, never mixed into the binding one', async () => {
    const { call, s } = await start();
    const { item } = await atVote(call);
    await call('live.attendees', { deputies: 9, citizens: 0 });
    const st0 = await call('vote.prepare', { agendaItemId: item.agendaItemId, groups: [{ kind: 'deputies', label: '列席代表' }] });
    const id = latestRound(st0).id;
    await call('vote.setTellers', { roundId: id, tellers: ['甲'], scrutineers: ['乙'] });
    await expect(call('vote.open', { roundId: id, groups: [{ groupId: 'members', issued: 30 }] })).rejects.toThrow('请填写列席代表的发出票数');
    await call('vote.open', { roundId: id, groups: [{ groupId: 'members', issued: 30 }, { groupId: 'deputies', issued: 9 }] });
    await call('vote.close', { roundId: id, groups: [{ groupId: 'members', returned: 30 }, { groupId: 'deputies', returned: 9 }] });
    await call('vote.mode', { roundId: id, groupId: 'members', mode: 'totals' });
    await call('vote.mode', { roundId: id, groupId: 'deputies', mode: 'totals' });
    const m = Array.from({ length: 5 }, () => counts({ satisfied: 20, basic: 10 }));
    const d = Array.from({ length: 5 }, () => counts({ satisfied: 2, basic: 2, unsatisfied: 5 }));
    await call('vote.totals', { roundId: id, groupId: 'members', counts: m });
    await expect(call('vote.check', { roundId: id })).rejects.toThrow(/列席代表：尚未录入汇总计票结果/);
    await call('vote.totals', { roundId: id, groupId: 'deputies', counts: d });
    const st = await call('vote.check', { roundId: id });
    const result = roundOf(st, id).result!;
    expect(result.groups.map((g) => [g.label, g.binding, g.context.entitled, g.results[0]!.outcome])).toEqual([
      ['常委会组成人员', true, 30, '满意'],
      // 应到 of a group counted apart is its voters present: 2 < 4.5 and 4 ≤ 4.5 → 不满意.
      ['列席代表', false, 9, '不满意'],
    ]);
    await call('vote.announce', { roundId: id });
    const year = (await call<{ meeting: { year: number } }>('live.state')).meeting.year;
    const ev = (await s.store.read<{ evaluations: Evaluation[] }>(`year/${year}`)).evaluations.find((e) => e.evaluateeId === item.evaluatees[0]!.id)!;
    expect(ev.voteResult).toMatchObject({ outcome: '满意', reReport: false, apart: [{ label: '列席代表', outcome: '不满意' }] });
    // One page per group: the binding one, then the deputies counted apart.
    expect(roundOf(await call('vote.state'), id).hallPageCount).toBe(2);
  });

  it('a rehearsal never writes results to the evaluations', async () => {
    const { call, s } = await start();
    const { item } = await atVote(call, { rehearsal: true });
    const year = (await call<{ meeting: { year: number } }>('live.state')).meeting.year;
    const before = JSON.stringify(await yearEvaluations(s, year));
    const r = await readyToCount(call, item, 30, 30);
    await call('vote.mode', { roundId: r.id, groupId: 'members', mode: 'totals' });
    await call('vote.totals', { roundId: r.id, groupId: 'members', counts: Array.from({ length: 5 }, () => counts({ satisfied: 30 })) });
    await call('vote.check', { roundId: r.id });
    await call('vote.announce', { roundId: r.id });
    expect(JSON.stringify(await yearEvaluations(s, year))).toBe(before);
  });
});
