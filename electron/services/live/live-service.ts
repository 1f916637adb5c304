import { ApiError } from '../../../shared/api/errors';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import { HISTORY_LIMIT, type LivePosition, type SessionData } from '../../../shared/domain/live';
import { rehearsalKey, SESSION_KEY, type CoreData, type MeetingData } from '../../../shared/domain/partitions';
import { addTime, newTimer, pauseTimer, resetTimer, startTimer } from '../../../shared/live/timer';
import { isValidPosition, samePosition, stepFrom } from '../../../shared/live/steps';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { readMeeting, updateYear, hasYear } from '../desk/desk-data';
import { firstEvaluationEvaluatees } from '../../../shared/domain/meetings';
import { blockerOf, consoleState, hallView, quorumOf, reportMinutesOf } from './projection';
import { liveInputs, liveMeetings, partitionOf, readActive, type Active } from './session';

type LiveCallName = Extract<keyof Handlers, `live.${string}` | 'hall.view'>;
type LiveHandlers = Pick<Handlers, LiveCallName>;

const MINUTE = 60_000;

/**
 * The live meeting. Every change is one durable write of the meeting's partition (or its
 * rehearsal copy); only then are the hall's view and the console's state pushed.
 */
export function liveHandlers(ctx: ServiceContext): LiveHandlers {
  const now = () => ctx.clock.now();
  const iso = () => new Date(now()).toISOString();
  let changing = 0;

  const readSession = () => readActive(ctx);
  const inputs = () => liveInputs(ctx);
  const meetingsList = () => liveMeetings(ctx);

  /**
   * Pushes the hall's view first (it is the one people watch), before even the console's state
   * is computed, then the console's state.
   */
  const publish = async (): Promise<LiveConsoleState> => {
    const inp = await inputs();
    const hall = hallView(inp);
    ctx.hub.publish('hall.view', hall);
    const state = consoleState(inp, await meetingsList(), hall);
    ctx.hub.publish('live.changed', state);
    return state;
  };

  const change = async (mutate: (data: MeetingData, core: Readonly<CoreData>, active: Active) => void): Promise<LiveConsoleState> => {
    const active = await readSession();
    if (!active) throw new ApiError('conflict', '尚未打开会议：请先在会议现场选择会议。');
    const core = await ctx.store.read<CoreData>('core');
    changing++;
    try {
      await ctx.store.update<MeetingData, void>(partitionOf(active), (data) => {
        mutate(data, core, active);
        data.live.rev += 1;
      });
    } finally {
      changing--;
    }
    return publish();
  };

  const setSession = async (active: Active | null) => {
    changing++;
    try {
      await ctx.store.update<SessionData, void>(SESSION_KEY, (s) => {
        s.active = active;
      });
    } finally {
      changing--;
    }
  };

  // Edits made elsewhere (names on the desk, the agenda) reach the hall and console too.
  // Coalesced: a burst of commits gives one republish after the current one, not one per commit;
  // and nothing is computed while no console or hall window is open to receive it.
  let republishing: Promise<void> | null = null;
  let again = false;
  const republish = (): void => {
    if (!ctx.hub.hasSubscribers('console') && !ctx.hub.hasSubscribers('hall')) return;
    if (republishing) {
      again = true;
      return;
    }
    republishing = publish()
      .then(() => undefined, (err: unknown) => ctx.log.warn('live republish failed', { error: String(err) }))
      .finally(() => {
        republishing = null;
        if (again) {
          again = false;
          republish();
        }
      });
  };
  ctx.hub.subscribe('desk', (name) => {
    if (name === 'store.committed' && changing === 0) republish();
  });

  /** Moves to a position: records the old one for undo, pauses a report timer being left. */
  const moveTo = (data: MeetingData, core: Readonly<CoreData>, to: LivePosition, record: boolean) => {
    const { live, meeting } = data;
    const from = live.position;
    const leaving = meeting.agenda[from.itemIndex];
    if (leaving && from.stage === 'report' && !samePosition(from, to)) {
      const t = live.timers[leaving.id];
      if (t) live.timers[leaving.id] = pauseTimer(t, now());
    }
    const entering = meeting.agenda[to.itemIndex];
    if (entering && to.stage === 'report' && !live.timers[entering.id]) live.timers[entering.id] = newTimer(reportMinutesOf(core, data) * MINUTE);
    if (record) live.history = [...live.history, from].slice(-HISTORY_LIMIT);
    live.position = to;
    // An explicit title/attendance slide gives way to the new stage; a black screen stays black.
    if (live.slide !== 'black') live.slide = 'auto';
  };

  const guard = (data: MeetingData, core: Readonly<CoreData>, to: LivePosition) => {
    const blocked = blockerOf(to, data.live, quorumOf(core, data));
    if (blocked) throw new ApiError('conflict', blocked);
  };

  const currentReportTimer = (data: MeetingData) => {
    const item = data.meeting.agenda[data.live.position.itemIndex];
    if (!item || data.live.position.stage !== 'report') throw new ApiError('conflict', '当前不在听取报告阶段，没有汇报计时。');
    if (data.live.status !== 'running') throw new ApiError('conflict', '请先开始会议。');
    return item.id;
  };

  return {
    'live.state': async () => consoleState(await inputs(), await meetingsList()),
    'hall.view': async () => hallView(await inputs()),

    'live.open': async ({ meetingId, rehearsal }) => {
      const { meeting } = await readMeeting(ctx, meetingId);
      const current = await readSession();
      if (current && !(current.meetingId === meetingId && current.rehearsal === rehearsal)) {
        const currentData = await inputs();
        if (currentData.data?.live.status === 'running') {
          throw new ApiError('conflict', `“${currentData.data.meeting.name}”${current.rehearsal ? '的彩排' : ''}正在进行，请先结束或离开。`);
        }
      }
      if (!rehearsal && meeting.status === 'closed') throw new ApiError('conflict', '该会议已结束。如需演练，请选择彩排。');
      if (rehearsal && !ctx.store.has(rehearsalKey(meetingId))) {
        const real = await readMeeting(ctx, meetingId);
        await ctx.store.update<MeetingData, void>(rehearsalKey(meetingId), (copy) => {
          // A fresh copy of the record: the practice starts from the real attendance, never writes back.
          copy.meeting = { ...structuredClone(real.meeting), status: 'planned' };
          copy.attendance = structuredClone(real.attendance);
          copy.live = { status: 'idle', position: { itemIndex: -1, stage: 'opening' }, slide: 'auto', timers: {}, history: [], rev: 0 };
        });
      }
      await setSession({ meetingId, rehearsal, openedAt: iso() });
      return publish();
    },

    'live.leave': async () => {
      await setSession(null);
      return publish();
    },

    'live.attendance': ({ memberId, status }) =>
      change((data, core) => {
        if (!core.members.some((m) => m.id === memberId && m.active)) throw new ApiError('not_found', '找不到该组成人员。');
        data.attendance.members[memberId] = status;
      }),
    'live.attendanceAll': ({ status }) =>
      change((data, core) => {
        for (const m of core.members) if (m.active) data.attendance.members[m.id] = status;
      }),
    'live.attendees': ({ deputies, citizens }) =>
      change((data) => {
        data.attendance.deputies = deputies;
        data.attendance.citizens = citizens;
      }),

    'live.start': async () => {
      const { data, session } = await inputs();
      if (!data || !session) throw new ApiError('conflict', '尚未打开会议。');
      const core = await ctx.store.read<CoreData>('core');
      const q = quorumOf(core, data);
      if (data.live.status === 'running') throw new ApiError('conflict', '会议已经开始。');
      if (data.live.status === 'ended') throw new ApiError('conflict', '会议已结束。');
      if (!q.met) throw new ApiError('conflict', `不足法定人数，不能开始会议：${q.text}`);
      if (data.meeting.agenda.length === 0) throw new ApiError('conflict', '会议议程为空，请先在办公桌“会议”中安排议程。');
      // The record before the meeting, kept whatever happens in the hall.
      if (!session.rehearsal) await ctx.store.backup('meeting-start', data.meeting.name);
      const state = await change((d) => {
        d.live.status = 'running';
        d.live.startedAt = iso();
        d.meeting.status = 'in-progress';
      });
      if (!session.rehearsal && hasYear(ctx, data.meeting.year)) {
        // Only the first evaluations of this meeting move on; hearings and later votes belong to earlier ones.
        const heard = firstEvaluationEvaluatees(data.meeting.agenda);
        await updateYear(ctx, data.meeting.year, (y) => {
          for (const ev of y.evaluations) if (heard.has(ev.evaluateeId) && (ev.stage === 'planned' || ev.stage === 'research')) ev.stage = 'meeting';
        });
      }
      return state;
    },

    'live.move': ({ to }) =>
      change((data, core) => {
        const step = stepFrom(data.meeting.agenda, data.live.position, to === 'next' ? 1 : -1);
        if (!step) throw new ApiError('conflict', to === 'next' ? '已经是最后一步。' : '已经是第一步。');
        guard(data, core, step);
        moveTo(data, core, step, true);
      }),
    'live.goto': ({ itemIndex, stage }) =>
      change((data, core) => {
        const to = { itemIndex, stage };
        if (!isValidPosition(data.meeting.agenda, to)) throw new ApiError('invalid_args', '议程中没有这一阶段。');
        guard(data, core, to);
        moveTo(data, core, to, true);
      }),
    'live.undo': () =>
      change((data, core) => {
        const back = data.live.history.at(-1);
        if (!back) throw new ApiError('conflict', '没有可撤销的议程移动。');
        if (!isValidPosition(data.meeting.agenda, back)) throw new ApiError('conflict', '议程已调整，无法撤销到原来的位置。');
        data.live.history = data.live.history.slice(0, -1);
        moveTo(data, core, back, false);
      }),
    'live.slide': ({ slide }) =>
      change((data) => {
        data.live.slide = slide;
      }),

    'live.timer': ({ action }) =>
      change((data, core) => {
        const id = currentReportTimer(data);
        const t = data.live.timers[id] ?? newTimer(reportMinutesOf(core, data) * MINUTE);
        const at = now();
        data.live.timers[id] =
          action === 'start' ? startTimer(t, at) : action === 'pause' ? pauseTimer(t, at) : action === 'reset' ? resetTimer(t, reportMinutesOf(core, data) * MINUTE) : addTime(t, MINUTE);
      }),
    'live.reportMinutes': ({ minutes }) =>
      change((data) => {
        data.live.reportMinutes = minutes;
        // Timers not yet started take the new length; running ones keep theirs (use +1 分钟).
        for (const [id, t] of Object.entries(data.live.timers)) if (!t.started) data.live.timers[id] = newTimer(minutes * MINUTE);
      }),

    'live.end': () =>
      change((data) => {
        if (data.live.status !== 'running') throw new ApiError('conflict', '会议尚未开始。');
        const at = now();
        for (const [id, t] of Object.entries(data.live.timers)) data.live.timers[id] = pauseTimer(t, at);
        data.live.status = 'ended';
        data.live.endedAt = iso();
        data.live.position = { itemIndex: data.meeting.agenda.length, stage: 'closing' };
        data.live.slide = 'auto';
        data.meeting.status = 'closed';
      }),

    'live.discardRehearsal': async () => {
      const active = await readSession();
      if (!active?.rehearsal) throw new ApiError('conflict', '当前不是彩排，没有可丢弃的副本。');
      await setSession(null);
      await ctx.store.remove(rehearsalKey(active.meetingId));
      return publish();
    },
  };
}
