import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArgsOf, CallName } from '../../../../shared/api/contract';
import type { QuestioningState } from '../../../../shared/api/questioning-types';
import { getPlatform } from '../../platform/platform';
import { afterHall } from '../../hall/after-hall';
import { createClockOffset } from '../../hall/clock-offset';
import { shareEqual } from '../share-equal';

/** Calls of the live questioning that answer with the questioning state. */
export type QuestioningAction = Exclude<Extract<CallName, `questioning.${string}`>, 'questioning.state' | 'questioning.log' | 'questioning.settings'>;

/** Is `next` at least as new as `shown`? The live rev orders changes; the services' clock breaks ties. */
export function isNewerQuestioning(next: QuestioningState, shown: QuestioningState | null): boolean {
  if (!shown) return true;
  if (next.meetingId !== shown.meetingId || next.rehearsal !== shown.rehearsal) return next.serverNow >= shown.serverNow;
  if (next.rev !== shown.rev) return next.rev > shown.rev;
  return next.serverNow >= shown.serverNow;
}

/**
 * The same picture apart from the services' clock: a call's answer and the questioning.changed event
 * of the same change carry equal states, and drawing the panel twice costs the console a layout the
 * hall's machine would rather spend on the hall. Timers are anchored values, not ticking ones, so
 * serverNow alone never makes a state different.
 */
export function sameQuestioning(a: QuestioningState, b: QuestioningState | null): boolean {
  if (!b || a.rev !== b.rev || a.meetingId !== b.meetingId || a.rehearsal !== b.rehearsal) return false;
  // Compared part by part, stopping at nothing cheaper than two JSON strings of the whole state.
  return shareEqual(b, { ...a, serverNow: b.serverNow }) === b;
}

export interface Questioning {
  state: QuestioningState | null;
  /** Services' clock minus this page's, for the timers and the animation's end. */
  clockOffsetMs: number;
  call: <N extends QuestioningAction>(name: N, args: ArgsOf<N>) => Promise<QuestioningState>;
  /** For buttons and keys: a refusal becomes the notice; `busy` while it runs. */
  act: <N extends QuestioningAction>(name: N, args: ArgsOf<N>) => void;
  busy: boolean;
  notice: string | null;
  setNotice: (text: string | null) => void;
}

/**
 * The questioning panel's state: fetched on mount and whenever the live session moves (`liveRev`:
 * attendance and stage change the candidates), pushed by questioning.changed, and answered by
 * every call once its change is durable.
 */
export function useQuestioning(liveRev: number): Questioning {
  const [state, setState] = useState<QuestioningState | null>(null);
  const [clockOffsetMs, setClockOffsetMs] = useState(0);
  const [clockOffset] = useState(createClockOffset);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const alive = useRef(true);

  const offer = useCallback(
    (next: QuestioningState) => {
      if (!alive.current) return;
      const offset = clockOffset(next.serverNow);
      // After the hall has painted the change: the panel is the operator's, the hall the room's.
      afterHall(() => {
        if (!alive.current) return;
        setClockOffsetMs(offset);
        setState((cur) => (isNewerQuestioning(next, cur) && !sameQuestioning(next, cur) ? (cur ? shareEqual(cur, next) : next) : cur));
      });
    },
    [clockOffset],
  );

  const reload = useCallback(() => {
    getPlatform()
      .call('questioning.state', {})
      .then(offer)
      .catch((err: Error) => alive.current && setNotice(err.message));
  }, [offer]);

  useEffect(() => {
    alive.current = true;
    const platform = getPlatform();
    // Edits from the desk (the bank, the settings, a member renamed) change what the panel shows.
    // A commit of the questioning's own change is followed at once by questioning.changed, which
    // cancels the refetch: no extra request while the hall is being updated.
    let pending = 0;
    const offs = [
      platform.on('questioning.changed', (next) => {
        window.clearTimeout(pending);
        offer(next);
      }),
      platform.on('store.committed', ({ keys }) => {
        if (!keys.some((k) => k === 'core' || k.startsWith('meeting/') || k.startsWith('rehearsal/'))) return;
        window.clearTimeout(pending);
        pending = window.setTimeout(reload, 250);
      }),
      platform.onConnection((c) => c === 'open' && reload()),
    ];
    return () => {
      alive.current = false;
      window.clearTimeout(pending);
      offs.forEach((off) => off());
    };
  }, [offer, reload]);

  useEffect(() => {
    reload();
  }, [reload]);

  // The live session moved (attendance, the stage): refetch, unless the questioning state that
  // comes with the change (same rev) arrives first, as it does for the panel's own changes.
  const shownRev = state?.rev;
  useEffect(() => {
    if (shownRev === undefined || shownRev >= liveRev) return;
    const id = window.setTimeout(reload, 150);
    return () => window.clearTimeout(id);
  }, [reload, liveRev, shownRev]);

  const call = useCallback(
    async <N extends QuestioningAction>(name: N, args: ArgsOf<N>): Promise<QuestioningState> => {
      const next = (await getPlatform().call(name, args)) as QuestioningState;
      offer(next);
      return next;
    },
    [offer],
  );

  const act = useCallback(
    <N extends QuestioningAction>(name: N, args: ArgsOf<N>) => {
      setBusy(true);
      call(name, args)
        .then(
          () => setNotice(null),
          (err: Error) => setNotice(err.message),
        )
        .finally(() => alive.current && setBusy(false));
    },
    [call],
  );

  return { state, clockOffsetMs, call, act, busy, notice, setNotice };
}
