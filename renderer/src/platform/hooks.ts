import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { ArgsOf, CallName, EventName, ResultOf } from '../../../shared/api/contract';
import { getPlatform } from './platform';

export interface CallState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Fetches a call's result and refetches it whenever the services report a durable change
 * (store.committed) or the connection comes back after the host restarted.
 */
export function useCall<N extends CallName>(name: N, args: ArgsOf<N>, refreshOn: readonly EventName[] = ['store.committed']): CallState<ResultOf<N>> {
  const [data, setData] = useState<ResultOf<N>>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const argsKey = JSON.stringify(args);
  const seq = useRef(0);

  const load = useCallback(() => {
    const mine = ++seq.current;
    setLoading(true);
    getPlatform()
      .call(name, JSON.parse(argsKey) as ArgsOf<N>)
      .then((result) => {
        if (mine !== seq.current) return;
        setData(result);
        setError(undefined);
      })
      .catch((err: ApiError) => {
        if (mine === seq.current) setError(err);
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
  }, [name, argsKey]);

  useEffect(() => {
    load();
    const platform = getPlatform();
    const offs = refreshOn.filter((e) => platform.role !== 'hall' || e !== 'store.committed').map((e) => platform.on(e, () => load()));
    offs.push(platform.onConnection((state) => state === 'open' && load()));
    return () => offs.forEach((off) => off());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load, refreshOn.join(',')]);

  return { data, error, loading, reload: load };
}

export function useConnection(): 'open' | 'lost' {
  const [state, setState] = useState<'open' | 'lost'>(getPlatform().mode === 'desktop' ? 'open' : 'open');
  useEffect(() => getPlatform().onConnection(setState), []);
  return state;
}
