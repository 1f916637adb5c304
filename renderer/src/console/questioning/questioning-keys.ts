import { useEffect, useRef } from 'react';
import { keyIsTaken } from '../shortcuts';

export type QuestioningKey = 'draw' | 'redraw' | 'undo' | 'answerTimer' | 'followUpTimer' | 'addMinute' | 'next';

/** The panel's own keys, listed on it; while it is mounted they win over the console's. */
export const QUESTIONING_SHORTCUTS: { key: string; label: string; action: QuestioningKey }[] = [
  { key: 'D', label: '抽取', action: 'draw' },
  { key: 'R', label: '重抽（需说明原因）', action: 'redraw' },
  { key: 'U', label: '撤销抽取（需说明原因）', action: 'undo' },
  { key: '空格', label: '答复计时 开始/暂停', action: 'answerTimer' },
  { key: 'F', label: '追问计时 开始/暂停', action: 'followUpTimer' },
  { key: '+', label: '大屏所示计时加1分钟', action: 'addMinute' },
  { key: 'N', label: '下一个问题', action: 'next' },
];

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
