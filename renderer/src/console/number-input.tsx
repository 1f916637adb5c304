import { useState } from 'react';

export interface NumberInputProps {
  id?: string;
  label?: string;
  value: number;
  min: number;
  max: number;
  onCommit: (value: number) => void;
  className?: string;
}

/**
 * A whole-number field that sends its value when the operator leaves it or presses Enter (not on
 * every keystroke: each commit is a durable write and a hall repaint). Esc puts back the value
 * the services hold; a new value from the services replaces the field unless it is being edited.
 */
export function NumberInput({ id, label, value, min, max, onCommit, className }: NumberInputProps) {
  // null while not being edited: the field then simply shows the services' value.
  const [draft, setDraft] = useState<string | null>(null);

  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    const n = Number(draft);
    if (draft.trim() === '' || !Number.isInteger(n) || n < min || n > max) return;
    if (n !== value) onCommit(n);
  };

  return (
    <input
      id={id}
      aria-label={label}
      className={className}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      value={draft ?? String(value)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}
