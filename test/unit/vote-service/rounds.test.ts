import { describe, expect, it } from 'vitest';
import type { HallView } from '../../../shared/api/live-types';
import { atVote, latestRound, marks, readyToCount, roundOf, start } from './support';

describe('vote rounds through the service', () => {
  it('goes prepared → open → closed → counting → checked → announced, each change logged', async () => {
    const { call } = await start();
    const { item } = await atVote(call);
    const n = item.evaluatees.length;
    let st = await call('vote.prepare', { agendaItemId: item.agendaItemId });
    const id = latestRound(st).id;
    expect(roundOf(st, id)).toMatchObject({ number: 1, state: 'prepared', evaluatees: item.evaluatees });
    await expect(call('vote.check', { roundId: id })).rejects.toThrow(/已准备/);
    await call('vote.setTellers', { roundId: id, tellers: ['甲'], scrutineers: ['乙'] });
    st = await call('vote.open', { roundId: id, groups: [{ groupId: 'members', issued: 30 }] });
    expect(roundOf(st, id)).toMatchObject({ state: 'open', groups: [{ entitled: 30, present: 30, issued: 30 }] });
    await expect(call('vote.sheet', { roundId: id, groupId: 'members', marks: marks('1'.repeat(n)) })).rejects.toThrow(/收票/);
    st = await call('vote.close', { roundId: id, groups: [{ groupId: 'members', returned: 2 }] });
    expect(roundOf(st, id).state).toBe('closed');
    st = await call('vote.sheet', { roundId: id, groupId: 'members', marks: marks('1'.repeat(n)) });
    expect(roundOf(st, id).state).toBe('counting');
    await expect(call('vote.check', { roundId: id })).rejects.toThrow(/已录入 1 张测评票，收回 2 张/);
    await expect(call('vote.announce', { roundId: id })).rejects.toThrow(/计票中/);
    st = await call('vote.sheet', { roundId: id, groupId: 'members', marks: marks('2'.repeat(n)) });
    // A third sheet would exceed the sheets returned.
    await expect(call('vote.sheet', { roundId: id, groupId: 'members', marks: marks('1'.repeat(n)) })).rejects.toThrow(/已达收回票数 2 张/);
    st = await call('vote.check', { roundId: id });
    const checked = roundOf(st, id);
    expect(checked.state).toBe('checked');
    // 应到 30: 满意 1 < 15, 满意+基本满意 2 ≤ 15 → 不满意 (半数三级).
    expect(checked.result?.groups[0]?.results[0]).toMatchObject({ outcome: '不满意', failing: true, rateText: '100.0%' });
    expect(checked.result?.rule.text).toMatch(/^依次判定，满意票达到应到人数的半数以上（含半数）的/);
    expect(checked.result?.rule.text).not.toContain('半数三级');
    expect(checked.result?.groups[0]?.results[0]?.arithmetic.join('\n')).toContain('应到 30 人 × 1/2');
    st = await call('vote.announce', { roundId: id });
    expect(roundOf(st, id).state).toBe('announced');
    await expect(call('vote.sheet', { roundId: id, groupId: 'members', marks: marks('1'.repeat(n)) })).rejects.toThrow(/锁定/);
    await expect(call('vote.amend', { roundId: id, groupId: 'members', counts: [], reason: '' })).rejects.toThrow();
    const audit = await call<{ action: string; detail: string }[]>('vote.audit', { roundId: id });
    expect(audit.map((a) => a.action)).toEqual([
      'prepare', 'tellers', 'state', 'open', 'state', 'close', 'state', 'sheet', 'sheet', 'state', 'check', 'state', 'announce',
    ]);
    expect(audit.filter((a) => a.action === 'state').map((a) => a.detail)).toEqual(['已准备 → 投票中', '投票中 → 已收票', '已收票 → 计票中', '计票中 → 已核对', '已核对 → 已公布']);
  });

  it('no round opens without quorum or before the meeting starts, and says why', async () => {
    const { call } = await start();
    const { item } = await atVote(call);
    const st = await call('vote.prepare', { agendaItemId: item.agendaItemId });
    const id = latestRound(st).id;
    const live = await call<{ roster: { id: string }[] }>('live.state');
    for (const m of live.roster.slice(15)) await call('live.attendance', { memberId: m.id, status: 'absent' });
    const blocked = roundOf(await call('vote.state'), id);
    expect(blocked.blockers.open.join()).toContain('不足法定人数');
    await expect(call('vote.open', { roundId: id, groups: [{ groupId: 'members', issued: 15 }] })).rejects.toThrow('不足法定人数，不能开始投票：应到30人，实到15人');
    await call('live.attendance', { memberId: live.roster[15]!.id, status: 'present' });
    await expect(call('vote.open', { roundId: id, groups: [{ groupId: 'members', issued: 17 }] })).rejects.toThrow('发出 17 张，多于实到 16 人');
    const opened = await call('vote.open', { roundId: id, groups: [{ groupId: 'members', issued: 16 }] });
    expect(roundOf(opened, id).state).toBe('open');
  });

  it('a round can be prepared from the desk before the meeting, but not opened until it runs', async () => {
    const { call } = await start();
    const { item } = await atVote(call, { start: false });
    const meetingId = (await call('vote.state')).meetingId;
    await expect(call('vote.prepare', { agendaItemId: item.agendaItemId }, 'desk')).rejects.toThrow(/请指定会议/);
    const st = await call('vote.prepare', { meetingId, agendaItemId: item.agendaItemId, groups: [{ kind: 'deputies' }] }, 'desk');
    const r = latestRound(st);
    expect(r.groups.map((g) => g.label)).toEqual(['常委会组成人员', '人大代表']);
    await expect(call('vote.open', { roundId: r.id, groups: [{ groupId: 'members', issued: 1 }] }, 'desk')).rejects.toThrow(/forbidden/);
    await expect(call('vote.open', { roundId: r.id, groups: [{ groupId: 'members', issued: 20 }, { groupId: 'deputies', issued: 0 }] })).rejects.toThrow(/会议尚未开始/);
    await expect(call('vote.prepare', { agendaItemId: item.agendaItemId })).rejects.toThrow(/第一轮测评尚未完成/);
  });

  it('returned > issued voids the round (kept, with its reason) and prepares the next one', async () => {
    const { call } = await start();
    const { item } = await atVote(call);
    const st0 = await call('vote.prepare', { agendaItemId: item.agendaItemId });
    const id = latestRound(st0).id;
    await call('vote.setTellers', { roundId: id, tellers: ['甲'], scrutineers: ['乙'] });
    await call('vote.open', { roundId: id, groups: [{ groupId: 'members', issued: 28 }] });
    const st = await call('vote.close', { roundId: id, groups: [{ groupId: 'members', returned: 29 }] });
    const rounds = st.items[0]!.rounds;
    expect(rounds.map((r) => [r.number, r.state])).toEqual([
      [1, 'void'],
      [2, 'prepared'],
    ]);
    expect(rounds[0]!.voidReason).toBe('收回 29 张，多于发出 28 张，本轮投票无效，应重新投票');
    expect(rounds[1]!.tellers).toEqual(['甲']);
    expect(rounds[1]!.evaluatees).toEqual(item.evaluatees);
    await expect(call('vote.sheet', { roundId: id, groupId: 'members', marks: marks('11111') })).rejects.toThrow(/作废/);
    const hall = await call<HallView>('hall.view', {}, 'hall');
    expect(hall.content).toMatchObject({ kind: 'vote', phase: 'progress', roundNo: 2, status: '即将发票' });
    // The repeated round runs to the end like any other.
    const r2 = rounds[1]!;
    await call('vote.open', { roundId: r2.id, groups: [{ groupId: 'members', issued: 28 }] });
    await call('vote.close', { roundId: r2.id, groups: [{ groupId: 'members', returned: 28 }] });
    expect(roundOf(await call('vote.state'), r2.id).state).toBe('closed');
  });

  it('void needs a reason; a void round stays on record and the item can be voted again', async () => {
    const { call } = await start();
    const { item } = await atVote(call);
    const r = await readyToCount(call, item, 30);
    await expect(call('vote.void', { roundId: r.id, reason: '' })).rejects.toThrow(/作废理由/);
    let st = await call('vote.void', { roundId: r.id, reason: '会场秩序原因，重新投票' });
    expect(roundOf(st, r.id)).toMatchObject({ state: 'void', voidReason: '会场秩序原因，重新投票' });
    expect(st.items[0]!.prepareBlockedBy).toBeNull();
    st = await call('vote.prepare', { agendaItemId: item.agendaItemId });
    expect(st.items[0]!.rounds.map((x) => x.number)).toEqual([1, 2]);
  });
});
