import { describe, expect, it } from 'vitest';
import { ROUND_ACTION_LABELS, ROUND_STATES, ROUND_STATE_LABELS, canTransition, isLocked, nextStates, transitionBlockers } from '../../../shared/vote';

/**
 * What the round states must refuse, state by state: the cases a weaker check would let through
 * (found by mutation testing, `npm run mutation`).
 */

describe('round states: what can never happen', () => {
  it('no round goes back to prepared, whatever state it is in', () => {
    for (const from of ROUND_STATES) {
      const v = canTransition(from, 'prepared');
      expect(v.ok, from).toBe(false);
      if (from !== 'void' && from !== 'prepared') {
        expect(v).toEqual({ ok: false, reason: '已开始的测评不能退回准备状态；如需重新投票，请作废本轮并准备新的一轮' });
      }
    }
  });

  it('announced, amended and void are locked; nothing before announcement is', () => {
    expect(ROUND_STATES.filter(isLocked)).toEqual(['announced', 'amended', 'void']);
  });

  it('an amended round, like an announced one, can only be amended again or voided', () => {
    for (const from of ['announced', 'amended'] as const) {
      for (const to of ['open', 'closed', 'counting', 'checked'] as const) {
        expect(canTransition(from, to), `${from} → ${to}`).toEqual({
          ok: false,
          reason: '本轮测评结果已公布并锁定，只能更正（须说明理由）或作废，不能直接修改',
        });
      }
    }
    expect(canTransition('amended', 'announced').ok).toBe(false);
    expect(nextStates('amended')).toEqual(['amended', 'void']);
  });

  it('going back names the state it cannot return to; skipping ahead names the next step', () => {
    expect(canTransition('checked', 'open')).toEqual({
      ok: false,
      reason: '本轮测评处于“已核对”状态，不能退回“投票中”；下一步应为“已公布”或“计票中”',
    });
    expect(canTransition('open', 'checked')).toEqual({
      ok: false,
      reason: '本轮测评处于“投票中”状态，不能直接变为“已核对”；下一步应为“已收票”',
    });
  });

  it('every state has a label and an action word, for the console buttons', () => {
    for (const s of ROUND_STATES) {
      expect(ROUND_STATE_LABELS[s], s).toMatch(/^\S+$/);
      expect(ROUND_ACTION_LABELS[s], s).toMatch(/^\S+$/);
    }
  });
});

describe('round guards: a reason must be written, spaces are not one', () => {
  it('voiding with a reason goes through; with blanks only it is refused', () => {
    expect(transitionBlockers('closed', 'void', { reason: '收回票数多于发出票数' })).toEqual([]);
    expect(transitionBlockers('closed', 'void', { reason: ' \n ' })).toEqual(['作废本轮测评须说明理由']);
    expect(transitionBlockers('announced', 'amended', {})).toEqual(['更正已公布的结果须说明理由']);
  });

  it('steps without a guard need no facts', () => {
    expect(transitionBlockers('closed', 'counting', {})).toEqual([]);
    expect(transitionBlockers('checked', 'announced', {})).toEqual([]);
  });
});
