import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArgsOf, CallName } from '../../../../shared/api/contract';
import type { VoteConsoleState } from '../../../../shared/api/vote-types';
import { getPlatform } from '../../platform/platform';
import { shareEqual } from '../share-equal';

/** Every vote call that changes a round; each answers with the new, durable vote state. */
export type VoteAction = Exclude<Extract<CallName, `vote.${string}`>, 'vote.state' | 'vote.audit' | 'vote.auditCsv'>;

/** Is `next` at least as new as `shown`? Within one meeting the live rev orders them. */
export function isNewerVote(next: VoteConsoleState, shown: VoteConsoleState | null): boolean {
  if (!shown || shown.meetingId !== next.meetingId || shown.rehearsal !== next.rehearsal) return true;
  return next.rev >= shown.rev;
}

export interface VoteConsole {
  vote: VoteConsoleState | null;
  loadError: string | null;
  /** Performs a vote call and shows its answer; a refusal rejects with the Chinese message. */
  run: <N extends VoteAction>(name: N, args: ArgsOf<N>) => Promise<VoteConsoleState>;
  /** Same, for buttons: a refusal becomes the panel's notice. */
  act: <N extends VoteAction>(name: N, args: ArgsOf<N>) => void;
  notice: string | null;
  setNotice: (text: string | null) => void;
}

/**
 * The vote state of the meeting open on the console: fetched, then kept current by vote.changed
 * (and refetched when the live rev moves past it, e.g. attendance changed the quorum).
 */
export function useVote(liveRev: number): VoteConsole {
  const [vote, setVote] = useState<VoteConsoleState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const alive = useRef(true);
  const shownRev = useRef(-1);

  const offer = useCallback((next: VoteConsoleState) => {
    if (!alive.current) return;
    shownRev.current = Math.max(shownRev.current, next.rev);
    setVote((cur) => (isNewerVote(next, cur) ? (cur ? shareEqual(cur, next) : next) : cur));
    setLoadError(null);
  }, []);

  const load = useCallback(() => {
    getPlatform()
      .call('vote.state', {})
      .then(offer)
      .catch((err: Error) => alive.current && setLoadError(err.message));
  }, [offer]);

  useEffect(() => {
    alive.current = true;
    const platform = getPlatform();
    load();
    const offs = [platform.on('vote.changed', offer), platform.onConnection((c) => c === 'open' && load())];
    return () => {
      alive.current = false;
      offs.forEach((off) => off());
    };
  }, [load, offer]);

  useEffect(() => {
    // vote.changed usually arrives with the same rev; refetch only if it did not come soon.
    if (liveRev <= shownRev.current) return;
    const timer = setTimeout(() => liveRev > shownRev.current && load(), 300);
    return () => clearTimeout(timer);
  }, [liveRev, load]);

  const run = useCallback(
    async <N extends VoteAction>(name: N, args: ArgsOf<N>): Promise<VoteConsoleState> => {
      const next = (await getPlatform().call(name, args)) as VoteConsoleState;
      offer(next);
      return next;
    },
    [offer],
  );

  const act = useCallback(
    <N extends VoteAction>(name: N, args: ArgsOf<N>) => {
      run(name, args).then(
        () => setNotice(null),
        (err: Error) => setNotice(err.message),
      );
    },
    [run],
  );

  return { vote, loadError, run, act, notice, setNotice };
}
