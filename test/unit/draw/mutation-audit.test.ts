import { describe, expect, it } from 'vitest';
import {
  appendEntry,
  assertAppendOnly,
  currentDraw,
  drawMember,
  formatDrawTime,
  indexRoster,
  replayLog,
  viewLog,
  type DrawEntry,
  type DrawLog,
  type DrawLogEntry,
} from '../../../shared/draw';
import { appendDraw, memberId, minuteAt, roster, scriptedSource } from './support';

/**
 * What the replay audit and the append-only check must catch, each with the exact finding: the
 * cases a weaker audit would pass (found by mutation testing, `npm run mutation`).
 */

// 王建国 (the chair, excluded), 李秀兰, 张伟, 刘洋, 陈静, 杨帆: roster order 1–6.
const ROSTER = roster(6);
const BY_ID = indexRoster(ROSTER);
const m = memberId;
const PRESENT = [1, 2, 3, 4, 5, 6].map(m);
const at = minuteAt;

/**
 * Two draws in scope ee_a with known values: 张伟 (value 1 of 5 candidates) with question q1, then
 * 陈静 (value 2 of 4: 李秀兰, 刘洋, 陈静, 杨帆) with question q3 (value 1 of q2, q3).
 */
function baseLog(): DrawLog {
  const questions = ['q1', 'q2', 'q3'];
  return appendDraw(appendDraw([], [1, 0], [m(1)], questions), [2, 1], [m(1)], questions);
}

// Built inside the tests (not while the file is collected): a change that breaks the engine then
// fails a test, which a mutation run counts, instead of failing to load the file.
let built: DrawLog | undefined;
const base = (): DrawLog => (built ??= baseLog());

/** A copy to tamper with, as if the stored file had been edited. */
function copy(log: DrawLog = base()): DrawEntry[] {
  return JSON.parse(JSON.stringify(log)) as DrawEntry[];
}

const problems = (log: readonly unknown[], withRoster = true) => replayLog(log, withRoster ? BY_ID : undefined).problems;

describe('the base log', () => {
  it('is what the values say, and replays clean', () => {
    expect(base().map((e) => (e.type === 'draw' ? [e.memberId, e.question?.questionId] : null))).toEqual([
      [m(3), 'q1'],
      [m(5), 'q3'],
    ]);
    expect(replayLog(base(), BY_ID)).toMatchObject({ ok: true, problems: [], warnings: [] });
  });
});

describe('replay: the candidate list', () => {
  it('a member listed twice among the candidates is caught', () => {
    const t = copy();
    t[0]!.candidates.push(t[0]!.candidates[0]!);
    expect(problems(t)).toEqual(['第1次抽取（dl_0001）：候选人名单中李秀兰（mb_m002）重复出现']);
  });

  it('a member twice in the present or the excluded list is named from the roster', () => {
    const t = copy();
    t[0]!.excluded.push(m(1));
    expect(problems(t)).toEqual(['第1次抽取（dl_0001）：排除名单中王建国（mb_m001）重复出现']);
    expect(problems(t, false)).toEqual(['第1次抽取（dl_0001）：排除名单中mb_m001重复出现']);
    const p = copy();
    p[1]!.present = [m(1), m(2), m(2), m(3), m(4), m(5), m(6)];
    expect(problems(p)).toContain('第2次抽取（dl_0002）：出席名单中李秀兰（mb_m002）重复出现');
  });

  it('the name recorded at the draw is used, not the roster’s later one', () => {
    const renamed = new Map(BY_ID);
    renamed.set(m(2), { ...BY_ID.get(m(2))!, name: '李秀蘭' });
    const t = copy();
    t[0]!.present.push(m(2));
    expect(replayLog(t, renamed).problems).toContain('第1次抽取（dl_0001）：出席名单中李秀兰（mb_m002）重复出现');
  });

  it('a member already drawn in the cycle, listed again, is named with the draw that picked them', () => {
    const t = copy();
    t[1]!.candidates.splice(1, 0, { memberId: m(3), name: '张伟' });
    const found = problems(t);
    expect(found).toContain('第2次抽取（dl_0002）：候选人名单多列了张伟（mb_m003）（本轮已在第1次抽取（dl_0001）中被抽中）');
    // Extra or missing candidates are the finding; the order is not judged on top of them.
    expect(found.filter((p) => p.includes('候选人顺序'))).toEqual([]);
  });

  it('a missing candidate is not also reported as a wrong order', () => {
    const t = copy();
    t[1]!.candidates = t[1]!.candidates.filter((c) => c.memberId !== m(4));
    t[1]!.values = [1];
    t[1]!.index = 1;
    expect(problems(t)).toEqual(['第2次抽取（dl_0002）：候选人名单漏列了刘洋（mb_m004）（出席、未排除且本轮尚未提问）']);
  });

  it('two neighbours swapped is a wrong order, even when the rest is right', () => {
    const t = copy();
    const c = t[0]!.candidates;
    [c[3], c[4]] = [c[4]!, c[3]!];
    expect(problems(t)).toEqual(['第1次抽取（dl_0001）：候选人顺序与出席名单（名单顺序）不一致']);
  });
});

