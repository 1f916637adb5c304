import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved'; at: number } | { kind: 'error'; message: string };

export const AUTOSAVE_DELAY_MS = 700;

/**
 * Free text is saved within a second of the last keystroke and at once when the field loses
 * focus. The draft is also mirrored to localStorage until a save succeeds, so a failed save or a
 * closed window loses nothing; `restore` gives it back.
 */
export function useAutosave<T>(key: string, save: (value: T) => Promise<void>) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<{ value: T } | null>(null);
  // Saves go out one after another, so an older text never lands after a newer one.
  const chain = useRef<Promise<void>>(Promise.resolve());
  const inflight = useRef(0);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);
  const storageKey = `pingyi.draft.${key}`;

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const job = pending.current;
    if (!job) return;
    pending.current = null;
    setState({ kind: 'saving' });
    inflight.current += 1;
    const run = async () => {
      try {
        await saveRef.current(job.value);
        inflight.current -= 1;
        // A later save still to go, or typed again meanwhile: not saved yet, the draft stays mirrored.
        if (inflight.current > 0) return;
        if (pending.current) {
          setState({ kind: 'pending' });
          return;
        }
        localStorage.removeItem(storageKey);
        setState({ kind: 'saved', at: Date.now() });
      } catch (err) {
        inflight.current -= 1;
        setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    };
    const next = chain.current.then(run, run);
    chain.current = next;
    await next;
  }, [storageKey]);

  const change = useCallback(
    (value: T) => {
      pending.current = { value };
      try {
        localStorage.setItem(storageKey, JSON.stringify(value));
      } catch {
        // storage full or unavailable: the timed save below still runs
      }
      setState({ kind: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush, storageKey],
  );

  useEffect(
    () => () => {
      // Leaving the screen is leaving the field.
      void flush();
    },
    [flush],
  );

  const restore = useCallback((): T | undefined => {
    const raw = localStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as T) : undefined;
  }, [storageKey]);

  return { state, change, flush, restore };
}

export function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'pending':
      return '正在输入…';
    case 'saving':
      return '正在保存…';
    case 'saved': {
      const d = new Date(state.at);
      return `已保存 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}`;
    }
    case 'error':
      return `未保存：${state.message}`;
  }
}
