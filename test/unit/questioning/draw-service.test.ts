import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallView, LiveConsoleState } from '../../../shared/api/live-types';
import type { DrawLogReport, QuestionBankView, QuestioningState } from '../../../shared/api/questioning-types';
import { assertAppendOnly, replayLog } from '../../../shared/draw';
import type { DrawEntry, DrawLogEntry } from '../../../shared/draw/log-schema';
import { durableData } from '../store/helpers';
import { clock, closeAll, start, toQuestioning, type Harness } from './harness';

afterEach(closeAll);

/** The draw log as saved (durable: the journal's newest line while the meeting runs). */
async function storedLog(h: Harness, meetingId: string): Promise<unknown[]> {
  const data = (await durableData(join(h.s.dataDir, 'meeting', `${meetingId}.json`))) as { questioning: { log: unknown[] } };
  return data.questioning.log;
}

async function settings(h: Harness, meetingId: string, patch: Record<string, unknown>) {
  const view = await h.call<QuestionBankView>('questions.list', { meetingId }, 'desk');
  return h.call<QuestionBankView>('questioning.settings', { meetingId, ...view.settings, ...patch }, 'desk');
}

function lastDraw(report: DrawLogReport): DrawEntry {
  return report.entries.findLast((e): e is DrawEntry => e.type === 'draw')!;
}

