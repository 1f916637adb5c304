import { afterEach, describe, expect, it } from 'vitest';
import type { HallView, LiveConsoleState } from '../../../shared/api/live-types';
import type { DrawLogReport, QuestionBankView, QuestioningState } from '../../../shared/api/questioning-types';
import { closeAll, start, toQuestioning, type Harness } from './harness';

afterEach(closeAll);

async function settings(h: Harness, meetingId: string, patch: Record<string, unknown>) {
  const view = await h.call<QuestionBankView>('questions.list', { meetingId }, 'desk');
  return h.call<QuestionBankView>('questioning.settings', { meetingId, ...view.settings, ...patch }, 'desk');
}

function lastHall(h: Harness): HallView {
  return h.events.findLast((e) => e.role === 'hall' && e.name === 'hall.view')!.payload as HallView;
}

describe('questions asked without a draw (自由提问)', () => {
  it('a volunteered question is minuted and timed like a drawn one, with no log entry, and the hall shows the name', async () => {
    const h = await start();
    const live = await toQuestioning(h);
    const meetingId = live.session!.meetingId;
    const evaluateeId = (await h.call<QuestioningState>('questioning.state')).evaluatee!.id;
    await h.call<QuestionBankView>('questions.add', { meetingId, evaluateeId, items: [{ topic: '依法行政', text: '请说明行政复议纠错率上升的原因。' }] }, 'desk');
    let st = await h.call<QuestioningState>('questioning.state');
    const member = st.present.find((m) => m.role === '委员')!;
    const bankQuestion = st.bank[0]!;

    st = await h.call<QuestioningState>('questioning.volunteer', { memberId: member.id, questionId: bankQuestion.id });
    expect(st.current).toMatchObject({ origin: 'volunteer', memberId: member.id, memberName: member.name, questionId: bankQuestion.id, status: 'asking', drawOrdinal: 0, questionNo: 1 });
    expect(st.bank[0]!.status).toBe('asked');
    // Nothing in the draw log: the log holds draws only; the member stays a candidate.
    expect(st.logCount).toBe(0);
    expect(st.candidates.map((c) => c.id)).toContain(member.id);
    // The hall shows the volunteer by name, settled at once, and never the minutes.
    const hall = lastHall(h);
    expect(hall.content).toMatchObject({ kind: 'draw', member: { name: member.name }, candidates: [member.name], question: { text: bankQuestion.text } });
    expect(JSON.stringify(hall)).not.toContain('notes');

    st = await h.call<QuestioningState>('questioning.timer', { which: 'answer', action: 'start' });
    expect(st.current!.activeTimer).toBe('answer');
    st = await h.call<QuestioningState>('questioning.notes', { recordId: st.current!.id, notes: '答复：已制定整改清单。' });
    st = await h.call<QuestioningState>('questioning.next');
    expect(st.records[0]).toMatchObject({ origin: 'volunteer', status: 'done', notes: '答复：已制定整改清单。' });

    // A drawn question follows in the same meeting, numbered 第2问 and 第1次抽取.
    st = await h.call<QuestioningState>('questioning.draw', { skipAnimation: true });
    expect(st.current).toMatchObject({ questionNo: 2, drawOrdinal: 1 });
    const report = await h.call<DrawLogReport>('questioning.log', { meetingId }, 'desk');
    expect(report.ok).toBe(true);
    expect(report.drawCount).toBe(1);
  });

  it('drawing is a setting per meeting; volunteering needs a present member, the stage and no question on the floor', async () => {
    const h = await start();
    const live = await toQuestioning(h, { absent: [5] });
    const meetingId = live.session!.meetingId;
    const view = await settings(h, meetingId, { drawQuestioners: false });
    expect(view.settings.drawQuestioners).toBe(false);
    await expect(h.call('questioning.draw', {})).rejects.toThrow(/未启用随机抽取提问人/);

    const state = await h.call<LiveConsoleState>('live.state');
    const absent = state.roster[5]!;
    await expect(h.call('questioning.volunteer', { memberId: absent.id })).rejects.toThrow(new RegExp(`${absent.name}未签到出席`));
    let st = await h.call<QuestioningState>('questioning.state');
    expect(st.present.map((m) => m.id)).not.toContain(absent.id);
    const [a, b] = st.present;
    st = await h.call<QuestioningState>('questioning.volunteer', { memberId: a!.id });
    await expect(h.call('questioning.volunteer', { memberId: b!.id })).rejects.toThrow(/当前问题尚未结束/);
    // Undoing a volunteered question marks it cancelled without touching the draw log.
    st = await h.call<QuestioningState>('questioning.undoDraw', { reason: '误触抽取' });
    expect(st.records[0]).toMatchObject({ status: 'cancelled', cancelReason: '误触抽取' });
    expect(st.logCount).toBe(0);

    // Off the questioning stage nothing is entered.
    await h.call<LiveConsoleState>('live.goto', { itemIndex: state.live!.position.itemIndex, stage: 'report' });
    await expect(h.call('questioning.volunteer', { memberId: a!.id })).rejects.toThrow(/不能登记提问/);
  });

  it('a minuted question names only a finding of its evaluation (the thread tests name real ones), and the name can be cleared', async () => {
    const h = await start();
    await toQuestioning(h);
    let st = await h.call<QuestioningState>('questioning.volunteer', { memberId: (await h.call<QuestioningState>('questioning.state')).present[1]!.id });
    const recordId = st.current!.id;
    await expect(h.call('questioning.finding', { recordId, findingId: 'fd_0001abcd' })).rejects.toThrow(/针对的调研问题不属于本被评议对象的评议/);
    st = await h.call<QuestioningState>('questioning.finding', { recordId, findingId: null });
    expect(st.current!.findingId).toBeUndefined();
    await expect(h.call('questioning.finding', { recordId, findingId: 'bad id!' })).rejects.toThrow(/调研问题编号无效/);
  });
});