describe('replay: values, index and result', () => {
  it('values that do not check and an index that does not match the result are both named', () => {
    const t = copy();
    // 5 candidates: 4294967295 is rejected, so no value was accepted.
    t[0]!.values = [0xffffffff];
    t[0]!.memberId = m(4);
    expect(problems(t.slice(0, 1))).toEqual([
      '第1次抽取（dl_0001）：随机数核对不符：记录的1个随机数全部应被舍弃，没有被采用的随机数',
      '第1次抽取（dl_0001）：记录的序号1与结果刘洋（mb_m004）不对应',
    ]);
  });

  it('an index beyond the candidate list is a finding, not a crash', () => {
    const t = copy();
    t[0]!.values = [0xffffffff];
    t[0]!.index = 9;
    expect(problems(t)).toEqual([
      '第1次抽取（dl_0001）：随机数核对不符：记录的1个随机数全部应被舍弃，没有被采用的随机数',
      '第1次抽取（dl_0001）：记录的序号9与结果张伟（mb_m003）不对应',
    ]);
  });
});

describe('replay: the question draw', () => {
  it('a question already drawn, offered again, is caught', () => {
    const t = copy();
    t[1]!.question!.bankIds = ['q1', 'q3'];
    expect(problems(t)).toEqual(['第2次抽取（dl_0002）：题库候选包含已在第1次抽取（dl_0001）中抽出的问题q1']);
  });

  it('a wrong question index is caught', () => {
    const t = copy();
    t[1]!.question!.index = 0;
    expect(problems(t)).toEqual(['第2次抽取（dl_0002）：问题抽取的序号应为1，记录为0']);
  });

  it('question values that do not check, and a question listed twice, are caught', () => {
    const t = copy();
    t[1]!.question!.values = [1, 1];
    expect(problems(t)).toEqual(['第2次抽取（dl_0002）：问题抽取的随机数核对不符：第1个随机数已被采用，其后还记录了1个随机数']);
    const d = copy();
    d[1]!.question!.bankIds = ['q2', 'q3', 'q2'];
    expect(problems(d)).toContain('第2次抽取（dl_0002）：题库候选中问题q2重复出现');
  });

  it('cancelling a draw frees its member only if that draw still holds them', () => {
    // A forged second draw also claims 张伟; cancelling the first must leave 张伟 asked (by the second).
    const t = copy();
    t[1]!.memberId = m(3);
    const log: DrawLogEntry[] = [...t, { type: 'cancel', id: 'dl_0003', at: at(3), drawId: 'dl_0001', kind: 'undo', reason: '误按抽取键' }];
    expect(viewLog(log).asked('evaluatee', 'ee_a')).toEqual([m(3)]);
    expect(viewLog([...base(), log[2]!]).asked('evaluatee', 'ee_a')).toEqual([m(5)]);
    expect(viewLog(log).asked('evaluatee', 'ee_unknown')).toEqual([]);
  });

  it('cancelling a draw frees its question only if that draw still holds it', () => {
    // A forged second draw also claims q1; cancelling the first must leave q1 drawn (by the second).
    const t = copy();
    t[1]!.question = { bankIds: ['q1'], values: [0], index: 0, questionId: 'q1' };
    const log: DrawLogEntry[] = [...t, { type: 'cancel', id: 'dl_0003', at: at(3), drawId: 'dl_0001', kind: 'undo', reason: '误按抽取键' }];
    expect([...viewLog(log).drawnQuestionIds]).toEqual(['q1']);
    expect([...viewLog([...base(), log[2]!]).drawnQuestionIds]).toEqual(['q3']);
  });
});

