import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../../shared/domain/meetings';
import { indexOfPosition, sequence, stepFrom } from '../../../shared/live/steps';

const agenda: AgendaItem[] = [
  { kind: 'report', id: 'ag_aaaaaaaaaa', evaluateeId: 'ee_aaaaaaaaaa', mode: 'report' },
  { kind: 'report', id: 'ag_bbbbbbbbbb', evaluateeId: 'ee_bbbbbbbbbb', mode: 'written' },
  { kind: 'vote', id: 'ag_cccccccccc', title: '测评', evaluateeIds: ['ee_aaaaaaaaaa', 'ee_bbbbbbbbbb'], voteKind: 'meeting', evaluationIds: [] },
];

describe('meeting steps', () => {
  it('orders opening, each item by its stages, closing', () => {
    expect(sequence(agenda)).toEqual([
      { itemIndex: -1, stage: 'opening' },
      { itemIndex: 0, stage: 'report' },
      { itemIndex: 0, stage: 'questioning' },
      { itemIndex: 1, stage: 'written' },
      { itemIndex: 2, stage: 'vote' },
      { itemIndex: 3, stage: 'closing' },
    ]);
  });
  it('moves forward and back and stops at the ends', () => {
    expect(stepFrom(agenda, { itemIndex: -1, stage: 'opening' }, -1)).toBeNull();
    expect(stepFrom(agenda, { itemIndex: 0, stage: 'questioning' }, 1)).toEqual({ itemIndex: 1, stage: 'written' });
    expect(stepFrom(agenda, { itemIndex: 3, stage: 'closing' }, 1)).toBeNull();
  });
  it('a position the agenda lost maps to the nearest earlier step', () => {
    // The item at index 1 became a written report while the console stood on its questioning stage.
    expect(indexOfPosition(agenda, { itemIndex: 1, stage: 'questioning' })).toBe(3);
  });
});
