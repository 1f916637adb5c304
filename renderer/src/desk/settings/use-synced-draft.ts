import { useCallback, useEffect, useRef, useState } from 'react';
import { useAutosave, type SaveState } from '../../ui/autosave';
import { errorsByPath, NO_ERRORS, type PathErrors } from './issues';

export interface SyncedDraft<T> {
  /** What the screen shows: the server's value plus the user's edits, kept when a save fails. */
  draft: T | undefined;
  state: SaveState;
  errors: PathErrors;
  /** True when an unsaved draft from an earlier visit was found and is being saved again. */
  recovered: boolean;
  /** Free text: saved within a second of the last keystroke (call `flush` on blur). */
  editText: (update: (d: T) => T) => void;
  /** Structured change (select, order, removal): saved at once. */
  editNow: (update: (d: T) => T) => void;
  /** A local change that is not worth saving yet (an empty new row waiting for its text). */
  editLocal: (update: (d: T) => T) => void;
  flush: () => void;
}

export interface SyncedDraftOptions<T> {
  /** Names the localStorage mirror of unsaved drafts (useAutosave). */
  key: string;
  /** The call's argument name, stripped from issue paths ('settings.term.endYear' → 'term.endYear'). */
  argument: string;
  server: T | undefined;
  save: (value: T) => Promise<T>;
  /** Carries what the service assigned (new ids) into a draft edited meanwhile. */
  merge?: (draft: T, sent: T, saved: T) => T;
}

/**
 * One editable server value (the settings, the criteria list) with autosave. Saves go out one
 * after another in the order they were made, so a slow save never overwrites a newer one. A value
 * that changes on the server for another reason (a restored backup, demo data cleared) replaces
 * the draft, unless the user is typing at that moment.
 */
export function useSyncedDraft<T>(options: SyncedDraftOptions<T>): SyncedDraft<T> {
  const { key, argument, server } = options;
  const [draft, setDraft] = useState<T>();
  const [seen, setSeen] = useState<T>();
  const [lastKnown, setLastKnown] = useState<string | null>(null);
  const [errors, setErrors] = useState<PathErrors>(NO_ERRORS);
  const [recovered, setRecovered] = useState<{ value: T } | null>(null);
  const [replaced, setReplaced] = useState(0);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });

  const save = useCallback(
    (value: T): Promise<void> => {
      const run = async () => {
        try {
          const saved = await optionsRef.current.save(value);
          setLastKnown(JSON.stringify(saved));
          setErrors(NO_ERRORS);
          const merge = optionsRef.current.merge;
          if (merge) setDraft((d) => (d === undefined ? d : merge(d, value, saved)));
        } catch (err) {
          setErrors(errorsByPath(err, argument));
          throw err;
        }
      };
      const next = chain.current.then(run, run);
      chain.current = next.catch(() => undefined);
      return next;
    },
    [argument],
  );

  const { state, change, flush: flushNow, restore } = useAutosave<T>(key, save);

  // A new server value is taken in during render (React's "adjust state on a prop change"), so the
  // screen never shows a stale draft for a frame.
  if (server !== undefined && server !== seen) {
    setSeen(server);
    const serverJson = JSON.stringify(server);
    if (draft === undefined) {
      setLastKnown(serverJson);
      const unsaved = restore();
      if (unsaved !== undefined && JSON.stringify(unsaved) !== serverJson) {
        // A draft an earlier visit could not save (window closed, host away): save it again.
        setDraft(unsaved);
        setRecovered({ value: unsaved });
      } else {
        setDraft(server);
      }
    } else if (serverJson !== lastKnown && state.kind !== 'pending' && state.kind !== 'saving') {
      setLastKnown(serverJson);
      setErrors(NO_ERRORS);
      setDraft(server);
      setReplaced((n) => n + 1);
    }
  }

  useEffect(() => {
    if (recovered) change(recovered.value);
  }, [recovered, change]);

  useEffect(() => {
    // The server's value now wins: an old rejected draft must not come back on the next visit.
    if (replaced > 0) localStorage.removeItem(`pingyi.draft.${key}`);
  }, [replaced, key]);

  const editLocal = (update: (d: T) => T) => {
    if (draft !== undefined) setDraft(update(draft));
  };
  const editText = (update: (d: T) => T) => {
    if (draft === undefined) return;
    const next = update(draft);
    setDraft(next);
    change(next);
  };
  const editNow = (update: (d: T) => T) => {
    if (draft === undefined) return;
    const next = update(draft);
    setDraft(next);
    change(next);
    void flushNow();
  };
  const flush = () => void flushNow();

  return { draft, state, errors, recovered: recovered !== null, editText, editNow, editLocal, flush };
}
