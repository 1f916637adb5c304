import { describe, expect, it } from 'vitest';
import { ROUND_STATES, canTransition, isLocked, nextStates, transitionBlockers, type RoundState } from '../../../shared/vote';

const path: RoundState[] = ['prepared', 'open', 'closed', 'counting', 'checked', 'announced', 'amended'];

describe('round states', () => {
  it('the normal path, one step at a time', () => {
    for (let i = 0; i + 1 < path.length; i++) expect(canTransition(path[i]!, path[i + 1]!), `${path[i]} → ${path[i + 1]}`).toEqual({ ok: true });
    expect(canTransition('amended', 'amended')).toEqual({ ok: true });
  });

  it('every state but void can become void; void is final', () => {
    for (const s of ROUND_STATES) {
      if (s === 'void') continue;
      expect(canTransition(s, 'void').ok, s).toBe(true);
    }
    for (const s of ROUND_STATES) {
      const v = canTransition('void', s);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.reason).toContain('已作废');
    }
    expect(nextStates('void')).toEqual([]);
  });

  it('refuses to skip a step, naming the next one', () => {
    expect(canTransition('prepared', 'counting')).toEqual({
      ok: false,
      reason: '本轮测评处于“已准备”状态，不能直接变为“计票中”；下一步应为“投票中”',
    });
    expect(canTransition('counting', 'announced')).toEqual({
      ok: false,
      reason: '本轮测评处于“计票中”状态，不能直接变为“已公布”；下一步应为“已核对”',
    });
  });

  it('refuses to go back, except checked → counting before announcement', () => {
    expect(canTransition('checked', 'counting')).toEqual({ ok: true });
    const back = canTransition('counting', 'open');
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.reason).toContain('不能退回“投票中”');
    const toPrepared = canTransition('open', 'prepared');
    if (!toPrepared.ok) expect(toPrepared.reason).toContain('不能退回准备状态');
    expect(canTransition('open', 'open')).toEqual({ ok: false, reason: '本轮测评已处于“投票中”状态' });
  });

  it('announced is locked: only an amendment or voiding', () => {
    expect(isLocked('announced')).toBe(true);
    expect(isLocked('checked')).toBe(false);
    const v = canTransition('announced', 'counting');
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toContain('已公布并锁定');
  });
});

describe('guards', () => {
  it('no round opens without quorum, and issued is recorded when it opens', () => {
    expect(transitionBlockers('prepared', 'open', {})).toEqual(['不足法定人数，不能开始投票', '尚未登记发出票数']);
    expect(transitionBlockers('prepared', 'open', { quorumMet: false, issuedRecorded: true })).toEqual(['不足法定人数，不能开始投票']);
    expect(transitionBlockers('prepared', 'open', { quorumMet: true, issuedRecorded: true })).toEqual([]);
  });

  it('closing needs returned', () => {
    expect(transitionBlockers('open', 'closed', {})).toEqual(['尚未登记收回票数']);
    expect(transitionBlockers('open', 'closed', { returnedRecorded: true })).toEqual([]);
  });

  it('checked needs the hard checks to pass and, in double-count mode, the scrutineer', () => {
    expect(transitionBlockers('counting', 'checked', {})).toEqual(['尚未进行计票核对']);
    expect(transitionBlockers('counting', 'checked', { checkFailures: [{ message: '收回 29 张，多于发出 28 张' }] })).toEqual(['收回 29 张，多于发出 28 张']);
    expect(transitionBlockers('counting', 'checked', { checkFailures: [] })).toEqual([]);
    expect(transitionBlockers('counting', 'checked', { checkFailures: [], doubleCountMode: true })).toEqual(['两次计票尚未经监票人确认']);
    expect(transitionBlockers('counting', 'checked', { checkFailures: [], doubleCountMode: true, scrutineerConfirmed: true })).toEqual([]);
  });

  it('amending and voiding need a reason', () => {
    expect(transitionBlockers('announced', 'amended', { reason: '  ' })).toEqual(['更正已公布的结果须说明理由']);
    expect(transitionBlockers('announced', 'amended', { reason: '计票人误记李四不满意票数' })).toEqual([]);
    expect(transitionBlockers('closed', 'void', {})).toEqual(['作废本轮测评须说明理由']);
  });

  it('an order violation is reported before any guard', () => {
    expect(transitionBlockers('prepared', 'announced', { quorumMet: true })).toHaveLength(1);
  });
});
