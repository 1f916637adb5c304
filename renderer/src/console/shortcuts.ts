import { useEffect, useRef } from 'react';
import type { HallSlide } from '../../../shared/domain/live';
import { CONSOLE_KEYS, type KeyLine } from '../../../shared/live/console-keys';

export type ShortcutAction =
  | { kind: 'move'; to: 'next' | 'prev' }
  | { kind: 'undo' }
  | { kind: 'timerToggle' }
  | { kind: 'addMinute' }
  | { kind: 'slide'; slide: HallSlide }
  | { kind: 'blackToggle' };

/** The list shown on the console (快捷键), from shared/live/console-keys.ts. shortcutFor below acts on these keys: change both together. */
export const SHORTCUTS: readonly KeyLine[] = CONSOLE_KEYS;

/** Maps one key press to an action, or null. */
export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): ShortcutAction | null {
  const key = e.key;
  if ((e.ctrlKey || e.metaKey) && !e.altKey && key.toLowerCase() === 'z' && !e.shiftKey) return { kind: 'undo' };
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return { kind: 'move', to: 'next' };
    case 'ArrowLeft':
    case 'PageUp':
      return { kind: 'move', to: 'prev' };
    case ' ':
      return { kind: 'timerToggle' };
    case '+':
    case '=': // the same key without Shift on most keyboards
      return { kind: 'addMinute' };
    case 'Escape':
      return { kind: 'slide', slide: 'auto' };
  }
  if (e.code === 'NumpadAdd') return { kind: 'addMinute' };
  switch (key.toLowerCase()) {
    case 'b':
      return { kind: 'blackToggle' };
    case 't':
      return { kind: 'slide', slide: 'title' };
    case 'a':
      return { kind: 'slide', slide: 'attendance' };
    case 'e':
      return { kind: 'slide', slide: 'evaluatee' };
  }
  return null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}

/** A key no console shortcut may take: already handled, typed into a field, or pressed while a dialog is open. */
export function keyIsTaken(e: KeyboardEvent): boolean {
  return e.defaultPrevented || isTyping(e.target) || document.querySelector('[role="dialog"]') !== null;
}

/**
 * The console's keyboard. Keys are ignored while typing in a field, while a dialog is open (it
 * owns Esc and Enter) and when held down (a held arrow must not race through the agenda).
 * Space always means the timer, also when a button has focus: the operator's thumb must not
 * re-press whatever was clicked last (Enter still activates the focused button).
 */
export function useShortcuts(enabled: boolean, run: (action: ShortcutAction) => void): void {
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (keyIsTaken(e)) return;
      const action = shortcutFor(e);
      if (!action) return;
      e.preventDefault();
      if (e.repeat) return;
      runRef.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