describe('replay: entries that are not entries', () => {
  it('each malformed entry is named by its position or its draw number, and its id still counts', () => {
    const log: unknown[] = [
      ...copy(),
      undefined,
      '第三条',
      { type: 'cancel', id: 'dl_0005' },
      { type: 'draw', id: 'dl_0006' },
      { type: 'new-cycle', id: 'dl_0005', at: at(7), scope: 'evaluatee', scopeId: 'ee_a', cycle: 2, reason: '开始新一轮' },
    ];
    const r = replayLog(log, BY_ID);
    expect(r.problems.map((p) => p.replace(/：格式无效：.*/, '：格式无效'))).toEqual([
      '第3条记录：格式无效',
      '第4条记录：格式无效',
      '第5条记录：格式无效',
      '第3次抽取（dl_0006）：格式无效',
      '第7条记录（开始新一轮，dl_0005）：记录编号dl_0005已存在（抽取记录只能追加，不能修改）',
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.asked).toEqual([{ scope: 'evaluatee', scopeId: 'ee_a', cycle: 2, asked: [], byCycle: { 1: [m(3), m(5)] } }]);
  });

  it('a new cycle out of step is named with its position', () => {
    const log = [...copy(), { type: 'new-cycle', id: 'dl_0003', at: at(3), scope: 'evaluatee', scopeId: 'ee_a', cycle: 3, reason: '开始新一轮' }];
    expect(problems(log)).toEqual(['第3条记录（开始新一轮，dl_0003）：新一轮应为第二轮，记录为第三轮']);
  });

  it('draws are listed by their number even when a forged entry reuses an id', () => {
    const t = copy();
    const third = { ...t[1]!, id: 'dl_0001', at: at(2), scopeId: 'ee_b' };
    const log = [t[0]!, { ...t[1]!, id: 'dl_0002' }, third];
    expect(replayLog(log).draws.map((d) => d.ordinal)).toEqual([2, 3]);
    expect(viewLog(log).draws.map((d) => d.ordinal)).toEqual([2, 3]);
  });
});

describe('replay: warnings', () => {
  it('the present list out of today’s roster order is a warning; equal roster places are not', () => {
    const swapped = new Map(BY_ID);
    swapped.set(m(3), { ...BY_ID.get(m(3))!, rosterOrder: 2 });
    swapped.set(m(2), { ...BY_ID.get(m(2))!, rosterOrder: 3 });
    const r = replayLog(base(), swapped);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([
      '第1次抽取（dl_0001）：出席名单的顺序与当前组成人员名单顺序不一致（名单顺序可能在会后调整过）',
      '第2次抽取（dl_0002）：出席名单的顺序与当前组成人员名单顺序不一致（名单顺序可能在会后调整过）',
    ]);
    const tied = new Map(BY_ID);
    tied.set(m(3), { ...BY_ID.get(m(3))!, rosterOrder: 2 });
    expect(replayLog(base(), tied).warnings).toEqual([]);
  });

  it('an entry dated before the previous one is a warning, named once', () => {
    const t = copy();
    t[1]!.at = at(-5);
    expect(replayLog(t).warnings).toEqual(['第2次抽取（dl_0002）：时间早于上一条记录（本机时钟可能被调整过）']);
  });

  it('entries in order never warn about time, whatever their dates', () => {
    const t = copy();
    t[0]!.at = '1969-12-31T23:00:00.000Z';
    expect(replayLog(t).warnings).toEqual([]);
    t[1]!.at = '1969-12-31T23:30:00.000Z';
    expect(replayLog(t).warnings).toEqual([]);
    t[1]!.at = t[0]!.at;
    expect(replayLog(t).warnings).toEqual([]);
  });

  it('each entry is compared with the latest time seen so far, not only the one before', () => {
    // 10, then 5, then 7: the third is later than the second but still earlier than the first.
    const log = [...copy(), { type: 'new-cycle', id: 'dl_0003', at: at(7), scope: 'evaluatee', scopeId: 'ee_a', cycle: 2, reason: '开始新一轮' }];
    (log[0] as DrawEntry).at = at(10);
    (log[1] as DrawEntry).at = at(5);
    expect(replayLog(log).warnings).toEqual([
      '第2次抽取（dl_0002）：时间早于上一条记录（本机时钟可能被调整过）',
      '第3条记录（开始新一轮，dl_0003）：时间早于上一条记录（本机时钟可能被调整过）',
    ]);
  });

  it('a time that is not a date is printed as it was stored', () => {
    expect(formatDrawTime('不是时间')).toBe('不是时间');
  });
});

describe('a stored log is not judged again', () => {
  // The store parsed the log when it loaded it; an entry an older version wrote differently still
  // counts as it stands, so nobody it drew is drawn again.
  it('an earlier entry the schema would now refuse still counts when appending and viewing', () => {
    const t = copy();
    t[0]!.at = '2026-10-28 09:00';
    const log = t.slice(0, 1);
    expect(viewLog(log).asked('evaluatee', 'ee_a')).toEqual([m(3)]);
    const again = { ...t[1]!, id: 'dl_0002', candidates: [...t[1]!.candidates, { memberId: m(3), name: '张伟' }] };
    expect(() => appendEntry(log, again)).toThrow('候选人名单多列了张伟（mb_m003）');
  });
});

describe('drawMember', () => {
  it('draws no question and says nothing about questions when none were asked for', () => {
    const r = drawMember({ log: [], id: 'dl_0001', at: at(0), scope: 'meeting', scopeId: 'mt_1', roster: ROSTER, present: PRESENT, source: scriptedSource([0]) });
    expect(r.ok && { question: r.entry.question, note: r.questionNote, excluded: r.entry.excluded }).toEqual({ question: undefined, note: null, excluded: [] });
  });
});

describe('the current draw of a scope', () => {
  it('is looked up by scope and scope id together', () => {
    const t = copy();
    const log: DrawLog = [t[0]!, { ...t[1]!, scope: 'meeting', scopeId: 'ee_a' }];
    expect(currentDraw(log, 'evaluatee', 'ee_a')?.entry.id).toBe('dl_0001');
    expect(currentDraw(log, 'meeting', 'ee_a')?.entry.id).toBe('dl_0002');
    expect(currentDraw(log, 'meeting', 'mt_other')).toBeNull();
    expect(currentDraw(log, 'evaluatee', 'ee_b')).toBeNull();
  });
});

describe('append-only', () => {
  const entry = () => base()[0]!;
  
  it('the same entry re-saved with its keys in another order, or an absent field written as undefined, is unchanged', () => {
    const reordered = Object.fromEntries(Object.entries(entry()).reverse());
    expect(() => assertAppendOnly([entry()], [reordered])).not.toThrow();
    expect(() => assertAppendOnly([entry()], [{ ...entry(), note: undefined }])).not.toThrow();
  });

  it('a changed number, or a list turned into an object, is an edit', () => {
    expect(() => assertAppendOnly([entry()], [{ ...entry(), index: 2 }])).toThrow('抽取记录只能追加：第1条记录（dl_0001）被修改');
    expect(() => assertAppendOnly([entry()], [{ ...entry(), values: [2] }])).toThrow('被修改');
    expect(() => assertAppendOnly([entry()], [{ ...entry(), values: { 0: 1 } }])).toThrow('被修改');
  });

  it('a stored entry that was not an object is named, not a crash', () => {
    expect(() => assertAppendOnly([null], [entry()])).toThrow('抽取记录只能追加：第1条记录（undefined）被修改');
  });
});
