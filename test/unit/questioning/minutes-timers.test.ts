import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallView, LiveConsoleState } from '../../../shared/api/live-types';
import type { QuestioningState } from '../../../shared/api/questioning-types';
import { remainingMs } from '../../../shared/live/timer';
import { clock, closeAll, start, stop, toQuestioning } from './harness';

afterEach(closeAll);

const MIN = 60_000;
const SECRET = '答复要点：秘书记录的内容不上大屏';

describe('answer and follow-up timers', () => {
  it('are anchored to the wall clock across a restart of the services', async () => {
    const first = await start();
    await toQuestioning(first);
    let st = await first.call<QuestioningState>('questioning.draw', { skipAnimation: true });
    st = await first.call<QuestioningState>('questioning.timer', { which: 'answer', action: 'start' });
    expect(st.current!.answerTimer.runningSince).toBe(clock.t);
    clock.t += 2 * MIN;
    // The follow-up starts: the answer timer pauses, only one runs.
    st = await first.call<QuestioningState>('questioning.timer', { which: 'followUp', action: 'start' });
    expect(st.current!.answerTimer).toMatchObject({ runningSince: null, elapsedBeforeMs: 2 * MIN });
    expect(st.current!.activeTimer).toBe('followUp');
    clock.t += 30_000;
    await stop(first);
    clock.t += 45_000; // the app was down; the follow-up went on

    const second = await start(first.dir);
    st = await second.call<QuestioningState>('questioning.state');
    expect(remainingMs(st.current!.followUpTimer, clock.t)).toBe(3 * MIN - 75_000);
    expect(remainingMs(st.current!.answerTimer, clock.t)).toBe(5 * MIN - 2 * MIN);
    const hall = await second.call<HallView>('hall.view', {}, 'hall');
    expect(hall.content.kind === 'draw' && hall.content.timer).toMatchObject({ label: '追问计时', runningSince: st.current!.followUpTimer.runningSince });

    st = await second.call<QuestioningState>('questioning.timer', { which: 'followUp', action: 'addMinute' });
    expect(remainingMs(st.current!.followUpTimer, clock.t)).toBe(4 * MIN - 75_000);
    st = await second.call<QuestioningState>('questioning.timer', { which: 'followUp', action: 'reset' });
    expect(st.current!.followUpTimer).toEqual({ durationMs: 3 * MIN, elapsedBeforeMs: 0, runningSince: null, started: false });
    // With the follow-up reset, the hall shows the answer timer again (it was used).
    expect(st.current!.activeTimer).toBe('answer');
    st = await second.call<QuestioningState>('questioning.next');
    const done = st.records.at(-1)!;
    expect(done.status).toBe('done');
    expect(done.answerTimer.runningSince).toBeNull();
    await expect(second.call('questioning.timer', { which: 'answer', action: 'start' })).rejects.toThrow(/当前没有正在进行的提问/);
  });

  it('use the minutes of the meeting settings', async () => {
    const h = await start();
    const live = await toQuestioning(h);
    const meetingId = live.session!.meetingId;
    await h.call('questioning.settings', { meetingId, scope: 'evaluatee', exclusions: [], drawQuestion: false, answerMinutes: 4, followUpMinutes: 2 }, 'desk');
    const st = await h.call<QuestioningState>('questioning.draw', {});
    expect(st.current!.answerTimer.durationMs).toBe(4 * MIN);
    expect(st.current!.followUpTimer.durationMs).toBe(2 * MIN);
  });
});

describe('minutes (询问记录)', () => {
  it('are saved durably and never reach the hall', async () => {
    const h = await start();
    const live = await toQuestioning(h);
    const meetingId = live.session!.meetingId;
    let st = await h.call<QuestioningState>('questioning.draw', {});
    await h.call('questioning.timer', { which: 'answer', action: 'start' });
    st = await h.call<QuestioningState>('questioning.notes', { recordId: st.current!.id, notes: SECRET });
    expect(st.current!.notes).toBe(SECRET);
    st = await h.call<QuestioningState>('questioning.question', { recordId: st.current!.id, text: '现场提出：营商环境整改为何滞后？' });
    await h.call('questioning.timer', { which: 'followUp', action: 'start' });
    await h.call('live.slide', { slide: 'evaluatee' });
    await h.call('questioning.next');

    // On disk at once: in the meeting's journal (the meeting file follows once changes pause).
    const journal = await readFile(join(h.s.dataDir, 'meeting', `${meetingId}.journal`), 'utf8');
    expect(journal.trim().split('\n').at(-1)).toContain(SECRET);

    // Not in anything the hall asked for or was sent, nor in the console's copy of the hall's view.
    const hall = await h.call<HallView>('hall.view', {}, 'hall');
    expect(JSON.stringify(hall)).not.toContain(SECRET);
    const hallEvents = h.events.filter((e) => e.role === 'hall');
    expect(hallEvents.length).toBeGreaterThan(3);
    for (const e of hallEvents) {
      expect(e.name).toBe('hall.view');
      expect(JSON.stringify(e.payload)).not.toContain(SECRET);
      expect(JSON.stringify(e.payload)).not.toContain('notes');
    }
    for (const e of h.events.filter((x) => x.role === 'console' && x.name === 'live.changed')) {
      expect(JSON.stringify((e.payload as LiveConsoleState).hall)).not.toContain(SECRET);
    }
    // The typed-on-the-spot question is minutes too: only a question drawn from the bank is shown.
    expect(JSON.stringify(hallEvents)).not.toContain('营商环境整改为何滞后');
    // The hall may not ask for the questioning state at all.
    expect(await h.s.dispatch('hall', 'questioning.state', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.s.dispatch('hall', 'questions.list', { meetingId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // The desk reads them back with the question, per evaluatee.
    const bank = await h.call<{ records: { notes: string; questionText: string; status: string }[] }>('questions.list', { meetingId }, 'desk');
    expect(bank.records[0]).toMatchObject({ notes: SECRET, questionText: '现场提出：营商环境整改为何滞后？', status: 'done' });
  });

  it('a notes save does not move the live rev, and the hall picture stays as it was', async () => {
    const h = await start();
    await toQuestioning(h);
    const st = await h.call<QuestioningState>('questioning.draw', {});
    const hallBefore = await h.call<HallView>('hall.view', {}, 'hall');
    const seen = h.events.length;
    const after = await h.call<QuestioningState>('questioning.notes', { recordId: st.current!.id, notes: '要点' });
    expect(after.rev).toBe(st.rev);
    expect(after.current!.notes).toBe('要点');
    expect(await h.call<HallView>('hall.view', {}, 'hall')).toMatchObject({ rev: hallBefore.rev, content: hallBefore.content });
    // The questioning panel hears of it; the hall hears nothing new from this service.
    expect(h.events.slice(seen).some((e) => e.name === 'questioning.changed')).toBe(true);
    for (const e of h.events.slice(seen).filter((x) => x.role === 'hall')) expect(JSON.stringify(e.payload)).not.toContain('要点');
  });
});