describe('draws through the services', () => {
  it('draw only members present, not excluded and not yet asked; then offer a new cycle', async () => {
    const h = await start();
    let live = await toQuestioning(h, { absent: [3, 4, 7] });
    const meetingId = live.session!.meetingId;
    const chair = live.roster.find((m) => m.role === '主任')!;
    await settings(h, meetingId, { exclusions: [chair.id] });
    live = await h.call<LiveConsoleState>('live.state');
    const present = new Set(live.roster.filter((m) => m.status === 'present').map((m) => m.id));
    expect(present.size).toBe(27);

    let st = await h.call<QuestioningState>('questioning.state');
    expect(st.blockedBy).toBeNull();
    expect(st.candidates.map((c) => c.id)).toEqual(live.roster.filter((m) => present.has(m.id) && m.id !== chair.id).map((m) => m.id));
    expect(st.excluded.map((m) => m.id)).toEqual([chair.id]);

    const drawn: string[] = [];
    for (let i = 0; i < 26; i++) {
      st = await h.call<QuestioningState>('questioning.draw', { skipAnimation: true });
      const who = st.current!.memberId;
      expect(present.has(who), 'present').toBe(true);
      expect(who).not.toBe(chair.id);
      expect(drawn).not.toContain(who);
      drawn.push(who);
      expect(st.candidates.map((c) => c.id)).not.toContain(who);
      await expect(h.call('questioning.draw', {})).rejects.toThrow(/当前问题尚未结束/);
      st = await h.call<QuestioningState>('questioning.next');
      expect(st.current).toBeNull();
    }
    expect(st.candidates).toEqual([]);
    expect(st.offerNewCycle).toBe(true);
    expect(st.empty?.reason).toBe('all-asked');
    await expect(h.call('questioning.draw', {})).rejects.toThrow(/本轮所有出席的组成人员都已提问，可开始新一轮/);

    st = await h.call<QuestioningState>('questioning.newCycle', { reason: '本轮所有出席人员均已提问' });
    expect(st.scope?.cycle).toBe(2);
    expect(st.candidates).toHaveLength(26);
    st = await h.call<QuestioningState>('questioning.draw', { skipAnimation: true });
    expect(present.has(st.current!.memberId)).toBe(true);

    const report = await h.call<DrawLogReport>('questioning.log', { meetingId }, 'desk');
    expect(report.ok).toBe(true);
    expect(report.drawCount).toBe(27);
    expect(report.cycleCount).toBe(1);
    expect(report.lines.at(-1)).toMatch(/复核结论：.*27次抽取的结果均与记录一致/);
    // The file on disk replays clean on its own, with nothing but the log.
    expect(replayLog(await storedLog(h, meetingId)).ok).toBe(true);
  });

  it('absences taken at the console count at once; scope per meeting carries asked members across evaluatees', async () => {
    const h = await start();
    let live = await toQuestioning(h);
    const meetingId = live.session!.meetingId;
    await settings(h, meetingId, { scope: 'meeting' });
    const first = await h.call<QuestioningState>('questioning.draw', { skipAnimation: true });
    await h.call('questioning.next');
    // Someone leaves the hall: not a candidate any more.
    const leaving = first.candidates[0]!;
    live = await h.call<LiveConsoleState>('live.attendance', { memberId: leaving.id, status: 'absent' });
    let st = await h.call<QuestioningState>('questioning.state');
    expect(st.candidates.map((c) => c.id)).not.toContain(leaving.id);
    expect(st.presentCount).toBe(29);

    // The next evaluatee: whoever asked the first one is still "asked" in a per-meeting scope.
    const items = live.agenda.filter((a) => a.stages.includes('questioning'));
    await h.call('live.goto', { itemIndex: items[1]!.index, stage: 'questioning' });
    st = await h.call<QuestioningState>('questioning.state');
    expect(st.evaluatee?.id).toBe(items[1]!.evaluatees[0]!.id);
    expect(st.scope).toMatchObject({ scope: 'meeting', scopeId: meetingId, cycle: 1 });
    expect(st.asked.map((m) => m.id)).toEqual([first.current!.memberId]);
    expect(st.candidates.map((c) => c.id)).not.toContain(first.current!.memberId);

    // Per evaluatee, the same member may ask again.
    await settings(h, meetingId, { scope: 'evaluatee' });
    st = await h.call<QuestioningState>('questioning.state');
    expect(st.asked).toEqual([]);
    expect(st.candidates.map((c) => c.id)).toContain(first.current!.memberId);
  });

  it('redraw and undo are logged cancellations: the log only grows, replays clean, the passed-over member stays eligible', async () => {
    const h = await start();
    const live = await toQuestioning(h);
    const meetingId = live.session!.meetingId;
    let before = await storedLog(h, meetingId);
    const grows = async () => {
      const after = await storedLog(h, meetingId);
      expect(() => assertAppendOnly(before, after)).not.toThrow();
      expect(after.length).toBeGreaterThan(before.length);
      before = after;
    };

    const a = await h.call<QuestioningState>('questioning.draw', {});
    await grows();
    const passedOver = a.current!;
    const b = await h.call<QuestioningState>('questioning.redraw', { reason: '该委员临时离场' });
    await grows();
    expect(b.current!.id).not.toBe(passedOver.id);
    const old = b.records.find((r) => r.id === passedOver.id)!;
    expect(old).toMatchObject({ status: 'cancelled', cancelReason: '该委员临时离场' });
    // Not asked: a candidate again (unless the redraw happened to pick the same member).
    if (b.current!.memberId !== passedOver.memberId) expect(b.candidates.map((c) => c.id)).toContain(passedOver.memberId);
    expect(b.asked.map((m) => m.id)).toEqual([b.current!.memberId]);

    const c = await h.call<QuestioningState>('questioning.undoDraw', { reason: '误触抽取' });
    await grows();
    expect(c.current).toBeNull();
    expect(c.asked).toEqual([]);
    // Everyone present but the presiding 主任, out of the draw by default.
    expect(c.candidates).toHaveLength(29);
    await expect(h.call('questioning.undoDraw', { reason: '再来一次' })).rejects.toThrow(/没有可撤销的抽取/);
    await expect(h.call('questioning.redraw', { reason: '' })).rejects.toThrow(/原因不能为空/);

    const report = await h.call<DrawLogReport>('questioning.log', { meetingId }, 'console');
    expect(report.entries.map((e) => e.type)).toEqual(['draw', 'cancel', 'draw', 'cancel']);
    expect(report.entries.filter((e): e is Extract<DrawLogEntry, { type: 'cancel' }> => e.type === 'cancel').map((e) => [e.kind, e.reason])).toEqual([
      ['redraw', '该委员临时离场'],
      ['undo', '误触抽取'],
    ]);
    expect(report.ok).toBe(true);
    expect(report.lines.join('\n')).toContain('【已作废：第2条记录重新抽取，原因：该委员临时离场】');
    expect(replayLog(await storedLog(h, meetingId)).ok).toBe(true);
    // The minutes keep the cancelled questions, marked.
    expect(c.records.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(c.records.map((r) => r.questionNo)).toEqual([null, null]);
  });

  it('a question left open when the meeting moved on is finished by the next evaluatee’s first draw', async () => {
    const h = await start();
    const live = await toQuestioning(h);
    const a = await h.call<QuestioningState>('questioning.draw', { skipAnimation: true });
    await h.call('questioning.timer', { which: 'answer', action: 'start' });
    const items = live.agenda.filter((i) => i.stages.includes('questioning'));
    await h.call('live.goto', { itemIndex: items[1]!.index, stage: 'questioning' });
    let st = await h.call<QuestioningState>('questioning.state');
    expect(st.current).toBeNull();
    st = await h.call<QuestioningState>('questioning.draw', { skipAnimation: true });
    const bank = await h.call<QuestionBankView>('questions.list', { meetingId: live.session!.meetingId }, 'desk');
    const old = bank.records.find((r) => r.id === a.current!.id)!;
    expect(old.status).toBe('done');
    expect(old.answerTimer.runningSince).toBeNull();
    expect(st.current!.evaluateeId).toBe(items[1]!.evaluatees[0]!.id);
  });

  it('refuses to draw outside 随机询问 and says why', async () => {
    const h = await start();
    const live = await toQuestioning(h);
    await h.call('live.goto', { itemIndex: live.live!.position.itemIndex, stage: 'report' });
    const st = await h.call<QuestioningState>('questioning.state');
    expect(st.blockedBy).toBe('当前不在随机询问阶段');
    await expect(h.call('questioning.draw', {})).rejects.toThrow(/当前不在随机询问阶段，不能抽取/);
  });

  it('the hall after a draw names exactly the logged member, animates until settleAt, and can be skipped', async () => {
    const h = await start();
    const live = await toQuestioning(h);
    const st = await h.call<QuestioningState>('questioning.draw', {});
    const report = await h.call<DrawLogReport>('questioning.log', { meetingId: live.session!.meetingId }, 'desk');
    const entry = lastDraw(report);
    const view = await h.call<HallView>('hall.view', {}, 'hall');
    expect(view.content.kind).toBe('draw');
    if (view.content.kind !== 'draw') return;
    expect(view.content.drawId).toBe(entry.id);
    expect(view.content.member.name).toBe(entry.candidates[entry.index]!.name);
    expect(view.content.member.name).toBe(st.current!.memberName);
    expect(view.content.candidates).toEqual(entry.candidates.map((c) => c.name));
    expect(view.content.settleAt).toBe(clock.t + 2_500);
    expect(view.content.question).toBeNull();
    expect(view.content.timer).toBeNull();
    // The hall got it pushed, before the console's state.
    const pushed = h.events.filter((e) => e.role === 'hall' && e.name === 'hall.view').at(-1)!.payload as HallView;
    expect(pushed.content).toEqual(view.content);
    const hallAt = h.events.findLastIndex((e) => e.role === 'hall' && e.name === 'hall.view');
    const consoleAt = h.events.findLastIndex((e) => e.role === 'console' && e.name === 'live.changed');
    const stateAt = h.events.findLastIndex((e) => e.role === 'console' && e.name === 'questioning.changed');
    expect(hallAt).toBeLessThan(consoleAt);
    expect(consoleAt).toBeLessThan(stateAt);
    // The console's preview is the very picture the hall was sent.
    expect((h.events[consoleAt]!.payload as LiveConsoleState).hall.content).toEqual(pushed.content);

    clock.t += 500;
    await h.call('questioning.skipAnimation');
    const skipped = await h.call<HallView>('hall.view', {}, 'hall');
    expect(skipped.content.kind === 'draw' && skipped.content.settleAt).toBe(clock.t);

    await h.call('questioning.next');
    expect((await h.call<HallView>('hall.view', {}, 'hall')).content.kind).toBe('evaluatee');
  });
});
