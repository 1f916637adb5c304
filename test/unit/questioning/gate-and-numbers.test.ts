import { afterEach, describe, expect, it } from 'vitest';
import type { HallView, LiveConsoleState } from '../../../shared/api/live-types';
import type { QuestionBankView, QuestioningState } from '../../../shared/api/questioning-types';
import { closeAll, start, toQuestioning } from './harness';

afterEach(closeAll);

describe('questioning needs the quorum, like the vote', () => {
  it('no draw and no move into 随机询问 while too few members are present', async () => {
    const h = await start();
    let live = await toQuestioning(h);
    // 15 of 30 present: one short of the quorum.
    for (const m of live.roster.slice(15)) live = await h.call<LiveConsoleState>('live.attendance', { memberId: m.id, status: 'absent' });
    expect(live.quorum).toMatchObject({ present: 15, met: false });
    const st = await h.call<QuestioningState>('questioning.state');
    expect(st.blockedBy).toBe('应到30人，实到15人，不足法定人数（至少需16人）');
    const hallBefore = h.events.filter((e) => e.role === 'hall').length;
    await expect(h.call('questioning.draw', { skipAnimation: true })).rejects.toThrow('conflict: 应到30人，实到15人，不足法定人数（至少需16人），不能抽取。');
    // Nothing reached the hall and nothing was logged.
    expect(h.events.filter((e) => e.role === 'hall').length).toBe(hallBefore);
    expect((await h.call<QuestioningState>('questioning.state')).logCount).toBe(0);

    // Moving to the next evaluatee's 随机询问 is refused too, and the console says why.
    const next = live.agenda.filter((a) => a.stages.includes('questioning'))[1]!;
    await expect(h.call('live.goto', { itemIndex: next.index, stage: 'questioning' })).rejects.toThrow(/出席人数不足，不能进行随机询问：应到30人，实到15人/);

    // One more member signs in: the draw goes ahead.
    await h.call('live.attendance', { memberId: live.roster[20]!.id, status: 'present' });
    const drawn = await h.call<QuestioningState>('questioning.draw', { skipAnimation: true });
    expect(drawn.current).not.toBeNull();
    const hall = h.events.filter((e) => e.role === 'hall' && e.name === 'hall.view').at(-1)!.payload as HallView;
    expect(hall.content.kind).toBe('draw');
  });
});

describe('the presiding 主任', () => {
  it('is out of the draw pool by default, and back in when the office says so', async () => {
    const h = await start();
    const live = await toQuestioning(h);
    const chair = live.roster.find((m) => m.role === '主任')!;
    let st = await h.call<QuestioningState>('questioning.state');
    expect(st.settings.excludeChair).toBe(true);
    expect(st.excluded.map((m) => m.id)).toEqual([chair.id]);
    expect(st.candidates.map((m) => m.id)).not.toContain(chair.id);
    const drawn = await h.call<QuestioningState>('questioning.draw', { skipAnimation: true });
    expect(drawn.current!.memberId).not.toBe(chair.id);

    const meetingId = live.session!.meetingId;
    const bank = await h.call<QuestionBankView>('questioning.settings', { meetingId, scope: 'evaluatee', exclusions: [], excludeChair: false, drawQuestion: false, answerMinutes: 5, followUpMinutes: 3 }, 'desk');
    expect(bank.settings.excludeChair).toBe(false);
    st = await h.call<QuestioningState>('questioning.state');
    expect(st.excluded).toEqual([]);
    expect(st.candidates.map((m) => m.id)).toContain(chair.id);
  });
});

describe('numbers count per evaluatee', () => {
  it('第N问 and 第N次抽取 start again at 1 for the next evaluatee', async () => {
    const h = await start();
    await toQuestioning(h);
    await h.call('questioning.draw', { skipAnimation: true });
    await h.call('questioning.redraw', { reason: '该委员临时离场', skipAnimation: true });
    let st = await h.call<QuestioningState>('questioning.next');
    await h.call('questioning.draw', { skipAnimation: true });
    st = await h.call<QuestioningState>('questioning.next');
    expect(st.records.map((r) => [r.drawOrdinal, r.questionNo])).toEqual([
      [1, null],
      [2, 1],
      [3, 2],
    ]);

    const live = await h.call<LiveConsoleState>('live.state');
    const second = live.agenda.filter((a) => a.stages.includes('questioning'))[1]!;
    await h.call('live.goto', { itemIndex: second.index, stage: 'questioning' });
    st = await h.call<QuestioningState>('questioning.draw', { skipAnimation: true });
    expect(st.current).toMatchObject({ drawOrdinal: 1, questionNo: 1 });
    const hall = h.events.filter((e) => e.role === 'hall' && e.name === 'hall.view').at(-1)!.payload as HallView;
    expect(hall.content).toMatchObject({ kind: 'draw', questionNo: 1 });
    const name = second.evaluatees[0]!.name;
    expect(st.logTail.at(-1)!.text).toMatch(new RegExp(`^询问${name}第1次抽取：`));
    expect(st.logTail.some((l) => /^重新抽取：作废询问.+第1次抽取，原因：该委员临时离场$/.test(l.text))).toBe(true);
  });
});
