import { afterEach, describe, expect, it } from 'vitest';
import type { HallView, LiveConsoleState } from '../../../shared/api/live-types';
import type { DrawLogReport, QuestionBankView, QuestioningState } from '../../../shared/api/questioning-types';
import { parsePastedQuestions } from '../../../shared/domain/questioning';
import { closeAll, start, toQuestioning, type Harness } from './harness';

afterEach(closeAll);

async function prepare(h: Harness) {
  const live = await h.call<LiveConsoleState>('live.state');
  const meetingId = live.meetings[0]!.id;
  const view = await h.call<QuestionBankView>('questions.list', { meetingId }, 'desk');
  const heard = view.evaluatees.find((e) => e.mode === 'report')!;
  const written = view.evaluatees.find((e) => e.mode === 'written');
  return { meetingId, view, heard, written };
}

describe('question bank', () => {
  it('adds typed and pasted questions, edits, withdraws and restores them', async () => {
    const h = await start();
    const { meetingId, view, heard, written } = await prepare(h);
    expect(view.topics).toContain('贯彻执行国家法律法规情况');
    expect(view.members).toHaveLength(30);
    let bank = await h.call<QuestionBankView>('questions.add', { meetingId, evaluateeId: heard.id, items: [{ topic: '营商环境', text: '如何解决企业反映的审批时限过长问题？' }] }, 'desk');
    const pasted = parsePastedQuestions('1. 第一问？\n\n（2）第二问？\n三、第三问？\n- 第四问？\n');
    expect(pasted).toEqual(['第一问？', '第二问？', '第三问？', '第四问？']);
    bank = await h.call<QuestionBankView>('questions.add', { meetingId, evaluateeId: heard.id, items: pasted.map((text) => ({ topic: '民生', text })), source: 'pasted' }, 'desk');
    expect(bank.questions.map((q) => [q.topic, q.status, q.source.kind])).toEqual([
      ['营商环境', 'pending', 'typed'],
      ...pasted.map(() => ['民生', 'pending', 'pasted']),
    ]);
    expect(bank.topics).toContain('营商环境');
    if (written) await expect(h.call('questions.add', { meetingId, evaluateeId: written.id, items: [{ topic: 'x', text: 'y' }] }, 'desk')).rejects.toThrow(/书面报告不安排随机询问/);
    await expect(h.call('questions.add', { meetingId, evaluateeId: heard.id, items: [] }, 'desk')).rejects.toThrow(/请至少填写一个问题/);

    const id = bank.questions[1]!.id;
    bank = await h.call<QuestionBankView>('questions.update', { meetingId, questionId: id, topic: '民生', text: '第一问（修改）？' }, 'desk');
    expect(bank.questions[1]!.text).toBe('第一问（修改）？');
    bank = await h.call<QuestionBankView>('questions.withdraw', { meetingId, questionId: id, reason: '与其他问题重复' }, 'desk');
    expect(bank.questions[1]).toMatchObject({ status: 'withdrawn', withdrawReason: '与其他问题重复' });
    bank = await h.call<QuestionBankView>('questions.restore', { meetingId, questionId: id }, 'console');
    expect(bank.questions[1]!.status).toBe('pending');
    expect(bank.questions[1]!.withdrawReason).toBeUndefined();
  });

  it('draws a question from the bank with the questioner: never a withdrawn one, and an undo puts it back', async () => {
    const h = await start();
    const { meetingId, heard } = await prepare(h);
    let bank = await h.call<QuestionBankView>('questions.add', { meetingId, evaluateeId: heard.id, items: ['甲问？', '乙问？', '丙问？'].map((text) => ({ topic: '综合', text })) }, 'desk');
    const withdrawn = bank.questions[1]!;
    await h.call('questions.withdraw', { meetingId, questionId: withdrawn.id, reason: '' }, 'desk');
    bank = await h.call<QuestionBankView>('questioning.settings', { meetingId, ...bank.settings, drawQuestion: true }, 'desk');
    expect(bank.settings.drawQuestion).toBe(true);
    await toQuestioning(h);

    let st = await h.call<QuestioningState>('questioning.draw', { skipAnimation: true });
    const first = st.current!;
    expect(first.questionId).toBeDefined();
    expect(first.questionId).not.toBe(withdrawn.id);
    expect(st.bank.find((b) => b.id === first.questionId)).toMatchObject({ status: 'asked', recordId: first.id });
    const hall = await h.call<HallView>('hall.view', {}, 'hall');
    expect(hall.content.kind === 'draw' && hall.content.question).toEqual({ topic: '综合', text: first.questionText });
    await expect(h.call('questions.update', { meetingId, questionId: first.questionId, topic: '综合', text: '改' }, 'desk')).rejects.toThrow(/已提问/);

    st = await h.call<QuestioningState>('questioning.undoDraw', { reason: '题目需调整' });
    expect(st.bank.find((b) => b.id === first.questionId)!.status).toBe('pending');

    // Two pending questions: two draws take both; the third finds the bank empty and says nothing breaks.
    const taken = new Set<string>();
    for (let i = 0; i < 3; i++) {
      st = await h.call<QuestioningState>('questioning.draw', { skipAnimation: true });
      if (st.current!.questionId) taken.add(st.current!.questionId);
      await h.call('questioning.next');
    }
    expect(taken.size).toBe(2);
    expect(taken.has(withdrawn.id)).toBe(false);
    const report = await h.call<DrawLogReport>('questioning.log', { meetingId }, 'desk');
    expect(report.ok).toBe(true);
    expect(report.lines.join('\n')).toMatch(/抽出问题qn_[0-9a-z]+：(甲问|丙问)？/);
  });
});

describe('rehearsal', () => {
  it('takes the record meeting’s bank and settings, and keeps its draws to itself', async () => {
    const h = await start();
    const { meetingId, heard } = await prepare(h);
    const bank = await h.call<QuestionBankView>('questions.add', { meetingId, evaluateeId: heard.id, items: [{ topic: '综合', text: '彩排用问题？' }] }, 'desk');
    await h.call('questioning.settings', { meetingId, ...bank.settings, drawQuestion: true, answerMinutes: 7 }, 'desk');
    const live = await toQuestioning(h, { rehearsal: true });
    expect(live.session!.rehearsal).toBe(true);
    let st = await h.call<QuestioningState>('questioning.state');
    expect(st.rehearsal).toBe(true);
    expect(st.bank.map((b) => b.text)).toEqual(['彩排用问题？']);
    st = await h.call<QuestioningState>('questioning.draw', {});
    expect(st.current!.questionText).toBe('彩排用问题？');
    expect(st.current!.answerTimer.durationMs).toBe(7 * 60_000);

    const record = await h.call<DrawLogReport>('questioning.log', { meetingId }, 'desk');
    expect(record.entries).toEqual([]);
    const rehearsal = await h.call<DrawLogReport>('questioning.log', { meetingId, rehearsal: true }, 'desk');
    expect(rehearsal.drawCount).toBe(1);
    const real = await h.call<QuestionBankView>('questions.list', { meetingId }, 'desk');
    expect(real.questions[0]!.status).toBe('pending');
  });
});
