import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArgsOf, CallName } from '../../../shared/api/contract';
import type { LiveConsoleState } from '../../../shared/api/live-types';
import type { ShellStatus } from '../../../shared/api/shell-types';
import { getPlatform } from '../platform/platform';
import { afterHall } from '../hall/after-hall';
import { createClockOffset } from '../hall/clock-offset';
import { shareEqual } from './share-equal';

/** Every call that changes the live session; each answers with the new, durable console state. */
export type LiveAction = Exclude<Extract<CallName, `live.${string}`>, 'live.state'>;

/**
 * Is `next` at least as new as `shown`? The answer to a call and the live.changed event for the
 * same change race each other, and two quick key presses can overtake one another: within one
 * session the live rev orders them; across sessions (open, leave) the services' clock does.
 */
export function isNewerState(next: LiveConsoleState, shown: LiveConsoleState | null): boolean {
  if (!shown) return true;
  const sameSession = next.session?.meetingId === shown.session?.meetingId && next.session?.rehearsal === shown.session?.rehearsal;
  if (sameSession && next.live && shown.live && next.live.rev !== shown.live.rev) return next.live.rev > shown.live.rev;
  return next.serverNow >= shown.serverNow;
}

type ShellAction = 'shell.chooseHallDisplay' | 'shell.openHall';

export interface LiveConsole {
  state: LiveConsoleState | null;
  /** Services' clock minus this page's clock, measured when the state arrived. */
  clockOffsetMs: number;
  shell: ShellStatus | null;
  /** Why the state could not be loaded at all (e.g. the services refused), or null. */
  loadError: string | null;
  /** Performs a live call and shows what it returns; a refusal rejects with the Chinese message. */
  call: <N extends LiveAction>(name: N, args: ArgsOf<N>) => Promise<LiveConsoleState>;
  /** Same, for buttons and keys: a refusal becomes a notice instead of a rejection. */
  act: <N extends LiveAction>(name: N, args: ArgsOf<N>) => void;
  notice: string | null;
  setNotice: (text: string | null) => void;
  shellCall: <N extends ShellAction>(name: N, args: ArgsOf<N>) => void;
  reload: () => void;
}

export function useLiveConsole(): LiveConsole {
  const [state, setState] = useState<{ s: LiveConsoleState; offset: number } | null>(null);
  const [shell, setShell] = useState<ShellStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const alive = useRef(true);
  const [clockOffset] = useState(createClockOffset);

  const offer = useCallback((next: LiveConsoleState, force = false) => {
    if (!alive.current) return;
    const offset = clockOffset(next.serverNow);
    const show = () => {
      if (!alive.current) return;
      // Shared with what is shown: the parts a change did not touch keep their identity (memo rows skip).
      setState((cur) => (force || isNewerState(next, cur?.s ?? null) ? { s: cur ? shareEqual(cur.s, next) : next, offset } : cur));
      setLoadError(null);
    };
    // The first state shows at once; changes after the hall has painted them — except during a
    // vote, whose panel draws each keyed sheet at once (the entry numbers the next sheet from it):
    // drawing the rest then too makes one render of the two, not two.
    if (force || next.live?.position.stage === 'vote') show();
    else afterHall(show);
  }, [clockOffset]);

  const reload = useCallback(() => {
    const platform = getPlatform();
    platform
      .call('live.state', {})
      .then((s) => offer(s, true))
      .catch((err: Error) => alive.current && setLoadError(err.message));
    platform
      .call('shell.status', {})
      .then((s) => alive.current && setShell(s))
      // The display information is a help, not a condition: the console works without it.
      .catch(() => undefined);
  }, [offer]);

  useEffect(() => {
    alive.current = true;
    const platform = getPlatform();
    reload();
    const offs = [
      platform.on('live.changed', (s) => offer(s)),
      platform.on('shell.changed', (s) => alive.current && setShell(s)),
      platform.onConnection((c) => c === 'open' && reload()),
    ];
    return () => {
      alive.current = false;
      offs.forEach((off) => off());
    };
  }, [offer, reload]);

  const call = useCallback(
    async <N extends LiveAction>(name: N, args: ArgsOf<N>): Promise<LiveConsoleState> => {
      const next = (await getPlatform().call(name, args)) as LiveConsoleState;
      offer(next);
      return next;
    },
    [offer],
  );

  const act = useCallback(
    <N extends LiveAction>(name: N, args: ArgsOf<N>) => {
      call(name, args).then(
        () => setNotice(null),
        (err: Error) => setNotice(err.message),
      );
    },
    [call],
  );

  const shellCall = useCallback(<N extends ShellAction>(name: N, args: ArgsOf<N>) => {
    getPlatform()
      .call<ShellAction>(name, args)
      .then((s) => alive.current && setShell(s))
      .catch((err: Error) => setNotice(err.message));
  }, []);

  return { state: state?.s ?? null, clockOffsetMs: state?.offset ?? 0, shell, loadError, call, act, notice, setNotice, shellCall, reload };
}
