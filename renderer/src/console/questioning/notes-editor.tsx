import { useEffect, useId, useState } from 'react';
import { saveStateText, useAutosave } from '../../ui/autosave';

/**
 * The secretary's minutes of one question (答复与追问要点): saved within a second of the last
 * keystroke and at once on leaving the field, mirrored to the browser's storage until saved.
 * They go to the services and the desk's minutes, never to the hall.
 */
export function NotesEditor({
  recordId,
  notes,
  save,
  label = '询问记录（答复、追问要点）',
  rows = 7,
}: {
  recordId: string;
  notes: string;
  save: (notes: string) => Promise<void>;
  label?: string;
  rows?: number;
}) {
  const id = useId();
  const autosave = useAutosave<string>(`questioning.notes.${recordId}`, save);
  const [draft, setDraft] = useState(notes);
  const [focused, setFocused] = useState(false);
  const { change, restore, state } = autosave;

  // A draft left unsaved (the window closed mid-sentence) comes back and is saved.
  useEffect(() => {
    const kept = restore();
    if (kept !== undefined && kept !== notes) {
      setDraft(kept);
      change(kept);
    }
    // Once per record: later `notes` are this editor's own saves coming back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Notes changed elsewhere show when this field is not being edited (its own saves come back equal).
  const [seen, setSeen] = useState(notes);
  if (notes !== seen) {
    setSeen(notes);
    if (!focused && (state.kind === 'idle' || state.kind === 'saved')) setDraft(notes);
  }

  return (
    <div className="q-notes field">
      <label htmlFor={id}>
        {label}
        <span className={`q-save-state${state.kind === 'error' ? ' error' : ''}`} role="status" data-testid="notes-save-state">
          {saveStateText(state)}
        </span>
      </label>
      <textarea
        id={id}
        rows={rows}
        value={draft}
        maxLength={20000}
        placeholder="记录被询问人的答复要点、追问及答复……（不在大屏显示）"
        onFocus={() => setFocused(true)}
        onChange={(e) => {
          setDraft(e.target.value);
          change(e.target.value);
        }}
        onBlur={() => {
          setFocused(false);
          void autosave.flush();
        }}
      />
    </div>
  );
}
