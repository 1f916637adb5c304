import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HallView, LiveConsoleState } from '../../../shared/api/live-types';
import type { VoteConsoleState } from '../../../shared/api/vote-types';
import { durableData } from '../store/helpers';
import { atVote, marks, readyToCount, start } from './support';

/** Waits until the hub has pushed what the test is looking for (publishing is asynchronous). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('publishing a vote change', () => {
  it('pushes hall.view and live.changed with the new rev, and vote.changed, only after the sheet is on disk', async () => {
    const { call, s } = await start();
    const { item } = await atVote(call);
    const r = await readyToCount(call, item, 30, 30);
    const hall: HallView[] = [];
    const live: LiveConsoleState[] = [];
    const vote: VoteConsoleState[] = [];
    let onDisk: number | null = null;
    s.hub.subscribe('hall', (name, payload) => name === 'hall.view' && hall.push(payload as HallView));
    s.hub.subscribe('console', (name, payload) => {
      if (name === 'live.changed') live.push(payload as LiveConsoleState);
      if (name === 'vote.changed') vote.push(payload as VoteConsoleState);
    });
    s.store.onCommit(() => {
      onDisk ??= hall.length;
    });
    const st = await call('vote.sheet', { roundId: r.id, groupId: 'members', marks: marks('12312') });
    // On disk when the answer came: the meeting's journal line (the meeting file follows it).
    const saved = await durableData(join(s.dataDir, 'meeting', `${st.meetingId}.json`));
    expect(saved.votes.rounds[0].groups[0].sheets).toHaveLength(1);
    expect(saved.live.rev).toBe(st.rev);
    await until(() => hall.some((v) => v.rev === st.rev) && live.some((l) => l.live?.rev === st.rev) && vote.length > 0);
    // Nothing reached the hall before the commit.
    expect(onDisk).toBe(0);
    const view = hall.find((v) => v.rev === st.rev)!;
    expect(view.content).toMatchObject({ kind: 'vote', phase: 'progress', groups: [{ counted: 1, returned: 30 }] });
    expect(vote.at(-1)!.rev).toBe(st.rev);
    expect(live.find((l) => l.live?.rev === st.rev)!.hall.content).toEqual(view.content);
  });

  it('vote.changed follows the open session only; the desk preparing another meeting tells no console', async () => {
    const { call, s } = await start();
    await atVote(call, { start: false });
    await call('live.leave');
    const pushed: string[] = [];
    s.hub.subscribe('console', (name) => pushed.push(name));
    const meetingId = (await call<LiveConsoleState>('live.state')).meetings[0]!.id;
    const st = await call('vote.state', { meetingId }, 'desk');
    // vote.changed is pushed (or not) before the call answers (vote-publish.ts is awaited), so
    // the answer is the signal that nothing more will come of this change.
    await call('vote.prepare', { meetingId, agendaItemId: st.items[0]!.agendaItemId }, 'desk');
    expect(pushed).not.toContain('vote.changed');
  });
});
