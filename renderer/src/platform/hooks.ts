import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { ArgsOf, CallName, EventName, ResultOf } from '../../../shared/api/contract';
import { getPlatform } from './platform';

export interface CallState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Fetches again; returns that load's number (see `dataLoad`). */
  reload: () => number;
  /** The number of the load whose answer `data` is (0 before the first): later loads have higher numbers. */
  dataLoad: number;
}

/**
 * Fetches a call's result and refetches it whenever the services report a durable change
 * (store.committed) or the connection comes back after the host restarted. `data` and `error`
 * are always those of the current arguments: when they change (another year, another meeting)
 * the previous answer is not shown in the meantime — a form would start from it and save it
 * under the new arguments.
 */
export function useCall<N extends CallName>(name: N, args: ArgsOf<N>, refreshOn: readonly EventName[] = ['store.committed']): CallState<ResultOf<N>> {
  const [held, setHeld] = useState<{ argsKey: string; data: ResultOf<N> }>();
  const [failed, setFailed] = useState<{ argsKey: string; error: ApiError }>();
  const [loading, setLoading] = useState(true);
  const [dataLoad, setDataLoad] = useState(0);
  const argsKey = JSON.stringify(args);
  const seq = useRef(0);

  const load = useCallback(() => {
    const mine = ++seq.current;
    setLoading(true);
    getPlatform()
      .call(name, JSON.parse(argsKey) as ArgsOf<N>)
      .then((result) => {
        if (mine !== seq.current) return;
        setHeld({ argsKey, data: result });
        setDataLoad(mine);
        setFailed(undefined);
      })
      .catch((err: ApiError) => {
        if (mine === seq.current) setFailed({ argsKey, error: err });
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
    return mine;
  }, [name, argsKey]);

  useEffect(() => {
    load();
    const platform = getPlatform();
    const offs = refreshOn.filter((e) => platform.role !== 'hall' || e !== 'store.committed').map((e) => platform.on(e, () => load()));
    offs.push(platform.onConnection((state) => state === 'open' && load()));
    return () => offs.forEach((off) => off());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load, refreshOn.join(',')]);

  const data = held?.argsKey === argsKey ? held.data : undefined;
  const error = failed?.argsKey === argsKey ? failed.error : undefined;
  // Nothing for these arguments yet and no failure: loading, even before the effect has sent the call.
  return { data, error, loading: loading || (held?.argsKey !== argsKey && error === undefined), reload: load, dataLoad };
}

/**
 * A save's stored result, shown in place of `call`'s data until that data catches up: until the
 * answer of a load sent after the save answered. A refetch already on its way when the save
 * answered (or answered but not yet drawn) may hold the state before the save, and must not
 * replace it — an agenda would jump back to its old order for a moment.
 */
export function useSavedResult<T>(call: Pick<CallState<unknown>, 'reload' | 'dataLoad'>): [T | undefined, (value: T) => void] {
  const [saved, setSaved] = useState<{ value: T; after: number }>();
  const shown = saved && call.dataLoad < saved.after ? saved.value : undefined;
  return [shown, (value: T) => setSaved({ value, after: call.reload() })];
}

export function useConnection(): 'open' | 'lost' {
  const [state, setState] = useState<'open' | 'lost'>(getPlatform().mode === 'desktop' ? 'open' : 'open');
  useEffect(() => getPlatform().onConnection(setState), []);
  return state;
}
