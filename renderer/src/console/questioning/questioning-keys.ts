import { useEffect, useRef } from 'react';
import { keyIsTaken } from '../shortcuts';
import { QUESTIONING_KEYS, type QuestioningAction } from '../../../../shared/live/console-keys';

export type QuestioningKey = QuestioningAction;

/** The panel's own keys, listed on it (shared/live/console-keys.ts); while it is mounted they win over the console's. */
export const QUESTIONING_SHORTCUTS = QUESTIONING_KEYS;

export function questioningKeyFor(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey'>): QuestioningKey | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === ' ') return 'answerTimer';
  // The same key as the console's "+1 minute" for the report: here it is the question's timer.
  if (e.key === '+' || e.key === '=' || e.code === 'NumpadAdd') return 'addMinute';
  switch (e.key.toLowerCase()) {
    case 'd':
      return 'draw';
    case 'r':
      return 'redraw';
    case 'u':
      return 'undo';
    case 'f':
      return 'followUpTimer';
    case 'n':
      return 'next';
  }
  return null;
}

/**
 * The panel's keyboard, in the capture phase on window so it runs before the console's own
 * shortcuts (shortcuts.ts listens in the bubble phase): a key it handles is stopped there, so
 * Space drives the answer timer, not the report timer. Ignored while typing (the minutes!),
 * while a dialog is open and when held down, like the console's keys.
 */
export function useQuestioningKeys(run: (key: QuestioningKey) => void): void {
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (keyIsTaken(e)) return;
      const key = questioningKeyFor(e);
      if (!key) return;
      e.preventDefault();
      e.stopPropagation();
      if (!e.repeat) runRef.current(key);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
