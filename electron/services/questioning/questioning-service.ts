import { ApiError } from '../../../shared/api/errors';
import type { QuestioningState } from '../../../shared/api/questioning-types';
import { meetingKey, type CoreData, type MeetingData } from '../../../shared/domain/partitions';
import type { QuestioningData } from '../../../shared/domain/questioning';
import type { Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { consoleState, hallView, type LiveInputs } from '../live/projection';
import { liveInputs, liveMeetings, partitionOf, readActive, type Active } from '../live/session';
import { checkAppendOnly, frozenLog } from './append-only';
import { bankHandlers, type BankHandlers } from './bank';
import { cancelCurrent, drawQuestioner, finishCurrent, findRecord, newCycle, questionTimer, skipAnimation, volunteerQuestioner, type OpClock } from './ops';
import { rehearsalQuestioning } from './rehearsal';
import { questioningState } from './view';
import { checkMeetingFinding, meetingFindings } from '../thread/meeting-findings';

type LiveCallName = Extract<keyof Handlers, `questioning.${string}`>;
type QuestioningHandlers = BankHandlers & Pick<Handlers, Exclude<LiveCallName, keyof BankHandlers>>;

/**
 * What a change moves: LIVE — the hall's picture (a draw, a timer) and with it the console's live
 * state (rev, hall preview), pushed as hall.view first, then live.changed; MINUTES_ONLY — the
 * minutes: never the hall's business, and nothing else on the console moves.
 */
const LIVE = true;
const MINUTES_ONLY = false;

/**
 * 随机询问 in the live session. Like live-service.ts: every change is one durable write of the
 * session's meeting partition (or its rehearsal copy) — the draw log checked append-only before it
 * is written — and only then are the hall's picture, the console's live state and the
 * questioning state pushed, in that order (the hall is what people watch).
 */
export function questioningHandlers(ctx: ServiceContext): QuestioningHandlers {
  const now = () => ctx.clock.now();
  const exists = (key: string) => ctx.store.has(key);
  const readSession = () => readActive(ctx);
  const inputs = () => liveInputs(ctx);

  /** The record meeting's questioning, which a rehearsal takes its bank and settings from. */
  const recordOf = async (active: Active): Promise<Readonly<QuestioningData> | null> => {
    if (!active.rehearsal || !exists(meetingKey(active.meetingId))) return null;
    return (await ctx.store.read<MeetingData>(meetingKey(active.meetingId))).questioning;
  };

  const stateOf = async (inp: LiveInputs): Promise<QuestioningState> => {
    const { core, data, session } = inp;
    const record = session && data ? await recordOf(session) : null;
    const q = data ? (record ? rehearsalQuestioning(data.questioning, record) : data.questioning) : null;
    return questioningState(core, data, q, session, inp.now, data ? await meetingFindings(ctx, data) : undefined);
  };

  const publish = async (live: boolean): Promise<QuestioningState> => {
    const inp = await inputs();
    // Built once: pushed to the hall before anything is computed for the console, then reused as
    // the console's preview of it.
    if (live) {
      const hall = hallView(inp);
      ctx.hub.publish('hall.view', hall);
      ctx.hub.publish('live.changed', consoleState(inp, await liveMeetings(ctx), hall));
    }
    const state = await stateOf(inp);
    ctx.hub.publish('questioning.changed', state);
    return state;
  };

  const change = async (mutate: (data: MeetingData, core: Readonly<CoreData>, clock: OpClock) => void, live = LIVE): Promise<QuestioningState> => {
    const active = await readSession();
    if (!active) throw new ApiError('conflict', '尚未打开会议：请先在会议现场选择会议。');
    const key = partitionOf(active);
    if (!exists(key)) throw new ApiError('conflict', '会议记录不存在，请重新打开会议。');
    const core = await ctx.store.read<CoreData>('core');
    const record = await recordOf(active);
    const at = now();
    const clock: OpClock = { now: at, iso: new Date(at).toISOString(), random: ctx.random };
    await ctx.store.update<MeetingData, void>(key, (data) => {
      if (record) data.questioning = rehearsalQuestioning(data.questioning, record);
      const before = frozenLog(data.questioning.log);
      mutate(data, core, clock);
      checkAppendOnly(before, data.questioning.log);
      if (live) data.live.rev += 1;
    });
    return publish(live);
  };

  return {
    ...bankHandlers(ctx),

    'questioning.state': async () => stateOf(await inputs()),

    'questioning.draw': ({ skipAnimation: skip }) =>
      change((data, core, clock) => {
        drawQuestioner(data, core, clock, skip);
      }),

    'questioning.redraw': ({ reason, skipAnimation: skip }) =>
      change((data, core, clock) => {
        cancelCurrent(data, clock, 'redraw', reason);
        drawQuestioner(data, core, clock, skip);
      }),

    'questioning.undoDraw': ({ reason }) =>
      change((data, _core, clock) => {
        cancelCurrent(data, clock, 'undo', reason);
      }),

    'questioning.newCycle': ({ reason }) =>
      change((data, _core, clock) => {
        newCycle(data, clock, reason);
      }),

    'questioning.skipAnimation': () =>
      change((data, _core, clock) => {
        skipAnimation(data, clock.now);
      }),

    'questioning.timer': ({ recordId, which, action }) =>
      change((data, _core, clock) => {
        if (data.live.status !== 'running') throw new ApiError('conflict', '会议未在进行中，不能计时。');
        questionTimer(data, clock.now, recordId, which, action);
      }),

    'questioning.notes': ({ recordId, notes }) =>
      change((data) => {
        findRecord(data, recordId).notes = notes;
      }, MINUTES_ONLY),

    'questioning.question': ({ recordId, text }) =>
      change((data) => {
        const record = findRecord(data, recordId);
        record.questionText = text;
      }, LIVE),

    'questioning.volunteer': ({ memberId, questionId }) =>
      change((data, core, clock) => {
        volunteerQuestioner(data, core, clock, memberId, questionId);
      }),

    'questioning.finding': async ({ recordId, findingId }) => {
      const active = await readSession();
      if (findingId && active && exists(partitionOf(active))) {
        const data = await ctx.store.read<MeetingData>(partitionOf(active));
        await checkMeetingFinding(ctx, data, findRecord(data, recordId).evaluateeId, findingId);
      }
      return change((data) => {
        const record = findRecord(data, recordId);
        if (findingId) record.findingId = findingId;
        else delete record.findingId;
      }, MINUTES_ONLY);
    },

    'questioning.next': () =>
      change((data, _core, clock) => {
        finishCurrent(data, clock);
      }),
  };
}
