import { useEffect, useState } from 'react';
import { useAutosave } from '../../ui/autosave';

/**
 * One stored research record (an activity, a finding) edited in place: the draft the card shows,
 * its autosave, and the stored record taking the draft's place when it changes (a save answered,
 * a restore) unless something typed is still on its way.
 */
export function useRecordDraft<R extends { updatedAt: string }, D>(key: string, record: R, draftOf: (record: R) => D, save: (value: D) => Promise<void>): { draft: D; setDraft(d: D): void; autosave: ReturnType<typeof useAutosave<D>> } {
  const [draft, setDraft] = useState<D>(() => draftOf(record));
  const autosave = useAutosave<D>(key, save);
  const busy = autosave.state.kind === 'pending' || autosave.state.kind === 'saving';
  useEffect(() => {
    if (!busy) setDraft(draftOf(record));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record.updatedAt]);
  return { draft, setDraft, autosave };
}
