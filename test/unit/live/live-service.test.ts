import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import type { HallView, LiveConsoleState } from '../../../shared/api/live-types';
import { remainingMs } from '../../../shared/live/timer';

let t = Date.UTC(2026, 9, 28, 1, 0, 0);
const clock = { now: () => t };
const opened: AppServices[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function start(home?: string) {
  const dir = home ?? (await mkdtemp(join(tmpdir(), 'pingyi-live-')));
  const s = await createAppServices({ homeDir: dir, mode: 'browser', version: 't', clock, log: silentLogger, backupOnStart: false });
  opened.push(s);
  const call = async <T = LiveConsoleState>(name: string, args: unknown = {}, role: 'console' | 'hall' | 'desk' = 'console'): Promise<T> => {
    const reply = await s.dispatch(role, name, args);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.result as T;
  };
  return { s, call, dir };
}

async function openDemoMeeting(call: Awaited<ReturnType<typeof start>>['call'], rehearsal = false) {
  const state = await call('live.state');
  return call('live.open', { meetingId: state.meetings[0]!.id, rehearsal });
}

describe('live session', () => {
  it('quorum gates the start, and says why', async () => {
    const { call } = await start();
    let st = await openDemoMeeting(call);
    expect(st.quorum).toMatchObject({ entitled: 30, present: 0, met: false });
    expect(st.startBlockedBy).toContain('不足法定人数');
    await expect(call('live.start')).rejects.toThrow(/不足法定人数/);
    for (const m of st.roster.slice(0, 15)) st = await call('live.attendance', { memberId: m.id, status: 'present' });
    expect(st.quorum?.met).toBe(false);
    st = await call('live.attendance', { memberId: st.roster[15]!.id, status: 'present' });
    expect(st.quorum).toMatchObject({ present: 16, met: true, text: '应到30人，实到16人，符合法定人数' });
    st = await call('live.start');
    expect(st.live?.status).toBe('running');
  });

  it('the report timer is anchored to the wall clock across a restart of the services', async () => {
    const first = await start();
    await openDemoMeeting(first.call);
    await first.call('live.attendanceAll', { status: 'present' });
    await first.call('live.start');
    let st = await first.call('live.move', { to: 'next' });
    expect(st.live?.position).toEqual({ itemIndex: 0, stage: 'report' });
    await first.call('live.timer', { action: 'start' });
    t += 4 * 60_000;
    await first.s.close();
    opened.splice(0);
    t += 90_000; // the app was down for a minute and a half; the speaker went on
    const second = await start(first.dir);
    st = await second.call('live.state');
    expect(st.live?.position).toEqual({ itemIndex: 0, stage: 'report' });
    const item = st.meeting!.agenda[0]!;
    const timer = st.live!.timers[item.id]!;
    expect(remainingMs(timer, t)).toBe(15 * 60_000 - 4 * 60_000 - 90_000);
    const hall = await second.call<HallView>('hall.view', {}, 'hall');
    expect(hall.content.kind).toBe('evaluatee');
  });

  it('the hall view carries only what is on the screen', async () => {
    const { call } = await start();
    const st = await openDemoMeeting(call);
    await call('live.attendanceAll', { status: 'present' });
    await call('live.start');
    await call('live.move', { to: 'next' });
    const names = st.roster.map((m) => m.name);
    for (const slide of ['auto', 'title', 'attendance', 'evaluatee', 'blank', 'black'] as const) {
      await call('live.slide', { slide });
      const view = await call<HallView>('hall.view', {}, 'hall');
      const text = JSON.stringify(view);
      for (const n of names) expect(text, `${slide} shows member ${n}`).not.toContain(n);
      for (const key of ['roster', 'history', 'agenda', '"members"', 'timers']) expect(text).not.toContain(key);
      if (slide === 'black') expect(view.content).toEqual({ kind: 'black' });
    }
  });

  it('a rehearsal never touches the real meeting', async () => {
    const { call, s } = await start();
    const st = await openDemoMeeting(call, true);
    const id = st.session!.meetingId;
    const realFile = join(s.dataDir, 'meeting', `${id}.json`);
    const before = await readFile(realFile, 'utf8');
    await call('live.attendanceAll', { status: 'present' });
    await call('live.start');
    await call('live.move', { to: 'next' });
    expect((await call<HallView>('hall.view', {}, 'hall')).rehearsal).toBe(true);
    expect(await readFile(realFile, 'utf8')).toBe(before);
    const after = await call('live.discardRehearsal');
    expect(after.session).toBeNull();
    expect(after.meetings.find((m) => m.id === id)?.hasRehearsal).toBe(false);
  });

  it('a stage move can be undone; votes need quorum at that moment', async () => {
    const { call } = await start();
    let st = await openDemoMeeting(call);
    await call('live.attendanceAll', { status: 'present' });
    await call('live.start');
    await call('live.move', { to: 'next' });
    st = await call('live.move', { to: 'next' });
    expect(st.live?.position.stage).toBe('questioning');
    st = await call('live.undo');
    expect(st.live?.position.stage).toBe('report');
    const voteIndex = st.agenda.findIndex((a) => a.kind === 'vote');
    await call('live.attendanceAll', { status: 'absent' });
    await expect(call('live.goto', { itemIndex: voteIndex, stage: 'vote' })).rejects.toThrow(/不能进行测评/);
  });

  it('pushes the hall view only after the change is on disk', async () => {
    const { call, s } = await start();
    await openDemoMeeting(call);
    const seen: string[] = [];
    s.hub.subscribe('hall', (name, payload) => seen.push(`${name}:${(payload as HallView).rev}`));
    const st = await call('live.slide', { slide: 'black' });
    const file = JSON.parse(await readFile(join(s.dataDir, 'meeting', `${st.session!.meetingId}.json`), 'utf8'));
    expect(file.data.live.slide).toBe('black');
    expect(seen).toEqual([`hall.view:${st.live!.rev}`]);
  });
});
