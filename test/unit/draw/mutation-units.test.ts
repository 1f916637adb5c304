import { describe, expect, it } from 'vitest';

/**
 * The small pieces of shared/draw, checked where a slip would go unnoticed elsewhere (found by
 * mutation testing, `npm run mutation`). The modules are imported inside the tests: a module that
 * fails while loading then fails a test here instead of only failing to load a test file, which a
 * mutation run would not count as a caught mutant.
 */

const draw = () => import('../../../shared/draw');

describe('the log schemas', () => {
  it('load, and read each kind of entry', async () => {
    const { drawLogEntrySchema } = await draw();
    const cancel = { type: 'cancel', id: 'dl_0002', at: '2026-10-28T01:00:00.000Z', drawId: 'dl_0001', kind: 'undo', reason: '误按抽取键' };
    const cycle = { type: 'new-cycle', id: 'dl_0003', at: '2026-10-28T01:01:00.000Z', scope: 'meeting', scopeId: 'mt_1', cycle: 2, reason: '开始第二轮' };
    expect(drawLogEntrySchema.parse(cancel)).toEqual(cancel);
    expect(drawLogEntrySchema.parse(cycle)).toEqual(cycle);
    expect(drawLogEntrySchema.safeParse({ ...cancel, reason: undefined }).success).toBe(false);
    expect(drawLogEntrySchema.safeParse({ ...cycle, cycle: 0 }).success).toBe(false);
  });

  it('an absent log is an empty one; anything but a list is refused in Chinese', async () => {
    const { drawLogSchema } = await draw();
    expect(drawLogSchema.parse(undefined)).toEqual([]);
    const r = drawLogSchema.safeParse({});
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(['抽取记录应为列表']);
  });
});

describe('a draw entry, field by field', () => {
  const entry = {
    type: 'draw',
    id: 'dl_0001',
    at: '2026-10-28T09:05:12+08:00',
    scope: 'evaluatee',
    scopeId: 'ee_a',
    cycle: 1,
    present: ['mb_m001', 'mb_m002'],
    candidates: [
      { memberId: 'mb_m001', name: '王建国' },
      { memberId: 'mb_m002', name: '李秀兰' },
    ],
    values: [4294967295, 1],
    index: 1,
    memberId: 'mb_m002',
    question: { bankIds: ['q1', 'q2'], values: [3], index: 1, questionId: 'q2' },
  };
  const messages = async (change: Record<string, unknown>) => {
    const { drawLogEntrySchema } = await draw();
    const r = drawLogEntrySchema.safeParse({ ...entry, ...change });
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('a sound entry reads back as written, with an empty excluded list by default', async () => {
    const { drawLogEntrySchema } = await draw();
    expect(drawLogEntrySchema.parse(entry)).toEqual({ ...entry, excluded: [] });
  });

  it('ids: letters, digits, _ and - only, the whole id', async () => {
    expect(await messages({ id: 5 })).toEqual(['记录编号不能为空']);
    for (const id of ['dl 0001', '第1条dl_0001', 'dl_0001。', 'x'.repeat(65)]) {
      expect(await messages({ id }), id).toEqual(['记录编号只能包含字母、数字、下划线和短横线，最长64位']);
    }
  });

  it('random values are whole numbers below 2^32, in a list', async () => {
    expect(await messages({ values: [2 ** 32] })).toEqual(['随机数应小于2^32']);
    expect(await messages({ values: ['1'] })).toEqual(['随机数应为数字']);
    expect(await messages({ values: 1 })).toEqual(['随机数应为列表']);
  });

  it('every list says it should be one', async () => {
    expect(await messages({ present: 'mb_m001' })).toEqual(['出席名单应为列表']);
    expect(await messages({ excluded: 'mb_m001' })).toEqual(['排除名单应为列表']);
    expect(await messages({ candidates: 'mb_m001' })).toEqual(['候选人应为列表']);
    expect(await messages({ question: { ...entry.question, bankIds: 'q1' } })).toEqual(['题库候选应为列表']);
  });

  it('an entry of no known type is named as such', async () => {
    expect(await messages({ type: 'edit' })).toEqual(['抽取记录类型应为抽取、撤销或新一轮']);
  });
});

describe('DrawError', () => {
  it('keeps every problem and joins them in the message', async () => {
    const { DrawError } = await draw();
    const e = new DrawError(['甲不在出席名单中', '乙重复出现']);
    expect(e.problems).toEqual(['甲不在出席名单中', '乙重复出现']);
    expect(e.message).toBe('甲不在出席名单中；乙重复出现');
    expect(new DrawError('一个问题').problems).toEqual(['一个问题']);
  });
});

describe('indexRoster', () => {
  it('finds each member by id', async () => {
    const { indexRoster } = await draw();
    const a = { id: 'mb_a', name: '甲', role: '委员' as const, rosterOrder: 1 };
    const b = { id: 'mb_b', name: '乙', role: '委员' as const, rosterOrder: 2 };
    const byId = indexRoster([a, b]);
    expect(byId.get('mb_b')).toBe(b);
    expect(byId.size).toBe(2);
  });
});

describe('pickIndexWithRange refuses what it cannot map, saying which', () => {
  it('a range that is not a whole number from 1 to 2^32', async () => {
    const { pickIndexWithRange } = await draw();
    expect(() => pickIndexWithRange(1, () => 0, 0)).toThrow('随机数取值范围无效：0');
    expect(() => pickIndexWithRange(1, () => 0, 2 ** 32 + 1)).toThrow('随机数取值范围无效');
    expect(() => pickIndexWithRange(1, () => 0, 2.5)).toThrow('随机数取值范围无效');
    expect(pickIndexWithRange(1, () => 0, 1)).toEqual({ index: 0, values: [0] });
  });

  it('a negative number of candidates', async () => {
    const { pickIndexWithRange } = await draw();
    expect(() => pickIndexWithRange(-1, () => 0, 256)).toThrow('候选人数无效：-1');
  });

  it('a value below 0 or not below the range', async () => {
    const { pickIndexWithRange } = await draw();
    expect(() => pickIndexWithRange(3, () => -1, 256)).toThrow('随机数无效：-1（应为0至255的整数）');
    expect(() => pickIndexWithRange(3, () => 256, 256)).toThrow('随机数无效：256（应为0至255的整数）');
    expect(() => pickIndexWithRange(3, () => 0.5, 256)).toThrow('随机数无效：0.5');
  });
});

describe('checkLoggedValues names what is wrong with the logged values', () => {
  it('no candidates, no values, a value out of range', async () => {
    const { checkLoggedValues } = await draw();
    expect(checkLoggedValues(0, [1])).toEqual({ ok: false, problem: '候选人名单为空' });
    expect(checkLoggedValues(3, [])).toEqual({ ok: false, problem: '没有记录随机数' });
    expect(checkLoggedValues(3, [2 ** 32])).toEqual({ ok: false, problem: '随机数无效：4294967296（应为0至4294967295的整数）' });
    expect(checkLoggedValues(3, [-1], 256)).toEqual({ ok: false, problem: '随机数无效：-1（应为0至255的整数）' });
    expect(checkLoggedValues(3, [255, 7], 256)).toEqual({ ok: true, index: 1 });
  });
});
