import { describe, expect, it } from 'vitest';
import { checkAppendOnly, frozenLog } from '../../../electron/services/questioning/append-only';
import { drawMember, nextEntryId, cancelDraw } from '../../../shared/draw';
import type { DrawLog } from '../../../shared/draw/log-schema';
import { roster, seededSource } from '../draw/support';

function logOf(draws: number): DrawLog {
  let log: DrawLog = [];
  const source = seededSource(7);
  const members = roster(10);
  for (let i = 0; i < draws; i++) {
    const r = drawMember({ log, id: nextEntryId(log), at: new Date(Date.UTC(2026, 9, 28, 1, i)).toISOString(), scope: 'evaluatee', scopeId: 'ee_test000001', roster: members, present: members.map((m) => m.id), source });
    if (!r.ok) throw new Error(r.message);
    log = r.log;
  }
  return log;
}

describe('the store-side append-only guard', () => {
  it('lets the log grow', () => {
    const draft = structuredClone(logOf(3)) as DrawLog;
    const before = frozenLog(draft);
    const after = cancelDraw({ log: draft, id: nextEntryId(draft), at: '2026-10-28T02:00:00.000Z', drawId: 'dl_0003', kind: 'undo', reason: '误触' });
    expect(() => checkAppendOnly(before, after)).not.toThrow();
  });

  it('makes an in-place edit of an earlier entry impossible', () => {
    const draft = structuredClone(logOf(2)) as DrawLog;
    frozenLog(draft);
    expect(() => {
      (draft[0] as { memberId: string }).memberId = 'mb_m001';
    }).toThrow(TypeError);
    expect(() => {
      (draft[0] as { values: number[] }).values.push(1);
    }).toThrow(TypeError);
  });

  it('refuses an edited copy, a removal or a reordering', () => {
    const draft = structuredClone(logOf(3)) as DrawLog;
    const before = frozenLog(draft);
    const edited = [{ ...draft[0]!, at: '2026-10-28T00:00:00.000Z' }, ...draft.slice(1)];
    expect(() => checkAppendOnly(before, edited)).toThrow(/第1条记录（dl_0001）被修改/);
    expect(() => checkAppendOnly(before, draft.slice(0, 2))).toThrow(/只能追加/);
    expect(() => checkAppendOnly(before, [draft[1]!, draft[0]!, draft[2]!])).toThrow(/被修改/);
  });
});
