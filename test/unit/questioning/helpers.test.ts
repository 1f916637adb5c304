import { describe, expect, it } from 'vitest';
import { questioningKeyFor } from '../../../renderer/src/console/questioning/questioning-keys';
import { isNewerQuestioning, sameQuestioning } from '../../../renderer/src/console/questioning/use-questioning';
import type { QuestioningState } from '../../../shared/api/questioning-types';
import { shownIndex, stepsLeft } from '../../../renderer/src/hall/questioning/draw-timing';
import { DRAW_ANIMATION_MS, parsePastedQuestions } from '../../../shared/domain/questioning';

describe('the hall animation as a function of time', () => {
  it('lands on the drawn name at settleAt, whatever the candidate count', () => {
    for (const n of [1, 2, 7, 30]) {
      for (let drawn = 0; drawn < n; drawn++) expect(shownIndex(drawn, n, 0)).toBe(drawn);
      expect(shownIndex(n - 1, n, -500)).toBe(n - 1);
    }
  });

  it('slows down towards the end and never steps backwards', () => {
    let last = stepsLeft(DRAW_ANIMATION_MS);
    expect(last).toBeGreaterThan(60);
    const gaps: number[] = [];
    for (let ms = DRAW_ANIMATION_MS - 100; ms >= 0; ms -= 100) {
      const now = stepsLeft(ms);
      expect(now).toBeLessThanOrEqual(last);
      gaps.push(last - now);
      last = now;
    }
    // Several names a tenth of a second at first, at most one in the last tenth.
    expect(gaps[0]).toBeGreaterThan(4);
    expect(gaps.at(-1)).toBeLessThanOrEqual(1);
  });
});

describe('pasting questions one per line', () => {
  it('drops blank lines and list numbers, keeps the text', () => {
    expect(parsePastedQuestions('  1、第一问？\r\n2) 第二问？\n\n（十二）第三问？\n• 第四问？\n第五问：关于2024年的整改？')).toEqual([
      '第一问？',
      '第二问？',
      '第三问？',
      '第四问？',
      '第五问：关于2024年的整改？',
    ]);
    expect(parsePastedQuestions('\n \n')).toEqual([]);
  });
});

describe('the questioning panel keys', () => {
  it('map D R U Space F + N, and leave modified keys to the console', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}, code = '') => questioningKeyFor({ key: k, code, ctrlKey: false, metaKey: false, altKey: false, ...mods });
    expect(['d', 'R', 'u', ' ', 'f', '+', 'n'].map((k) => key(k))).toEqual(['draw', 'redraw', 'undo', 'answerTimer', 'followUpTimer', 'addMinute', 'next']);
    expect(key('Add', {}, 'NumpadAdd')).toBe('addMinute');
    expect(key('z', { ctrlKey: true })).toBeNull();
    expect(key('d', { metaKey: true })).toBeNull();
    for (const k of ['ArrowRight', 'PageDown', 'b', 't', 'a', 'e', 'Escape']) expect(key(k)).toBeNull();
  });
});

describe('the console panel takes a questioning state once', () => {
  const state = (over: Partial<QuestioningState>): QuestioningState =>
    ({ serverNow: 1000, rev: 5, meetingId: 'mt_aaaaaaaaaa', rehearsal: false, blockedBy: null, candidates: [], records: [], logTail: [], logCount: 3, ...over }) as unknown as QuestioningState;

  it('the call’s answer and the event of the same change are one picture: the second is not drawn again', () => {
    const shown = state({});
    const event = state({ serverNow: 1004 });
    expect(isNewerQuestioning(event, shown)).toBe(true);
    expect(sameQuestioning(event, shown)).toBe(true);
  });

  it('a change of content at the same rev (minutes typed) or a new rev is drawn', () => {
    const shown = state({});
    expect(sameQuestioning(state({ serverNow: 1004, logCount: 4 }), shown)).toBe(false);
    expect(sameQuestioning(state({ rev: 6 }), shown)).toBe(false);
    expect(sameQuestioning(state({}), null)).toBe(false);
  });
});
