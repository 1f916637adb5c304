import { describe, expect, it } from 'vitest';
import { liveSchema } from '../../../shared/domain/live';
import type { HallContent, HallView, LiveConsoleState } from '../../../shared/api/live-types';
import { AwakeKeeper, shouldKeepAwake, type SleepBlocker } from '../../../electron/shell/power';

function view(content: HallContent): HallView {
  return { rev: 1, rehearsal: false, serverNow: 0, slide: 'auto', content };
}

const idle = view({ kind: 'idle', orgName: '示例县人大常委会' });
const title = view({ kind: 'title', orgName: '示例县人大常委会', meetingName: '工作评议会议', date: '2026年10月28日' });

function consoleState(options: { session: boolean; status?: 'idle' | 'running' | 'ended'; hall: HallView }): LiveConsoleState {
  return {
    serverNow: 0,
    session: options.session ? { meetingId: 'mt-1', rehearsal: false, openedAt: '2026-10-28T08:00:00.000Z' } : null,
    meetings: [],
    meeting: null,
    orgName: '示例县人大常委会',
    roster: [],
    attendance: null,
    quorum: null,
    live: options.status ? liveSchema.parse({ status: options.status }) : null,
    agenda: [],
    next: null,
    prev: null,
    startBlockedBy: null,
    reportMinutes: 15,
    hall: options.hall,
  };
}

describe('shouldKeepAwake', () => {
  it('from the hall view: awake whenever the hall shows anything but idle', () => {
    expect(shouldKeepAwake(idle)).toBe(false);
    expect(shouldKeepAwake(title)).toBe(true);
    // A deliberate black or blank slide mid-meeting: a sleeping projector would show "no signal".
    expect(shouldKeepAwake(view({ kind: 'black' }))).toBe(true);
    expect(shouldKeepAwake(view({ kind: 'blank' }))).toBe(true);
  });

  it('from the console state: a session open, and the meeting running or the hall showing something', () => {
    expect(shouldKeepAwake(consoleState({ session: false, hall: idle }))).toBe(false);
    expect(shouldKeepAwake(consoleState({ session: true, status: 'idle', hall: idle }))).toBe(false);
    expect(shouldKeepAwake(consoleState({ session: true, status: 'running', hall: idle }))).toBe(true);
    expect(shouldKeepAwake(consoleState({ session: true, status: 'idle', hall: title }))).toBe(true);
    expect(shouldKeepAwake(consoleState({ session: true, status: 'ended', hall: idle }))).toBe(false);
  });

  it('nothing known: may sleep', () => {
    expect(shouldKeepAwake(null)).toBe(false);
    expect(shouldKeepAwake(undefined)).toBe(false);
  });
});

function fakeBlocker() {
  const log: string[] = [];
  let next = 1;
  const blocker: SleepBlocker = {
    start(type) {
      log.push(`start:${type}:${next}`);
      return next++;
    },
    stop(id) {
      log.push(`stop:${id}`);
      return true;
    },
  };
  return { blocker, log };
}

describe('AwakeKeeper', () => {
  it('holds one display-sleep blocker while the meeting is on, and lets go after', () => {
    const { blocker, log } = fakeBlocker();
    const keeper = new AwakeKeeper(blocker);
    keeper.onView(idle);
    expect(keeper.active).toBe(false);
    keeper.onView(title);
    keeper.onView(view({ kind: 'black' }));
    expect(keeper.active).toBe(true);
    keeper.onView(idle);
    keeper.onView(idle);
    expect(keeper.active).toBe(false);
    expect(log).toEqual(['start:prevent-display-sleep:1', 'stop:1']);
  });

  it('a meeting resumed after a restart keeps the screen awake from the start', () => {
    const { blocker, log } = fakeBlocker();
    const keeper = new AwakeKeeper(blocker);
    keeper.onInitialView(title);
    expect(keeper.active).toBe(true);
    keeper.release();
    expect(log).toEqual(['start:prevent-display-sleep:1', 'stop:1']);
  });

  it('ignores the start-up view once a newer one was pushed', () => {
    const { blocker } = fakeBlocker();
    const keeper = new AwakeKeeper(blocker);
    keeper.onView(idle);
    keeper.onInitialView(title);
    expect(keeper.active).toBe(false);
  });
});
