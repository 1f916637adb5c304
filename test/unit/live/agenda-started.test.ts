import { afterEach, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../../shared/api/desk-types';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import { closeAll, start, toQuestioning } from '../questioning/harness';

afterEach(closeAll);

describe('an agenda item the meeting has begun on stays on the agenda', () => {
  it('refuses to remove a report with a question drawn or a timed report, keeps the live position on its item when the list is reordered', async () => {
    const h = await start();
    let live = await toQuestioning(h);
    const meetingId = live.session!.meetingId;
    const get = () => h.call<MeetingDetail>('meetings.get', { id: meetingId }, 'desk');
    const [first, second] = live.agenda.filter((a) => a.stages.includes('questioning'));
    // Before anything happened on it, the second report could go; the first is where the meeting is.
    let detail = await get();
    expect(detail.started).toEqual({ [live.meeting!.agenda[first!.index]!.id]: '正在进行' });

    await h.call('questioning.draw', { skipAnimation: true });
    await h.call('questioning.next');
    detail = await get();
    const firstId = detail.meeting.agenda[first!.index]!.id;
    expect(detail.started[firstId]).toBe('已进行随机询问');
    const without = detail.meeting.agenda.filter((a) => a.id !== firstId);
    await expect(h.call('meetings.setAgenda', { id: meetingId, agenda: without }, 'desk')).rejects.toThrow(`conflict: “${first!.evaluatees[0]!.name}”的报告已进行随机询问，不能从议程中删除。`);
    // Nor may it become a written report: the hall showed it heard in person.
    const written = detail.meeting.agenda.map((a) => (a.id === firstId && a.kind === 'report' ? { ...a, mode: 'written' as const } : a));
    await expect(h.call('meetings.setAgenda', { id: meetingId, agenda: written }, 'desk')).rejects.toThrow(/不能更改被评议对象或汇报方式/);

    // A timed report is started too.
    live = await h.call<LiveConsoleState>('live.goto', { itemIndex: second!.index, stage: 'report' });
    await h.call('live.timer', { action: 'start' });
    detail = await get();
    const secondId = detail.meeting.agenda[second!.index]!.id;
    expect(detail.started[secondId]).toBe('已开始汇报计时');

    // Moving an item is allowed: the meeting stays on the same item, wherever it now stands.
    const reordered = [detail.meeting.agenda[second!.index]!, ...detail.meeting.agenda.filter((a) => a.id !== secondId)];
    await h.call('meetings.setAgenda', { id: meetingId, agenda: reordered }, 'desk');
    live = await h.call<LiveConsoleState>('live.state');
    expect(live.live!.position).toEqual({ itemIndex: 0, stage: 'report' });
    expect(live.meeting!.agenda[0]!.id).toBe(secondId);
    expect(live.live!.history.every((p) => p.itemIndex < live.agenda.length || p.stage === 'closing')).toBe(true);
  });
});
